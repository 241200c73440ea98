// `npm run bench:load`: HTTP load on POST /api/chat. A child process indexes KorQuAD (local
// embedder, extractive answers) and serves it on 127.0.0.1 with the real app and the same
// engine host as `npm start`; this process drives it with autocannon, rotating KorQuAD
// questions, so the server's RSS is its own and the load generator does not share its event
// loop. With --reindex, a second run of the same load goes on while the server re-indexes the
// KorQuAD corpus from scratch (an ingest process, as POST /api/admin/reindex does) and swaps
// generations, again and again until the run ends; the report puts both runs side by side.
// Prints measured numbers only; traffic never leaves 127.0.0.1 and the run is bounded.
import { fork, type ChildProcess } from 'node:child_process';
import { readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pino from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { ingestCorpus, openEngine } from '../wiring.js';
import { currentGeneration } from '../index/store.js';
import { createApp, startServer } from '../server/app.js';
import { EngineHost } from '../server/engine-host.js';
import { startIngestProcess } from '../server/ingest-process.js';
import { DEFAULT_KORQUAD_FILE } from '../eval/bench-korquad.js';
import { loadKorquad } from '../eval/korquad-data.js';

export interface LoadRunResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
}

export interface LoadBenchResult extends LoadRunResult {
  /** Server process RSS (after a full GC) once the index is loaded and warmed up, and after the run. */
  rssStartMB: number;
  rssEndMB: number;
  /** With --reindex: the same load while the corpus is re-indexed and swapped in, repeatedly. */
  reindex?: ReindexRunResult;
}

export interface ReindexRunResult extends LoadRunResult {
  seconds: number;
  /** Generations built and swapped in while the load ran. */
  swaps: number;
  /** Wall time of each rebuild (ingest process start to swap), the one running at the end included. */
  rebuildSeconds: number[];
  /** This run's p99 over the plain run's (the target is ≤ 2). */
  p99Ratio: number;
  /** Server RSS: before the first rebuild, highest reading (every 100 ms) while old and new were
   *  both held, and after the last swap and a full GC. */
  serverRssBeforeMB: number;
  serverRssPeakMB: number;
  serverRssAfterMB: number;
  /** Highest RSS of the ingest processes (read from /proc; null where it is not available). */
  ingestRssPeakMB: number | null;
}

export interface LoadBenchOptions {
  durationSeconds: number;
  connections: number;
  data?: string;
  /** Also measure the load during repeated re-index and swap. */
  reindex?: boolean;
  /** Seconds of load before rssStartMB is read (default 5: the heap reaches its working size). */
  warmupSeconds?: number;
  onNotice?: (message: string) => void;
}

/** Messages between the bench and its server child. */
type ToServer = { type: 'rss' } | { type: 'stop' } | { type: 'reindex-start' } | { type: 'reindex-stop' };
type ReindexReport = Pick<ReindexRunResult, 'swaps' | 'rebuildSeconds' | 'serverRssBeforeMB' | 'serverRssPeakMB' | 'serverRssAfterMB' | 'ingestRssPeakMB'>;
type FromServer =
  | { type: 'ready'; url: string; articles: number; chunks: number }
  | { type: 'rss'; rss: number }
  | { type: 'swap'; generation: string }
  | { type: 'reindex-report'; report: ReindexReport }
  | { type: 'failed'; message: string };

const THIS_FILE = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The same engine settings as bench:korquad: offline, deterministic. */
function benchConfig(corpusDir: string, indexDir: string): Config {
  return { ...loadConfig(), embeddingsProvider: 'local', llmProvider: 'extractive', corpusDir, indexDir, apiKey: undefined, rateLimitPerMin: 0, indexBackend: 'local' };
}

/** RSS after a full GC: memory the server holds, not garbage not yet swept. V8 hands freed
 *  pages back to the OS from a background thread, so wait for it once. */
async function settledRss(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((settle) => setTimeout(settle, 1000));
  gc?.();
  return process.memoryUsage().rss;
}

