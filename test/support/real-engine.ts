// Helpers for tests that run the REAL engine (real corpus reader, index, retrieval and
// answerers) instead of the fake one: a temp corpus made from corpus/ plus test articles,
// an index built into a temp dir, the real app served on a free port, and an SSE client
// that hands over events as they arrive (so a test can act mid-stream).
import { request as httpRequestRaw, type ClientRequest } from 'node:http';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config/config.js';
import { ingestCorpus, openEngine } from '../../src/wiring.js';
import type { IngestSummary } from '../../src/ingest/ingest.js';
import type { Engine } from '../../src/rag/engine.js';
import { createApp, startServer } from '../../src/server/app.js';
import type { SseEvent } from './fake-engine.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_CORPUS = join(ROOT, 'eval', 'corpora', 'seed');
export const SEED_ARTICLE_ID = 'lg-ai-research-apec-2025-10-30';
export const SEED_ARTICLE_FILE = join(SEED_CORPUS, '2025-10-30-lg-ai-research-apec.md');

/** A sentence of the seed article, verbatim (without its final period). */
export const SEED_VENUE_SENTENCE =
  "이 원장은 30일 경북 경주 예술의전당에서 열린 '아시아태평양경제협력체(APEC) 최고경영자(CEO) 서밋' 무대에 올라 '지속 가능한 혁신을 위한 차세대 AI로드맵' 세션의 토론자로 참석해 이처럼 밝혔다";

/** A question the extractive answerer answers from the seed article (checked with `npm run ask`). */
export const VENUE_QUESTION = '이홍락 원장은 어디서 열린 행사에 참석했어?';
/** A question no article answers. */
export const OFF_TOPIC_QUESTION = '오늘 비트코인 시세 알려줘';

export interface TempCorpus {
  root: string;
  corpusDir: string;
  indexDir: string;
  remove(): Promise<void>;
}

/** A temp dir holding `corpus/` (a copy of the seed corpus plus `extra` files) and an `index/` path. */
export async function makeTempCorpus(prefix: string, extra: Record<string, string> = {}): Promise<TempCorpus> {
  const root = await mkdtemp(join(tmpdir(), `${prefix}-`));
  const corpusDir = join(root, 'corpus');
  await cp(SEED_CORPUS, corpusDir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) await writeFile(join(corpusDir, name), text);
  return { root, corpusDir, indexDir: join(root, 'index'), remove: () => rm(root, { recursive: true, force: true }) };
}

/** Config read from an environment made only of `env` (defaults otherwise), pointed at the temp corpus. */
export function configFor(corpus: Pick<TempCorpus, 'corpusDir' | 'indexDir'>, env: Record<string, string> = {}): Config {
  return { ...loadConfig(env), corpusDir: corpus.corpusDir, indexDir: corpus.indexDir };
}

export function buildIndex(config: Config): Promise<IngestSummary> {
  return ingestCorpus(config, { corpusDir: config.corpusDir, indexDir: config.indexDir });
}

export interface ServedEngine {
  url: string;
  engine: Engine;
  close(): Promise<void>;
}

/** Opens the engine on `config.indexDir` and serves it with the real app on 127.0.0.1:0. */
export async function serveRealEngine(config: Config, options: { onFallback?: (reason: string) => void } = {}): Promise<ServedEngine> {
  const engine = await openEngine(config, { onFallback: options.onFallback });
  const app = createApp({
    config: { apiKey: undefined, rateLimitPerMin: 0, corsOrigins: [] },
    logger: pino({ level: 'silent' }),
    getEngine: () => engine,
  });
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  return { url: server.url, engine, close: () => server.close() };
}

// ---------------------------------------------------------------- prompts seen by a fake LLM

interface PromptBody {
  messages?: Array<{ role: string; content: unknown }>;
}

function partText(part: unknown): string {
  const text = typeof part === 'object' && part !== null && 'text' in part ? part.text : undefined;
  return typeof text === 'string' ? text : '';
}

