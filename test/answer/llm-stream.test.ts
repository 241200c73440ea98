// Streaming limits of the LLM answerer, through the real OpenAI client against the fake
// server: a runaway answer is cut at the maximum length without blocking the event loop,
// and a sentence cited to the wrong passage is re-cited.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatModel } from '../../src/answer/chat-model.js';
import { DEFAULT_MAX_ANSWER_CHARS, createLlmAnswerer, type FallbackReason } from '../../src/answer/llm.js';
import { loadPrompts, type Prompts } from '../../src/answer/prompts.js';
import { requestSignal } from '../../src/errors/abort.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { EXTRACTIVE_RESULT, FESTIVAL, HITS, recordingFallback, run } from './fixtures.js';

/** The model's budget per answer (the pipeline's LLM_TIMEOUT_MS). */
const TIMEOUT_MS = 5_000;

let fake: FakeOpenAI;
let prompts: Prompts;
let fallback: ReturnType<typeof recordingFallback>;
let reasons: FallbackReason[];

beforeAll(async () => {
  fake = await startFakeOpenAI();
  prompts = await loadPrompts();
  // Warm up (lazy module loading, JIT) so the loop measurements see the answerer's steady work.
  fallback = recordingFallback();
  fake.reply('한빛전자는 세종시에 차세대 배터리 연구소를 세운다 [1].');
  await run(answerer(), { question: '한빛전자 연구소는 어디에 세우나?', hits: HITS });
});
afterAll(() => fake.close());
beforeEach(() => {
  fallback = recordingFallback();
  reasons = [];
});

const answerer = (maxAnswerChars?: number) =>
  createLlmAnswerer({
    ...(maxAnswerChars ? { maxAnswerChars } : {}),
    mode: 'openai',
    model: createChatModel({ provider: 'openai', baseUrl: fake.url, apiKey: 'test-key', model: 'fake-chat' }),
    prompts,
    fallback: fallback.answerer,
    onFallback: (reason) => reasons.push(reason),
  });

/** A health endpoint in this process, like the server's /healthz: it answers only when the loop is free. */
async function startHealth(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`, server };
}

describe('a runaway answer', () => {
  it('is cut at the maximum length; the loop stays free and /healthz answers meanwhile', async () => {
    // 1 MB of text with no sentence end, in 4 KB pieces (prepared here, so the fake server's
    // own cutting does not weigh on the loop being measured).
    const piece = '가나다라마바사아자차카타파하 '.repeat(274).slice(0, 4096);
    fake.reply({ pieces: new Array<string>(Math.ceil(1_000_000 / piece.length)).fill(piece) });
    const health = await startHealth();
    const latencies: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        const response = await fetch(health.url);
        expect(await response.json()).toEqual({ status: 'ok' });
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const { result } = await run(answerer(), {
      question: '한빛전자 연구소는 언제 문을 여나?',
      hits: HITS,
      signal: requestSignal(undefined, TIMEOUT_MS),
    });
    const elapsed = performance.now() - started;
    delay.disable();
    probing = false;
    await probe;
    health.server.close();

    expect(result).toEqual(EXTRACTIVE_RESULT);
    expect(reasons).toEqual(['too-long']);
    // The upstream stream is stopped, not read to its end.
    await vi.waitFor(() => expect(fake.chatRequests().at(-1)!.aborted).toBe(true));
    const maxDelayMs = delay.max / 1e6;
    console.info(
      `1 MB runaway stream: ${elapsed.toFixed(0)} ms, event loop max delay ${maxDelayMs.toFixed(1)} ms, /healthz max ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length} probes`,
    );
    // Generous bounds on a shared machine; the measured figures are printed above.
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
    expect(maxDelayMs).toBeLessThan(200);
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });

  it('streams a whole 1 MB with no sentence end in linear time, the loop free throughout (cap raised)', async () => {
    const piece = '가나다라마바사아자차카타파하 '.repeat(274).slice(0, 4096);
    fake.reply({ pieces: new Array<string>(Math.ceil(1_000_000 / piece.length)).fill(piece) });
    const health = await startHealth();
    const latencies: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        await (await fetch(health.url)).json();
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    // The cap sits just under 1 MB: every piece goes through the sentence splitter, and the cut drops the unfinished rest.
    const { result } = await run(answerer(1_000_000 - 1), {
      question: '한빛전자 연구소는 언제 문을 여나?',
      hits: HITS,
      signal: requestSignal(undefined, TIMEOUT_MS),
    });
    const elapsed = performance.now() - started;
    delay.disable();
    probing = false;
    await probe;
    health.server.close();

    // One giant unfinished "sentence" is never a grounded claim: the fallback answers.
    expect(result).toEqual(EXTRACTIVE_RESULT);
    expect(reasons).toEqual(['too-long']);
    const maxDelayMs = delay.max / 1e6;
    console.info(
      `1 MB streamed through: ${elapsed.toFixed(0)} ms, event loop max delay ${maxDelayMs.toFixed(1)} ms, /healthz max ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length} probes`,
    );
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
    expect(maxDelayMs).toBeLessThan(200);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });

  it('keeps the sentences checked before the cut', async () => {
    const good = '한빛전자는 세종시에 차세대 배터리 연구소를 세운다 [1]. 연구소는 내년 3월 문을 연다 [1]. ';
    fake.reply({ text: good + '그리고 '.repeat(2 * DEFAULT_MAX_ANSWER_CHARS), pieces: 64 });
    const { tokens, result } = await run(answerer(), { question: '한빛전자 연구소는 언제 문을 여나?', hits: HITS });
    expect(tokens.join('')).toBe(result.answer);
    expect(result.answer).toBe(good.trim());
    expect(result.grounding).toEqual({ sentences: 2, supported: 2, dropped: 0, truncated: true });
    expect(fallback.calls).toHaveLength(0);
  });
});

describe('re-citing', () => {
  it('moves a sentence to the given passage that supports it, and says so', async () => {
    fake.reply('축제는 10월 11일부터 강변공원에서 열린다 [1].');
    const { tokens, result } = await run(answerer(), { question: '축제는 어디서 열리나?', hits: HITS });
    expect(tokens.join('')).toBe(result.answer);
    expect(result.answer).toBe('축제는 10월 11일부터 강변공원에서 열린다 [1].');
    expect(result.citations.map((citation) => [citation.n, citation.articleId])).toEqual([[1, FESTIVAL.id]]);
    expect(result.grounding).toEqual({ sentences: 1, supported: 1, dropped: 0, recited: 1 });
  });
});
