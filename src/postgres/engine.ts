// The engine on the PostgreSQL index. The server holds no index: every request reads one
// snapshot (a READ ONLY REPEATABLE READ transaction) for its searches and for the term
// statistics its answer weighs, so servers sharing the database answer alike and see a
// committed ingest at their next request. Fusion, rerank and answering are the local engine's.
import type { Config } from '../config/config.js';
import type { Article } from '../domain/types.js';
import type { AnsweringFactory } from '../rag/create-pipeline.js';
import type { Engine } from '../rag/engine.js';
import type { Embedder } from '../embed/embedder.js';
import type { Retriever } from '../retrieve/retriever.js';
import { createFusionRetriever } from '../retrieve/hybrid.js';
import { connectionError, createPool, inSnapshot, isConnectionFailure, type Pool } from '../index/postgres/database.js';
import { requireIndexState } from '../index/postgres/identity.js';
import { RequestSnapshot } from './request-snapshot.js';
import { postgresSource } from '../index/postgres/source.js';

/** Newest titles kept for the welcome screen's examples (it shows the newest few). */
const HEADLINES = 50;

/** One pool per DATABASE_URL in this process: engines re-opened on a new generation share it. */
const pools = new Map<string, Pool>();

export function sharedPool(databaseUrl: string): Pool {
  let pool = pools.get(databaseUrl);
  if (!pool) {
    pool = createPool(databaseUrl);
    pools.set(databaseUrl, pool);
  }
  return pool;
}

/** Hybrid retrieval on the PostgreSQL index, each search in a snapshot of its own. */
export function snapshotRetriever(pool: Pool, embedder: Embedder): Retriever {
  return {
    search: (query, options) =>
      inSnapshot(pool, async (client) =>
        createFusionRetriever(postgresSource(client, await requireIndexState(client, embedder.id)), embedder).search(query, options),
      ),
  };
}

interface PostgresEngine extends Engine {
  /** The index generation (index_meta.generation) the engine's cached counts belong to. */
  generation: number;
}

/** The engine on the PostgreSQL index at config.databaseUrl, answering as `answering` builds it. */
export async function openPostgresEngine(
  config: Config,
  deps: { embedder: Embedder; answering: AnsweringFactory },
): Promise<PostgresEngine> {
  const databaseUrl = config.databaseUrl ?? '';
  const pool = sharedPool(databaseUrl);
  const { embedder, answering } = deps;
  const opened = await inSnapshot(pool, async (client) => {
    const state = await requireIndexState(client, embedder.id);
    const articles = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    const headlines = await client.query<{ title: string; date: string | null }>(
      'SELECT title, date FROM articles ORDER BY date DESC NULLS LAST, title LIMIT $1',
      [HEADLINES],
    );
    return {
      state,
      articles: articles.rows[0]?.n ?? 0,
      headlines: headlines.rows.map(({ title, date }) => (date ? { title, date } : { title })),
    };
  }).catch((error: unknown) => {
    throw isConnectionFailure(error) ? connectionError(databaseUrl, error) : error;
  });
  const retriever = snapshotRetriever(pool, embedder);
  // A pipeline per request, on that request's snapshot, released before the answer is written.
  const requestPipeline = () => {
    const snapshot = new RequestSnapshot(pool, embedder);
    return { snapshot, pipeline: answering(snapshot.retriever, snapshot.lexicon, (answerer) => snapshot.releasingBefore(answerer)) };
  };
  return {
    generation: opened.state.generation,
    pipeline: {
      ask: async (request) => {
        const { snapshot, pipeline } = requestPipeline();
        try {
          return await pipeline.ask(request);
        } finally {
          await snapshot.release();
        }
      },
      askStream: async function* (request) {
        const { snapshot, pipeline } = requestPipeline();
        try {
          yield* pipeline.askStream(request);
        } finally {
          await snapshot.release();
        }
      },
    },
    search: (query, searchOptions) => retriever.search(query, searchOptions),
    getArticle: async (id) => {
      const { rows } = await pool.query<{ meta: Omit<Article, 'text'>; text: string }>('SELECT meta, text FROM articles WHERE id = $1', [
        id,
      ]);
      const row = rows[0];
      return row ? { ...row.meta, text: row.text } : undefined;
    },
    stats: () => ({ articles: opened.articles, chunks: opened.state.chunkCount }),
    headlines: () => opened.headlines,
  };
}
