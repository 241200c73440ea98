// `npm run verify`: the answerers' grounding check as a tool. Each input line is an answer
// with [n] markers and the passages it was written from; each output line says, sentence
// by sentence, whether the cited passage supports it, and gives the answer as a user of
// this project would get it (unsupported sentences dropped, misattributed ones re-cited).
import { z } from 'zod';
import { appendMarker, markerNumbers, rewriteMarkers, splitAnswerSentences, stripMarkers } from '../answer/grounding.js';
import type { TermStatistics } from '../answer/grounding/check.js';
import { groundSentence, type GroundingPassage } from '../answer/grounding/ground.js';
import { errorMessage } from '../errors/app-error.js';

/** Longest input line accepted, in characters: a few passages and an answer fit many times over. */
const MAX_LINE_CHARS = 1_000_000;

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  passages: z
    .array(
      z.object({
        n: z.number().int().min(1),
        title: z.string(),
        text: z.string().min(1),
        date: z.string().optional(),
      }),
    )
    .min(1),
  answer: z.string(),
});

export type VerifyInput = z.infer<typeof inputSchema>;

interface VerifiedSentence {
  text: string;
  citations: number[];
  supported: boolean;
  recitedTo?: number;
  reason?: string;
}

interface VerifyResult {
  id: string | number;
  sentences: VerifiedSentence[];
  answer: string;
}

interface VerifyError {
  id?: string | number;
  error: { code: string; message: string };
}

interface VerifyOptions {
  terms?: TermStatistics;
}

/** Parses and validates one input line. */
export function parseVerifyLine(line: string): { input: VerifyInput } | VerifyError {
  if (line.length > MAX_LINE_CHARS) return { error: { code: 'LINE_TOO_LONG', message: `한 줄이 ${MAX_LINE_CHARS}자를 넘습니다` } };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: { code: 'INVALID_JSON', message: `JSON이 아닙니다: ${errorMessage(error)}` } };
  }
  const parsed = inputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const id =
      typeof json === 'object' && json !== null && 'id' in json && (typeof json.id === 'string' || typeof json.id === 'number')
        ? json.id
        : undefined;
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(전체)';
    return {
      ...(id !== undefined ? { id } : {}),
      error: { code: 'VALIDATION', message: `${where}: ${issue?.message ?? parsed.error.message}` },
    };
  }
  const numbers = parsed.data.passages.map((passage) => passage.n);
  if (new Set(numbers).size !== numbers.length)
    return { id: parsed.data.id, error: { code: 'VALIDATION', message: 'passages의 n이 중복됩니다' } };
  return { input: parsed.data };
}

/** Checks every sentence of one answer against its passages. */
export function verifyAnswer(input: VerifyInput, options: VerifyOptions = {}): VerifyResult {
  // Passages with the same title are taken as chunks of one article.
  const passages: GroundingPassage[] = input.passages.map((passage) => ({ ...passage, article: passage.title }));
  const sentences: VerifiedSentence[] = [];
  const kept: string[] = [];
  for (const sentence of splitAnswerSentences(input.answer)) {
    const body = stripMarkers(sentence.text);
    if (!/\p{L}/u.test(body)) continue; // stray markers or list numbering, not a claim
    const outcome = groundSentence(body, markerNumbers(sentence.text), passages, options);
    const entry: VerifiedSentence = { text: sentence.text, citations: sentence.markers, supported: outcome.status !== 'dropped' };
    if (outcome.status === 'recited') entry.recitedTo = outcome.recitedTo;
    if (outcome.status !== 'kept') entry.reason = outcome.reason;
    sentences.push(entry);
    if (outcome.status === 'kept') kept.push(rewriteMarkers(sentence.text, (n) => (outcome.cited.includes(n) ? n : undefined)));
    else if (outcome.status === 'recited') kept.push(appendMarker(body, outcome.recitedTo));
  }
  return { id: input.id, sentences, answer: kept.join(' ') };
}

/** A readable Korean report of one result. */
export function formatReport(result: VerifyResult | VerifyError, lineNumber: number): string {
  if ('error' in result)
    return `#${lineNumber}${result.id !== undefined ? ` (${result.id})` : ''}: 입력 오류 [${result.error.code}] ${result.error.message}`;
  const lines = [`#${lineNumber} (${result.id})`];
  for (const sentence of result.sentences) {
    const mark = !sentence.supported ? '✗ 뺌' : sentence.recitedTo !== undefined ? `↻ [${sentence.recitedTo}]로 바로잡음` : '✓ 근거 있음';
    lines.push(`  ${mark}  ${sentence.text}${sentence.reason ? `\n        이유: ${sentence.reason}` : ''}`);
  }
  const supported = result.sentences.filter((sentence) => sentence.supported).length;
  lines.push(`  → ${result.sentences.length}문장 중 ${supported}문장 유지`, `  최종 답변: ${result.answer || '(남은 문장 없음)'}`);
  return lines.join('\n');
}

/**
 * Reads JSON lines, writes one output per non-empty input line (a JSON line with `json`,
 * else a Korean report). A bad line yields an error entry and the rest go on. Returns
 * counts for the summary.
 */
export async function runVerify(
  lines: AsyncIterable<string>,
  write: (text: string) => void,
  options: VerifyOptions & { json?: boolean } = {},
): Promise<{ answers: number; errors: number; sentences: number; dropped: number; recited: number }> {
  const totals = { answers: 0, errors: 0, sentences: 0, dropped: 0, recited: 0 };
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = raw.trim();
    if (line === '') continue;
    const parsed = parseVerifyLine(line);
    let output: VerifyResult | VerifyError;
    if ('error' in parsed) {
      output = parsed;
      totals.errors++;
    } else {
      try {
        output = verifyAnswer(parsed.input, options);
        totals.answers++;
        totals.sentences += output.sentences.length;
        totals.dropped += output.sentences.filter((sentence) => !sentence.supported).length;
        totals.recited += output.sentences.filter((sentence) => sentence.recitedTo !== undefined).length;
      } catch (error) {
        output = { id: parsed.input.id, error: { code: 'INTERNAL', message: errorMessage(error) } };
        totals.errors++;
      }
    }
    write(options.json ? JSON.stringify(output) : formatReport(output, lineNumber));
  }
  return totals;
}
