// Child of bench:load (bench-load.ts forks it): serves an indexed corpus through an
// EngineHost and the real app on 127.0.0.1, as `npm start` does, and re-indexes on request.
//   load-server.ts --serve <KorQuAD file>               index KorQuAD in a temp dir, rebuild from scratch
//   load-server.ts --serve-index <corpus dir> <index dir>  serve a prepared index, rebuild incrementally
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { errorMessage } from '../errors/app-error.js';
import { DEFAULT_KORQUAD_FILE } from '../eval/bench-korquad.js';
import { loadKorquad } from '../eval/korquad-data.js';
import { roundTo } from '../eval/round.js';
import { currentGeneration } from '../index/generation.js';
import { createApp } from '../server/app.js';
import { EngineHost } from '../server/engine-host.js';
import { startIngestProcess } from '../server/ingest-process.js';
import { startServer } from '../server/listen.js';
import { ingestCorpus, openEngine } from '../wiring.js';
import { MB, type FromServer, type ReindexReport, type ToServer } from './load-protocol.js';

const send = (message: FromServer) => process.send?.(message);

/** The same engine settings as bench:korquad: offline, deterministic. */
function benchConfig(corpusDir: string, indexDir: string): Config {
  return {
    ...loadConfig(),
    embeddingsProvider: 'local',
    llmProvider: 'extractive',
    corpusDir,
    indexDir,
    apiKey: undefined,
    rateLimitPerMin: 0,
    indexBackend: 'local',
  };
}

/** RSS after a full GC: memory the server holds, not garbage not yet swept. V8 hands freed
 *  pages back to the OS from a background thread, so wait for it once. */
async function settledRss(): Promise<number> {
  globalThis.gc?.();
  await new Promise((settle) => setTimeout(settle, 1000));
  globalThis.gc?.();
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

/** KorQuAD's paragraphs as a JSONL corpus in `work`, indexed. */
async function prepareKorquad(dataFile: string, work: string): Promise<{ corpusDir: string; indexDir: string }> {
  const corpusDir = join(work, 'corpus');
  const indexDir = join(work, 'index');
  const data = await loadKorquad(dataFile);
  await mkdir(corpusDir);
  await writeFile(
    join(corpusDir, 'korquad.jsonl'),
    data.articles.map(({ id, title, text }) => JSON.stringify({ id, title, text })).join('\n'),
  );
  await ingestCorpus(benchConfig(corpusDir, indexDir));
  return { corpusDir, indexDir };
}

/** The rebuild under way: its ingest process and when it started; the wall times of those done. */
interface Rebuilds {
  ingestPid?: number;
  started: number;
  seconds: number[];
}

/** The engine host `npm start` would run, its builds done by ingest processes and timed. */
function createHost(config: Config, rebuild: boolean, rebuilds: Rebuilds): EngineHost {
  const generation = async () => basename((await currentGeneration(config.indexDir)) ?? '');
  const host: EngineHost = new EngineHost({
    open: async () => ({ engine: await openEngine(config), id: (await generation()) || '?' }),
    liveGeneration: generation,
    staleness: () => Promise.resolve(undefined),
    // From scratch (bench:load), each rebuild re-embeds the whole corpus: the work a changed embedder or recipe costs.
    build: async () => {
      rebuilds.started = performance.now();
      const build = startIngestProcess({
        corpusDir: config.corpusDir,
        indexDir: config.indexDir,
        rebuild,
        env: { EMBEDDINGS_PROVIDER: 'local' },
      });
      rebuilds.ingestPid = build.pid;
      try {
        return await build.done;
      } finally {
        rebuilds.ingestPid = undefined;
      }
    },
    log: {
      info: (message) => {
        if (!message.startsWith('새 색인으로 바꿨습니다')) return;
        rebuilds.seconds.push(roundTo((performance.now() - rebuilds.started) / 1000, 1));
        send({ type: 'swap', generation: host.status().generation ?? '?' });
      },
      warn: (message) => process.stderr.write(`${message}\n`),
    },
    retryMs: 0,
  });
  return host;
}

/** Re-indexes and swaps again and again while `looping()`, sampling the RSS every 100 ms. */
async function reindexLoop(host: EngineHost, rebuilds: Rebuilds, looping: () => boolean): Promise<ReindexReport> {
  const before = await settledRss();
  let peak = before;
  let ingestPeak: number | undefined;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    void procRss(rebuilds.ingestPid).then((rss) => (ingestPeak = rss === undefined ? ingestPeak : Math.max(ingestPeak ?? 0, rss)));
  }, 100);
  let swaps = 0;
  try {
    while (looping()) {
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
    rebuildSeconds: rebuilds.seconds.splice(0),
    serverRssBeforeMB: roundTo(before / MB, 1),
    serverRssPeakMB: roundTo(peak / MB, 1),
    serverRssAfterMB: roundTo(after / MB, 1),
    ingestRssPeakMB: ingestPeak === undefined ? null : roundTo(ingestPeak / MB, 1),
  };
}

/**
 * Serves the corpus and index `prepare` yields until the parent says stop. `rebuild`: each
 * re-index starts from scratch (re-embeds everything) or is incremental. `cleanUp` removes
 * what `prepare` made, after the server closed or when starting failed.
 */
async function serveChild(
  prepare: () => Promise<{ corpusDir: string; indexDir: string }>,
  rebuild: boolean,
  cleanUp: () => Promise<void>,
): Promise<void> {
  try {
    const { corpusDir, indexDir } = await prepare();
    const config = benchConfig(corpusDir, indexDir);
    const rebuilds: Rebuilds = { started: 0, seconds: [] };
    const host = createHost(config, rebuild, rebuilds);
    await host.start();
    const app = createApp({ config, logger: pino({ level: 'silent' }), getEngine: () => host.engine(), getStatus: () => host.status() });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });

    let reindexing: Promise<ReindexReport> | undefined;
    let looping = false;
    const onMessage = async (message: ToServer): Promise<void> => {
      if (message.type === 'rss') send({ type: 'rss', rss: await settledRss() });
      if (message.type === 'reindex-start') {
        looping = true;
        reindexing = reindexLoop(host, rebuilds, () => looping);
        reindexing.catch((error: unknown) => send({ type: 'failed', message: errorMessage(error) }));
      }
      if (message.type === 'reindex-stop') {
        looping = false;
        if (reindexing) send({ type: 'reindex-report', report: await reindexing });
      }
      if (message.type === 'stop') {
        host.stop();
        void server
          .close()
          .then(cleanUp)
          .finally(() => process.disconnect());
      }
    };
    process.on('message', (message: ToServer) => void onMessage(message));
    const stats = host.engine()?.stats();
    if (!stats) throw new Error('색인을 열지 못했습니다');
    send({ type: 'ready', url: server.url, articles: stats.articles, chunks: stats.chunks });
  } catch (error) {
    await cleanUp();
    send({ type: 'failed', message: errorMessage(error) });
    process.disconnect();
  }
}

const [mode, first, second] = process.argv.slice(2);
if (mode === '--serve') {
  const work = await mkdtemp(join(tmpdir(), 'bench-load-'));
  void serveChild(
    () => prepareKorquad(first ?? DEFAULT_KORQUAD_FILE, work),
    true,
    () => rm(work, { recursive: true, force: true }),
  );
}
if (mode === '--serve-index' && first !== undefined && second !== undefined) {
  void serveChild(
    () => Promise.resolve({ corpusDir: first, indexDir: second }),
    false,
    () => Promise.resolve(),
  );
}
