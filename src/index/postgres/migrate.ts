// Versioned schema migrations: numbered .sql files beside this module, each applied once in
// its own transaction and recorded in schema_migrations. Run by every ingest and by
// `npm run db:migrate`; concurrent runs serialise on a transaction advisory lock.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, errorMessage } from '../../errors/app-error.js';
import { inTransaction, type Client } from './database.js';
import { LOCK_NAMESPACE, lockKey } from './lock.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with this version, oldest first. Files are named `NNN-name.sql`. */
export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const match = /^(\d+)-(.+)\.sql$/.exec(file);
    if (!match?.[1] || !match[2]) continue;
    migrations.push({ version: Number(match[1]), name: match[2], sql: await readFile(join(dir, file), 'utf8') });
  }
  return migrations;
}

/** Applies the migrations not yet applied; returns their versions (empty when up to date). */
export async function migrate(client: Client, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await listMigrations());
  return inTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [LOCK_NAMESPACE, await lockKey(client, 'migrate')]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const newest = Math.max(0, ...all.map((migration) => migration.version));
    const ahead = [...done].filter((version) => version > newest);
    if (ahead.length > 0) {
      throw new AppError(
        'INDEX_INCOMPATIBLE',
        `데이터베이스 스키마(버전 ${Math.max(...ahead)})가 이 프로그램(버전 ${newest})보다 새롭습니다. 프로그램을 업데이트하세요.`,
      );
    }
    const applied: number[] = [];
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new AppError(
          'INGEST_FAILED',
          `마이그레이션 ${migration.version}-${migration.name} 실패: ${errorMessage(error)} (CREATE EXTENSION vector 권한이 필요합니다)`,
          { cause: error },
        );
      }
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