/** The text of a message, whether the client sent a string or content parts. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: unknown) => (typeof part === 'string' ? part : partText(part))).join('');
  return '';
}

/** The numbered <passage> blocks of the answer prompt: n → inner text. */
export function passagesOf(body: unknown): Map<number, string> {
  const user = (body as PromptBody).messages?.find((message) => message.role === 'user');
  const passages = new Map<number, string>();
  for (const match of messageText(user?.content).matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g))
    passages.set(Number(match[1]), match[2]!);
  return passages;
}

/** The number of the passage that contains `needle`, or undefined when none does. */
export function passageNumber(body: unknown, needle: string): number | undefined {
  for (const [n, text] of passagesOf(body)) if (text.includes(needle)) return n;
  return undefined;
}

/**
 * A grounded two-sentence model answer for the venue question: the venue sentence and another
 * sentence of the same passage, both citing it. Undefined when the venue sentence was not retrieved.
 */
export function venueAnswerText(body: unknown): string | undefined {
  const n = passageNumber(body, SEED_VENUE_SENTENCE);
  if (!n) return undefined;
  const other = passagesOf(body)
    .get(n)!
    .split(/(?<=다\.)\s+/)
    .map((sentence) => sentence.trim())
    .find((sentence) => sentence.endsWith('다.') && !sentence.startsWith(SEED_VENUE_SENTENCE));
  return `${SEED_VENUE_SENTENCE} [${n}]. ${(other ?? `${SEED_VENUE_SENTENCE}.`).slice(0, -1)} [${n}].`;
}

// ---------------------------------------------------------------- SSE client

export interface SseClient {
  /** Every event received so far, in order. */
  events: SseEvent[];
  status: Promise<number>;
  /** Resolves with the first event (already received or future) that matches. */
  waitFor(predicate: (event: SseEvent) => boolean): Promise<SseEvent>;
  /** Resolves with all events once the server ends the response. */
  finished: Promise<SseEvent[]>;
  /** Cuts the connection, as a browser tab being closed. */
  destroy(): void;
}

/** POSTs a chat body with `Accept: text/event-stream` and parses events as they arrive. */
export function streamChat(baseUrl: string, body: unknown): SseClient {
  const events: SseEvent[] = [];
  const waiters: Array<{ predicate: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void }> = [];
  let resolveStatus!: (status: number) => void;
  let rejectStatus!: (error: Error) => void;
  const status = new Promise<number>((resolve, reject) => {
    resolveStatus = resolve;
    rejectStatus = reject;
  });
  let request!: ClientRequest;
  const finished = new Promise<SseEvent[]>((resolve, reject) => {
    request = httpRequestRaw(
      `${baseUrl}/api/chat`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' } },
      (response) => {
        resolveStatus(response.statusCode ?? 0);
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let boundary: number;
          while ((boundary = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            const lines = block.split('\n').filter((line) => line && !line.startsWith(':'));
            const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
            if (data.length === 0) continue;
            const event: SseEvent = {
              event: lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message',
              data: JSON.parse(data.join('\n')) as unknown,
            };
            events.push(event);
            for (const waiter of waiters.splice(0)) {
              if (waiter.predicate(event)) waiter.resolve(event);
              else waiters.push(waiter);
            }
          }
        });
        response.on('end', () => resolve(events));
        response.on('error', reject);
        response.on('aborted', () => reject(new Error('response aborted')));
      },
    );
    request.on('error', (error) => {
      rejectStatus(error);
      reject(error);
    });
    request.end(JSON.stringify(body));
  });
  finished.catch(() => undefined); // a destroyed stream rejects; callers that care await it
  status.catch(() => undefined);
  return {
    events,
    status,
    finished,
    waitFor(predicate) {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        finished.then(
          () => reject(new Error(`stream ended without the awaited event; got ${events.map((event) => event.event).join(', ')}`)),
          reject,
        );
      });
    },
    destroy: () => request.destroy(),
  };
}

/** Polls `check` until it returns true, every `intervalMs`, giving up after `attempts` tries. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string | (() => string),
  attempts = 200,
  intervalMs = 25,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
}