/** A process's resident set from /proc (Linux), in bytes; undefined elsewhere or once it exited. */
async function procRss(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** KorQuAD's paragraphs as a JSONL corpus, indexed: what the server child serves. */
async function prepareKorquad(dataFile: string, work: string): Promise<{ corpusDir: string; indexDir: string }> {
  const corpusDir = join(work, 'corpus');
  const indexDir = join(work, 'index');
  const data = await loadKorquad(dataFile);
  await mkdir(corpusDir);
  await writeFile(join(corpusDir, 'korquad.jsonl'), data.articles.map(({ id, title, text }) => JSON.stringify({ id, title, text })).join('\n'));
  await ingestCorpus(benchConfig(corpusDir, indexDir));
  return { corpusDir, indexDir };
}

/**
 * Child side: serves an indexed corpus through an EngineHost, as `npm start` does. `source` is
 * a KorQuAD file (indexed here, in a temp dir removed at the end), or a prepared corpus and index.
 * `rebuild`: each re-index starts from scratch (re-embeds everything) or is incremental.
 */
async function serveChild(source: { dataFile: string } | { corpusDir: string; indexDir: string }, rebuild: boolean): Promise<void> {
  const send = (message: FromServer) => process.send!(message);
  const work = 'dataFile' in source ? await mkdtemp(join(tmpdir(), 'bench-load-')) : undefined;
  try {
    const { corpusDir, indexDir } = 'dataFile' in source ? await prepareKorquad(source.dataFile, work!) : source;
    const config = benchConfig(corpusDir, indexDir);

    let ingestPid: number | undefined;
    let rebuildStarted = 0;
    const rebuildSeconds: number[] = [];
    const host = new EngineHost({
      open: async () => ({ engine: await openEngine(config), id: basename((await currentGeneration(config.indexDir)) ?? '?') }),
      liveGeneration: async () => basename((await currentGeneration(config.indexDir)) ?? ''),
      staleness: async () => undefined,
      // From scratch (bench:load), each rebuild re-embeds the whole corpus: the work a changed embedder or recipe costs.
      build: async () => {
        rebuildStarted = performance.now();
        const build = startIngestProcess({ corpusDir: config.corpusDir, indexDir: config.indexDir, rebuild, env: { EMBEDDINGS_PROVIDER: 'local' } });
        ingestPid = build.pid;
        try {
          return await build.done;
        } finally {
          ingestPid = undefined;
        }
      },
      log: {
        info: (message) => {
          if (!message.startsWith('새 색인으로 바꿨습니다')) return;
          rebuildSeconds.push(round((performance.now() - rebuildStarted) / 1000, 1));
          send({ type: 'swap', generation: host.status().generation ?? '?' });
        },
        warn: (message) => process.stderr.write(`${message}\n`),
      },
      retryMs: 0,
    });
    await host.start();
    const app = createApp({ config, logger: pino({ level: 'silent' }), getEngine: () => host.engine(), getStatus: () => host.status() });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });

    let reindexing: Promise<ReindexReport> | undefined;
    let looping = false;
    const reindexLoop = async (): Promise<ReindexReport> => {
      const before = await settledRss();
      let peak = before;
      let ingestPeak: number | undefined;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
        void procRss(ingestPid).then((rss) => (ingestPeak = rss === undefined ? ingestPeak : Math.max(ingestPeak ?? 0, rss)));
      }, 100);
      let swaps = 0;
      try {
        while (looping) {
          const outcome = await host.reindex('bench:load --reindex');
          if (!outcome.ok) throw new Error(outcome.reason);
          swaps++;
        }
      } finally {
        clearInterval(sampler);
      }
      const after = await settledRss();
      return {
        swaps,
        rebuildSeconds: rebuildSeconds.splice(0),
        serverRssBeforeMB: round(before / MB, 1),
        serverRssPeakMB: round(peak / MB, 1),
        serverRssAfterMB: round(after / MB, 1),
        ingestRssPeakMB: ingestPeak === undefined ? null : round(ingestPeak / MB, 1),
      };
    };

    const stats = host.engine()!.stats();
    process.on('message', async (message: ToServer) => {
      if (message.type === 'rss') send({ type: 'rss', rss: await settledRss() });
      if (message.type === 'reindex-start') {
        looping = true;
        reindexing = reindexLoop();
        reindexing.catch((error: Error) => send({ type: 'failed', message: error.message }));
      }
      if (message.type === 'reindex-stop') {
        looping = false;
        if (reindexing) send({ type: 'reindex-report', report: await reindexing });
      }
      if (message.type === 'stop') {
        host.stop();
        void server
          .close()
          .then(() => (work ? rm(work, { recursive: true, force: true }) : undefined))
          .finally(() => process.disconnect());
      }
    });
    send({ type: 'ready', url: server.url, articles: stats.articles, chunks: stats.chunks });
  } catch (error) {
    if (work) await rm(work, { recursive: true, force: true });
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

type Cannon = autocannon.Instance & PromiseLike<autocannon.Result>;

/** One autocannon run; every request takes the next question of the rotation. */
export function fire(url: string, questions: string[], durationSeconds: number, connections: number): Cannon {
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
  }) as unknown as Cannon;
}

