// The IndexSink seam: where ingest (src/ingest/) writes what it reads, chunks and embeds.
// The orchestration decides what changed (content hashes) and makes the vectors; a sink
// stores them and makes the result live at once, or not at all. The local on-disk index
// is one sink (writer.ts); another backend adds its own opener, the orchestration unchanged.
import type { Article, Span } from '../domain/types.js';
import type { Embedder } from '../embed/embedder.js';
import type { IndexRecipe, SourceFileStat } from './format.js';

/** A chunk that needs a vector, with the key to store it under. */
export interface PendingChunk {
  key: number;
  span: Span;
}

export interface IndexSink {
  /**
   * Adds one article (articles arrive in corpus order, each id once) with its chunk spans.
   * Returns the chunks that need vectors: none when the stored article had the same content
   * hash and chunk count (its vectors are kept), every chunk otherwise.
   */
  addArticle(article: Article, hash: string, spans: readonly Span[]): Promise<PendingChunk[]>;
  /** Stores vectors for keys returned by addArticle: `vectors[i]` belongs to `keys[i]`. */
  addVectors(keys: readonly number[], vectors: readonly number[][]): Promise<void>;
  /**
   * Drops stored articles that were not added again, then makes everything added live in
   * one step. `sources` records the corpus files read, for the staleness check.
   */
  commit(sources: Readonly<Record<string, SourceFileStat>>): Promise<{ removed: number }>;
  /** Ends the run: an uncommitted one leaves the stored index as it was. Always called. */
  close(): Promise<void>;
}

export interface OpenSinkOptions {
  embedder: Pick<Embedder, 'id' | 'dimension'>;
  recipe: IndexRecipe;
  /** Start from nothing instead of updating the stored index. */
  rebuild: boolean;
  /** Told why the stored index could not be reused. */
  onNotice?: (message: string) => void;
}

/** Opens a sink for one ingest run, refusing (INDEX_LOCKED) while another run holds it. */
export type OpenSink = (options: OpenSinkOptions) => Promise<IndexSink>;
