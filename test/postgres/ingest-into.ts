// An ingest into the PostgreSQL index as `npm run ingest` runs one with INDEX_BACKEND=postgres:
// the orchestration of src/ingest/ writing through the PostgreSQL sink.
import { ingest, type IngestOptions, type IngestSummary } from '../../src/ingest/ingest.js';
import type { Pool } from '../../src/index/postgres/database.js';
import { postgresIndexSink } from '../../src/index/postgres/sink.js';

export function ingestInto(pool: Pool, options: Omit<IngestOptions, 'indexDir' | 'sink'>): Promise<IngestSummary> {
  // No local index folder is read or written: the sink names the store.
  return ingest({ ...options, indexDir: '', sink: postgresIndexSink(pool) });
}