export function summarise(result: autocannon.Result): LoadRunResult {
  return {
    requestsPerSec: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The load during re-indexing: runs at least `durationSeconds` and until one swap is done
 *  (bounded by `maxSeconds`), so every report includes a swap under load. */
async function reindexRun(child: ChildProcess, url: string, questions: string[], options: LoadBenchOptions, maxSeconds = 120): Promise<Omit<ReindexRunResult, 'p99Ratio'>> {
  let swaps = 0;
  const onMessage = (message: FromServer) => {
    if (message.type === 'swap') swaps++;
  };
  child.on('message', onMessage);
  const started = performance.now();
  child.send({ type: 'reindex-start' } satisfies ToServer);
  const cannon = fire(url, questions, maxSeconds, options.connections);
  const check = setInterval(() => {
    if (swaps > 0 && performance.now() - started >= options.durationSeconds * 1000) cannon.stop();
  }, 100);
  try {
    const result = await cannon;
    const seconds = (performance.now() - started) / 1000;
    const swapsUnderLoad = swaps;
    const report = nextMessage(child, 'reindex-report');
    child.send({ type: 'reindex-stop' } satisfies ToServer);
    // The rebuild running when the load ended still finishes (and is timed), but is not counted as under load.
    const { report: measured } = await report;
    return { ...summarise(result), seconds: round(seconds, 1), ...measured, swaps: swapsUnderLoad };
  } finally {
    clearInterval(check);
    child.off('message', onMessage);
  }
}

export async function runLoadBench(options: LoadBenchOptions): Promise<LoadBenchResult> {
  const dataFile = options.data ?? DEFAULT_KORQUAD_FILE;
  const { questions } = await loadKorquad(dataFile);
  // Every dev question in file order: the rotation walks through every dev article.
  const rotation = questions.map((question) => question.question);
  const child = forkServer(['--serve', dataFile]);
  try {
    options.onNotice?.('KorQuAD 색인을 만들고 서버를 시작합니다…');
    const ready = await nextMessage(child, 'ready');
    options.onNotice?.(`서버 준비: ${ready.url} (기사 ${ready.articles}개, 청크 ${ready.chunks}개). 예열 중…`);
    await fire(ready.url, rotation, options.warmupSeconds ?? 5, options.connections);
    const rssStart = await serverRss(child);
    options.onNotice?.(`부하 ${options.durationSeconds}초, 동시 연결 ${options.connections}개…`);
    const plain = summarise(await fire(ready.url, rotation, options.durationSeconds, options.connections));
    const rssEnd = await serverRss(child);
    const result: LoadBenchResult = { ...plain, rssStartMB: round(rssStart / MB, 1), rssEndMB: round(rssEnd / MB, 1) };
    if (options.reindex) {
      options.onNotice?.(`같은 부하를 주면서 KorQuAD 코퍼스를 처음부터 다시 색인하고 교체합니다 (최소 ${options.durationSeconds}초, 교체 1회 이상)…`);
      const during = await reindexRun(child, ready.url, rotation, options);
      result.reindex = { ...during, p99Ratio: round(during.p99Ms / Math.max(plain.p99Ms, 1), 2) };
    }
    return result;
  } finally {
    await stopServer(child);
  }
}

// glibc gives each thread its own malloc arena and keeps freed pages in it: RSS then creeps up
// under load although the JS heap is flat. Two arenas keep it steady, as in `npm start`.
function forkServer(args: string[]): ChildProcess {
  return fork(THIS_FILE, args, { env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' }, execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.connected) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' } satisfies ToServer);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6_000))]);
  }
  if (child.exitCode === null) child.kill();
}

