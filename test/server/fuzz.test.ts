// Malformed requests by the thousand against a real listening server: every one must get a
// JSON 4xx (never a 5xx, a hang or a dropped connection), and the server must stay healthy.
import { Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, startFakeServer, type FakeServer } from '../support/fake-engine.js';

/** Fixed by default so a failure replays; FUZZ_SEED explores further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20250401);
const CHAT_RUNS = 800;
const SEARCH_RUNS = 400;

interface Case {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const json = { 'Content-Type': 'application/json' };
const question = fc.constantFrom('봄꽃 축제는 언제 열려?', '셔틀버스도 다녀?', 'What happened?');
const anyJson = fc.jsonValue({ maxDepth: 3 });
const whitespace = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\u3000'), maxLength: 6 });
const notADate = fc.oneof(
  fc.string({ maxLength: 12 }).filter((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value)),
  fc.constantFrom('2025-02-30', '2025-13-01', '2025-00-10', '2024-04-31', '0000-00-00'),
);
const notObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(anyJson, { maxLength: 3 }));
const lonelySurrogate = fc
  .oneof(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff }))
  .map((code) => `\\u${code.toString(16)}`);
const forbiddenKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

const chatBody = (body: fc.Arbitrary<unknown>): fc.Arbitrary<Case> =>
  body.map((value) => ({ method: 'POST', path: '/api/chat', headers: json, body: JSON.stringify(value) }));
const rawChat = (text: fc.Arbitrary<string | Buffer>, headers: Record<string, string> = json): fc.Arbitrary<Case> =>
  text.map((body) => ({ method: 'POST', path: '/api/chat', headers, body }));

const badQuestion = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  whitespace,
  fc.string({ unit: 'grapheme', minLength: 2001, maxLength: 2100 }).filter((value) => value.trim().length > 2000),
);
const validTurn = fc.record({ role: fc.constantFrom('user', 'assistant'), content: fc.string({ maxLength: 20 }) });
const badTurn = fc.oneof(
  fc.record({ role: fc.string({ maxLength: 10 }).filter((role) => role !== 'user' && role !== 'assistant'), content: fc.string() }),
  fc.record({ role: fc.constant('user'), content: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) }),
  fc.record({ role: fc.constant('user'), content: fc.string(), extra: anyJson }),
  fc.record({ role: fc.constant('assistant'), content: fc.constant('가'.repeat(4001)) }),
  notObject,
);
const badHistory = fc.oneof(
  fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 4 }), anyJson, { maxKeys: 2 })),
  fc.array(validTurn, { minLength: 21, maxLength: 30 }),
  fc
    .tuple(fc.array(validTurn, { maxLength: 5 }), badTurn, fc.array(validTurn, { maxLength: 5 }))
    .map(([before, bad, after]) => [...before, bad, ...after]),
);
const badTopK = fc.oneof(
  fc.integer({ max: 0 }),
  fc.integer({ min: 21 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
  fc.boolean(),
);
const badFilters = fc.oneof(
  notObject,
  notADate.map((dateFrom) => ({ dateFrom })),
  notADate.map((dateTo) => ({ dateTo })),
  fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())).map((source) => ({ source })),
  fc
    .tuple(
      fc.string({ maxLength: 8 }).filter((key) => !['dateFrom', 'dateTo', 'source'].includes(key)),
      anyJson,
    )
    .map(([key, value]) => ({ [key]: value })),
);
const unknownKey = fc
  .string({ minLength: 1, maxLength: 10 })
  .filter((key) => !['question', 'history', 'topK', 'filters', ...['__proto__']].includes(key));

/** A forbidden key placed at some depth of an otherwise valid body, written as raw JSON text. */
const protoBody = fc.tuple(forbiddenKey, fc.integer({ min: 0, max: 3 }), anyJson).map(([key, place, value]) => {
  const member = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  const q = '"question":"봄꽃 축제?"';
  return [
    `{${q},${member}}`,
    `{${member},${q}}`,
    `{${q},"filters":{${member}}}`,
    `{${q},"history":[{"role":"user","content":"a",${member}}]}`,
  ][place]!;
});

const deepBody = fc.tuple(fc.integer({ min: 9, max: 20_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}';
  const nested = open.repeat(depth) + '1' + close.repeat(depth);
  return nested.length < 60_000 ? `{"question":"축제?","history":${nested}}` : nested;
});

const validJsonText = fc.record({ question, topK: fc.integer({ min: 1, max: 20 }) }).map((value) => JSON.stringify(value));

const oddContentType = fc.oneof(
  fc.constantFrom(
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/xml',
    'application/javascript',
    'application/vnd.api+json',
    'application/json; charset=latin1',
    'application/json; charset=shift_jis',
    '*/*',
    'json',
    '',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).filter((type) => !/json/i.test(type)),
);

