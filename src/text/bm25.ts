// BM25's inverse document frequency, the one formula the lexical index, the answer's
// sentence ranker and the grounding check share: a term's weight must mean the same in all.

/** BM25 IDF, the always-positive variant (Lucene's): log(1 + (N − df + 0.5) / (df + 0.5)). */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
