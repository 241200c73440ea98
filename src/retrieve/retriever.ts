// The Retriever seam: a query in, scored chunks out (best first).
import type { Hit, SearchOptions } from '../domain/types.js';

export interface Retriever {
  search(query: string, options: SearchOptions): Promise<Hit[]>;
}