const chatCases: fc.Arbitrary<Case> = fc.oneof(
  chatBody(badQuestion.map((value) => ({ question: value }))),
  chatBody(fc.record({ question, history: badHistory })),
  chatBody(fc.record({ question, topK: badTopK })),
  chatBody(fc.record({ question, filters: badFilters })),
  chatBody(fc.tuple(question, unknownKey, anyJson).map(([q, key, value]) => ({ question: q, [key]: value }))),
  chatBody(fc.oneof(fc.constant({}), notObject)),
  rawChat(protoBody),
  rawChat(lonelySurrogate.map((escape) => `{"question":"축제${escape}?"}`)),
  rawChat(lonelySurrogate.map((escape) => `{"question":"축제?","history":[{"role":"user","content":"${escape}"}]}`)),
  // Broken JSON: a valid body cut short, with garbage after it, or random bytes.
  rawChat(fc.tuple(validJsonText, fc.nat()).map(([text, cut]) => text.slice(0, cut % text.length))),
  rawChat(
    fc
      .tuple(
        validJsonText,
        fc.string({ minLength: 1, maxLength: 5 }).filter((tail) => tail.trim() !== ''),
      )
      .map(([text, tail]) => text + tail),
  ),
  rawChat(fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes))),
  rawChat(deepBody),
  // Over 64 KiB.
  rawChat(
    fc
      .tuple(fc.integer({ min: 66_000, max: 90_000 }), fc.constantFrom('a', '가'))
      .map(([size, unit]) => `{"question":"${unit.repeat(size)}"}`),
  ),
  // Odd content types and encodings around a body that would otherwise be valid.
  fc
    .tuple(validJsonText, oddContentType)
    .map(([body, type]): Case => ({ method: 'POST', path: '/api/chat', headers: type ? { 'Content-Type': type } : {}, body })),
  fc.tuple(validJsonText, fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown')).map(([body, encoding]): Case => ({
    method: 'POST',
    path: '/api/chat',
    headers: { ...json, 'Content-Encoding': encoding },
    body,
  })),
);

/** Percent-encodes every UTF-8 byte, so any string (lone surrogates included) makes a legal URL. */
const encode = (value: string): string => [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
const anyText = fc.string({ unit: 'binary', maxLength: 30 });
const badK = fc.oneof(
  fc.constantFrom('0', '51', '999', '-1', '1.5', '1e1', ' 5', '', 'abc', '00', '0x10'),
  fc.integer({ min: 51 }).map(String),
  fc.integer({ max: 0 }).map(String),
  fc.string({ maxLength: 6 }).filter((k) => !/^\d{1,3}$/.test(k) || Number(k) < 1 || Number(k) > 50),
);
const search = (query: fc.Arbitrary<string>): fc.Arbitrary<Case> =>
  query.map((q) => ({ method: 'GET', path: `/api/search?${q}`, headers: {} }));

const searchCases: fc.Arbitrary<Case> = fc.oneof(
  search(fc.constant('')),
  search(badK.map((k) => `k=${encode(k)}`)),
  search(whitespace.map((q) => `q=${encode(q)}`)),
  search(fc.integer({ min: 2001, max: 3000 }).map((length) => `q=${'a'.repeat(length)}`)),
  search(fc.tuple(anyText, anyText).map(([a, b]) => `q=${encode(a)}&q=${encode(b)}&k=3`)),
  search(fc.tuple(anyText, badK).map(([q, k]) => `q=${encode(q)}&k=${encode(k)}`)),
  search(fc.tuple(anyText, notADate).map(([q, date]) => `q=${encode(q)}x&dateFrom=${encode(date)}`)),
  search(fc.tuple(anyText, forbiddenKey, anyText).map(([q, key, value]) => `q=${encode(q)}x&${key}=${encode(value)}`)),
  search(fc.tuple(anyText, fc.string({ maxLength: 20 })).map(([q, junk]) => `q=${encode(q)}&k=0&${encodeURI(junk)}`)),
);

describe('fuzzing the API with malformed requests', () => {
  let server: FakeServer;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let sent = 0;

  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  async function expectJson4xx(request: Case): Promise<void> {
    sent += 1;
    const response = await httpRequest(`${server.url}${request.path}`, { ...request, agent });
    const context = `${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers)} → ${response.status} ${response.text.slice(0, 200)}`;
    expect(response.status, context).toBeGreaterThanOrEqual(400);
    expect(response.status, context).toBeLessThan(500);
    expect(response.headers['content-type'], context).toMatch(/^application\/json/);
    const body = response.json() as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, context).toBe('string');
    expect(typeof body.error?.message, context).toBe('string');
  }

  it(`answers ${CHAT_RUNS} malformed chat requests with JSON 4xx`, async () => {
    await fc.assert(fc.asyncProperty(chatCases, expectJson4xx), { numRuns: CHAT_RUNS, seed: SEED });
  });

  it(`answers ${SEARCH_RUNS} malformed search requests with JSON 4xx`, async () => {
    await fc.assert(fc.asyncProperty(searchCases, expectJson4xx), { numRuns: SEARCH_RUNS, seed: SEED });
  });

  it('stays healthy and never reached the pipeline', async () => {
    expect(sent).toBeGreaterThanOrEqual(1000);
    const health = await httpRequest(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(server.engine.requests).toHaveLength(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
