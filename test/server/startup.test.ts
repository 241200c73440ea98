// Start-up as a state machine and zero-gap re-indexing, through the real `serve` command:
// a previous index is served (degraded, with the reason) when a rebuild or the embedding
// provider fails; a start with nothing to serve exits 1 with one line; a stale index is
// served at once while the new one is built; a CLI ingest, POST /api/admin/reindex and the
// corpus watcher swap in a new generation while every request keeps being answered.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest, postJson } from '../support/fake-engine.js';
import { startFakeOllama, type FakeOllama } from '../support/fake-ollama.js';
import { ROOT, SEED_ARTICLE_ID, VENUE_QUESTION, makeTempCorpus, type TempCorpus } from '../support/real-engine.js';
import { closedPort, messages, spawnServe, startServe, stop, waitForReadiness, waitUntilReady, type Serve } from './serve-child.js';

/** Issue 12's bound for a start that cannot serve. */
const FAILED_START_BOUND_MS = 30_000;
const API_KEY = 'startup-test-key';
const AUTH = { Authorization: `Bearer ${API_KEY}` };

/** An article written for these tests; its rare words find it and nothing else. */
// prettier-ignore
const OBSERVATORY = [
  '---', 'title: 한빛시 청소년 천문대 개관', 'date: 2025-11-02', 'source: 한빛일보', '---',
  '한빛시는 2일 한빛산 정상 부근에 청소년 천문대를 열었다고 밝혔다. 천문대에는 구경 60센티미터 반사망원경과 별자리 체험관이 들어섰다.', '',
  '관람은 화요일부터 일요일까지 오후 2시부터 밤 10시까지 가능하며 초등학생 단체는 미리 신청하면 야간 관측 수업을 들을 수 있다.',
].join('\n');
const OBSERVATORY_QUERY = '청소년 천문대 반사망원경';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function corpusFor(prefix: string): Promise<TempCorpus> {
  const corpus = await makeTempCorpus(prefix);
  cleanups.push(() => corpus.remove());
  return corpus;
}

const liveGeneration = async (corpus: TempCorpus) => (await readFile(join(corpus.indexDir, 'CURRENT'), 'utf8')).trim();

async function searchFinds(serve: Serve, query: string, text: string, headers: Record<string, string> = {}): Promise<boolean> {
  const response = await httpRequest(`${serve.url}/api/search?q=${encodeURIComponent(query)}`, { headers });
  expect(response.status).toBe(200);
  return (response.json() as { results: Array<{ text: string }> }).results.some((result) => result.text.includes(text));
}

/** Builds the corpus's index with a first `serve`, then stops it. */
async function buildFirst(corpus: TempCorpus, env: Record<string, string> = {}): Promise<string> {
  const first = await startServe(corpus, env);
  await waitUntilReady(first);
  expect((await stop(first)).code).toBe(0);
  return liveGeneration(corpus);
}

/** The lines a failed start wrote to stderr (Node's own warnings aside). */
const errorLines = (serve: Pick<Serve, 'stderr'>) =>
  serve.stderr
    .join('')
    .split('\n')
    .filter((line) => line.trim() && !/ExperimentalWarning|--trace-warnings/.test(line));

