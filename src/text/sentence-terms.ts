// Sentences of a passage with their analyzer terms, memoised. Reranking and answer
// extraction both look at every sentence of every retrieved chunk; the same chunks come
// back for related questions, so analysing each once is most of a query's saving.
import type { Span } from '../domain/types.js';
import { splitSentences } from './sentences.js';
import { analyze } from './tokens.js';

export interface AnalyzedSentence extends Span {
  terms: Set<string>;
}

/** Passages kept analysed; a few thousand chunks cover the working set of a busy server
 *  at a few MB, and the least recently used passage goes first. */
const CAPACITY = 4096;
const cache = new Map<string, AnalyzedSentence[]>();

/** Sentence spans of `text` (offsets into it) with the terms `analyze` gives each. */
export function analyzedSentences(text: string): AnalyzedSentence[] {
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const sentences = splitSentences(text).map((span) => ({ ...span, terms: new Set(analyze(text.slice(span.start, span.end))) }));
  cache.set(text, sentences);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return sentences;
}
