// The PostgreSQL backend's entry points for the CLI and the wiring: the ingest sink and db:migrate.
import type { Config } from '../../config/config.js';
import { AppError } from '../../errors/app-error.js';
import type { OpenSink } from '../sink.js';
import { connectionError, createPool, isConnectionFailure, type Pool } from './database.js';
import { migrate } from './migrate.js';
import { postgresIndexSink } from './sink.js';

function databaseUrlOf(config: Config): string {
  if (!config.databaseUrl) throw new AppError('CONFIG', '설정 오류: DATABASE_URL — INDEX_BACKEND=postgres에는 접속 주소가 필요합니다.');
  return config.databaseUrl;
}

/** Runs `work` on a pool of its own, closed afterwards; connection failures become one Korean line. */
async function withPool<T>(config: Config, work: (pool: Pool) => Promise<T>): Promise<T> {
  const url = databaseUrlOf(config);
  const pool = createPool(url, 2);
  try {
    return await work(pool);
  } catch (error) {
    throw isConnectionFailure(error) ? connectionError(url, error) : error;
  } finally {
    await pool.end();
  }
}

/**
 * `npm run ingest` with INDEX_BACKEND=postgres: `run` (the ingest orchestration, src/ingest/)
 * writes through the PostgreSQL sink, on a pool of its own closed afterwards.
 */
export function withPostgresSink<T>(config: Config, run: (sink: OpenSink) => Promise<T>): Promise<T> {
  return withPool(config, (pool) => run(postgresIndexSink(pool)));
}

/** `npm run db:migrate`: applies the pending migrations; returns their versions. */
export function migrateDatabase(config: Config): Promise<number[]> {
  return withPool(config, async (pool) => {
    const client = await pool.connect();
    try {
      return await migrate(client);
    } finally {
      client.release();
    }
  });
}
