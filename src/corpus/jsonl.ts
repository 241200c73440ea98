// `.jsonl` archives: one article per line, read as a stream so a 100k-line file is never
// held in memory. Each line stands alone: a bad one is reported, its neighbours are kept.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { type CorpusEncoding, decodeStream, sniffEncoding } from './decode.js';
import { type ArticleDraft, type Outcome, describeIssue, draftOf, fail, isRecord, optionalDate } from './fields.js';

/** Bytes read up front to detect the encoding (default 64 KiB: plenty for a few Korean lines). */
const SNIFF_BYTES = 64 * 1024;

// `null` is accepted for optional fields: exports from databases write missing values that way.
const JsonlArticle = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  title: z.string().trim().min(1),
  date: z.string().nullish(),
  source: z.string().nullish(),
  url: z.string().nullish(),
  tags: z.union([z.array(z.string()), z.string()]).nullish(),
  text: z.string().trim().min(1),
});

/** Parses one non-blank JSONL line. */
export function parseJsonlLine(line: string): Outcome<ArticleDraft> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('JSON 형식 오류');
  }
  if (!isRecord(value)) return fail('JSON 객체가 아님');
  const parsed = JsonlArticle.safeParse(value);
  if (!parsed.success) return fail(describeIssue(parsed.error.issues[0], value));
  return draftOf(parsed.data, optionalDate(parsed.data.date));
}

/** Detects a file's encoding from its head; undefined for binary or unknown encodings. */
export async function sniffFileEncoding(path: string): Promise<{ encoding?: CorpusEncoding; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sample = head.subarray(0, bytesRead);
    return { encoding: bytesRead === 0 ? undefined : sniffEncoding(sample, bytesRead >= size), size };
  } finally {
    await handle.close();
  }
}

/** The lines of a text file, decoded as a stream (readline handles CRLF). */
export async function* readLines(path: string, encoding: CorpusEncoding): AsyncGenerator<string> {
  const bytes = createReadStream(path);
  const input = Readable.from(decodeStream(bytes, encoding));
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* lines;
  } finally {
    // Also runs when the consumer stops early: release the file handle now, not at GC.
    lines.close();
    input.destroy();
    bytes.destroy();
  }
}
