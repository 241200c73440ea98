// One signal per request: the client's abort and the model's budget, told apart by reason;
// a call's own signal under it; a wait that gives up on abort.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { callSignal, isTimeout, requestSignal, untilAborted } from '../../src/errors/abort.js';

const aborted = (signal: AbortSignal | undefined) =>
  new Promise<unknown>((resolve) => {
    if (signal?.aborted) resolve(signal.reason);
    signal?.addEventListener('abort', () => resolve(signal.reason), { once: true });
  });

describe('requestSignal', () => {
  it('is the client signal itself when there is no model budget (extractive mode)', () => {
    const client = new AbortController();
    expect(requestSignal(client.signal, undefined)).toBe(client.signal);
    expect(requestSignal(undefined, undefined)).toBeUndefined();
  });

  it('aborts when the budget runs out, with the UPSTREAM_TIMEOUT error and its Korean message', async () => {
    const reason = await aborted(requestSignal(new AbortController().signal, 20));
    expect(reason).toBeInstanceOf(AppError);
    expect(reason).toMatchObject({ code: 'UPSTREAM_TIMEOUT', httpStatus: 504, message: 'LLM이 20ms 안에 답하지 않았습니다' });
    expect(isTimeout(reason)).toBe(true);
  });

  it('aborts with the client reason when the client leaves first, which is no timeout', async () => {
    const client = new AbortController();
    const signal = requestSignal(client.signal, 10_000);
    const left = new Error('client disconnected');
    client.abort(left);
    const reason = await aborted(signal);
    expect(reason).toBe(left);
    expect(isTimeout(reason)).toBe(false);
  });
});

describe('isTimeout', () => {
  it.each<[string, unknown, boolean]>([
    ['the budget error', new AppError('UPSTREAM_TIMEOUT', 'LLM이 800ms 안에 답하지 않았습니다'), true],
    ['another AppError', new AppError('UPSTREAM', 'LLM 서버 오류'), false],
    ['a client leaving', new Error('client disconnected'), false],
    ['a DOMException from AbortSignal.timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), false],
    ['nothing', undefined, false],
  ])('%s → %s', (_label, reason, expected) => {
    expect(isTimeout(reason)).toBe(expected);
  });
});

describe('callSignal', () => {
  it('follows the request signal and its reason', async () => {
    const request = new AbortController();
    const call = callSignal(request.signal);
    const reason = new AppError('UPSTREAM_TIMEOUT', 'LLM이 5ms 안에 답하지 않았습니다');
    request.abort(reason);
    expect(await aborted(call.signal)).toBe(reason);
  });

  it('ends one call without touching the request', () => {
    const request = new AbortController();
    const call = callSignal(request.signal);
    call.end();
    expect(call.signal.aborted).toBe(true);
    expect(request.signal.aborted).toBe(false);
    expect(callSignal(undefined).signal.aborted).toBe(false);
  });
});

describe('untilAborted', () => {
  it('resolves like the promise while the signal holds', async () => {
    await expect(untilAborted(Promise.resolve('답'), new AbortController().signal)).resolves.toBe('답');
  });

  it('rejects with the signal reason when it aborts first, before or during the wait', async () => {
    const early = new AbortController();
    early.abort(new Error('이미 끝남'));
    await expect(untilAborted(new Promise(() => undefined), early.signal)).rejects.toThrow('이미 끝남');
    const late = new AbortController();
    const waiting = untilAborted(new Promise(() => undefined), late.signal);
    late.abort(new Error('나중에 끝남'));
    await expect(waiting).rejects.toThrow('나중에 끝남');
  });
});
