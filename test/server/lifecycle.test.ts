// The real `serve` command as a child process: it ingests when the index is missing,
// reuses an unchanged index, rebuilds a corrupt one, and shuts down gracefully on SIGTERM
// while a slow streaming answer is in flight. Every wait is event-based and bounded.
import { Agent } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/domain/types.js';
import { FILES } from '../../src/index/format.js';
import { httpRequest } from '../support/fake-engine.js';
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai.js';
import {
  SEED_VENUE_SENTENCE,
  VENUE_QUESTION,
  makeTempCorpus,
  streamChat,
  venueAnswerText,
  type TempCorpus,
} from '../support/real-engine.js';
import { messages, startServe, stop, waitUntilReady } from './serve-child.js';

/** The contract: a SIGTERM ends the process within 5 s, in-flight requests included. */
const SHUTDOWN_BOUND_MS = 5_000;

const liveGeneration = async (corpus: TempCorpus) => (await readFile(join(corpus.indexDir, 'CURRENT'), 'utf8')).trim();

describe('serve as a child process', () => {
  let corpus: TempCorpus;
  let firstGeneration: string;

  beforeAll(async () => {
    corpus = await makeTempCorpus('lifecycle');
  });
  afterAll(() => corpus?.remove());

  it('ingests on the first start (no index), becomes ready, serves the page and exits 0 on SIGTERM', async () => {
    const serve = await startServe(corpus);
    expect(await waitUntilReady(serve)).toMatchObject({ status: 'ready', articles: 1 });
    const log = messages(serve);
    expect(log.some((message) => message.startsWith('색인이 없습니다'))).toBe(true);
    const summary = log.find((message) => message.startsWith('색인 완료'));
    expect(summary).toMatch(/기사 1개/);
    expect(summary).toMatch(/새로 임베딩 [1-9]\d*개/);

    const page = await httpRequest(`${serve.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('data-testid="question-input"');
    expect((await httpRequest(`${serve.url}/healthz`)).json()).toEqual({ status: 'ok' });

    firstGeneration = await liveGeneration(corpus);
    expect(firstGeneration).toMatch(/^gen-/);
    const stopped = await stop(serve);
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(SHUTDOWN_BOUND_MS);
  });

  it('reuses the index on a second start with an unchanged corpus: nothing is re-embedded', async () => {
    expect(firstGeneration).toBeDefined();
    const serve = await startServe(corpus);
    await waitUntilReady(serve);
    await serve.waitForLog((line) => line.msg === '색인 준비 완료', 'the ready line');
    const log = messages(serve);
    expect(
      log.filter((message) => message.includes('색인합니다') || message.startsWith('색인 완료') || message.includes('다시 만듭니다')),
    ).toEqual([]);
    expect(await liveGeneration(corpus)).toBe(firstGeneration);
    expect((await stop(serve)).code).toBe(0);
  });

  it('rebuilds a live generation whose lexical-docs.bin was corrupted, then serves from it', async () => {
    const file = join(corpus.indexDir, firstGeneration, FILES.docs);
    const bytes = await readFile(file);
    for (let i = 0; i < Math.min(bytes.length, 16); i++) bytes[i]! ^= 0xff;
    await writeFile(file, bytes);

    const serve = await startServe(corpus);
    await waitUntilReady(serve);
    const log = messages(serve);
    expect(log.some((message) => message.includes('손상') && message.includes('다시 만듭니다'))).toBe(true);
    expect(log.find((message) => message.startsWith('색인 완료'))).toMatch(/새로 임베딩 [1-9]\d*개/);
    expect(await liveGeneration(corpus)).not.toBe(firstGeneration);

    const search = await httpRequest(`${serve.url}/api/search?q=${encodeURIComponent('경주 예술의전당')}`);
    expect(search.status).toBe(200);
    const { results } = search.json() as { results: Array<{ text: string }> };
    expect(results.some((result) => result.text.includes('경주'))).toBe(true);
    expect((await stop(serve)).code).toBe(0);
  });

  describe('SIGTERM with a slow streaming answer in flight', () => {
    let fake: FakeOpenAI;
    beforeAll(async () => {
      fake = await startFakeOpenAI();
      // About one second of streaming: the venue sentence and a second one, in ~20 paced pieces.
      fake.setDefault((request: RecordedRequest) => {
        const text = venueAnswerText(request.body);
        return text ? { text, pieces: Math.ceil([...text].length / 20), pieceDelayMs: 50 } : { status: 500 };
      });
    });
    afterAll(() => fake?.close());

    it('lets the request finish, refuses new connections and exits 0 within 5 s', async () => {
      const serve = await startServe(corpus, { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.url, LLM_TIMEOUT_MS: '10000' });
      await waitUntilReady(serve);
      const stream = streamChat(serve.url, { question: VENUE_QUESTION });
      await stream.waitFor((event) => event.event === 'token');

      const started = performance.now();
      serve.child.kill('SIGTERM');
      await serve.waitForLog((line) => line.signal === 'SIGTERM', 'the shutdown line');
      // The listener is closed: a new connection (not a pooled one) fails while the stream goes on.
      // RESET covers a connect that raced into the backlog just before the listener closed.
      const fresh = new Agent({ keepAlive: false });
      await expect(httpRequest(`${serve.url}/healthz`, { agent: fresh })).rejects.toMatchObject({
        code: expect.stringMatching(/^ECONN(REFUSED|RESET)$/),
      });
      fresh.destroy();

      const events = await stream.finished;
      const done = events.at(-1)!;
      expect(done.event).toBe('done');
      const response = done.data as ChatResponse;
      expect(response.mode).toBe('openai');
      expect(response.answer.startsWith(`${SEED_VENUE_SENTENCE} [1].`)).toBe(true);
      expect(fake.chatRequests().at(-1)!.aborted).toBeUndefined();

      const { code, signal } = await serve.exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(performance.now() - started).toBeLessThan(SHUTDOWN_BOUND_MS);
    });
  });
});
