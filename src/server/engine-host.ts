// The serving side of the index: which generation answers, and the start-up state machine
//   starting → ready | degraded | failed
// A new generation is built beside the live one (by an ingest process, so the event loop
// keeps answering), opened, and swapped in with one assignment between requests. A request
// takes the engine once when it starts, so requests in flight finish on the old generation,
// which is freed when the last of them ends. Only one build runs at a time.
import { AppError, errorMessage } from '../errors/app-error.js';
import type { IngestSummary } from '../ingest/ingest.js';
import type { Engine } from '../rag/engine.js';

type ServeState = 'starting' | 'ready' | 'degraded' | 'failed';

/** An opened index generation: its engine and its folder name (the content of CURRENT). */
export interface Generation {
  engine: Engine;
  id: string;
}

interface HostLog {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface EngineHostDeps {
  /** Opens the live generation; throws when none is loadable (missing, corrupt, other embedder). */
  open(): Promise<Generation>;
  /** The live generation's name (CURRENT), or undefined when there is none. */
  liveGeneration(): Promise<string | undefined>;
  /** Why the live index is out of date with the corpus, or undefined when it is current. */
  staleness(): Promise<string | undefined>;
  /** Builds and publishes a new generation. */
  build(request: { reason: string }): Promise<IngestSummary>;
  /** Checks what a build and the queries need (the embedding provider); throws with a one-line reason. */
  preflight?(): Promise<void>;
  log: HostLog;
  /** After a failed re-index while serving, try again this much later (default 30 s; 0 = never). */
  retryMs?: number;
}

/** Why the host is degraded, by source; a later success of that source clears it. */
type IssueSource = 'index' | 'embedder' | 'llm';

export interface HostStatus {
  state: ServeState;
  /** Set when degraded or failed: one Korean sentence per issue. */
  reason?: string;
  generation?: string;
  reindexing: boolean;
}

interface ReindexOutcome {
  ok: boolean;
  generation?: string;
  summary?: IngestSummary;
  reason?: string;
}

export class EngineHost {
  #current: Generation | undefined;
  #failure: string | undefined;
  readonly #issues = new Map<IssueSource, string>();
  #running: Promise<ReindexOutcome> | undefined;
  #again: { trigger: string; onlyIfStale: boolean } | undefined;
  #retry: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(private readonly deps: EngineHostDeps) {}

  /** The engine a new request should use; undefined until the first generation is open. */
  engine(): Engine | undefined {
    return this.#current?.engine;
  }

