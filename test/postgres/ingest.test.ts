// The PostgreSQL ingest: versioned migrations, incremental updates by content hash, the
// advisory lock, --strict and the embedder identity, against a database of this file's own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Article, CorpusItem } from '../../src/domain/types.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { currentGeneration, readManifest } from '../../src/index/generation.js';
import { createPool, type Pool } from '../../src/index/postgres/database.js';
import { readIndexState, requireIndexState } from '../../src/index/postgres/identity.js';
import { acquireIngestLock } from '../../src/index/postgres/lock.js';
import { listMigrations, migrate } from '../../src/index/postgres/migrate.js';
import { ingest } from '../../src/ingest/ingest.js';
import { snapshotRetriever } from '../../src/postgres/engine.js';
import { chunkText } from '../../src/text/chunk.js';
import { CHUNKING, CORPUS } from '../retrieve/retriever-cases.js';
import { startTestDatabase, type TestDatabase } from './database.js';
import { ingestInto } from './ingest-into.js';

let database: TestDatabase;
let pool: Pool;
const embedder = createLocalEmbedder();
const items = (articles: Article[]): CorpusItem[] => articles.map((article) => ({ article }));
const run = (
  articles: CorpusItem[],
  options: { rebuild?: boolean; strict?: boolean; embedder?: Embedder; onNotice?: (message: string) => void } = {},
) =>
  ingestInto(pool, {
    source: articles,
    embedder: options.embedder ?? embedder,
    chunking: CHUNKING,
    rebuild: options.rebuild,
    strict: options.strict,
    onNotice: options.onNotice,
  });
const count = async (table: string) => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;

beforeAll(async () => {
  database = await startTestDatabase('ingest');
  pool = createPool(database.url, 4);
});

afterAll(async () => {
  await pool.end();
  await database.stop();
});

describe('migrations', () => {
  it('apply once, record their versions, and are idempotent', async () => {
    const client = await pool.connect();
    try {
      const versions = (await listMigrations()).map((migration) => migration.version);
      expect(versions[0]).toBe(1);
      const first = await migrate(client);
      expect(await migrate(client)).toEqual([]);
      expect(await migrate(client)).toEqual([]);
      const recorded = (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
        (row) => row.version,
      );
      expect(recorded).toEqual(versions);
      expect(first.every((version) => versions.includes(version))).toBe(true);
      const tables = (
        await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('articles', 'chunks', 'terms', 'postings', 'index_meta')",
        )
      ).rows;
      expect(tables).toHaveLength(5);
    } finally {
      client.release();
    }
  });

  it('refuses a database migrated by a newer version', async () => {
    const client = await pool.connect();
    try {
      await expect(migrate(client, [{ version: 0, name: 'older', sql: 'SELECT 1' }])).rejects.toMatchObject({
        code: 'INDEX_INCOMPATIBLE',
        message: expect.stringContaining('프로그램을 업데이트하세요'),
      });
    } finally {
      client.release();
    }
  });
});

