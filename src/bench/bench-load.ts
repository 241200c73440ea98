// `npm run bench:load`: HTTP load on POST /api/chat. A child process indexes KorQuAD (local
// embedder, extractive answers) and serves it on 127.0.0.1 with the real app and the same
// engine host as `npm start`; this process drives it with autocannon, rotating KorQuAD
// questions, so the server's RSS is its own and the load generator does not share its event
// loop. With --reindex, a second run of the same load goes on while the server re-indexes the
// KorQuAD corpus from scratch (an ingest process, as POST /api/admin/reindex does) and swaps
// generations, again and again until the run ends; the report puts both runs side by side.
// Prints measured numbers only; traffic never leaves 127.0.0.1 and the run is bounded.
// The server side is load-server.ts; what the two say to each other is load-protocol.ts.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEFAULT_KORQUAD_FILE } from '../eval/bench-korquad.js';
import { loadKorquad } from '../eval/korquad-data.js';
import { roundTo } from '../eval/round.js';
import { startIngestProcess } from '../server/ingest-process.js';
import { childScript } from './child-script.js';
import { MB, type FromServer, type ReindexReport, type ToServer } from './load-protocol.js';
import { serverChildEnvironment } from '../config/environment.js';

export interface LoadRunResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
}

interface LoadBenchResult extends LoadRunResult {
  /** Server process RSS (after a full GC) once the index is loaded and warmed up, and after the run. */
  rssStartMB: number;
  rssEndMB: number;
  /** With --reindex: the same load while the corpus is re-indexed and swapped in, repeatedly. */
  reindex?: ReindexRunResult;
}

interface ReindexRunResult extends LoadRunResult, ReindexReport {
  seconds: number;
  /** This run's p99 over the plain run's (the target is ≤ 2). */
  p99Ratio: number;
}

interface LoadBenchOptions {
  durationSeconds: number;
  connections: number;
  data?: string;
  /** Also measure the load during repeated re-index and swap. */
  reindex?: boolean;
  /** Seconds of load before rssStartMB is read (default 5: the heap reaches its working size). */
  warmupSeconds?: number;
  onNotice?: (message: string) => void;
}

const SERVER_SCRIPT = childScript(import.meta.url, 'load-server').path;

function isMessageOf<T extends FromServer['type']>(message: FromServer, type: T): message is Extract<FromServer, { type: T }> {
  return message.type === type;
}

function nextMessage<T extends FromServer['type']>(child: ChildProcess, type: T): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message.type === 'failed') finish(() => reject(new Error(`부하 테스트 서버 실패: ${message.message}`)));
      else if (isMessageOf(message, type)) finish(() => resolve(message));
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

/** An autocannon run under way: stop it early, or await its result. */
interface Cannon {
  stop(): void;
  result: Promise<autocannon.Result>;
}

/** One autocannon run; every request takes the next question of the rotation. */
export function fire(url: string, questions: string[], durationSeconds: number, connections: number): Cannon {
  let next = 0;
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
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
    };
    instance = autocannon(options, (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)));
  });
  return { stop: () => instance?.stop(), result };
}

