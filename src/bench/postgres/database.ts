// The database a PostgreSQL benchmark runs against: DATABASE_URL when given, else a PGlite
// socket server started for the run (said in the output: PGlite is PostgreSQL in WebAssembly,
// one backend, so its figures are a floor for a real server's, not a measure of one).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPgliteServer, type PgliteServer } from '../../index/postgres/pglite-server.js';
import { createPool } from '../../index/postgres/database.js';

/** What every PostgreSQL benchmark takes: the KorQuAD file, a server (else PGlite) and a notice sink. */
export interface PostgresBenchOptions {
  data?: string;
  databaseUrl?: string;
  onNotice?: (message: string) => void;
}

interface BenchDatabase {
  url: string;
  /** What served the benchmark, for the output. */
  server: string;
  /** pg_database_size in MiB. */
  sizeMB(): Promise<number>;
  close(): Promise<void>;
}

export async function benchDatabase(databaseUrl: string | undefined, onNotice: (message: string) => void): Promise<BenchDatabase> {
  if (databaseUrl) {
    const sizeMB = async () => {
      const pool = createPool(databaseUrl, 1);
      try {
        const { rows } = await pool.query<{ bytes: number }>('SELECT pg_database_size(current_database())::float8 AS bytes');
        return Math.round((rows[0]?.bytes ?? 0) / 2 ** 20);
      } finally {
        await pool.end();
      }
    };
    return { url: databaseUrl, server: 'DATABASE_URL', sizeMB, close: async () => undefined };
  }
  // On disk, not in memory: a large index would otherwise sit in this process's heap.
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-pglite-'));
  const server: PgliteServer = await startPgliteServer({ dataDir, maxConnections: 64 });
  onNotice(`DATABASE_URL이 없어 PGlite(WebAssembly PostgreSQL + pgvector) 소켓 서버를 띄워 측정합니다: ${server.url}`);
  return {
    url: server.url,
    server: 'PGlite 0.5.14 (PostgreSQL 18 in WebAssembly, one backend) + pgvector 0.8.7, started by the benchmark',
    sizeMB: async () => Math.round((await server.databaseBytes()) / 2 ** 20),
    close: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
