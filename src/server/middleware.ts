// The app's small middlewares, one concern each: request logging, security headers, API-key
// auth, CORS, JSON-only bodies, UTF-8-only requests, forbidden keys, and 405 for known paths.
import { isUtf8 } from 'node:buffer';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppError } from '../errors/app-error.js';
import { MESSAGES, MethodNotAllowedError } from './errors.js';
import { checkBodyShape } from './schemas.js';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** True when the request carries `Authorization: Bearer <apiKey>`. Hashing first gives
 *  equal-length buffers, so timingSafeEqual also hides the key's length. */
export function apiKeyChecker(apiKey: string): (request: Request) => boolean {
  const expected = sha256(apiKey);
  return (request) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.get('authorization') ?? '');
    const given = match?.[1];
    return given !== undefined && timingSafeEqual(sha256(given), expected);
  };
}

export function requireApiKey(apiKey: string): RequestHandler {
  const authorized = apiKeyChecker(apiKey);
  return (request, _response, next) => {
    if (authorized(request)) return next();
    next(new AppError('UNAUTHORIZED', MESSAGES.unauthorized));
  };
}

/** CORS stays closed (no headers at all) unless the origin is listed; `*` opens it to all. */
export function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (request, response, next) => {
    const origin = request.get('origin');
    response.vary('Origin');
    const isPreflight = request.method === 'OPTIONS' && request.get('access-control-request-method') !== undefined;
    if (origin && (allowed.has(origin) || allowed.has('*'))) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After, RateLimit, RateLimit-Policy');
      if (isPreflight) {
        response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Accept');
        response.setHeader('Access-Control-Max-Age', '600');
      }
    }
    // Without the allow headers above, the browser refuses the real request.
    if (isPreflight) return void response.status(204).end();
    next();
  };
}

/** JSON or nothing: with a body it must be application/json; without one, the declared type decides. */
export function requireJson(request: Request, _response: Response, next: NextFunction): void {
  if (request.method !== 'POST') return next();
  const matched = request.is('application/json');
  const declaredJson = /^application\/json\s*(;|$)/i.test(request.get('content-type') ?? '');
  if (matched || (matched === null && declaredJson)) return next();
  next(new AppError('UNSUPPORTED_MEDIA_TYPE', MESSAGES.notJson));
}

/** For express.json's `verify`: the raw bytes must be UTF-8, or the decoder would silently
 *  replace the bad bytes with U+FFFD and the question would not be what the user sent. */
export function verifyUtf8Body(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (!isUtf8(body)) throw new AppError('VALIDATION', MESSAGES.badUtf8);
}

/** The bytes a URL's percent-escapes stand for (other characters as their UTF-8). */
function percentDecoded(url: string): Buffer {
  const raw = Buffer.from(url, 'utf8');
  const out = Buffer.alloc(raw.length);
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw.readUInt8(i);
    const hex = byte === 0x25 && i + 2 < raw.length ? raw.toString('latin1', i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      out[length++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[length++] = byte;
  }
  return out.subarray(0, length);
}

/** Percent-escapes in the path and query must decode to UTF-8 (`%FF` would silently become U+FFFD). */
export function requireUtf8Url(request: Request, _response: Response, next: NextFunction): void {
  const url = request.originalUrl;
  if (url.includes('%') && !isUtf8(percentDecoded(url))) return next(new AppError('VALIDATION', MESSAGES.badUtf8));
  next();
}

export function rejectForbiddenKeys(request: Request, _response: Response, next: NextFunction): void {
  checkBodyShape(request.body);
  checkBodyShape(request.query);
  next();
}

/** Guards a path: its methods go on, OPTIONS answers 204 with `Allow`, anything else is 405
 *  with `Allow` (rather than 404, which would say the path does not exist). HEAD rides with GET. */
export function allowOnly(...methods: string[]): RequestHandler {
  const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
  return (request, response, next) => {
    if (allow.includes(request.method) && request.method !== 'OPTIONS') return next();
    if (request.method === 'OPTIONS') return void response.setHeader('Allow', allow.join(', ')).status(204).end();
    next(new MethodNotAllowedError(allow));
  };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId(request: IncomingMessage, response: ServerResponse) {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    // pino-http attaches an `err` with a stack to every status ≥ 500; the expected 503 (index
    // not ready, nothing thrown) is logged as a plain request line instead.
    customErrorObject: (_request, response, _error, value: Record<string, unknown>) =>
      response.statusCode === 503 && !response.err ? { ...value, err: undefined } : value,
    customErrorMessage: (_request, response) => (response.statusCode === 503 && !response.err ? 'request completed' : 'request errored'),
    customLogLevel(_request, response, error) {
      // "Not ready yet" is the expected answer while the index is built, not a failure.
      // pino-http hands every 5xx a synthetic error: only a thrown one (res.err) counts.
      if (response.statusCode === 503 && !response.err) return 'info';
      if (error || response.statusCode >= 500) return 'error';
      return response.statusCode >= 400 ? 'warn' : 'info';
    },
    // The path only: query strings carry search text, and headers carry the API key.
    serializers: {
      req: (request: { id: unknown; method: string; url: string; remoteAddress?: string; raw?: { ip?: string } }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
        // Express's req.ip: the client behind a trusted proxy (TRUST_PROXY), else the socket peer.
        remoteAddress: request.raw?.ip ?? request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
}

/** Helmet's headers with a CSP that allows only the page's own files (and data: images). */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}