describe('ingest', () => {
  const changed = { ...CORPUS[0]!, text: `${CORPUS[0]!.text} 버스 정류장 30곳에는 실시간 안내판이 새로 달렸다.` };
  const added: Article = {
    id: 'gaon-park',
    title: '가온 호수공원 야간 개장',
    date: '2025-11-20',
    source: '가온일보',
    origin: 'test/gaon-park.md',
    text: '가온 호수공원이 20일부터 밤 10시까지 문을 연다. 산책로에는 조명 300개가 설치됐다.',
  };

  it('indexes a corpus, then re-embeds only what changed and removes what is gone', async () => {
    const first = await run(items(CORPUS), { rebuild: true });
    expect(first).toMatchObject({ articles: CORPUS.length, removed: 0 });
    expect(first.embedded).toBe(first.chunks);
    const generation = (await readIndexState(pool))?.generation ?? 0;

    const unchanged = await run(items(CORPUS));
    expect(unchanged).toMatchObject({ articles: CORPUS.length, chunks: first.chunks, embedded: 0, removed: 0 });

    const next = [changed, ...CORPUS.slice(1, -1), added];
    const second = await run(items(next));
    const changedChunks = (
      await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM chunks WHERE article_id IN ('gaon-bus', 'gaon-park')")
    ).rows[0]?.n;
    expect(second).toMatchObject({ articles: next.length, removed: 1, embedded: changedChunks });
    expect(await count('articles')).toBe(next.length);
    const state = await readIndexState(pool);
    expect(state?.generation).toBe(generation + 2);
    expect(state?.chunkCount).toBe(second.chunks);
    // Document frequencies equal a count over the postings after the deletes and inserts.
    const drift = await pool.query(
      'SELECT t.term FROM terms t LEFT JOIN (SELECT term_id, count(*)::int AS n FROM postings GROUP BY term_id) p ON p.term_id = t.id WHERE t.df <> coalesce(p.n, 0)',
    );
    expect(drift.rows).toEqual([]);
  });

  it('answers after an incremental ingest as the local index updated the same way does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pg-incremental-'));
    try {
      await ingest({ indexDir: dir, source: items(CORPUS), embedder, chunking: CHUNKING });
      await ingest({ indexDir: dir, source: items([changed, ...CORPUS.slice(1, -1), added]), embedder, chunking: CHUNKING });
      const { loadIndex } = await import('../../src/index/store.js');
      const { createHybridRetriever } = await import('../../src/retrieve/hybrid.js');
      const local = createHybridRetriever(await loadIndex(dir, embedder.id), embedder);
      const postgres = snapshotRetriever(pool, embedder);
      for (const query of ['가온시 버스 정류장 안내판', '호수공원 조명', '폭우 도로 침수', '가온 한울 축제 도서관 버스']) {
        const expected = (await local.search(query, { k: 10 })).map((hit) => hit.chunk.id);
        expect(
          (await postgres.search(query, { k: 10 })).map((hit) => hit.chunk.id),
          query,
        ).toEqual(expected);
      }
      // The content hashes are the local manifest's: the two backends agree on what changed.
      const generation = await currentGeneration(dir);
      if (!generation) throw new Error('the local ingest published no generation');
      const manifest = await readManifest(generation);
      const stored = (await pool.query<{ id: string; hash: string }>('SELECT id, hash FROM articles')).rows;
      expect(Object.fromEntries(stored.map((row) => [row.id, row.hash]))).toEqual(manifest.articles);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a second concurrent ingest with a Korean message, and runs once the first is done', async () => {
    const holder = await pool.connect();
    const release = await acquireIngestLock(holder);
    try {
      await expect(run(items(CORPUS))).rejects.toMatchObject({
        code: 'INDEX_LOCKED',
        message: expect.stringContaining('다른 색인 작업이 이 데이터베이스에서 진행 중입니다'),
      });
    } finally {
      await release();
      holder.release();
    }
    await expect(run(items(CORPUS))).resolves.toMatchObject({ articles: CORPUS.length });
  });

  it('leaves the index untouched when --strict fails', async () => {
    const before = await readIndexState(pool);
    const articles = await count('articles');
    const source: CorpusItem[] = [...items(CORPUS.slice(0, 2)), { skipped: { path: 'broken.md', reason: '제목이 없습니다' } }];
    await expect(run(source, { strict: true })).rejects.toMatchObject({
      code: 'INGEST_FAILED',
      message: expect.stringContaining('--strict'),
    });
    expect(await readIndexState(pool)).toEqual(before);
    expect(await count('articles')).toBe(articles);
  });

  it('refuses to serve another embedder, and rebuilds for it with a notice', async () => {
    const other: Embedder = {
      ...embedder,
      id: 'local:other-v1',
      dimension: async () => 8,
      embedDocuments: async (texts) => texts.map(() => [1, 0, 0, 0, 0, 0, 0, 0]),
      embedQuery: async () => [1, 0, 0, 0, 0, 0, 0, 0],
    };
    await expect(requireIndexState(pool, other.id)).rejects.toMatchObject({ code: 'INDEX_INCOMPATIBLE' });
    const notices: string[] = [];
    const summary = await run(items(CORPUS), { embedder: other, onNotice: (message) => notices.push(message) });
    expect(summary.embedded).toBe(summary.chunks);
    expect(notices.join('\n')).toContain('처음부터 다시 만듭니다');
    expect((await requireIndexState(pool, other.id)).dimension).toBe(8);
    await expect(requireIndexState(pool, embedder.id)).rejects.toMatchObject({ code: 'INDEX_INCOMPATIBLE' });
  });
});

describe('chunks of one article embedded in different batches', () => {
  // 30 articles of 4 sentences in chunks of at most 80 characters: more chunks than one
  // embedding batch (64), so batches end inside articles.
  const articles: Article[] = Array.from({ length: 30 }, (_, i) => ({
    id: `saebom-${i}`,
    title: `새봄동 소식 ${i}호`,
    origin: `generated/${i}.md`,
    text: [
      `새봄동 주민센터는 ${i + 1}일 주민 ${i * 3 + 10}명과 함께 골목 청소를 했다.`,
      `행사에는 자원봉사자 ${i + 5}명이 참여해 쓰레기 ${i * 2 + 7}포대를 치웠다.`,
      `주민센터는 다음 달 ${(i % 12) + 1}일에 같은 행사를 다시 연다고 밝혔다.`,
      `참가 신청은 주민센터 누리집에서 ${i + 2}일까지 받는다.`,
    ].join(' '),
  }));

  it('stores every vector with its own chunk, in reading order', async () => {
    const summary = await run(items(articles), { rebuild: true });
    const expected = articles.flatMap((article) =>
      chunkText(article.text, CHUNKING).map((span, index) => ({
        chunk: `${article.id}#${index}`,
        text: `${article.title}\n${article.text.slice(span.start, span.end)}`,
      })),
    );
    expect(expected.length).toBeGreaterThan(64);
    expect(summary).toMatchObject({ articles: articles.length, chunks: expected.length, embedded: expected.length });
    const { rows } = await pool.query<{ chunk: string; embedding: string }>(
      "SELECT article_id || '#' || idx AS chunk, embedding::text AS embedding FROM chunks ORDER BY id",
    );
    expect(rows.map((row) => row.chunk)).toEqual(expected.map((entry) => entry.chunk));
    const vectors = await embedder.embedDocuments(expected.map((entry) => entry.text));
    rows.forEach((row, i) => {
      const stored = z.array(z.number()).parse(JSON.parse(row.embedding));
      const wanted = vectors[i] ?? [];
      expect(stored, row.chunk).toHaveLength(wanted.length);
      // Stored as float4: equal to about 7 digits.
      expect(Math.max(...stored.map((value, d) => Math.abs(value - (wanted[d] ?? 0)))), row.chunk).toBeLessThan(1e-6);
    });
  });
});
