// The database the PostgreSQL tests run against: a PGlite socket server of their own (in
// memory, on a free port), or, when TEST_DATABASE_URL is set, that server, in a schema of
// the test file's own so parallel test files do not meet.
//
// What the PGlite stand-in cannot show: real concurrent transactions. PGlite is a single
// backend; its socket server multiplexes connections by running one client's transaction
// at a time while the others wait, and all clients share one session (so session advisory
// locks are re-entrant across them and are not released when a client's connection drops).
// Readers blocking during an ingest's transaction and MVCC snapshots side by side are only
// exercised with TEST_DATABASE_URL pointing at a real PostgreSQL with pgvector.
import pg from 'pg';
import { startPgliteServer } from '../../src/index/postgres/pglite-server.js';

export interface TestDatabase {
  url: string;
  /** True on the PGlite stand-in (one session shared by every connection). */
  standIn: boolean;
  stop(): Promise<void>;
}

export async function startTestDatabase(name: string): Promise<TestDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  if (!external) {
    const server = await startPgliteServer({ maxConnections: 24 });
    return { url: server.url, standIn: true, stop: () => server.stop() };
  }
  const schema = `test_${name.replace(/\W/g, '_')}`;
  const admin = new pg.Client({ connectionString: external });
  await admin.connect();
  try {
    await admin.query('CREATE EXTENSION IF NOT EXISTS vector SCHEMA public');
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(external);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return { url: url.toString(), standIn: false, stop: async () => undefined };
}