describe('a start that cannot serve exits non-zero with one line', () => {
  it('no index and an unreachable embedding provider: one line with host, model and the fix', async () => {
    const corpus = await corpusFor('startup-no-embedder');
    const port = await closedPort();
    const started = performance.now();
    const serve = spawnServe(corpus, {
      EMBEDDINGS_PROVIDER: 'ollama',
      OLLAMA_HOST: `http://127.0.0.1:${port}`,
      OLLAMA_EMBED_MODEL: 'bge-m3',
    });
    const { code } = await serve.exited;
    expect(code).toBe(1);
    expect(performance.now() - started).toBeLessThan(FAILED_START_BOUND_MS);
    const lines = errorLines(serve);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`http://127.0.0.1:${port}`);
    expect(lines[0]).toContain('bge-m3');
    expect(lines[0]).toContain('connection refused');
    expect(lines[0]).toContain("'ollama pull bge-m3'");
    expect(lines[0]).toContain('EMBEDDINGS_PROVIDER=local');
  });

  it('no index and an index folder that cannot be created: one line, exit 1', async () => {
    const corpus = await corpusFor('startup-no-folder');
    const blocker = join(corpus.root, 'not-a-folder');
    await writeFile(blocker, 'a file where the index folder should go');
    const serve = spawnServe({ corpusDir: corpus.corpusDir, indexDir: join(blocker, 'index') });
    const { code } = await serve.exited;
    expect(code).toBe(1);
    const lines = errorLines(serve);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^색인을 만들지 못해 서버를 시작할 수 없습니다: .*ENOTDIR/);
  });
});

describe('a previous index is served, degraded, when it cannot be rebuilt', () => {
  let fake: FakeOllama | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('serves the previous index when the embedding provider is gone, and /readyz says why', async () => {
    fake = await startFakeOllama();
    const corpus = await corpusFor('startup-embedder-gone');
    const env = { EMBEDDINGS_PROVIDER: 'ollama', OLLAMA_HOST: fake.url, OLLAMA_EMBED_MODEL: 'bge-m3', API_KEY };
    const first = await buildFirst(corpus, env);
    await writeFile(join(corpus.corpusDir, 'observatory.md'), OBSERVATORY);
    await fake.close();
    fake = undefined;

    const serve = await startServe(corpus, env);
    // Ready on the previous index first; degraded once the rebuild's provider check failed.
    expect(await waitUntilReady(serve, AUTH)).toMatchObject({ generation: first, articles: 1 });
    const ready = await waitForReadiness(serve, (body) => body.status === 'degraded', 'degraded', AUTH);
    expect(ready).toMatchObject({ generation: first, articles: 1 });
    expect(ready.reason).toContain(env.OLLAMA_HOST);
    expect(ready.reason).toContain("'ollama pull bge-m3'");
    expect(ready.reason).toContain('EMBEDDINGS_PROVIDER=local');
    // Serving: the previous index's articles are there.
    expect((await httpRequest(`${serve.url}/api/articles/${SEED_ARTICLE_ID}`, { headers: AUTH })).status).toBe(200);
    // The log line and /readyz come from one event, but on separate pipes: wait for the line, then count.
    const unreachable = '임베딩 서버에 연결하지 못했습니다';
    await serve.waitForLog((line) => (line.msg ?? '').startsWith(unreachable), 'the provider error');
    expect(messages(serve).filter((message) => message.startsWith(unreachable))).toHaveLength(1);
    expect(await liveGeneration(corpus)).toBe(first);
    expect((await stop(serve)).code).toBe(0);
  });

  it('serves the previous index when the rebuild fails, then POST /api/admin/reindex swaps in the new one', async () => {
    const corpus = await corpusFor('startup-rebuild-fails');
    const env = { API_KEY };
    const first = await buildFirst(corpus, env);
    await writeFile(join(corpus.corpusDir, 'observatory.md'), OBSERVATORY);
    // The lock's path taken by a folder: the build cannot take the lock (as with an index folder it cannot write).
    await mkdir(join(corpus.indexDir, 'ingest.lock'));

    const serve = await startServe(corpus, env);
    const ready = await waitUntilReady(serve, AUTH);
    expect(ready.generation).toBe(first);
    const degraded = await waitForReadiness(serve, (body) => body.status === 'degraded', 'degraded');
    expect(degraded.reason).toContain(`이전 색인(${first})으로 답합니다`);
    expect(degraded.reason).toContain('잠금');
    expect(await searchFinds(serve, OBSERVATORY_QUERY, '반사망원경', AUTH)).toBe(false);
    expect((await postJson(`${serve.url}/api/chat`, { question: VENUE_QUESTION }, AUTH)).status).toBe(200);

    await rm(join(corpus.indexDir, 'ingest.lock'), { recursive: true });
    expect((await httpRequest(`${serve.url}/api/admin/reindex`, { method: 'POST' })).status).toBe(401);
    const started = await httpRequest(`${serve.url}/api/admin/reindex`, { method: 'POST', headers: AUTH });
    expect(started.status).toBe(202);
    const after = await waitForReadiness(serve, (body) => body.generation !== first, 'the new generation', AUTH);
    expect(after).toMatchObject({ status: 'ready', articles: 2 });
    expect(after.generation).toBe(await liveGeneration(corpus));
    expect(await searchFinds(serve, OBSERVATORY_QUERY, '반사망원경', AUTH)).toBe(true);
    expect((await stop(serve)).code).toBe(0);
  });
});

