// The RetrievalSource seam: what hybrid retrieval (src/retrieve/hybrid.ts) needs from an index,
// whichever stores it. The local index (retrieve/hybrid.ts) and PostgreSQL (index/postgres/source.ts)
// each give one; fusion, rerank and ordering stay one code path above them.
import type { Hit, SearchFilters } from '../domain/types.js';
import type { Scored } from './top-k.js';

/** Candidate lists of one query, by chunk number (numbers order chunks as the index does). */
interface Candidates {
  /** BM25 scores, best first, ties by lower chunk number. */
  lexical: Scored[];
  /** Cosine similarities of the nearest chunk vectors; empty when no query vector was given. */
  vector: Scored[];
}

/**
 * What fusion needs from an index, whatever stores it (memory-mapped files or PostgreSQL):
 * fusion, rerank and ordering below are the one code path every backend shares.
 */
export interface RetrievalSource {
  /** Whether the index holds vectors (no query embedding is made otherwise). */
  hasVectors(): boolean | Promise<boolean>;
  /** The `wanted` best chunks of each list, the metadata filters applied before ranking. */
  candidates(query: string, wanted: number, filters: SearchFilters | undefined, vector: number[] | undefined): Promise<Candidates>;
  /** BM25 IDF of each term, as the lexical ranking weighs it. */
  idf(terms: string[]): Promise<Map<string, number>>;
  /** Hits for chunk numbers with their fused scores, in the order given. */
  hits(ranked: Array<[chunk: number, score: number]>): Promise<Hit[]>;
}
