// The console: one readable line per log on a terminal, JSON lines elsewhere, and the
// expected 503 while the index is prepared logged as an info line without a stack trace.
import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger, usesPrettyLogs, type LogStream } from '../../src/cli-logger.js';
import { createApp } from '../../src/server/app.js';

/** Terminal colour codes (ESC [ … m). */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Collects what the logger writes; `isTTY` stands in for a terminal. */
function capture(isTTY: boolean): LogStream & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & { isTTY?: boolean; text(): string };
  stream.isTTY = isTTY;
  stream.text = () => chunks.join('');
  return stream;
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('usesPrettyLogs', () => {
  it.each([
    ['auto', true, true],
    ['auto', false, false],
    ['json', true, false],
    ['pretty', false, true],
  ] as const)('LOG_FORMAT=%s on a %s terminal → pretty %s', (format, isTTY, expected) => {
    expect(usesPrettyLogs(format, capture(isTTY))).toBe(expected);
  });
});

describe('createLogger', () => {
  it('writes one JSON object per line when not on a terminal', async () => {
    const stream = capture(false);
    const logger = await createLogger({ logLevel: 'info', logFormat: 'auto' }, stream);
    logger.info({ articles: 3 }, '색인 준비 완료');
    const [line, ...rest] = lines(stream.text());
    expect(rest).toEqual([]);
    expect(JSON.parse(line!)).toMatchObject({ level: 30, msg: '색인 준비 완료', articles: 3 });
  });

  it('writes one readable line per log on a terminal, request logs folded into the message', async () => {
    const stream = capture(true);
    const logger = await createLogger({ logLevel: 'info', logFormat: 'auto' }, stream);
    logger.info({ url: 'http://127.0.0.1:3000' }, '서버 시작: http://127.0.0.1:3000');
    logger.warn({ req: { id: 'r1', method: 'POST', path: '/api/chat' }, res: { statusCode: 429 }, responseTime: 3 }, 'request completed');
    // Colours are for people; strip them to read the words.
    const plain = lines(stream.text().replace(ANSI_COLOUR, ''));
    expect(plain).toHaveLength(2);
    expect(plain[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: 서버 시작: http:\/\/127\.0\.0\.1:3000 /);
    expect(plain[1]).toMatch(/^\[\d{2}:\d{2}:\d{2}\] WARN: POST \/api\/chat 429 \(3ms\)$/);
    expect(stream.text()).not.toContain('"level"');
  });

  it('logs the expected 503 of a server still indexing as one info line without a stack', async () => {
    const stream = capture(true);
    const logger = await createLogger({ logLevel: 'info', logFormat: 'pretty' }, stream);
    const app = createApp({ config: { apiKey: undefined, rateLimitPerMin: 0, corsOrigins: [] }, logger, getEngine: () => undefined });
    const response = await request(app).get('/readyz');
    expect(response.status).toBe(503);
    const plain = lines(stream.text().replace(ANSI_COLOUR, ''));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(/ INFO: GET \/readyz 503 \(\d+ms\)$/);
    expect(stream.text()).not.toMatch(/\n\s+at |stack|Error:/);
  });
});
