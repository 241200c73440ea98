// Liveness and readiness for orchestrators: /healthz says the process is alive, /readyz
// whether it can answer.
import type { Express, Request } from 'express';
import { AppError } from '../../errors/app-error.js';
import { currentStatus, type AppDeps } from '../deps.js';
import { MESSAGES } from '../errors.js';
import { allowOnly } from '../middleware.js';

/** Registered on the app itself, not a nested router: the probes answer in the fewest steps. */
export function addProbeRoutes(
  app: Express,
  deps: Pick<AppDeps, 'getEngine' | 'getStatus'>,
  authorized: (request: Request) => boolean,
): void {
  app.all('/healthz', allowOnly('GET'), (_request, response) => {
    // A failed start is on its way out: no longer live.
    if (currentStatus(deps).state === 'failed') return void response.status(503).json({ status: 'failed' });
    response.json({ status: 'ok' });
  });
  // 200 while answering (ready, or degraded: serving a previous index or without the chat
  // model); 503 while nothing can be served. Counts and details only with the API key, when set.
  app.all('/readyz', allowOnly('GET'), (request, response) => {
    const current = currentStatus(deps);
    const engine = deps.getEngine();
    if (!engine || current.state === 'starting' || current.state === 'failed') {
      throw new AppError('NOT_READY', current.state === 'failed' && current.reason ? current.reason : MESSAGES.notReady);
    }
    const body: Record<string, unknown> = { status: current.state };
    if (current.reason) body.reason = current.reason;
    if (authorized(request)) {
      Object.assign(body, engine.stats());
      if (current.generation) body.generation = current.generation;
      if (current.reindexing) body.reindexing = true;
      if (current.llm) body.llm = current.llm;
    }
    response.json(body);
  });
}
