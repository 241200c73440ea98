// `npm start`: wires the engine host, the provider checks, the watchers and the HTTP server.
// The listener opens first so /healthz answers while the index is prepared; a start that
// can never serve exits non-zero with one line instead of staying up answering 503.
import { basename } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { listCorpusFiles } from '../corpus/read-corpus.js';
import { indexStaleness } from '../index/staleness.js';
import { currentGeneration, watchCurrent } from '../index/generation.js';
import { watchDebounced } from '../index/watch.js';
import { postgresFollower, type IndexFollower } from '../postgres/serving.js';
import { createApp } from '../server/app.js';
import { EngineHost, type Generation } from '../server/engine-host.js';
import { startIngestProcess, summaryLine, type IngestProcess } from '../server/ingest-process.js';
import { startServer } from '../server/listen.js';
import { LlmMonitor } from '../server/llm-monitor.js';
import { probeEmbedder } from '../server/providers.js';
import { errorMessage, isAppError } from '../errors/app-error.js';
import { createEmbedder, openEngine } from '../wiring.js';
import { createLogger } from '../cli-logger.js';
import { dotEnvApplied, withConfig } from './load-config.js';

/** Quiet time after the last change under CORPUS_DIR before a re-index (an editor saves in bursts). */
const CORPUS_DEBOUNCE_MS = 1_000;

async function liveGenerationName(indexDir: string): Promise<string | undefined> {
  const dir = await currentGeneration(indexDir);
  return dir ? basename(dir) : undefined;
}

/** Opens the live generation and names it; re-opens when CURRENT moved during the load. */
async function openLive(config: Config, onFallback: (reason: string, error?: unknown) => void, index: IndexFollower): Promise<Generation> {
  for (let attempt = 0; ; attempt++) {
    const before = await index.liveGeneration();
    const engine = await openEngine(config, { onFallback });
    const after = await index.liveGeneration();
    if (before === after || attempt >= 2) return { engine, id: after ?? before ?? '?' };
  }
}

/** The index on disk (INDEX_DIR): its CURRENT file names the generation, a watch on the folder follows it. */
function localFollower(config: Config): IndexFollower {
  return {
    liveGeneration: () => liveGenerationName(config.indexDir),
    staleness: async () => indexStaleness(createEmbedder(config).id, config.indexDir, await listCorpusFiles(config.corpusDir)),
    watch: (onChange) => watchCurrent(config.indexDir, onChange),
  };
}

/** The index the server follows: the folder, or the PostgreSQL database (INDEX_BACKEND). */
function followerOf(config: Config): IndexFollower {
  return config.indexBackend === 'postgres' ? postgresFollower(config, createEmbedder(config).id) : localFollower(config);
}

/** The engine host over the index; builds run as a child ingest process (`kill` stops the current one). */
function createHost(
  config: Config,
  index: IndexFollower,
  logger: Logger,
  onFallback: (reason: string, error?: unknown) => void,
): { host: EngineHost; killBuild: () => void } {
  let build: IngestProcess | undefined;
  const host = new EngineHost({
    open: () => openLive(config, onFallback, index),
    liveGeneration: () => index.liveGeneration(),
    staleness: () => index.staleness(),
    preflight: () => probeEmbedder(config, createEmbedder(config)),
    build: async () => {
      build = startIngestProcess({ corpusDir: config.corpusDir, indexDir: config.indexDir, onLine: (line) => logger.info(line) });
      try {
        const summary = await build.done;
        logger.info(summaryLine(summary));
        return summary;
      } finally {
        build = undefined;
      }
    },
    log: {
      info: (message, details) => logger.info(details ?? {}, message),
      warn: (message, details) => logger.warn(details ?? {}, message),
    },
  });
  return { host, killBuild: () => build?.kill() };
}

/**
 * Starts serving. `onListening` gets the closer as soon as the port is open, so a SIGTERM
 * during a long first build shuts down cleanly too. Rejects (after closing) when no index
 * can be served; the error's message is the one line to show.
 */
async function serve(config: Config, logger: Logger, onListening?: (close: () => Promise<void>) => void): Promise<void> {
  const llm = new LlmMonitor(config, logger, (message) => host.setIssue('llm', message));
  const index = followerOf(config);
  const { host, killBuild } = createHost(config, index, logger, llm.onFallback);
  const stops: Array<() => void> = [];

  const app = createApp({
    config,
    logger,
    getEngine: () => host.engine(),
    getStatus: () => {
      const status = llm.snapshot();
      return { ...host.status(), ...(status ? { llm: status } : {}) };
    },
    reindex: (trigger) => {
      const running = host.status().reindexing;
      void host.reindex(trigger);
      return { started: !running };
    },
  });
  const server = await startServer(app, { host: config.host, port: config.port, limits: config });
  logger.info({ url: server.url }, `서버 시작: ${server.url}`);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      host.stop();
      for (const stop of stops) stop();
      llm.stop();
      killBuild();
      await server.close();
    })();
    return closing;
  };
  onListening?.(close);

  try {
    // The chat model is checked beside the index: a warning, never a reason not to start.
    const llmCheck = llm.check();
    await host.start();
    await llmCheck;
  } catch (error) {
    await close();
    throw error;
  }
  logReady(host, logger);
  stops.push(...startWatchers(config, index, host, logger));
}

function logReady(host: EngineHost, logger: Logger): void {
  const status = host.status();
  const counts = host.engine()?.stats();
  logger.info(
    { ...counts, generation: status.generation, status: status.state },
    status.state === 'ready' ? '색인 준비 완료' : `색인 준비 완료 (degraded: ${status.reason})`,
  );
}

/** Follows CURRENT (another process published a generation) and, with WATCH_CORPUS=1, the corpus. */
function startWatchers(config: Config, index: IndexFollower, host: EngineHost, logger: Logger): Array<() => void> {
  const stops: Array<() => void> = [];
  const watching = (what: string, start: () => () => void): void => {
    try {
      stops.push(start());
    } catch (error) {
      logger.warn({ err: error }, `${what}을(를) 감시할 수 없습니다: ${errorMessage(error)}`);
    }
  };
  watching(config.indexBackend === 'postgres' ? '색인 데이터베이스' : `색인 폴더(${config.indexDir})`, () =>
    index.watch(() => void host.adoptLive()),
  );
  if (config.watchCorpus) {
    watching(`코퍼스 폴더(${config.corpusDir})`, () =>
      watchDebounced(config.corpusDir, () => void host.reindex('코퍼스 파일이 바뀌었습니다', { onlyIfStale: true }), {
        debounceMs: CORPUS_DEBOUNCE_MS,
        recursive: true,
      }),
    );
  }
  return stops;
}

/** The `serve` command: serves until SIGTERM or SIGINT, then finishes the requests in flight. */
export async function serveCommand(): Promise<void> {
  const config = withConfig();
  const logger = await createLogger(config);
  const dotEnv = dotEnvApplied();
  if (dotEnv?.applied.length)
    logger.info({ file: dotEnv.file, variables: dotEnv.applied }, `설정 파일에서 읽음: ${dotEnv.applied.join(', ')}`);
  let close: (() => Promise<void>) | undefined;
  const shutdown = async (signal: string) => {
    logger.info({ signal }, '종료 중: 새 요청을 받지 않고 처리 중인 요청을 마칩니다');
    await close?.();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  try {
    await serve(config, logger, (closer) => (close = closer));
  } catch (error) {
    // Nothing can be served: one line and a non-zero exit, never a live process that is never ready.
    process.stderr.write(`${isAppError(error) ? error.message : `오류: ${errorMessage(error)}`}\n`);
    process.exit(1);
  }
}
