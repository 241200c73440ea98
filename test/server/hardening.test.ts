// Issue 13's HTTP items against the real app over a socket: validation messages that say what
// is wrong (one rule for chat and search), NFC normalisation, 405 with Allow, invalid UTF-8,
// /readyz details behind the API key, the admin re-index route, TRUST_PROXY through a local
// proxy, and the listener's timeouts and connection cap.
import { createServer, request as rawRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, startServer } from '../../src/server/app.js';
import type { ServeStatus } from '../../src/server/app.js';
import {
  FESTIVAL_DATE_SENTENCE,
  FakeEngine,
  httpRequest,
  postJson,
  startFakeServer,
  type FakeServer,
  type RawResponse,
} from '../support/fake-engine.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(options: Parameters<typeof startFakeServer>[0] = {}): Promise<FakeServer> {
  const server = await startFakeServer(options);
  cleanups.push(() => server.close());
  return server;
}

function errorOf(response: RawResponse): { code: string; message: string } {
  return (response.json() as { error: { code: string; message: string } }).error;
}

/** No zod English leaks through: every message is Korean and names no zod term. */
function expectKorean(message: string): void {
  expect(message).toMatch(/[가-힣]/);
  expect(message).not.toMatch(/Invalid|expected|received|Too (big|small)|must be/i);
}

describe('validation messages say what is wrong', () => {
  const TOPK_RULE = 'topK는 1~20 사이의 정수여야 합니다.';
  it.each([
    ['"5"', '5'],
    ['1.5', 1.5],
    ['null', null],
    ['true', true],
    ['1e308', 1e308],
    ['0', 0],
    ['21', 21],
  ])('chat topK %s gets the topK rule', async (_label, topK) => {
    const server = await serve();
    const response = await postJson(`${server.url}/api/chat`, { question: '봄꽃 축제는 언제 열려?', topK });
    expect(response.status).toBe(400);
    const { code, message } = errorOf(response);
    expect(code).toBe('VALIDATION');
    expect(message).toContain(TOPK_RULE);
    expect(message).not.toContain('값이 필요합니다');
    expectKorean(message);
  });

  it.each([
    ['filters: []', { question: '축제', filters: [] }, 'filters는 { "dateFrom"?, "dateTo"?, "source"? } 객체여야 합니다.'],
    ['filters: null', { question: '축제', filters: null }, 'filters는'],
    ['question: 42', { question: 42 }, 'question은 1~2000자의 문자열이어야 합니다. (받은 값: 숫자)'],
    ['question missing', {}, 'question: 값이 필요합니다.'],
    ['question as an array', { question: ['축제', '공연'] }, 'question은 1~2000자의 문자열이어야 합니다. (받은 값: 배열)'],
    ['question of zero-width spaces', { question: '\u200B\u200B' }, '질문을 입력해 주세요.'],
    ['history not an array', { question: '축제', history: 'x' }, 'history는'],
    [
      'history role',
      { question: '축제', history: [{ role: 'system', content: 'x' }] },
      'history의 role은 "user" 또는 "assistant"여야 합니다.',
    ],
    ['bad date', { question: '축제', filters: { dateFrom: '2025-13-01' } }, 'filters.dateFrom: 존재하지 않는 날짜입니다.'],
    ['date format', { question: '축제', filters: { dateTo: '25-1-1' } }, 'dateTo는 YYYY-MM-DD 형식의 날짜여야 합니다.'],
    [
      'dates reversed',
      { question: '축제', filters: { dateFrom: '2025-05-01', dateTo: '2025-04-01' } },
      'dateFrom은 dateTo보다 늦을 수 없습니다.',
    ],
  ])('chat %s', async (_label, body, expected) => {
    const server = await serve();
    const response = await postJson(`${server.url}/api/chat`, body);
    expect(response.status).toBe(400);
    const { message } = errorOf(response);
    expect(message).toContain(expected);
    expectKorean(message);
  });

  it.each([
    ['q repeated', 'q=a&q=b', '한 번만 보내 주세요'],
    ['k not a number', 'q=축제&k=abc', 'k는 1~50 사이의 정수여야 합니다.'],
    ['k too big', 'q=축제&k=51', 'k는 1~50 사이의 정수여야 합니다.'],
    ['k repeated', 'q=축제&k=1&k=2', '한 번만 보내 주세요'],
    ['q missing', 'k=3', 'q: 값이 필요합니다.'],
    ['dates reversed, as in chat', 'q=축제&dateFrom=2025-05-01&dateTo=2025-04-01', 'dateFrom은 dateTo보다 늦을 수 없습니다.'],
  ])('search %s', async (_label, query, expected) => {
    const server = await serve();
    const encoded = query.replace(/[\u0080-\uFFFF]+/g, encodeURIComponent);
    const response = await httpRequest(`${server.url}/api/search?${encoded}`);
    expect(response.status).toBe(400);
    const { message } = errorOf(response);
    expect(message).toContain(expected);
    expectKorean(message);
  });
});