  status(): HostStatus {
    const reindexing = this.#running !== undefined;
    if (this.#failure !== undefined) return { state: 'failed', reason: this.#failure, reindexing };
    if (!this.#current) return { state: 'starting', reindexing };
    const generation = this.#current.id;
    if (this.#issues.size === 0) return { state: 'ready', generation, reindexing };
    return { state: 'degraded', reason: [...this.#issues.values()].join(' '), generation, reindexing };
  }

  /** Marks (or with undefined, clears) a reason to be degraded that the host does not see itself. */
  setIssue(source: IssueSource, reason: string | undefined): void {
    if (reason === undefined) this.#issues.delete(source);
    else this.#issues.set(source, reason);
  }

  /**
   * Serves the live generation at once when it loads (re-indexing it in the background when
   * it is stale), else builds one first. Resolves ready or degraded; rejects (state failed)
   * when nothing can be served, with the error whose message is the one line to show.
   */
  async start(): Promise<void> {
    const stale = await this.deps.staleness();
    let openError: unknown;
    try {
      this.#swap(await this.deps.open());
    } catch (error) {
      openError = error;
    }
    if (this.#current) {
      if (stale) {
        this.deps.log.info(`${stale} → 지금 색인으로 답하면서 새 색인을 만듭니다.`);
        void this.reindex(stale);
      } else if (this.deps.preflight) {
        await this.#check(async () => this.deps.preflight?.(), 'embedder');
      }
      return;
    }
    const reason = stale ?? (openError === undefined ? '색인이 없습니다' : errorMessage(openError));
    this.deps.log.info(`${reason} → 색인을 ${stale ? '' : '다시 '}만듭니다.`);
    try {
      await this.deps.preflight?.();
    } catch (error) {
      this.#failure = errorMessage(error); // already the one line: host, model, fix
      throw error;
    }
    try {
      await this.deps.build({ reason });
      this.#swap(await this.deps.open());
    } catch (error) {
      this.#failure = `색인을 만들지 못해 서버를 시작할 수 없습니다: ${errorMessage(error)}`;
      throw new AppError('INGEST_FAILED', this.#failure, { cause: error });
    }
  }

  /**
   * Builds a new generation and swaps it in; answering goes on from the current one meanwhile.
   * A call while a build runs schedules one more build after it (the corpus may have changed
   * again) and shares its outcome. `onlyIfStale` skips the build when the index is current.
   */
  reindex(trigger: string, options: { onlyIfStale?: boolean } = {}): Promise<ReindexOutcome> {
    if (this.#running) {
      this.#again = { trigger, onlyIfStale: (this.#again?.onlyIfStale ?? true) && (options.onlyIfStale ?? false) };
      return this.#running;
    }
    this.#running = (async () => {
      let outcome = await this.#reindexOnce(trigger, options.onlyIfStale ?? false);
      while (this.#again && !this.#stopped) {
        const next = this.#again;
        this.#again = undefined;
        outcome = await this.#reindexOnce(next.trigger, next.onlyIfStale);
      }
      return outcome;
    })().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Loads the live generation when someone else (a CLI ingest) published a new one. */
  async adoptLive(): Promise<boolean> {
    if (this.#running || this.#stopped || !this.#current) return false;
    const live = await this.deps.liveGeneration();
    if (!live || live === this.#current.id) return false;
    try {
      const opened = await this.deps.open();
      // A build of ours may have started and finished meanwhile; never step back.
      if (this.#running || opened.id === this.#current.id) return false;
      this.#swap(opened);
      this.#issues.delete('index');
      this.deps.log.info(`새 색인 세대를 불러왔습니다: ${opened.id}`, opened.engine.stats());
      return true;
    } catch (error) {
      // A generation replaced again while loading; the next change of CURRENT brings the next one.
      this.deps.log.warn(`새 색인 세대를 불러오지 못했습니다: ${errorMessage(error)}`);
      return false;
    }
  }

  /** Stops retries; a running build is left to its owner (the ingest process is killed there). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
  }

  async #reindexOnce(trigger: string, onlyIfStale: boolean): Promise<ReindexOutcome> {
    clearTimeout(this.#retry);
    const previous = this.#current?.id;
    if (this.deps.preflight) {
      try {
        await this.deps.preflight();
        this.#issues.delete('embedder');
      } catch (error) {
        return this.#failed('embedder', errorMessage(error), trigger, previous);
      }
    }
    try {
      if (onlyIfStale && !(await this.deps.staleness())) {
        this.#issues.delete('index');
        return { ok: true, generation: previous };
      }
      this.deps.log.info(`색인을 다시 만듭니다 (${trigger}). 그동안 지금 색인으로 답합니다.`);
      const summary = await this.deps.build({ reason: trigger });
      const opened = await this.deps.open();
      this.#swap(opened);
      this.#issues.delete('index');
      this.deps.log.info(`새 색인으로 바꿨습니다: ${previous ?? '없음'} → ${opened.id}`, opened.engine.stats());
      return { ok: true, generation: opened.id, summary };
    } catch (error) {
      const reason = errorMessage(error);
      return this.#failed(
        'index',
        `색인을 새로 만들지 못해 이전 색인(${previous ?? '없음'})으로 답합니다: ${reason}`,
        trigger,
        previous,
        reason,
      );
    }
  }

  #failed(source: IssueSource, message: string, trigger: string, previous: string | undefined, reason = message): ReindexOutcome {
    this.#issues.set(source, message);
    this.deps.log.warn(message);
    this.#scheduleRetry(trigger);
    return { ok: false, generation: previous, reason };
  }

  async #check(probe: () => Promise<void>, source: IssueSource): Promise<void> {
    try {
      await probe();
      this.#issues.delete(source);
    } catch (error) {
      this.#issues.set(source, errorMessage(error));
      this.deps.log.warn(errorMessage(error));
      this.#scheduleRetry('공급자 재확인');
    }
  }

  #scheduleRetry(trigger: string): void {
    const delay = this.deps.retryMs ?? 30_000;
    if (delay <= 0 || this.#stopped) return;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.reindex(trigger, { onlyIfStale: true }), delay);
    this.#retry.unref();
  }

  #swap(next: Generation): void {
    this.#current = next;
  }
}
