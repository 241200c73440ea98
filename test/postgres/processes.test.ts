// Processes sharing one PostgreSQL index: an ingest killed with SIGKILL mid-write leaves the
// previous index answering identically, and two real `serve` processes (INDEX_BACKEND=postgres)
// answer alike and both answer from a new ingest without a restart. Every wait is on an event
// (a line printed, an exit, /readyz) and bounded.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { createPool, type Pool } from '../../src/index/postgres/database.js';
import { readIndexState } from '../../src/index/postgres/identity.js';
import { ingestInto } from './ingest-into.js';
import { ingestCorpus, openEngine } from '../../src/wiring.js';
import { httpRequest } from '../support/fake-engine.js';
import { makeTempCorpus, ROOT, VENUE_QUESTION, type TempCorpus } from '../support/real-engine.js';
import { CHUNKING, CORPUS } from '../retrieve/retriever-cases.js';
import { startServe, stop, waitForReadiness, waitUntilReady, type Serve } from '../server/serve-child.js';
import { startTestDatabase, type TestDatabase } from './database.js';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await startTestDatabase('processes');
  pool = createPool(database.url, 4);
});

afterAll(async () => {
  await pool.end();
  await database.stop();
});

// A connection per request: a kept-alive socket the server has just closed would reset.
const fresh = new Agent({ keepAlive: false });

const QUESTIONS = [
  '가온시가 투입하는 수소버스는 몇 대야?',
  '어린이 도서관에 비치된 그림책은 몇 권이야?',
  '폭우로 잠긴 도로는 몇 곳이야?',
  '오늘 비트코인 시세 알려줘',
];

describe('an ingest killed with SIGKILL', () => {
  it('leaves the previous index answering identically', async () => {
    const embedder = createLocalEmbedder();
    await ingestInto(pool, { source: CORPUS.map((article) => ({ article })), embedder, chunking: CHUNKING, rebuild: true });
    const config: Config = { ...loadConfig({}), indexBackend: 'postgres', databaseUrl: database.url };
    const engine = await openEngine(config);
    const answers = async () =>
      Promise.all(
        QUESTIONS.map(async (question) => ({
          hits: await engine.search(question, { k: 10 }),
          answer: await engine.pipeline.ask({ question }),
        })),
      );
    const strip = (results: Awaited<ReturnType<typeof answers>>) =>
      results.map(({ hits, answer }) => ({ hits, answer: { ...answer, timings: undefined } }));
    const before = strip(await answers());
    const state = await readIndexState(pool);

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/postgres/ingest-child.ts', '400', '300'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const stderr: string[] = [];
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.includes('"hanging"')) resolve();
      });
      void exited.then(() => reject(new Error(`the ingest child exited before it hung: ${stderr.join('')}`)));
    });
    // 299 articles are written inside the child's transaction by now (the writer flushes every 256 chunks).
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(strip(await answers())).toEqual(before);
    expect(await readIndexState(pool)).toEqual(state);
    expect((await pool.query("SELECT count(*)::int AS n FROM articles WHERE id LIKE 'generated-%'")).rows[0]).toEqual({ n: 0 });

    // A real server ends a dead session's advisory lock with its connection. The PGlite stand-in
    // keeps one session for every client, so the lock outlives the killed client there.
    if (database.standIn) await pool.query('SELECT pg_advisory_unlock_all()');
    await expect(ingestInto(pool, { source: CORPUS.map((article) => ({ article })), embedder, chunking: CHUNKING })).resolves.toMatchObject(
      { embedded: 0 },
    );
  });
});

describe('two servers on one database', () => {
  let corpus: TempCorpus;

  afterAll(async () => {
    await corpus.remove();
  });

  const ask = async (server: Serve, question: string) => {
    const response = await httpRequest(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
      agent: fresh,
    });
    expect(response.status).toBe(200);
    const body = response.json() as { timings?: unknown; answer: string; citations: Array<{ articleId: string }> };
    return { ...body, timings: undefined };
  };

  // One test: serve-child.ts stops the servers a test started when it ends.
  it('answer identically, serve the same articles, and answer from a new ingest without a restart', async () => {
    corpus = await makeTempCorpus('pg-serve');
    const config: Config = {
      ...loadConfig({}),
      corpusDir: corpus.corpusDir,
      indexDir: corpus.indexDir,
      indexBackend: 'postgres',
      databaseUrl: database.url,
    };
    await ingestCorpus(config, { rebuild: true });
    const env = { INDEX_BACKEND: 'postgres', DATABASE_URL: database.url };
    const servers = await Promise.all([startServe(corpus, env), startServe(corpus, env)]);
    await Promise.all(servers.map((server) => waitUntilReady(server)));

    for (const question of [VENUE_QUESTION, '오늘 비트코인 시세 알려줘', 'APEC CEO 서밋은 어디서 열렸어?']) {
      const [first, second] = await Promise.all(servers.map((server) => ask(server, question)));
      expect(second).toEqual(first);
    }
    const cited = (await ask(servers[0], VENUE_QUESTION)).citations[0]?.articleId ?? '';
    const articles = await Promise.all(
      servers.map((server) => httpRequest(`${server.url}/api/articles/${encodeURIComponent(cited)}`, { agent: fresh })),
    );
    expect(articles.map((response) => response.status)).toEqual([200, 200]);
    expect(articles[1]?.json()).toEqual(articles[0]?.json());
    const question = '해오름시 드론 배송은 몇 곳에서 시작해?';
    const before = await Promise.all(servers.map((server) => ask(server, question)));
    expect(before.map((answer) => answer.citations.some((citation) => citation.articleId === 'haeoreum-drone'))).toEqual([false, false]);
    await writeFile(
      join(corpus.corpusDir, 'haeoreum-drone.md'),
      [
        '---',
        'id: haeoreum-drone',
        'title: 해오름시, 드론 배송 시작',
        'date: 2025-11-25',
        'source: 해오름일보',
        '---',
        '',
        '해오름시는 다음 달부터 섬마을 12곳에서 드론 배송을 시작한다고 25일 밝혔다. 드론은 약과 생필품을 나른다.',
        '',
      ].join('\n'),
    );
    await ingestCorpus(config);
    const after = await Promise.all(servers.map((server) => ask(server, question)));
    expect(after[1]).toEqual(after[0]);
    expect(after[0]?.citations.some((citation) => citation.articleId === 'haeoreum-drone')).toBe(true);
    // The counts shown follow too, once each server notices the new generation.
    const count = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')).rows[0]?.n;
    for (const server of servers) await waitForReadiness(server, (body) => body.articles === count, `${count} articles`);
    await Promise.all(servers.map((server) => stop(server)));
  }, 90_000);
});