/** Asks the venue question over and over until `done` resolves; every answer must be a 200. */
function keepAsking(serve: Serve, done: Promise<unknown>): Promise<{ requests: number; statuses: Map<number, number> }> {
  let finished = false;
  void done.finally(() => (finished = true));
  return (async () => {
    const statuses = new Map<number, number>();
    let requests = 0;
    while (!finished) {
      const response = await postJson(`${serve.url}/api/chat`, { question: VENUE_QUESTION });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      requests++;
    }
    return { requests, statuses };
  })();
}

describe('zero-gap re-indexing', () => {
  it('serves a stale index at once, answers throughout the rebuild, and swaps in the new generation', async () => {
    const corpus = await corpusFor('startup-stale');
    const first = await buildFirst(corpus);
    await writeFile(join(corpus.corpusDir, 'observatory.md'), OBSERVATORY);

    const serve = await startServe(corpus);
    const ready = await waitUntilReady(serve);
    expect(ready).toMatchObject({ status: 'ready', articles: 1, generation: first });
    const swapped = serve.waitForLog((line) => (line.msg ?? '').startsWith('새 색인으로 바꿨습니다'), 'the swap');
    const load = await keepAsking(serve, swapped);
    expect([...load.statuses.keys()]).toEqual([200]);
    expect(load.requests).toBeGreaterThan(0);
    expect(messages(serve).some((message) => message.includes('지금 색인으로 답하면서 새 색인을 만듭니다'))).toBe(true);
    const after = await waitUntilReady(serve);
    expect(after.articles).toBe(2);
    expect(after.generation).not.toBe(first);
    expect(await searchFinds(serve, OBSERVATORY_QUERY, '반사망원경')).toBe(true);
    expect((await stop(serve)).code).toBe(0);
  });

  it('picks up an index built by `npm run ingest` while it runs (CURRENT is watched), answering throughout', async () => {
    const corpus = await corpusFor('startup-cli-ingest');
    const serve = await startServe(corpus);
    const first = (await waitUntilReady(serve)).generation!;
    await writeFile(join(corpus.corpusDir, 'observatory.md'), OBSERVATORY);

    const ingest = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'ingest', '--json', '--corpus', corpus.corpusDir, '--index', corpus.indexDir],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const ingested = new Promise<number | null>((resolve) => ingest.once('exit', resolve));
    const adopted = serve.waitForLog((line) => (line.msg ?? '').startsWith('새 색인 세대를 불러왔습니다'), 'the adopted generation');
    const load = await keepAsking(serve, adopted);
    expect(await ingested).toBe(0);
    expect([...load.statuses.keys()]).toEqual([200]);
    const after = await waitUntilReady(serve);
    expect(after.generation).toBe(await liveGeneration(corpus));
    expect(after.generation).not.toBe(first);
    expect(after.articles).toBe(2);
    expect(await searchFinds(serve, OBSERVATORY_QUERY, '반사망원경')).toBe(true);
    expect((await stop(serve)).code).toBe(0);
  });

  it('with WATCH_CORPUS=1, re-indexes when a corpus file is added', async () => {
    const corpus = await corpusFor('startup-watch');
    const serve = await startServe(corpus, { WATCH_CORPUS: '1' });
    const first = (await waitUntilReady(serve)).generation!;
    const swapped = serve.waitForLog((line) => (line.msg ?? '').startsWith('새 색인으로 바꿨습니다'), 'the swap');
    await writeFile(join(corpus.corpusDir, 'observatory.md'), OBSERVATORY);
    await swapped;
    const after = await waitUntilReady(serve);
    expect(after.generation).not.toBe(first);
    expect(after.articles).toBe(2);
    expect(await searchFinds(serve, OBSERVATORY_QUERY, '반사망원경')).toBe(true);
    expect((await stop(serve)).code).toBe(0);
  });
});

