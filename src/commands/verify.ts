// `verify`: checks answers read from stdin (JSON lines) against the articles they cite.
import { createInterface } from 'node:readline';
import type { TermStatistics } from '../answer/grounding/check.js';
import { loadIndex } from '../index/store.js';
import { createEmbedder } from '../wiring.js';
import { withConfig } from './load-config.js';

export async function verifyCommand(options: { json?: boolean; index?: string }): Promise<void> {
  const { runVerify } = await import('../verify/verify.js');
  let terms: TermStatistics | undefined;
  if (options.index) {
    terms = (await loadIndex(options.index, createEmbedder(withConfig()).id)).lexical;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const totals = await runVerify(lines, (text) => process.stdout.write(`${text}\n`), { json: options.json, ...(terms ? { terms } : {}) });
  if (!options.json)
    process.stdout.write(
      `\n답변 ${totals.answers}개, 문장 ${totals.sentences}개 중 뺌 ${totals.dropped}개, 출처 바로잡음 ${totals.recited}개, 입력 오류 ${totals.errors}개\n`,
    );
}
