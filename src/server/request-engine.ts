// The engine a request was admitted with. A re-index swaps the host's engine at any moment;
// a request keeps the one it was checked against from the guard to its last byte.
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';
import type { Engine } from '../rag/engine.js';
import { MESSAGES } from './errors.js';

const engines = new WeakMap<Request, Engine>();

/** Admits a request only when an engine is loaded (503 NOT_READY otherwise) and pins that engine to it. */
export function requireEngine(getEngine: () => Engine | undefined): RequestHandler {
  return (request, _response, next) => {
    const engine = getEngine();
    if (!engine) throw new AppError('NOT_READY', MESSAGES.notReady);
    engines.set(request, engine);
    next();
  };
}

/** The engine `requireEngine` pinned to this request. */
export function engineOf(request: Request): Engine {
  const engine = engines.get(request);
  if (!engine) throw new AppError('NOT_READY', MESSAGES.notReady);
  return engine;
}
