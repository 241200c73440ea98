// The server's console. On a terminal each log is one readable line
//   [15:04:05] INFO: GET /readyz 503 (2ms)
// and everywhere else (a pipe, a file, a log collector) one JSON object per line, which is
// what tools parse. LOG_FORMAT=json|pretty overrides the terminal check.
import pino, { type Logger } from 'pino';
import type { Config } from './config/config.js';

export interface LogStream extends NodeJS.WritableStream {
  isTTY?: boolean;
}

export function usesPrettyLogs(format: Config['logFormat'], stream: LogStream): boolean {
  return format === 'pretty' || (format === 'auto' && stream.isTTY === true);
}

/** A log field as text: strings and numbers as they are, anything else as ''. */
function field(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** pino-http's "request completed" becomes `GET /api/chat 200 (12ms)`; other messages stay as they are. */
function messageFormat(log: Record<string, unknown>, messageKey: string): string {
  const { req, res, responseTime } = log;
  const message = field(log[messageKey]);
  if (typeof req !== 'object' || req === null || typeof res !== 'object' || res === null) return message;
  const request: Record<string, unknown> = { ...req };
  const response: Record<string, unknown> = { ...res };
  const line = `${field(request.method)} ${field(request.path) || field(request.url)} ${field(response.statusCode)}`.trim();
  const time = typeof responseTime === 'number' ? ` (${responseTime}ms)` : '';
  return message === 'request completed' ? `${line}${time}` : `${line}${time} ${message}`;
}

/** A pino logger writing to `stream` (default stdout) in the format the config and the stream call for. */
export async function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>, stream: LogStream = process.stdout): Promise<Logger> {
  if (!usesPrettyLogs(config.logFormat, stream)) {
    // pino's own synchronous writer for stdout, as before; any other stream as given.
    return stream === process.stdout ? pino({ level: config.logLevel }) : pino({ level: config.logLevel }, stream);
  }
  // Loaded only when used: the other commands and JSON logs need no prettifier.
  const { default: pretty } = await import('pino-pretty');
  const destination = pretty({
    destination: stream,
    // In-process and synchronous: a worker-thread transport would lose the last lines at exit.
    sync: true,
    colorize: stream.isTTY === true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    // Request fields are folded into the message; pid and host say nothing on one machine.
    ignore: 'pid,hostname,req,res,responseTime,reqId',
    messageFormat,
  });
  return pino({ level: config.logLevel }, destination);
}
