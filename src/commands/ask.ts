// `npm run ask -- "질문"`: one question answered in the terminal, as text or as /api/chat's JSON.
import { readFile } from 'node:fs/promises';
import type { ChatResponse } from '../domain/types.js';
import { LIMITS } from '../domain/limits.js';
import { AppError, errorMessage } from '../errors/app-error.js';
import { historySchema } from '../server/schemas.js';
import { openEngine } from '../wiring.js';
import { ensureEngine } from './ingest.js';
import { withConfig } from './load-config.js';
import { notice } from './output.js';

async function readHistory(file: string | undefined) {
  if (!file) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AppError('VALIDATION', `--history 파일을 읽을 수 없습니다: ${file} (${errorMessage(error)})`);
  }
  const result = historySchema.safeParse(parsed);
  if (!result.success) {
    throw new AppError(
      'VALIDATION',
      `--history 파일은 { "role": "user"|"assistant", "content": 문자열 } 배열(최대 ${LIMITS.historyTurns}개)이어야 합니다: ${file}`,
    );
  }
  return result.data;
}

/** The answer, the searched question when the rewrite changed it, the sources with their quotes, and the timings. */
function formatAnswer(question: string, response: ChatResponse): string {
  const lines = [response.answer, ''];
  if (response.question !== question) lines.splice(0, 0, `(검색한 질문: ${response.question})`, '');
  for (const citation of response.citations) {
    lines.push(`[${citation.n}] ${citation.title}${citation.date ? ` (${citation.date})` : ''}${citation.url ? ` ${citation.url}` : ''}`);
    lines.push(`    “${citation.quote}”`);
  }
  lines.push('', `${response.mode} · 검색 ${response.timings.retrievalMs}ms · 답변 ${response.timings.generationMs}ms`);
  return lines.join('\n');
}

export interface AskCommandOptions {
  json?: boolean;
  index?: string;
  history?: string;
}

export async function askCommand(words: string[], options: AskCommandOptions): Promise<void> {
  const config = withConfig(options.index ? { indexDir: options.index } : {});
  const question = words.join(' ').trim();
  if (!question || question.length > LIMITS.questionChars)
    throw new AppError('VALIDATION', `질문은 1~${LIMITS.questionChars}자여야 합니다.`);
  const history = await readHistory(options.history);
  const engine = options.index ? await openEngine(config) : await ensureEngine(config, notice);
  const response = await engine.pipeline.ask({ question, history });
  process.stdout.write(options.json ? `${JSON.stringify(response, null, 2)}\n` : `${formatAnswer(question, response)}\n`);
}
