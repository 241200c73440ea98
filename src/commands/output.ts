// What the commands share on the terminal: notices on stderr, results on stdout (and in a file).
import { writeFile } from 'node:fs/promises';
import { KORQUAD_ATTRIBUTION } from '../eval/korquad-data.js';

/** One line on stderr, where progress and notices go so stdout stays the result. */
export function notice(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A benchmark's result as JSON on stdout with the KorQuAD attribution, and in `out` when given. */
export async function printResult(result: unknown, out: string | undefined): Promise<void> {
  const json = JSON.stringify(result, null, 2);
  process.stdout.write(`${json}\n${KORQUAD_ATTRIBUTION}\n`);
  if (out) await writeFile(out, `${json}\n`);
}
