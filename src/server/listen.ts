// The HTTP listener: connection limits and timeouts against slow or idle clients, JSON
// answers for requests the HTTP parser rejects, and graceful shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Config } from '../config/config.js';

/** Transport limits; see Config for the variables and their defaults. */
type ServerLimits = Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnections'>;

/** Node's own defaults are for trusted networks (requestTimeout 300 s, no connection cap). */
const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

interface StartServerOptions {
  host: string;
  port: number;
  /** How long close() lets in-flight requests (SSE streams included) run before cutting them. */
  shutdownGraceMs?: number;
  limits?: Partial<ServerLimits>;
}

interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish up to the grace period, resolves within 5 s. */
  close(): Promise<void>;
}

const CLIENT_ERRORS: Record<string, { status: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: '431 Request Header Fields Too Large', message: '요청 헤더가 너무 큽니다.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: '408 Request Timeout', message: '요청을 제한 시간 안에 다 받지 못했습니다.' },
};

/** The parser refused the request (a raw non-ASCII URL, a broken header, a slow client):
 *  answer in the API's JSON error shape rather than Node's empty 400. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  const known = CLIENT_ERRORS[error.code ?? ''];
  const status = known?.status ?? '400 Bad Request';
  const message = known?.message ?? '요청 형식이 올바르지 않습니다. 주소의 한글 등은 퍼센트 인코딩(UTF-8)해 주세요.';
  const code = status.startsWith('408') ? 'REQUEST_TIMEOUT' : status.startsWith('431') ? 'HEADERS_TOO_LARGE' : 'VALIDATION';
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startServer(
  app: (request: IncomingMessage, response: ServerResponse) => void,
  options: StartServerOptions,
): Promise<RunningServer> {
  const graceMs = Math.min(options.shutdownGraceMs ?? 4_000, 4_500);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // The timeouts above are enforced by a sweep at this interval (Node's default 30 s would
    // let a slow client overstay its limit by up to that much).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
  });
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Past the cap, new connections are closed at once; the ones being served go on.
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  server.on('clientError', answerClientError);
  const sockets = new Set<Socket>();
  const inFlight = new Map<Socket, number>();
  let closing = false;

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      inFlight.delete(socket);
    });
  });
  // Registered before the app so the count is right when the app answers synchronously.
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    if (closing) response.setHeader('Connection', 'close');
    response.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (left > 0) inFlight.set(socket, left);
      else inFlight.delete(socket);
      if (closing && left <= 0) socket.destroy();
    });
  });
  server.on('request', app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  // A TCP listener always has an AddressInfo (a string is a pipe or socket path).
  if (address === null || typeof address === 'string') throw new Error(`unexpected listen address: ${String(address)}`);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, graceMs);
        server.close(() => {
          clearTimeout(force);
          // The responses' 'close' handlers (which abort pipelines) run on the next turn.
          setImmediate(resolve);
        });
        for (const socket of sockets) if (!inFlight.has(socket)) socket.destroy();
      });
      return closed;
    },
  };
}
