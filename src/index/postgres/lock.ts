// One ingest at a time per database: a session advisory lock, which PostgreSQL releases by
// itself when the holder's connection ends (a killed ingest leaves no lock behind).
import { AppError } from '../../errors/app-error.js';
import type { Client, Queryable } from './database.js';

/** First half of every advisory lock key of this application ("KNQ"). */
export const LOCK_NAMESPACE = 0x4b4e51;

/** Second half: per schema, so indexes in two schemas of one database do not lock each other. */
export async function lockKey(db: Queryable, purpose: 'ingest' | 'migrate'): Promise<number> {
  const { rows } = await db.query<{ key: number }>("SELECT hashtext(current_schema() || ':' || $1) AS key", [purpose]);
  return rows[0]?.key ?? 0;
}

// The pg_locks check refuses also when the holder shares our backend: PGlite (the test
// stand-in) serves every client from one session, in which advisory locks are re-entrant.
// On a real server it is a read before the atomic try; CASE keeps that order.
const TRY_LOCK = `SELECT CASE
  WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::int::oid AND objid = $2::int::oid AND objsubid = 2 AND granted) THEN NULL
  ELSE pg_try_advisory_lock($1::int, $2::int) END AS acquired,
  (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::int::oid AND objid = $2::int::oid AND objsubid = 2 AND granted LIMIT 1) AS holder`;

/** Takes the ingest lock on `client`'s session or throws INDEX_LOCKED; returns the release. */
export async function acquireIngestLock(client: Client): Promise<() => Promise<void>> {
  const key = await lockKey(client, 'ingest');
  const { rows } = await client.query<{ acquired: boolean | null; holder: number | null }>(TRY_LOCK, [LOCK_NAMESPACE, key]);
  const row = rows[0];
  if (row?.acquired !== true) {
    const holder = row?.holder ? ` (PostgreSQL 세션 pid ${row.holder})` : '';
    throw new AppError('INDEX_LOCKED', `다른 색인 작업이 이 데이터베이스에서 진행 중입니다${holder}. 끝난 뒤 다시 실행하세요.`);
  }
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1::int, $2::int)', [LOCK_NAMESPACE, key]).catch(() => undefined);
  };
}
