// What the server and the CLI need from a loaded index: answering, searching, reading.
import type { Article, Hit, SearchFilters } from '../domain/types.js';
import type { RagPipeline } from './pipeline.js';

export interface Engine {
  pipeline: RagPipeline;
  /** Hybrid search over chunks, best first. */
  search(query: string, options: { k: number; filters?: SearchFilters }): Promise<Hit[]>;
  /** The stored article (an index in a database is read, not held: hence a promise). */
  getArticle(id: string): Promise<Article | undefined>;
  /** Counts shown by /readyz and logs. */
  stats(): { articles: number; chunks: number };
  /** Title and date of every loaded article (the welcome screen's example questions). */
  headlines(): Array<{ title: string; date?: string }>;
}
