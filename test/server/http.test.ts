// The HTTP contract against a real listening server: every endpoint, every error code, SSE,
// disconnects, security headers, CORS, logging and graceful shutdown.
import { request as rawRequest } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatResponse } from '../../src/domain/types.js';
import {
  FESTIVAL_ARTICLE,
  FESTIVAL_DATE_SENTENCE,
  FESTIVAL_SHUTTLE_SENTENCE,
  REFUSAL_ANSWER,
  httpRequest,
  parseSse,
  postJson,
  startFakeServer,
  type FakeServer,
  type RawResponse,
} from '../support/fake-engine.js';

const running: FakeServer[] = [];
async function serve(options: Parameters<typeof startFakeServer>[0] = {}): Promise<FakeServer> {
  const server = await startFakeServer(options);
  running.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

function expectError(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json() as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[가-힣]/);
  expect(response.text).not.toMatch(/\bat .+:\d+:\d+|<html|stack/i);
}

describe('health and readiness', () => {
  it('GET /healthz answers ok, ready or not', async () => {
    const server = await serve({ ready: false });
    const response = await httpRequest(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports the counts once the engine is there', async () => {
    const server = await serve();
    const response = await httpRequest(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', articles: 2, chunks: 5 });
  });

  it('answers 503 NOT_READY on /readyz and /api/* before the index is loaded', async () => {
    const server = await serve({ ready: false });
    expectError(await httpRequest(`${server.url}/readyz`), 503, 'NOT_READY');
    const chat = await postJson(`${server.url}/api/chat`, { question: '봄꽃 축제는 언제 열려?' });
    expectError(chat, 503, 'NOT_READY');
    expect(chat.headers['retry-after']).toBe('5');
    expectError(await httpRequest(`${server.url}/api/search?q=축제`), 503, 'NOT_READY');
    server.ready = true;
    expect((await httpRequest(`${server.url}/readyz`)).status).toBe(200);
  });
});

describe('POST /api/chat (JSON)', () => {
  it('returns the pipeline answer with citations', async () => {
    const server = await serve();
    const response = await postJson(`${server.url}/api/chat`, { question: '  봄꽃 축제는 언제 열려?  ' });
    expect(response.status).toBe(200);
    const body = response.json() as ChatResponse;
    expect(body.refused).toBe(false);
    expect(body.answer).toBe(`${FESTIVAL_DATE_SENTENCE} [1]`);
    expect(body.citations).toHaveLength(1);
    expect(body.citations[0]).toMatchObject({ n: 1, articleId: FESTIVAL_ARTICLE.id, quote: FESTIVAL_DATE_SENTENCE });
    expect(FESTIVAL_ARTICLE.text.slice(body.citations[0]!.start, body.citations[0]!.end)).toBe(FESTIVAL_DATE_SENTENCE);
    expect(server.engine.lastRequest?.question).toBe('봄꽃 축제는 언제 열려?');
  });

  it('passes history, topK and filters through and echoes the standalone question', async () => {
    const server = await serve();
    const history = [
      { role: 'user', content: '봄꽃 축제는 언제 열려?' },
      { role: 'assistant', content: `${FESTIVAL_DATE_SENTENCE} [1]` },
    ] as const;
    const filters = { dateFrom: '2025-01-01', dateTo: '2025-12-31', source: '한빛일보' };
    const response = await postJson(`${server.url}/api/chat`, { question: '셔틀버스도 다녀?', history, topK: 3, filters });
    expect(response.status).toBe(200);
    const body = response.json() as ChatResponse;
    expect(body.question).toBe('봄꽃 축제는 언제 열려? 셔틀버스도 다녀?');
    expect(body.citations[0]?.quote).toBe(FESTIVAL_SHUTTLE_SENTENCE);
    expect(server.engine.lastRequest).toMatchObject({ question: '셔틀버스도 다녀?', history, topK: 3, filters });
    expect(server.engine.lastRequest?.signal).toBeInstanceOf(AbortSignal);
  });

  it('returns a refusal for questions the articles do not answer', async () => {
    const server = await serve();
    const body = (await postJson(`${server.url}/api/chat`, { question: '내일 날씨는 어때?' })).json() as ChatResponse;
    expect(body).toMatchObject({ refused: true, citations: [], answer: REFUSAL_ANSWER });
  });

  const long = (length: number): string => '가'.repeat(length);
  it.each([
    ['no question', {}],
    ['an empty question', { question: '' }],
    ['a blank question', { question: '   \n ' }],
    ['a question over 2000 chars', { question: long(2001) }],
    ['a numeric question', { question: 42 }],
    ['a null question', { question: null }],
    ['history that is not an array', { question: '축제?', history: 'hi' }],
    ['21 history turns', { question: '축제?', history: Array.from({ length: 21 }, () => ({ role: 'user', content: 'a' })) }],
    ['a history turn with a bad role', { question: '축제?', history: [{ role: 'system', content: 'a' }] }],
    ['a history turn over 4000 chars', { question: '축제?', history: [{ role: 'user', content: long(4001) }] }],
    ['a history turn with an extra key', { question: '축제?', history: [{ role: 'user', content: 'a', name: 'x' }] }],
    ['topK 0', { question: '축제?', topK: 0 }],
    ['topK 21', { question: '축제?', topK: 21 }],
    ['a fractional topK', { question: '축제?', topK: 2.5 }],
    ['a string topK', { question: '축제?', topK: '5' }],
    ['an impossible date', { question: '축제?', filters: { dateFrom: '2025-02-30' } }],
    ['a date in another format', { question: '축제?', filters: { dateTo: '2025/03/01' } }],
    ['dateFrom after dateTo', { question: '축제?', filters: { dateFrom: '2025-05-01', dateTo: '2025-04-01' } }],
    ['a non-string source', { question: '축제?', filters: { source: 7 } }],
    ['an unknown filter', { question: '축제?', filters: { author: '김' } }],
    ['an unknown top-level key', { question: '축제?', stream: true }],
    ['an array body', [{ question: '축제?' }]],
  ])('rejects %s with 400 VALIDATION', async (_name, body) => {
    const server = await serve();
    expectError(await postJson(`${server.url}/api/chat`, body), 400, 'VALIDATION');
    expect(server.engine.requests).toHaveLength(0);
  });

  it.each([
    ['__proto__ at the top', '{"question":"축제?","__proto__":{"polluted":true}}'],
    ['constructor.prototype in filters', '{"question":"축제?","filters":{"constructor":{"prototype":{"polluted":true}}}}'],
    ['__proto__ inside a history turn', '{"question":"축제?","history":[{"role":"user","content":"a","__proto__":{"polluted":true}}]}'],
    ['prototype deep inside', '{"question":"축제?","x":[[{"prototype":1}]]}'],
  ])('rejects proto-polluting keys (%s) with 400 and never merges them', async (_name, body) => {
    const server = await serve();
    expectError(await postJson(`${server.url}/api/chat`, body), 400, 'VALIDATION');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(server.engine.requests).toHaveLength(0);
  });

  it.each([
    ['broken JSON', '{"question": "축제?"'],
    ['a JSON string root', '"축제?"'],
    ['trailing garbage', '{"question":"축제?"} x'],
    ['a lone surrogate', '{"question":"축제\\ud800?"}'],
    ['deep nesting', `{"question":${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ])('rejects %s with 400 VALIDATION', async (_name, body) => {
    const server = await serve();
    expectError(await postJson(`${server.url}/api/chat`, body), 400, 'VALIDATION');
  });

  it('rejects a body over 64 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const server = await serve();
    expectError(await postJson(`${server.url}/api/chat`, { question: '축제?', padding: 'a'.repeat(70 * 1024) }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['form data', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
    ['a compressed body', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }],
    ['a non-UTF charset', { 'Content-Type': 'application/json; charset=latin1' }],
  ])('rejects %s with 415 UNSUPPORTED_MEDIA_TYPE', async (_name, headers) => {
    const server = await serve();
    const response = await httpRequest(`${server.url}/api/chat`, { method: 'POST', headers, body: '{"question":"축제?"}' });
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    ['upstream', 502, 'UPSTREAM'],
    ['timeout', 504, 'UPSTREAM_TIMEOUT'],
  ] as const)('maps a pipeline %s error to %i', async (behavior, status, code) => {
    const server = await serve();
    server.engine.behavior = behavior;
    expectError(await postJson(`${server.url}/api/chat`, { question: '축제?' }), status, code);
  });

  it('hides unexpected errors behind 500 INTERNAL and logs them', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const server = await serve({ logger: pino({ level: 'info' }, sink) });
    server.engine.behavior = 'crash';
    const response = await postJson(`${server.url}/api/chat`, { question: '축제?' });
    expectError(response, 500, 'INTERNAL');
    expect(response.text).not.toContain('secret internal detail');
    await vi.waitFor(() => expect(lines.join('')).toContain('secret internal detail'));
  });

  it('aborts the pipeline signal when the client disconnects', async () => {
    const server = await serve();
    server.engine.behavior = 'hang';
    const request = rawRequest(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    request.on('error', () => undefined);
    request.end(JSON.stringify({ question: '축제?' }));
    await vi.waitFor(() => expect(server.engine.lastRequest).toBeDefined());
    expect(server.engine.lastRequest?.signal?.aborted).toBe(false);
    request.destroy();
    await vi.waitFor(() => expect(server.engine.lastRequest?.signal?.aborted).toBe(true));
  });
});

describe('POST /api/chat (SSE)', () => {
  const sse = { Accept: 'text/event-stream' };

  it('streams tokens, then citations, then done; tokens concatenate to the answer', async () => {
    const server = await serve();
    const response = await postJson(`${server.url}/api/chat`, { question: '봄꽃 축제 공연은 언제야?' }, sse);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseSse(response.text);
    const names = events.map((event) => event.event);
    const tokens = names.filter((name) => name === 'token').length;
    expect(tokens).toBeGreaterThan(1);
    expect(names).toEqual([...Array<string>(tokens).fill('token'), 'citations', 'done']);
    const done = events.at(-1)!.data as ChatResponse;
    const text = events
      .filter((event) => event.event === 'token')
      .map((event) => (event.data as { text: string }).text)
      .join('');
    expect(text).toBe(done.answer);
    expect((events.at(-2)!.data as { citations: unknown }).citations).toEqual(done.citations);
    expect(done.citations[0]?.n).toBe(1);
  });

  it('streams a refusal the same way', async () => {
    const server = await serve();
    const events = parseSse((await postJson(`${server.url}/api/chat`, { question: '환율 전망은?' }, sse)).text);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data).toMatchObject({ refused: true, citations: [] });
  });

  it('reports pipeline failures as an error event and ends the stream', async () => {
    const server = await serve();
    server.engine.behavior = 'upstream';
    const response = await postJson(`${server.url}/api/chat`, { question: '축제?' }, sse);
    expect(response.status).toBe(200);
    const events = parseSse(response.text);
    expect(events).toHaveLength(1);
    expect(events[0]!.event).toBe('error');
    expect(events[0]!.data).toEqual({ code: 'UPSTREAM', message: expect.stringMatching(/[가-힣]/) as unknown });
  });

  it('still validates before streaming: errors are JSON with their status', async () => {
    const server = await serve();
    expectError(await postJson(`${server.url}/api/chat`, { question: '' }, sse), 400, 'VALIDATION');
  });

  it('aborts the pipeline signal when the client disconnects mid-stream', async () => {
    const server = await serve();
    server.engine.behavior = 'hang';
    const firstToken = new Promise<void>((resolve, reject) => {
      const request = rawRequest(
        `${server.url}/api/chat`,
        { method: 'POST', headers: { 'Content-Type': 'application/json', ...sse } },
        (response) => {
          response.on('data', (chunk: Buffer) => {
            if (chunk.toString('utf8').includes('event: token')) {
              resolve();
              request.destroy();
            }
          });
        },
      );
      request.on('error', () => undefined);
      request.on('close', () => resolve());
      request.end(JSON.stringify({ question: '축제?' }));
      setTimeout(() => reject(new Error('no token')), 10_000).unref();
    });
    await firstToken;
    expect(server.engine.lastRequest).toBeDefined();
    await vi.waitFor(() => expect(server.engine.lastRequest?.signal?.aborted).toBe(true));
  });
});

describe('GET /api/search and /api/articles/:id', () => {
  it('returns ranked results with the documented fields', async () => {
    const server = await serve();
    const response = await httpRequest(`${server.url}/api/search?q=${encodeURIComponent('셔틀버스')}&k=2`);
    expect(response.status).toBe(200);
    const { results } = response.json() as { results: Array<Record<string, unknown>> };
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(2);
    expect(Object.keys(results[0]!).sort()).toEqual(['articleId', 'chunkId', 'date', 'score', 'text', 'title']);
    expect(results[0]).toMatchObject({ articleId: FESTIVAL_ARTICLE.id, title: FESTIVAL_ARTICLE.title, date: '2025-03-20' });
    expect(results[0]!.text).toContain(FESTIVAL_SHUTTLE_SENTENCE);
  });

  it('applies date and source filters', async () => {
    const server = await serve();
    const response = await httpRequest(`${server.url}/api/search?q=${encodeURIComponent('축제')}&source=${encodeURIComponent('다른신문')}`);
    expect(response.json()).toEqual({ results: [] });
  });

  it.each([
    ['no q', ''],
    ['an empty q', '?q='],
    ['k=0', '?q=a&k=0'],
    ['k=51', '?q=a&k=51'],
    ['k=abc', '?q=a&k=abc'],
    ['k=1.5', '?q=a&k=1.5'],
    ['a repeated q', '?q=a&q=b'],
    ['a bad date', '?q=a&dateFrom=2025-13-01'],
    ['a proto key', '?q=a&__proto__=x'],
  ])('rejects %s with 400 VALIDATION', async (_name, query) => {
    const server = await serve();
    expectError(await httpRequest(`${server.url}/api/search${query}`), 400, 'VALIDATION');
  });

  it('returns an article with its metadata and text', async () => {
    const server = await serve();
    const response = await httpRequest(`${server.url}/api/articles/${FESTIVAL_ARTICLE.id}`);
    expect(response.status).toBe(200);
    const { origin: _origin, ...expected } = FESTIVAL_ARTICLE;
    expect(response.json()).toEqual(expected);
  });

  it('answers 404 NOT_FOUND for an unknown article and an unknown /api route', async () => {
    const server = await serve();
    expectError(await httpRequest(`${server.url}/api/articles/no-such-article`), 404, 'NOT_FOUND');
    expectError(await httpRequest(`${server.url}/api/nothing-here`), 404, 'NOT_FOUND');
    // A known path with a wrong method is 405 (see 'methods' below), not 404.
    expectError(await httpRequest(`${server.url}/no-such-page`), 404, 'NOT_FOUND');
    expectError(await httpRequest(`${server.url}/api/articles/%E0%A4%A`), 400, 'VALIDATION');
  });
});

describe('API key', () => {
  const config = { apiKey: 's3cret-key' };

  it('answers 401 UNAUTHORIZED on /api/* without the right bearer key', async () => {
    const server = await serve({ config });
    const missing = await httpRequest(`${server.url}/api/search?q=축제`);
    expectError(missing, 401, 'UNAUTHORIZED');
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    const headers = [{ Authorization: 'Bearer wrong-key' }, { Authorization: 's3cret-key' }, { Authorization: 'Basic s3cret-key' }];
    for (const header of headers) {
      expectError(await httpRequest(`${server.url}/api/search?q=축제`, { headers: header }), 401, 'UNAUTHORIZED');
    }
    expectError(await postJson(`${server.url}/api/chat`, { question: '축제?' }), 401, 'UNAUTHORIZED');
  });

  it('lets the right key through and leaves the page and health checks open', async () => {
    const server = await serve({ config });
    const ok = await httpRequest(`${server.url}/api/search?q=축제`, { headers: { Authorization: 'Bearer s3cret-key' } });
    expect(ok.status).toBe(200);
    expect((await httpRequest(`${server.url}/healthz`)).status).toBe(200);
    expect((await httpRequest(`${server.url}/`)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED past the per-minute limit', async () => {
    const server = await serve({ config: { rateLimitPerMin: 3 } });
    for (let index = 0; index < 3; index += 1) {
      expect((await httpRequest(`${server.url}/api/search?q=축제`)).status).toBe(200);
    }
    const limited = await httpRequest(`${server.url}/api/search?q=축제`);
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Only /api/* is limited.
    expect((await httpRequest(`${server.url}/healthz`)).status).toBe(200);
  });

  it('is off at 0', async () => {
    const server = await serve({ config: { rateLimitPerMin: 0 } });
    for (let index = 0; index < 20; index += 1) {
      expect((await httpRequest(`${server.url}/api/search?q=축제`)).status).toBe(200);
    }
  });
});

describe('page and security headers', () => {
  it('serves the chat page with a strict CSP and no x-powered-by', async () => {
    const server = await serve();
    const page = await httpRequest(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('data-testid="question-input"');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-powered-by']).toBeUndefined();
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await httpRequest(`${server.url}/app.js`);
    expect(script.headers['content-type']).toMatch(/javascript/);
    const api = await httpRequest(`${server.url}/api/search?q=축제`);
    expect(api.headers['x-powered-by']).toBeUndefined();
    expect(api.headers['content-security-policy']).toBeDefined();
  });

  it('gives every response a request id, echoing a sane incoming one', async () => {
    const server = await serve();
    expect((await httpRequest(`${server.url}/healthz`)).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await httpRequest(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const replaced = await httpRequest(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(replaced.headers['x-request-id']).not.toBe('bad id <script>');
  });

  it('never logs the question text at info level', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const server = await serve({ logger: pino({ level: 'info' }, sink), config: { apiKey: 'key-not-for-logs' } });
    const question = '봄꽃 축제 비밀 질문 문장';
    const headers = { Authorization: 'Bearer key-not-for-logs' };
    expect((await postJson(`${server.url}/api/chat`, { question }, headers)).status).toBe(200);
    expect((await httpRequest(`${server.url}/api/search?q=${encodeURIComponent(question)}`, { headers })).status).toBe(200);
    await vi.waitFor(() => expect(lines.some((line) => line.includes('/api/search'))).toBe(true));
    const log = lines.join('');
    expect(log).toContain('chat request');
    expect(log).not.toContain('비밀');
    expect(log).not.toContain(encodeURIComponent('비밀'));
    expect(log).not.toContain('key-not-for-logs');
  });
});

describe('CORS', () => {
  const preflight = (origin: string): Record<string, string> => ({
    Origin: origin,
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'content-type',
  });

  it('is closed by default', async () => {
    const server = await serve();
    const simple = await httpRequest(`${server.url}/api/search?q=축제`, { headers: { Origin: 'https://elsewhere.example' } });
    expect(simple.status).toBe(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const options = await httpRequest(`${server.url}/api/chat`, { method: 'OPTIONS', headers: preflight('https://elsewhere.example') });
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
    expect(options.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('opens for a configured origin only', async () => {
    const server = await serve({ config: { corsOrigins: ['https://app.example'] } });
    const options = await httpRequest(`${server.url}/api/chat`, { method: 'OPTIONS', headers: preflight('https://app.example') });
    expect(options.status).toBe(204);
    expect(options.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(options.headers['access-control-allow-methods']).toContain('POST');
    expect(options.headers['access-control-allow-headers']).toMatch(/content-type/i);
    const chat = await postJson(`${server.url}/api/chat`, { question: '축제?' }, { Origin: 'https://app.example' });
    expect(chat.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(chat.headers.vary).toMatch(/origin/i);
    const other = await httpRequest(`${server.url}/api/search?q=축제`, { headers: { Origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('graceful shutdown', () => {
  it('stops accepting but lets an in-flight request finish', async () => {
    const server = await startFakeServer();
    const release = server.engine.hold();
    const inFlight = postJson(`${server.url}/api/chat`, { question: '봄꽃 축제는 언제?' });
    await vi.waitFor(() => expect(server.engine.requests).toHaveLength(1));
    const closed = server.close();
    await expect(httpRequest(`${server.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((response.json() as ChatResponse).refused).toBe(false);
    await closed;
  });

  it('cuts a stream that outlives the grace period and aborts its pipeline', async () => {
    const server = await startFakeServer({ shutdownGraceMs: 100 });
    server.engine.behavior = 'hang';
    const stream = postJson(`${server.url}/api/chat`, { question: '축제?' }, { Accept: 'text/event-stream' }).catch(
      (error: unknown) => error,
    );
    await vi.waitFor(() => expect(server.engine.requests).toHaveLength(1));
    await server.close();
    await stream;
    await vi.waitFor(() => expect(server.engine.lastRequest?.signal?.aborted).toBe(true));
  });
});
