// Connections to the PostgreSQL index: one pool per process, and the two transaction shapes
// the backend uses (a read-only snapshot per request, a read-write unit per ingest).
import pg from 'pg';
import { AppError, errorMessage } from '../../errors/app-error.js';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** Anything that runs a query: a pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

// bigint (int8) columns as numbers: counts and generations stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function createPool(databaseUrl: string, max = 10): Pool {
  // allowExitOnIdle: a CLI command ends when its work does, without closing the pool by hand.
  const pool = new pg.Pool({ connectionString: databaseUrl, max, application_name: 'korean-news-qa', allowExitOnIdle: true });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Errors that mean the server cannot be reached or refuses us (not a failed query). */
export function isConnectionFailure(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  // 28P01: bad password, 3D000: no such database, 28000: no such role.
  return typeof code === 'string' && ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000'].includes(code);
}

/** A connection error as one Korean line naming DATABASE_URL's host (never its password). */
export function connectionError(databaseUrl: string, error: unknown): AppError {
  let where = 'DATABASE_URL';
  try {
    const url = new URL(databaseUrl);
    where = `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    // Not a URL: name the variable only.
  }
  return new AppError(
    'INDEX_MISSING',
    `PostgreSQL(${where})에 연결할 수 없습니다: ${errorMessage(error)}. DATABASE_URL과 서버 상태를 확인하세요.`,
    { cause: error },
  );
}

/**
 * Runs `work` in one READ ONLY REPEATABLE READ transaction: every query of it reads the same
 * snapshot, so a request never mixes the index before and after a concurrent ingest.
 */
export async function inSnapshot<T>(pool: Pool, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Runs `work` in one read-write transaction on `client`: all of it commits, or none. */
export async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
