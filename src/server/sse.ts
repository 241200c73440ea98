// Server-Sent Events over an Express response: headers, framed events, back-pressure, heartbeats.
import type { Response } from 'express';

/** A comment line every so often keeps proxies from closing a quiet stream (an LLM thinking). */
const HEARTBEAT_MS = 15_000;

interface SseStream {
  /** Writes one event; resolves once the socket has room again. No-op after the client left. */
  send(event: string, data: unknown): Promise<void>;
  /** Ends the stream (idempotent). */
  end(): void;
  /** True once the client disconnected or the stream ended. */
  readonly closed: boolean;
}

export function openSse(response: Response): SseStream {
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache, no-transform');
  response.setHeader('Connection', 'keep-alive');
  // nginx buffers responses unless told otherwise, which would defeat streaming.
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  // Tokens are tiny; Nagle would hold them back.
  response.socket?.setNoDelay(true);

  let closed = false;
  const isGone = (): boolean => closed || response.destroyed || response.writableEnded;
  const heartbeat = setInterval(() => {
    if (!isGone()) response.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  response.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
  });

  return {
    get closed() {
      return isGone();
    },
    async send(event, data) {
      if (isGone()) return;
      // JSON.stringify never emits a raw newline, so one `data:` line per event is enough.
      const ok = response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      if (ok) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.on('drain', done);
        response.on('close', done);
      });
    },
    end() {
      clearInterval(heartbeat);
      if (!isGone()) response.end();
      closed = true;
    },
  };
}
