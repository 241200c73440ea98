// The shared Retriever case suite against the PostgreSQL backend, and the proof that it ranks
// as the local index does: identical hits (ids and order, scores to 1e-6) for the same corpus.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { ingest } from '../../src/ingest/ingest.js';
import { createPool, type Pool } from '../../src/index/postgres/database.js';
import { snapshotRetriever } from '../../src/postgres/engine.js';
import { ingestInto } from './ingest-into.js';
import { loadIndex } from '../../src/index/store.js';
import { createHybridRetriever } from '../../src/retrieve/hybrid.js';
import type { Retriever } from '../../src/retrieve/retriever.js';
import { CHUNKING, CORPUS, describeRetrieverCases } from '../retrieve/retriever-cases.js';
import { startTestDatabase, type TestDatabase } from './database.js';

describeRetrieverCases({
  name: 'postgres',
  async open(corpus, chunking) {
    const database = await startTestDatabase('retriever_cases');
    const pool = createPool(database.url, 4);
    const embedder = createLocalEmbedder();
    await ingestInto(pool, { source: corpus.map((article) => ({ article })), embedder, chunking });
    return {
      retriever: snapshotRetriever(pool, embedder),
      close: async () => {
        await pool.end();
        await database.stop();
      },
    };
  },
});

describe('postgres retrieval ranks as the local index does', () => {
  let database: TestDatabase;
  let pool: Pool;
  let dir: string;
  let local: Retriever;
  let postgres: Retriever;

  beforeAll(async () => {
    database = await startTestDatabase('retriever_parity');
    pool = createPool(database.url, 4);
    dir = await mkdtemp(join(tmpdir(), 'pg-parity-'));
    const embedder = createLocalEmbedder();
    const source = CORPUS.map((article) => ({ article }));
    await ingest({ indexDir: dir, source, embedder, chunking: CHUNKING });
    await ingestInto(pool, { source, embedder, chunking: CHUNKING });
    local = createHybridRetriever(await loadIndex(dir, embedder.id), embedder);
    postgres = snapshotRetriever(pool, embedder);
  });

  afterAll(async () => {
    await pool.end();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const ids = (hits: Awaited<ReturnType<Retriever['search']>>) => hits.map((hit) => hit.chunk.id);

  it.each([
    ['가온시가 투입하는 수소버스는 몇 대야?', {}],
    ['도서관 그림책 관장 낭독', {}],
    ['가온 한울 개교 개막 완공 투자 폭우 수소버스 도서관 주차장', {}],
    ['가온 한울 개교 개막 완공 투자 폭우', { source: '한울신문' }],
    ['가온 한울 축제 도서관 버스', { dateFrom: '2025-06-01', dateTo: '2025-10-31' }],
    ['10월에 무슨 일이 있었어?', {}],
    ['없는 낱말 조합 쿼크', {}],
  ])('%s %j', async (query, filters) => {
    const expected = await local.search(query, { k: 10, filters });
    const found = await postgres.search(query, { k: 10, filters });
    expect(ids(found)).toEqual(ids(expected));
    // Scores agree to 1e-6: pgvector computes the inner product in float4, hnswlib in its own order.
    expect(found).toEqual(expected.map((hit) => ({ ...hit, score: expect.closeTo(hit.score, 6) })));
  });
});
