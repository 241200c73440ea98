// Sentences of a passage with their analyzer terms. Reranking and answer extraction both look
// at every sentence of every retrieved chunk, and the same chunks come back for related
// questions, so each caller keeps an analyser that remembers recent passages: analysing each
// passage once is most of a query's saving.
import type { Span } from '../domain/types.js';
import { createRecentCache } from './recent-cache.js';
import { splitSentences } from './sentences.js';
import { analyze } from './tokens.js';

interface AnalyzedSentence extends Span {
  terms: Set<string>;
}

/** Sentence spans of `text` (offsets into it) with the terms `analyze` gives each, without compound
 *  terms: only BM25 reads those, and its index has them. */
export function analyzeSentences(text: string): AnalyzedSentence[] {
  return splitSentences(text).map((span) => ({
    ...span,
    terms: new Set(analyze(text.slice(span.start, span.end), { joinCompounds: false })),
  }));
}

/** Passages kept analysed; a few thousand chunks cover the working set of a busy server
 *  at a few MB, and the least recently used passage goes first. */
const DEFAULT_CAPACITY = 4096;

/** `analyzeSentences` remembering the `capacity` most recently used passages (callers must not
 *  change the arrays it returns: the next caller gets the same ones). */
export function createSentenceAnalyzer(capacity = DEFAULT_CAPACITY): (text: string) => AnalyzedSentence[] {
  const cache = createRecentCache<AnalyzedSentence[]>(capacity);
  return (text) => cache.get(text, () => analyzeSentences(text));
}