describe('an unreachable chat model is named at start-up', () => {
  let fake: FakeOllama | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('connection refused: one start-up warning with host and model, degraded /readyz, fallback lines with the cause', async () => {
    const corpus = await corpusFor('startup-llm-refused');
    const host = `http://127.0.0.1:${await closedPort()}`;
    const serve = await startServe(corpus, {
      LLM_PROVIDER: 'ollama',
      OLLAMA_HOST: host,
      OLLAMA_CHAT_MODEL: 'exaone3.5:7.8b',
      API_KEY,
      LLM_TIMEOUT_MS: '5000',
    });
    const ready = await waitUntilReady(serve, AUTH);
    expect(ready.status).toBe('degraded');
    expect(ready.llm).toEqual({ provider: 'ollama', host, model: 'exaone3.5:7.8b', state: 'unreachable', cause: 'connection refused' });
    expect(ready.reason).toContain("'ollama pull exaone3.5:7.8b'");
    const warnings = serve.logs.filter((line) => (line.msg ?? '').startsWith('언어 모델에 연결하지 못해'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain(host);
    expect(warnings[0]!.msg).toContain('exaone3.5:7.8b');

    const answer = await postJson(`${serve.url}/api/chat`, { question: VENUE_QUESTION }, AUTH);
    expect(answer.status).toBe(200);
    expect((answer.json() as { mode: string }).mode).toBe('extractive');
    const fallback = await serve.waitForLog((line) => (line.msg ?? '').startsWith('LLM 답변 실패'), 'the fallback line');
    expect(fallback).toMatchObject({ cause: 'connection refused', host, model: 'exaone3.5:7.8b' });
    expect((await stop(serve)).code).toBe(0);
  });

  it('a model the server does not have: 404 model not found', async () => {
    fake = await startFakeOllama();
    const corpus = await corpusFor('startup-llm-missing');
    const serve = await startServe(corpus, { LLM_PROVIDER: 'ollama', OLLAMA_HOST: fake.url, OLLAMA_CHAT_MODEL: 'exaone3.5:7.8b', API_KEY });
    const ready = await waitUntilReady(serve, AUTH);
    expect(ready.llm).toMatchObject({ state: 'unreachable', cause: '404 model not found' });
    expect((await stop(serve)).code).toBe(0);
  });

  it('a model that is there: ready, llm ok, no warning', async () => {
    fake = await startFakeOllama();
    const corpus = await corpusFor('startup-llm-ok');
    const serve = await startServe(corpus, { LLM_PROVIDER: 'ollama', OLLAMA_HOST: fake.url, OLLAMA_CHAT_MODEL: 'fake', API_KEY });
    const ready = await waitUntilReady(serve, AUTH);
    expect(ready).toMatchObject({ status: 'ready', llm: { state: 'ok' } });
    expect(serve.logs.filter((line) => (line.msg ?? '').startsWith('언어 모델에 연결하지 못해'))).toEqual([]);
    expect((await stop(serve)).code).toBe(0);
  });
});
