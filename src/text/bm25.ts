// BM25's inverse document frequency, the one formula the lexical index, the answer's
// sentence ranker and the grounding check share: a term's weight must mean the same in all;
// and how many times a question's term counts, which both lexical indexes (memory, PostgreSQL) share.
import { shownCodes } from './codes.js';
import { codeTerm } from './tokens.js';

/** BM25 IDF, the always-positive variant (Lucene's): log(1 + (N − df + 0.5) / (df + 0.5)). */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** How many times a question's term counts in BM25 (the unit of its query frequency). A code the
 *  question says its device shows ("E2 떴어요": codes.ts) names the exact state asked about, yet as one
 *  term among a long question's many bigrams it weighed little: "식세기 화면에 E2 뜨고 멈춰버렸어요"
 *  found the app page, whose words it shares, before the error table. A model name (Q900) is no such
 *  state: pages about the product need not repeat it. Over all eval sets, weights 2 and 3 gained 3
 *  answers, 5 and 8 gained 4, none lost; KorQuAD (no shown codes) did not move. */
export const SHOWN_CODE_QUERY_WEIGHT = 5;

/** The weight of each of the question's terms that counts more than once (see above). */
export function queryTermWeights(query: string): (term: string) => number {
  const shown = new Set(shownCodes(query).map(codeTerm));
  return (term) => (shown.has(term) ? SHOWN_CODE_QUERY_WEIGHT : 1);
}
