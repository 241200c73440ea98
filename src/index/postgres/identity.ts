// What an index was made with, stored in index_meta: the same identity the local manifest
// records, checked the same way (another embedder is refused, another recipe rebuilds).
import { AppError } from '../../errors/app-error.js';
import type { Bm25Params } from '../lexical.js';
import type { ChunkingParams, SourceFileStat } from '../format.js';
import type { HnswParams } from '../vectors.js';
import type { Queryable } from './database.js';

export interface IndexIdentity {
  embedderId: string;
  dimension: number;
  analyzer: string;
  chunking: ChunkingParams;
  bm25: Bm25Params;
  hnsw: Pick<HnswParams, 'm' | 'efConstruction'>;
}

/** The index_meta row as servers read it. */
export interface IndexState {
  embedderId: string;
  dimension: number;
  analyzer: string;
  chunking: ChunkingParams;
  bm25: Bm25Params;
  generation: number;
  chunkCount: number;
  totalLength: number;
  sources: Record<string, SourceFileStat>;
}

interface MetaRow {
  embedder_id: string;
  dimension: number;
  analyzer: string;
  chunking: ChunkingParams;
  bm25: Bm25Params;
  generation: number;
  chunk_count: number;
  total_length: number;
  sources: Record<string, SourceFileStat>;
}

/** The index's state, or undefined when no ingest has committed (or the schema is not there). */
export async function readIndexState(db: Queryable): Promise<IndexState | undefined> {
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass('index_meta') IS NOT NULL AS present");
  if (!exists.rows[0]?.present) return undefined;
  const { rows } = await db.query<MetaRow>('SELECT * FROM index_meta');
  const row = rows[0];
  if (!row) return undefined;
  return {
    embedderId: row.embedder_id,
    dimension: row.dimension,
    analyzer: row.analyzer,
    chunking: row.chunking,
    bm25: row.bm25,
    generation: row.generation,
    chunkCount: row.chunk_count,
    totalLength: row.total_length,
    sources: row.sources,
  };
}

/** The state of an index that this embedder can query; throws as loadIndex does otherwise. */
export async function requireIndexState(db: Queryable, embedderId: string): Promise<IndexState> {
  const state = await readIndexState(db);
  if (!state) throw new AppError('INDEX_MISSING', "PostgreSQL에 색인이 없습니다. 'npm run ingest'로 만드세요.");
  if (state.embedderId !== embedderId) {
    throw new AppError(
      'INDEX_INCOMPATIBLE',
      `색인은 임베더 ${state.embedderId}로 만들어졌지만 지금 설정은 ${embedderId}입니다. 'npm run ingest -- --rebuild'로 다시 만드세요.`,
    );
  }
  return state;
}

/** Flat parameter objects compared by value (jsonb reorders keys). */
function sameParams(a: object, b: object): boolean {
  const canonical = (value: object) => JSON.stringify(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/** Why a stored index cannot be updated in place by an ingest with `wanted`, or undefined. */
export function rebuildReason(state: IndexState, wanted: IndexIdentity): string | undefined {
  if (state.embedderId !== wanted.embedderId)
    return `색인은 임베더 ${state.embedderId}로 만들어졌지만 지금 설정은 ${wanted.embedderId}입니다 → 처음부터 다시 만듭니다.`;
  if (state.analyzer !== wanted.analyzer || !sameParams(state.chunking, wanted.chunking) || !sameParams(state.bm25, wanted.bm25)) {
    return '색인 설정(분석기·청크·BM25)이 바뀌어 처음부터 다시 만듭니다.';
  }
  return undefined;
}
