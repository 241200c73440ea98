// `npm run bench:load`: HTTP load on POST /api/chat. A child process builds the KorQuAD
// index (local embedder, extractive answers) and serves it on 127.0.0.1 with the real
// app; this process drives it with autocannon, rotating KorQuAD questions, so the
// server's RSS is its own and the load generator does not share its event loop.
// Prints measured numbers only; traffic never leaves 127.0.0.1 and the run is bounded.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pino from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { buildEngine } from '../engine.js';
import { createApp, startServer } from '../server/app.js';
import { DEFAULT_KORQUAD_FILE } from './bench-korquad.js';
import { loadKorquad } from './korquad-data.js';

export interface LoadBenchResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Server process RSS (after a full GC) once the index is loaded and warmed up, and after the run. */
  rssStartMB: number;
  rssEndMB: number;
}

export interface LoadBenchOptions {
  durationSeconds: number;
  connections: number;
  data?: string;
  /** Seconds of load before rssStartMB is read (default 5: the heap reaches its working size). */
  warmupSeconds?: number;
  onNotice?: (message: string) => void;
}

/** Messages between the bench and its server child. */
type ToServer = { type: 'rss' } | { type: 'stop' };
type FromServer = { type: 'ready'; url: string; articles: number; chunks: number } | { type: 'rss'; rss: number } | { type: 'failed'; message: string };

const THIS_FILE = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The same engine settings as bench:korquad: offline, deterministic. */
function benchConfig(indexDir: string): Config {
  return { ...loadConfig(), embeddingsProvider: 'local', llmProvider: 'extractive', indexDir, apiKey: undefined, rateLimitPerMin: 0 };
}

/** Child side: index KorQuAD into a temp dir, serve it, answer RSS queries, stop on request. */
async function serveChild(dataFile: string): Promise<void> {
  const send = (message: FromServer) => process.send!(message);
  const indexDir = await mkdtemp(join(tmpdir(), 'bench-load-index-'));
  try {
    const config = benchConfig(indexDir);
    const data = await loadKorquad(dataFile);
    const engine = await buildEngine(config, data.articles, config.indexDir);
    const app = createApp({ config, logger: pino({ level: 'silent' }), getEngine: () => engine });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });
    const stats = engine.stats();
    process.on('message', async (message: ToServer) => {
      if (message.type === 'rss') {
        // Collect first, so the reading is memory the server holds, not garbage not yet swept;
        // V8 hands freed pages back to the OS from a background thread, so wait for it once.
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        await new Promise((settle) => setTimeout(settle, 1000));
        gc?.();
        send({ type: 'rss', rss: process.memoryUsage().rss });
      }
      if (message.type === 'stop') {
        void server
          .close()
          .then(() => rm(indexDir, { recursive: true, force: true }))
          .finally(() => process.disconnect());
      }
    });
    send({ type: 'ready', url: server.url, articles: stats.articles, chunks: stats.chunks });
  } catch (error) {
    await rm(indexDir, { recursive: true, force: true });
    send({ type: 'failed', message: (error as Error).message });
    process.disconnect();
  }
}

function nextMessage<T extends FromServer['type']>(child: ChildProcess, type: T): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message.type === 'failed') finish(() => reject(new Error(`부하 테스트 서버 실패: ${message.message}`)));
      else if (message.type === type) finish(() => resolve(message as Extract<FromServer, { type: T }>));
    };
    const onExit = (code: number | null) => finish(() => reject(new Error(`부하 테스트 서버가 종료되었습니다 (코드 ${code})`)));
    const finish = (settle: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function serverRss(child: ChildProcess): Promise<number> {
  const reply = nextMessage(child, 'rss');
  child.send({ type: 'rss' } satisfies ToServer);
  return (await reply).rss;
}

/** One autocannon run; every request takes the next question of the rotation. */
function fire(url: string, questions: string[], durationSeconds: number, connections: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/chat',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ question: questions[next++ % questions.length] }) }),
      },
    ],
  });
}

export async function runLoadBench(options: LoadBenchOptions): Promise<LoadBenchResult> {
  const dataFile = options.data ?? DEFAULT_KORQUAD_FILE;
  const { questions } = await loadKorquad(dataFile);
  // Every dev question in file order: the rotation walks through every dev article.
  const rotation = questions.map((question) => question.question);
  // glibc gives each thread its own malloc arena and keeps freed pages in it: RSS then
  // creeps up under load although the JS heap is flat. Two arenas keep it steady, as in
  // `npm start`.
  const child = fork(THIS_FILE, ['--serve', dataFile], { env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' }, execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    options.onNotice?.('KorQuAD 색인을 만들고 서버를 시작합니다…');
    const ready = await nextMessage(child, 'ready');
    options.onNotice?.(`서버 준비: ${ready.url} (기사 ${ready.articles}개, 청크 ${ready.chunks}개). 예열 중…`);
    await fire(ready.url, rotation, options.warmupSeconds ?? 5, options.connections);
    const rssStart = await serverRss(child);
    options.onNotice?.(`부하 ${options.durationSeconds}초, 동시 연결 ${options.connections}개…`);
    const result = await fire(ready.url, rotation, options.durationSeconds, options.connections);
    const rssEnd = await serverRss(child);
    return {
      requestsPerSec: round(result.requests.average, 1),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      rssStartMB: round(rssStart / MB, 1),
      rssEndMB: round(rssEnd / MB, 1),
    };
  } finally {
    if (child.connected) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ToServer);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6_000))]);
    }
    if (child.exitCode === null) child.kill();
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url && process.argv[2] === '--serve') {
  void serveChild(process.argv[3] ?? DEFAULT_KORQUAD_FILE);
}
