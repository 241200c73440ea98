// Cancellation: one AbortSignal per request (the client leaving, or the model's time budget
// running out), a signal per call under it, and a wait that gives up when a signal aborts.
import { AppError, isAppError } from './app-error.js';

/** Resolves like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined); // may reject after we stopped listening
  return new Promise<T>((resolve, reject) => {
    // The signal's own reason, whatever it is, as AbortSignal.throwIfAborted throws it.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The one signal of a request: it aborts when the client leaves (`client`) or when the model's
 * budget of `modelTimeoutMs` runs out, shared by every model call of the request (the follow-up
 * rewrite and the answer), so a hung model costs one budget, not one per call. The budget's
 * reason is an UPSTREAM_TIMEOUT AppError (see isTimeout). Without a budget: the client's signal.
 */
export function requestSignal(client: AbortSignal | undefined, modelTimeoutMs: number | undefined): AbortSignal | undefined {
  if (modelTimeoutMs === undefined) return client;
  const budget = new AbortController();
  // Unreferenced, like AbortSignal.timeout's timer: a pending budget never keeps the process alive.
  setTimeout(
    () => budget.abort(new AppError('UPSTREAM_TIMEOUT', `LLM이 ${modelTimeoutMs}ms 안에 답하지 않았습니다`)),
    modelTimeoutMs,
  ).unref();
  return client ? AbortSignal.any([client, budget.signal]) : budget.signal;
}

/** True when an abort reason is the model's budget running out (requestSignal), not the client leaving. */
export function isTimeout(reason: unknown): boolean {
  return isAppError(reason) && reason.code === 'UPSTREAM_TIMEOUT';
}

/** A signal for one call under the request's: `end()` stops the call's upstream work once its caller is done with it. */
export function callSignal(request: AbortSignal | undefined): { signal: AbortSignal; end: () => void } {
  const call = new AbortController();
  return { signal: request ? AbortSignal.any([request, call.signal]) : call.signal, end: () => call.abort() };
}