describe('NFC normalisation of questions, history and search queries', () => {
  const NFD_QUESTION = '봄꽃 축제는 언제 열려?'.normalize('NFD');

  it('hands the pipeline the NFC question and history, so decomposed Hangul is answered', async () => {
    const server = await serve();
    expect(NFD_QUESTION).not.toBe(NFD_QUESTION.normalize('NFC'));
    const response = await postJson(`${server.url}/api/chat`, {
      question: NFD_QUESTION,
      history: [{ role: 'user', content: '한빛시 축제 소식'.normalize('NFD') }],
    });
    expect(response.status).toBe(200);
    const request = server.engine.lastRequest!;
    expect(request.question).toBe('봄꽃 축제는 언제 열려?');
    expect(request.history![0]!.content).toBe('한빛시 축제 소식');
    expect((response.json() as { refused: boolean; answer: string }).answer).toContain(FESTIVAL_DATE_SENTENCE);
  });

  it('searches with the NFC query', async () => {
    const server = await serve();
    const response = await httpRequest(`${server.url}/api/search?q=${encodeURIComponent('호수공원'.normalize('NFD'))}`);
    expect(response.status).toBe(200);
    expect((response.json() as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });

  it('measures the length after normalising (2000 NFC syllables sent as 4000+ NFD code points)', async () => {
    const server = await serve();
    const question = '축'.repeat(2000).normalize('NFD');
    expect(question.length).toBeGreaterThan(2000);
    expect((await postJson(`${server.url}/api/chat`, { question })).status).toBe(200);
  });
});

describe('methods', () => {
  it.each([
    ['PUT', '/api/chat', 'POST, OPTIONS'],
    ['DELETE', '/api/chat', 'POST, OPTIONS'],
    ['GET', '/api/chat', 'POST, OPTIONS'],
    ['POST', '/api/search?q=a', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/articles/hanbit-spring-festival', 'GET, HEAD, OPTIONS'],
    ['PUT', '/api/admin/reindex', 'POST, OPTIONS'],
    ['POST', '/healthz', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/readyz', 'GET, HEAD, OPTIONS'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const server = await serve();
    const response = await httpRequest(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'GET' ? undefined : '{}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(errorOf(response).code).toBe('METHOD_NOT_ALLOWED');
    expectKorean(errorOf(response).message);
  });

  it('answers a plain OPTIONS with 204 and Allow; still 404 for unknown paths', async () => {
    const server = await serve();
    const options = await httpRequest(`${server.url}/api/chat`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('POST, OPTIONS');
    expect((await httpRequest(`${server.url}/api/nothing`, { method: 'PUT' })).status).toBe(404);
  });
});

describe('invalid UTF-8 is refused, not replaced', () => {
  it('answers 400 for a body with bytes that are not UTF-8', async () => {
    const server = await serve();
    const body = Buffer.concat([Buffer.from('{"question":"축제 '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const response = await httpRequest(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('UTF-8') as unknown });
    expect(server.engine.requests).toHaveLength(0);
  });

  it('answers 400 for a query or path whose escapes are not UTF-8, and accepts escaped Hangul', async () => {
    const server = await serve();
    expect(errorOf(await httpRequest(`${server.url}/api/search?q=%FF%FE`)).message).toContain('UTF-8');
    expect((await httpRequest(`${server.url}/api/articles/%C0%AF`)).status).toBe(400);
    expect((await httpRequest(`${server.url}/api/search?q=${encodeURIComponent('축제')}`)).status).toBe(200);
  });

  it('answers raw (unescaped) Hangul in the URL with a JSON 400, not an empty one', async () => {
    const server = await serve();
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    cleanups.push(() => void socket.destroy());
    socket.write(Buffer.concat([Buffer.from('GET /api/search?q='), Buffer.from('경주'), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]));
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain('application/json');
    expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});

describe('/readyz and the admin route with an API key', () => {
  const KEY = 'ready-key';
  const auth = { Authorization: `Bearer ${KEY}` };

  it('shows counts only with the key when one is set', async () => {
    const server = await serve({ config: { apiKey: KEY } });
    const anonymous = await httpRequest(`${server.url}/readyz`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.json()).toEqual({ status: 'ready' });
    expect((await httpRequest(`${server.url}/readyz`, { headers: auth })).json()).toEqual({ status: 'ready', articles: 2, chunks: 5 });
    expect((await httpRequest(`${server.url}/readyz`, { headers: { Authorization: 'Bearer wrong' } })).json()).toEqual({ status: 'ready' });
  });

  async function serveWithHost(apiKey: string | undefined, status: ServeStatus) {
    const engine = new FakeEngine();
    const triggers: string[] = [];
    const app = createApp({
      config: { apiKey, rateLimitPerMin: 0, corsOrigins: [] },
      logger: pino({ level: 'silent' }),
      getEngine: () => engine,
      getStatus: () => status,
      reindex: (trigger) => (triggers.push(trigger), { started: triggers.length === 1 }),
    });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });
    cleanups.push(() => server.close());
    return { url: server.url, triggers };
  }

  it('reports degraded with 200 and the reason; details (generation, llm) only with the key', async () => {
    const llm = {
      provider: 'ollama' as const,
      host: 'http://127.0.0.1:9',
      model: 'exaone3.5:7.8b',
      state: 'unreachable' as const,
      cause: 'connection refused',
    };
    const reason = '언어 모델에 연결하지 못해 추출식 답변으로 대신합니다.';
    const { url } = await serveWithHost(KEY, { state: 'degraded', reason, generation: 'gen-7', reindexing: true, llm });
    const anonymous = await httpRequest(`${url}/readyz`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.json()).toEqual({ status: 'degraded', reason });
    expect((await httpRequest(`${url}/readyz`, { headers: auth })).json()).toEqual({
      status: 'degraded',
      reason,
      articles: 2,
      chunks: 5,
      generation: 'gen-7',
      reindexing: true,
      llm,
    });
  });

  it('answers 503 with the reason once the start failed, and /healthz stops saying ok', async () => {
    const { url } = await serveWithHost(undefined, { state: 'failed', reason: '임베딩 서버에 연결하지 못했습니다', reindexing: false });
    const ready = await httpRequest(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(errorOf(ready).message).toBe('임베딩 서버에 연결하지 못했습니다');
    expect((await httpRequest(`${url}/healthz`)).status).toBe(503);
  });

  it('starts a re-index on POST /api/admin/reindex with the key (202), refuses without it', async () => {
    const { url, triggers } = await serveWithHost(KEY, { state: 'ready', reindexing: false });
    expect((await httpRequest(`${url}/api/admin/reindex`, { method: 'POST' })).status).toBe(401);
    expect(triggers).toEqual([]);
    const started = await httpRequest(`${url}/api/admin/reindex`, { method: 'POST', headers: auth });
    expect(started.status).toBe(202);
    expect(started.json()).toEqual({ status: 'started' });
    const queued = await httpRequest(`${url}/api/admin/reindex`, { method: 'POST', headers: auth });
    expect(queued.json()).toEqual({ status: 'queued' });
    expect(triggers).toHaveLength(2);
  });

  it('refuses the admin route on a server without an API key', async () => {
    const { url, triggers } = await serveWithHost(undefined, { state: 'ready', reindexing: false });
    const response = await httpRequest(`${url}/api/admin/reindex`, { method: 'POST' });
    expect(response.status).toBe(401);
    expect(errorOf(response).message).toContain('API_KEY');
    expect(triggers).toEqual([]);
  });
});

describe('requests in flight finish on the engine they started with', () => {
  it('a swap between requests: the held request answers from the old engine, the next from the new', async () => {
    const old = new FakeEngine();
    const next = new FakeEngine();
    let current = old;
    const app = createApp({
      config: { apiKey: undefined, rateLimitPerMin: 0, corsOrigins: [] },
      logger: pino({ level: 'silent' }),
      getEngine: () => current,
    });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });
    cleanups.push(() => server.close());
    const release = old.hold();
    const inFlight = postJson(`${server.url}/api/chat`, { question: '봄꽃 축제는 언제 열려?' });
    await expect.poll(() => old.requests.length).toBe(1);
    current = next; // the swap
    const after = await postJson(`${server.url}/api/chat`, { question: '봄꽃 축제는 언제 열려?' });
    expect(after.status).toBe(200);
    expect(next.requests).toHaveLength(1);
    release();
    expect((await inFlight).status).toBe(200);
    expect(old.requests).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- TRUST_PROXY

/** A reverse proxy on 127.0.0.1 that forwards to `target`, appending the client address it is
 *  told (X-Test-Client, standing for the real peer of a proxy on the internet) to X-Forwarded-For. */
async function startProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const proxy: Server = createServer((incoming, outgoing) => {
    const client = String(incoming.headers['x-test-client'] ?? incoming.socket.remoteAddress);
    const forwarded = incoming.headers['x-forwarded-for'];
    const { 'x-test-client': _client, ...rest } = incoming.headers;
    const headers = { ...rest, host: upstream.host, 'x-forwarded-for': forwarded ? `${String(forwarded)}, ${client}` : client };
    const forward = rawRequest(
      { host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => proxy.close(() => resolve())) };
}

describe('TRUST_PROXY behind a reverse proxy', () => {
  async function throughProxy(trustProxy: false | number | string[]) {
    const server = await serve({ config: { rateLimitPerMin: 2, trustProxy } });
    const proxy = await startProxy(server.url);
    cleanups.push(() => proxy.close());
    const search = (client: string) => httpRequest(`${proxy.url}/api/search?q=a`, { headers: { 'X-Test-Client': client } });
    return { search };
  }

  it.each([
    ['loopback', ['loopback']],
    ['a hop count of 1', 1],
    ['the proxy address', ['127.0.0.1']],
  ])('with TRUST_PROXY = %s, each client behind the proxy has its own rate-limit bucket', async (_label, trust) => {
    const { search } = await throughProxy(trust);
    expect((await search('203.0.113.7')).status).toBe(200);
    expect((await search('203.0.113.7')).status).toBe(200);
    expect((await search('203.0.113.7')).status).toBe(429);
    expect((await search('198.51.100.23')).status).toBe(200);
  });

  it("without TRUST_PROXY, every client behind the proxy shares the proxy's bucket", async () => {
    const { search } = await throughProxy(false);
    expect((await search('203.0.113.7')).status).toBe(200);
    expect((await search('203.0.113.7')).status).toBe(200);
    expect((await search('198.51.100.23')).status).toBe(429);
  });

  it('trusts only the listed proxies: a client cannot pick its bucket with its own X-Forwarded-For', async () => {
    const { search } = await throughProxy(['10.0.0.0/8']); // not the proxy (127.0.0.1)
    expect((await search('203.0.113.7')).status).toBe(200);
    expect((await search('203.0.113.8')).status).toBe(200);
    expect((await search('203.0.113.9')).status).toBe(429);
  });
});

// ---------------------------------------------------------------- slow clients

describe('server timeouts and the connection cap', () => {
  async function limitedServer(limits: Parameters<typeof startServer>[1]['limits']) {
    const engine = new FakeEngine();
    const app = createApp({
      config: { apiKey: undefined, rateLimitPerMin: 0, corsOrigins: [] },
      logger: pino({ level: 'silent' }),
      getEngine: () => engine,
    });
    const server = await startServer(app, { host: '127.0.0.1', port: 0, limits });
    cleanups.push(() => server.close());
    return { url: server.url, port: Number(new URL(server.url).port) };
  }

  /** A client that sends headers and then a body one byte at a time, far too slowly. */
  function slowBody(port: number): { closed: Promise<{ reply: string; ms: number }>; socket: Socket } {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    socket.write('POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const drip = setInterval(() => socket.writable && socket.write(' '), 100);
    let reply = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (reply += chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<{ reply: string; ms: number }>((resolve) =>
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ reply, ms: performance.now() - started });
      }),
    );
    cleanups.push(() => {
      clearInterval(drip);
      socket.destroy();
    });
    return { closed, socket };
  }

  it('closes slow-body connections with 408 after REQUEST_TIMEOUT_MS while other clients are served', async () => {
    const requestTimeoutMs = 1_000;
    const { url, port } = await limitedServer({ headersTimeoutMs: 500, requestTimeoutMs, keepAliveTimeoutMs: 1_000, maxConnections: 100 });
    const slow = Array.from({ length: 20 }, () => slowBody(port));
    // Served meanwhile, on fresh connections.
    for (let i = 0; i < 5; i++) {
      const health = await httpRequest(`${url}/healthz`);
      expect(health.status).toBe(200);
    }
    const chat = await postJson(`${url}/api/chat`, { question: '봄꽃 축제는 언제 열려?' });
    expect(chat.status).toBe(200);
    const results = await Promise.all(slow.map((client) => client.closed));
    for (const { reply, ms } of results) {
      expect(reply).toMatch(/^HTTP\/1\.1 408/);
      expect(reply).toContain('"REQUEST_TIMEOUT"');
      // Never before the limit (the bound that matters: before the fix they stayed open for good).
      expect(ms).toBeGreaterThanOrEqual(requestTimeoutMs - 50);
    }
  });

  it('closes a connection that never finishes its headers after HEADERS_TIMEOUT_MS', async () => {
    const { port } = await limitedServer({ headersTimeoutMs: 300, requestTimeoutMs: 5_000 });
    const socket = connect(port, '127.0.0.1');
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    socket.on('error', () => undefined);
    cleanups.push(() => void socket.destroy());
    let reply = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (reply += chunk));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes new connections past MAX_CONNECTIONS and serves again once one is freed', async () => {
    const { url, port } = await limitedServer({ maxConnections: 3 });
    const open: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('connect', resolve));
      open.push(socket);
      cleanups.push(() => void socket.destroy());
    }
    // The server counts a connection when it accepts it; give each a request to be sure it is counted.
    await Promise.all(
      open.map(
        (socket) =>
          new Promise((resolve) => {
            socket.once('data', resolve);
            socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
          }),
      ),
    );
    await expect(httpRequest(`${url}/healthz`, { headers: { Connection: 'close' } })).rejects.toMatchObject({
      code: expect.stringMatching(/ECONNRESET|EPIPE|socket hang up/) as unknown,
    });
    open.pop()!.destroy();
    await expect
      .poll(async () => (await httpRequest(`${url}/healthz`, { headers: { Connection: 'close' } }).catch(() => ({ status: 0 }))).status)
      .toBe(200);
  });
});
