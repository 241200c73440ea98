// A PostgreSQL stand-in for tests and benchmarks where no server runs: PGlite (PostgreSQL
// compiled to WebAssembly) with pgvector, served on the real wire protocol over TCP so the
// application connects with `pg` exactly as to a PostgreSQL server. PGlite is one backend:
// the socket server multiplexes client connections over it, running one client's
// transaction at a time (others wait), so it cannot show real concurrent transactions.
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface PgliteServer {
  /** postgres://… for DATABASE_URL. */
  url: string;
  port: number;
  /** Bytes the database holds (pg_database_size). */
  databaseBytes(): Promise<number>;
  stop(): Promise<void>;
}

interface PgliteServerOptions {
  /** A folder to keep the database in; in memory when omitted. */
  dataDir?: string;
  /** Client connections served at once (pools of several processes). */
  maxConnections?: number;
  port?: number;
}

/** A fresh cluster with pgvector created, kept as a tarball: PGlite's initdb costs ~10 s in
 *  WebAssembly, loading the tarball ~2 s. Keyed by PGlite's version. */
async function templateFile(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest: unknown = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
  return join(tmpdir(), `korean-news-qa-pglite-${version}-vector.tar`);
}

async function template(): Promise<Blob> {
  const file = await templateFile();
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return new Blob([cached]);
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  const dump = await db.dumpDataDir('none');
  await db.close();
  // Written aside and renamed: parallel test workers never read half a file.
  const pending = `${file}.${randomUUID()}`;
  await writeFile(pending, Buffer.from(await dump.arrayBuffer()));
  await rename(pending, file);
  return dump;
}

export async function startPgliteServer(options: PgliteServerOptions = {}): Promise<PgliteServer> {
  const db = options.dataDir
    ? await PGlite.create({ dataDir: options.dataDir, extensions: { vector } })
    : await PGlite.create({ loadDataDir: await template(), extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: options.maxConnections ?? 32 });
  await server.start();
  // Resolved once listening: host:port, the port the system chose for port 0.
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    databaseBytes: async () =>
      Number((await db.query<{ bytes: number }>('SELECT pg_database_size(current_database())::float8 AS bytes')).rows[0]?.bytes ?? 0),
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
