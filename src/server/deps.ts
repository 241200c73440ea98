// What createApp is handed: the engine (once loaded), the start-up state and the re-index trigger.
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Engine } from '../rag/engine.js';
import type { HostStatus } from './engine-host.js';
import type { LlmStatus } from './providers.js';

/** What /readyz reports: the host's state and, in LLM modes, the chat model's. */
export interface ServeStatus extends HostStatus {
  llm?: LlmStatus;
}

export interface AppDeps {
  config: Pick<Config, 'apiKey' | 'rateLimitPerMin' | 'corsOrigins'> & Partial<Pick<Config, 'trustProxy'>>;
  logger: Logger;
  /** The engine new requests use; undefined until an index is loaded (then /readyz and /api/* answer 503). */
  getEngine(): Engine | undefined;
  /** The start-up state machine (see EngineHost); without it: ready once there is an engine. */
  getStatus?(): ServeStatus;
  /** Starts a re-index (POST /api/admin/reindex); absent: the route answers 404. */
  reindex?(trigger: string): { started: boolean };
}

/** The state to report: the host's, or without a host, ready once there is an engine. */
export function currentStatus(deps: Pick<AppDeps, 'getEngine' | 'getStatus'>): ServeStatus {
  return deps.getStatus?.() ?? { state: deps.getEngine() ? 'ready' : 'starting', reindexing: false };
}
