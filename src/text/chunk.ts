// Sentence-aligned chunking with exact offsets into the article text.
import type { Span } from '../domain/types.js';
import { startsSectionHeading } from './lines.js';
import { splitSentences } from './sentences.js';

export interface ChunkOptions {
  /** Soft upper bound on a chunk's length in characters. Default 500: about 3–5 Korean
   *  news sentences, small enough to cite precisely and large enough to keep context. */
  maxChars?: number;
  /** Sentences repeated at the start of the next chunk, so a fact split across a boundary
   *  is still found whole. Default 1. */
  overlapSentences?: number;
}

export interface ChunkSpan extends Span {
  /** Sentence spans inside this chunk, in article offsets. */
  sentences: Span[];
}

/** Splits one over-long sentence at spaces so no chunk exceeds maxChars by much. */
function splitLong(text: string, span: Span, maxChars: number): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    let cut = text.lastIndexOf(' ', start + maxChars);
    if (cut <= start) cut = start + maxChars;
    parts.push({ start, end: cut });
    start = cut;
    while (start < span.end && text[start] === ' ') start++;
  }
  if (start < span.end) parts.push({ start, end: span.end });
  return parts;
}

/** Whether sentences `from` to `to` (both there) span at most `maxChars`. */
function fits(sentences: Span[], from: number, to: number, maxChars: number): boolean {
  const first = sentences[from];
  const last = sentences[to];
  return first !== undefined && last !== undefined && last.end - first.start <= maxChars;
}

/**
 * Groups sentences into chunks of at most `maxChars` (a single longer sentence is cut
 * at spaces), each starting on a sentence boundary. Invariants, tested: every
 * non-space character of the text lies in some chunk, and chunk offsets are exact.
 */
export function chunkText(text: string, options: ChunkOptions = {}): ChunkSpan[] {
  const maxChars = options.maxChars ?? 500;
  const overlap = options.overlapSentences ?? 1;
  const sentences = splitSentences(text).flatMap((span) => (span.end - span.start > maxChars ? splitLong(text, span, maxChars) : [span]));
  const chunks: ChunkSpan[] = [];
  let first = 0;
  // A help page's section starts a chunk: its heading stays with the lines it names, which the ranker and
  // retrieval read together ("## 정전이 되었을 때" over its table).
  const startsSection = (i: number) => {
    const span = sentences[i];
    return span !== undefined && startsSectionHeading(text, span.start);
  };
  while (first < sentences.length) {
    let last = first;
    while (fits(sentences, first, last + 1, maxChars) && !startsSection(last + 1)) last++;
    const head = sentences[first];
    const tail = sentences[last];
    if (!head || !tail) break;
    chunks.push({ start: head.start, end: tail.end, sentences: sentences.slice(first, last + 1) });
    if (last + 1 >= sentences.length) break;
    // Step back `overlap` sentences, but always make progress, and only as far as still
    // leaves room for the next new sentence: a chunk holding nothing but overlap would
    // just repeat part of this one.
    let next = startsSection(last + 1) ? last + 1 : Math.max(last + 1 - overlap, first + 1);
    while (next <= last && !fits(sentences, next, last + 1, maxChars)) next++;
    first = next;
  }
  return chunks;
}
