// `npm start`: wires the engine host, the provider checks, the watchers and the HTTP server.
// The listener opens first so /healthz answers while the index is prepared; a start that
// can never serve exits non-zero with one line instead of staying up answering 503.
import { watch } from 'node:fs';
import { basename } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { createEmbedder, openEngine } from '../wiring.js';
import { indexStaleness } from '../index/staleness.js';
import { listCorpusFiles } from '../corpus/read-corpus.js';
import { currentGeneration, watchCurrent } from '../index/store.js';
import { postgresFollower, type IndexFollower } from '../index/postgres/serving.js';
import { createApp } from './app.js';
import { EngineHost, type Generation } from './engine-host.js';
import { startIngestProcess, summaryLine, type IngestProcess } from './ingest-process.js';
import { startServer, type RunningServer } from './listen.js';
import { describeCause, llmFailureMessage, llmStatusFor, probeChatModel, probeEmbedder, type LlmStatus } from './providers.js';

/** Quiet time after the last change under CORPUS_DIR before a re-index (an editor saves in bursts). */
const CORPUS_DEBOUNCE_MS = 1_000;
/** While the chat model is unreachable, check it again this often. */
const LLM_RECHECK_MS = 30_000;

export interface Serving {
  server: RunningServer;
  host: EngineHost;
  /** Stops watchers and any build, then closes the server gracefully. */
  close(): Promise<void>;
}

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

/**
 * Starts serving. `onListening` gets the closer as soon as the port is open, so a SIGTERM
 * during a long first build shuts down cleanly too. Rejects (after closing) when no index
 * can be served; the error's message is the one line to show.
 */
export async function serve(config: Config, logger: Logger, onListening?: (close: () => Promise<void>) => void): Promise<Serving> {
  const llm: LlmStatus | undefined = llmStatusFor(config);
  let llmTimer: NodeJS.Timeout | undefined;
  let build: IngestProcess | undefined;
  const stops: Array<() => void> = [];

  const onFallback = (reason: string, error?: unknown): void => {
    const cause = reason === 'timeout' ? 'timeout' : describeCause(error);
    logger.warn({ reason, cause, provider: llm?.provider, host: llm?.host, model: llm?.model }, `LLM 답변 실패(${reason}: ${cause}), 추출식 답변으로 대체`);
    // Only a failed call says the model is down; a refused or too long answer does not.
    if (llm && (reason === 'error' || reason === 'timeout')) markLlm(cause);
  };

  const index = config.indexBackend === 'postgres' ? postgresFollower(config) : localFollower(config);
  const host: EngineHost = new EngineHost({
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

  /** Records the chat model's state: a cause while it fails (then re-checked later), undefined when it answers. */
  function markLlm(cause: string | undefined): void {
    if (!llm) return;
    const changed = llm.state === 'unchecked' || llm.cause !== cause;
    llm.state = cause ? 'unreachable' : 'ok';
    llm.cause = cause;
    host.setIssue('llm', cause ? llmFailureMessage(llm, cause) : undefined);
    if (cause && changed) logger.warn({ provider: llm.provider, host: llm.host, model: llm.model, cause }, llmFailureMessage(llm, cause));
    clearTimeout(llmTimer);
    llmTimer = cause ? setTimeout(() => void checkLlm(), LLM_RECHECK_MS).unref() : undefined;
  }

  async function checkLlm(): Promise<void> {
    if (!llm) return;
    const cause = await probeChatModel(llm, { apiKey: config.openai.apiKey, timeoutMs: config.probeTimeoutMs });
    if (!cause && llm.state === 'unreachable') logger.info({ provider: llm.provider, host: llm.host, model: llm.model }, '언어 모델에 다시 연결되었습니다');
    markLlm(cause);
  }

  const app = createApp({
    config,
    logger,
    getEngine: () => host.engine(),
    getStatus: () => ({ ...host.status(), ...(llm ? { llm: { ...llm } } : {}) }),
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
      clearTimeout(llmTimer);
      build?.kill();
      await server.close();
    })();
    return closing;
  };
  onListening?.(close);

  try {
    // The chat model is checked beside the index: a warning, never a reason not to start.
    const llmCheck = checkLlm();
    await host.start();
    await llmCheck;
  } catch (error) {
    await close();
    throw error;
  }
  const engine = host.engine()!;
  const status = host.status();
  logger.info({ ...engine.stats(), generation: status.generation, status: status.state }, status.state === 'ready' ? '색인 준비 완료' : `색인 준비 완료 (degraded: ${status.reason})`);

  const watching = (what: string, start: () => () => void): void => {
    try {
      stops.push(start());
    } catch (error) {
      logger.warn({ err: error }, `${what}을(를) 감시할 수 없습니다: ${(error as Error).message}`);
    }
  };
  watching(config.indexBackend === 'postgres' ? '색인 데이터베이스' : `색인 폴더(${config.indexDir})`, () => index.watch(() => void host.adoptLive()));
  if (config.watchCorpus) watching(`코퍼스 폴더(${config.corpusDir})`, () => watchCorpus(config.corpusDir, () => void host.reindex('코퍼스 파일이 바뀌었습니다', { onlyIfStale: true })));
  return { server, host, close };
}

/** Calls `onChange` once the corpus has been quiet for a moment after a change. */
function watchCorpus(corpusDir: string, onChange: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(corpusDir, { recursive: true, persistent: false }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, CORPUS_DEBOUNCE_MS);
  });
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