export function summarise(result: autocannon.Result): LoadRunResult {
  return {
    requestsPerSec: roundTo(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The load during re-indexing: runs at least `durationSeconds` and until one swap is done
 *  (bounded by `maxSeconds`), so every report includes a swap under load. */
async function reindexRun(
  child: ChildProcess,
  url: string,
  questions: string[],
  options: LoadBenchOptions,
  maxSeconds = 120,
): Promise<Omit<ReindexRunResult, 'p99Ratio'>> {
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
    const result = await cannon.result;
    const seconds = (performance.now() - started) / 1000;
    const swapsUnderLoad = swaps;
    const report = nextMessage(child, 'reindex-report');
    child.send({ type: 'reindex-stop' } satisfies ToServer);
    // The rebuild running when the load ended still finishes (and is timed), but is not counted as under load.
    const { report: measured } = await report;
    return { ...summarise(result), seconds: roundTo(seconds, 1), ...measured, swaps: swapsUnderLoad };
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
    await fire(ready.url, rotation, options.warmupSeconds ?? 5, options.connections).result;
    const rssStart = await serverRss(child);
    options.onNotice?.(`부하 ${options.durationSeconds}초, 동시 연결 ${options.connections}개…`);
    const plain = summarise(await fire(ready.url, rotation, options.durationSeconds, options.connections).result);
    const rssEnd = await serverRss(child);
    const result: LoadBenchResult = { ...plain, rssStartMB: roundTo(rssStart / MB, 1), rssEndMB: roundTo(rssEnd / MB, 1) };
    if (options.reindex) {
      options.onNotice?.(
        `같은 부하를 주면서 KorQuAD 코퍼스를 처음부터 다시 색인하고 교체합니다 (최소 ${options.durationSeconds}초, 교체 1회 이상)…`,
      );
      const during = await reindexRun(child, ready.url, rotation, options);
      result.reindex = { ...during, p99Ratio: roundTo(during.p99Ms / Math.max(plain.p99Ms, 1), 2) };
    }
    return result;
  } finally {
    await stopServer(child);
  }
}

// glibc gives each thread its own malloc arena and keeps freed pages in it: RSS then creeps up
// under load although the JS heap is flat. Two arenas keep it steady, as in `npm start`.
function forkServer(args: string[]): ChildProcess {
  // Always through tsx, the built .js too: the server's RSS figures were measured that way.
  return fork(SERVER_SCRIPT, args, {
    env: serverChildEnvironment(),
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.connected) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' } satisfies ToServer);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6_000))]);
  }
  if (child.exitCode === null) child.kill();
}

/** The server's RSS around one swap (see ReindexReport), and how long the re-index took. */
interface SwapMemoryResult extends Pick<ReindexReport, 'serverRssBeforeMB' | 'serverRssPeakMB' | 'serverRssAfterMB' | 'ingestRssPeakMB'> {
  chunks: number;
  /** The first index, built before the server starts. */
  ingestSeconds: number;
  reindexSeconds: number;
}

/**
 * `npm run bench:load -- --swap-memory N`: memory of one zero-gap swap on a large index. A
 * synthetic corpus of N chunks (bench:scale's) is indexed, served, re-indexed (incrementally: a
 * full new generation is written, no chunk re-embedded) and swapped, the server's RSS read every
 * 100 ms. No HTTP load: the figure is the memory of holding old and new generations at once.
 */
export async function runSwapMemoryBench(options: {
  chunks: number;
  data?: string;
  onNotice?: (message: string) => void;
}): Promise<SwapMemoryResult> {
  const { generateSyntheticCorpus, korquadSentencePool } = await import('./bench-scale.js');
  const work = await mkdtemp(join(tmpdir(), 'bench-swap-'));
  let child: ChildProcess | undefined;
  try {
    const corpusDir = join(work, 'corpus');
    const indexDir = join(work, 'index');
    const generated = await generateSyntheticCorpus(await korquadSentencePool(options.data ?? DEFAULT_KORQUAD_FILE), {
      chunks: options.chunks,
      dir: corpusDir,
    });
    options.onNotice?.(`합성 코퍼스: 기사 ${generated.articles}개, 청크 약 ${generated.chunks}개. 색인 중…`);
    const started = performance.now();
    const summary = await startIngestProcess({ corpusDir, indexDir, env: { EMBEDDINGS_PROVIDER: 'local' } }).done;
    const ingestSeconds = roundTo((performance.now() - started) / 1000, 1);
    options.onNotice?.(`색인 완료 (청크 ${summary.chunks}개, ${ingestSeconds}초). 서버를 띄우고 다시 색인해 교체합니다…`);
    child = forkServer(['--serve-index', corpusDir, indexDir]);
    await nextMessage(child, 'ready');
    const swapped = nextMessage(child, 'swap');
    const reindexStarted = performance.now();
    child.send({ type: 'reindex-start' } satisfies ToServer);
    await swapped;
    const reindexSeconds = roundTo((performance.now() - reindexStarted) / 1000, 1);
    const report = nextMessage(child, 'reindex-report');
    child.send({ type: 'reindex-stop' } satisfies ToServer);
    const { report: measured } = await report;
    return {
      chunks: summary.chunks,
      ingestSeconds,
      reindexSeconds,
      serverRssBeforeMB: measured.serverRssBeforeMB,
      serverRssPeakMB: measured.serverRssPeakMB,
      serverRssAfterMB: measured.serverRssAfterMB,
      ingestRssPeakMB: measured.ingestRssPeakMB,
    };
  } finally {
    if (child) await stopServer(child);
    await rm(work, { recursive: true, force: true });
  }
}