export interface SwapMemoryResult {
  chunks: number;
  /** The first index, built before the server starts. */
  ingestSeconds: number;
  /** The server's RSS around one swap (see ReindexRunResult), and how long the re-index took. */
  reindexSeconds: number;
  serverRssBeforeMB: number;
  serverRssPeakMB: number;
  serverRssAfterMB: number;
  ingestRssPeakMB: number | null;
}

/**
 * `npm run bench:load -- --swap-memory N`: memory of one zero-gap swap on a large index. A
 * synthetic corpus of N chunks (bench:scale's) is indexed, served, re-indexed (incrementally: a
 * full new generation is written, no chunk re-embedded) and swapped, the server's RSS read every
 * 100 ms. No HTTP load: the figure is the memory of holding old and new generations at once.
 */
export async function runSwapMemoryBench(options: { chunks: number; data?: string; onNotice?: (message: string) => void }): Promise<SwapMemoryResult> {
  const { generateSyntheticCorpus, korquadSentencePool } = await import('./bench-scale.js');
  const work = await mkdtemp(join(tmpdir(), 'bench-swap-'));
  let child: ChildProcess | undefined;
  try {
    const corpusDir = join(work, 'corpus');
    const indexDir = join(work, 'index');
    const generated = await generateSyntheticCorpus(await korquadSentencePool(options.data ?? DEFAULT_KORQUAD_FILE), { chunks: options.chunks, dir: corpusDir });
    options.onNotice?.(`합성 코퍼스: 기사 ${generated.articles}개, 청크 약 ${generated.chunks}개. 색인 중…`);
    const started = performance.now();
    const summary = await startIngestProcess({ corpusDir, indexDir, env: { EMBEDDINGS_PROVIDER: 'local' } }).done;
    const ingestSeconds = round((performance.now() - started) / 1000, 1);
    options.onNotice?.(`색인 완료 (청크 ${summary.chunks}개, ${ingestSeconds}초). 서버를 띄우고 다시 색인해 교체합니다…`);
    child = forkServer(['--serve-index', corpusDir, indexDir]);
    await nextMessage(child, 'ready');
    const swapped = nextMessage(child, 'swap');
    const reindexStarted = performance.now();
    child.send({ type: 'reindex-start' } satisfies ToServer);
    await swapped;
    const reindexSeconds = round((performance.now() - reindexStarted) / 1000, 1);
    const report = nextMessage(child, 'reindex-report');
    child.send({ type: 'reindex-stop' } satisfies ToServer);
    const { report: measured } = await report;
    return { chunks: summary.chunks, ingestSeconds, reindexSeconds, serverRssBeforeMB: measured.serverRssBeforeMB, serverRssPeakMB: measured.serverRssPeakMB, serverRssAfterMB: measured.serverRssAfterMB, ingestRssPeakMB: measured.ingestRssPeakMB };
  } finally {
    if (child) await stopServer(child);
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv[2] === '--serve') void serveChild({ dataFile: process.argv[3] ?? DEFAULT_KORQUAD_FILE }, true);
  if (process.argv[2] === '--serve-index') void serveChild({ corpusDir: process.argv[3]!, indexDir: process.argv[4]! }, false);
}
