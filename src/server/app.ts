// The HTTP API and the chat page: routes, validation, security headers, one error renderer,
// and a server starter with graceful shutdown. Depends on the Engine seam only.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import type { Config } from '../config/config.js';
import type { Article } from '../domain/types.js';
import { AppError, isAppError, type ErrorCode } from '../errors/app-error.js';
import type { Engine } from '../rag/engine.js';
import type { AskRequest, ChatEvent } from '../rag/pipeline.js';
import { openSse } from './sse.js';

export interface AppDeps {
  config: Pick<Config, 'apiKey' | 'rateLimitPerMin' | 'corsOrigins'>;
  logger: Logger;
  /** undefined until the index is loaded: then /readyz and /api/* answer 503 NOT_READY (JSON). */
  getEngine(): Engine | undefined;
}

/** The contract's body limit; express spells 64 KiB as '64kb'. */
const BODY_LIMIT = '64kb';
/** A valid chat body nests 3 levels (body → history → turn); anything far deeper is an attack. */
const MAX_BODY_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

const MESSAGES = {
  badJson: 'JSON 형식이 올바르지 않습니다.',
  tooLarge: '요청 본문이 너무 큽니다. 64 KiB 이하로 보내 주세요.',
  notJson: 'Content-Type: application/json 형식의 UTF-8 JSON 본문만 받습니다.',
  protoKey: '허용되지 않는 키(__proto__, constructor, prototype)가 포함되어 있습니다.',
  tooDeep: 'JSON 구조가 너무 깊게 중첩되어 있습니다.',
  unauthorized: 'API 키가 없거나 올바르지 않습니다. Authorization: Bearer <키> 헤더를 보내 주세요.',
  notFound: '요청한 경로를 찾을 수 없습니다.',
  articleNotFound: '해당 기사를 찾을 수 없습니다.',
  rateLimited: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  notReady: '색인을 준비하는 중입니다. 잠시 후 다시 시도해 주세요.',
  internal: '서버 내부 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  validation: '요청 값이 올바르지 않습니다.',
} as const;

// ---------------------------------------------------------------- validation

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A lone surrogate cannot be encoded as UTF-8; it only arrives through crafted `\uD800` escapes. */
const wellFormed = (value: string): boolean => !LONE_SURROGATE.test(value);
const BAD_CHARACTER = '잘못된 문자(짝이 없는 서로게이트)가 포함되어 있습니다.';

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '날짜는 YYYY-MM-DD 형식이어야 합니다.')
  .refine(isRealDate, '존재하지 않는 날짜입니다.');
const source = z.string().trim().min(1, '출처를 입력해 주세요.').max(200, '출처는 200자 이하여야 합니다.').refine(wellFormed, BAD_CHARACTER);

const filtersSchema = z
  .strictObject({ dateFrom: isoDate.optional(), dateTo: isoDate.optional(), source: source.optional() })
  .refine((filters) => !(filters.dateFrom && filters.dateTo && filters.dateFrom > filters.dateTo), {
    message: 'dateFrom은 dateTo보다 늦을 수 없습니다.',
    path: ['dateTo'],
  });

const chatSchema = z.strictObject({
  question: z
    .string()
    .trim()
    .min(1, '질문을 입력해 주세요.')
    .max(2000, '질문은 2000자 이하로 입력해 주세요.')
    .refine(wellFormed, BAD_CHARACTER),
  history: z
    .array(
      z.strictObject({
        role: z.enum(['user', 'assistant']),
        content: z.string().max(4000, '대화 기록의 각 항목은 4000자 이하여야 합니다.').refine(wellFormed, BAD_CHARACTER),
      }),
    )
    .max(20, '대화 기록은 최근 20개까지만 보낼 수 있습니다.')
    .optional(),
  topK: z.number().int().min(1, 'topK는 1 이상이어야 합니다.').max(20, 'topK는 20 이하여야 합니다.').optional(),
  filters: filtersSchema.optional(),
});

// Query values are strings (or arrays when repeated, which z.string() rejects).
const searchSchema = z.object({
  q: z.string().trim().min(1, '검색어(q)를 입력해 주세요.').max(2000, '검색어는 2000자 이하여야 합니다.').refine(wellFormed, BAD_CHARACTER),
  k: z
    .string()
    .regex(/^\d{1,3}$/, 'k는 1에서 50 사이의 정수여야 합니다.')
    .transform(Number)
    .pipe(z.number().min(1, 'k는 1 이상이어야 합니다.').max(50, 'k는 50 이하여야 합니다.'))
    .optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  source: source.optional(),
});

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Korean text for the first issue; our own checks already carry Korean messages. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = formatPath(issue.path) || '본문';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${field}: 값이 필요합니다.`;
      if (issue.expected === 'int') return `${field}: 정수여야 합니다.`;
      return `${field}: ${issue.expected} 형식이어야 합니다.`;
    case 'unrecognized_keys':
      return `${field}: 알 수 없는 항목이 있습니다 (${issue.keys.join(', ')}).`;
    case 'invalid_value':
      return `${field}: ${issue.values.map(String).join(' 또는 ')} 중 하나여야 합니다.`;
    default:
      return `${field}: ${issue.message}`;
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION', describeIssue(parsed.error.issues[0]!));
  return parsed.data;
}

/** Walks the parsed body without recursion (JSON.parse accepts nesting deeper than our stack). */
function checkBodyShape(root: unknown): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) throw new AppError('VALIDATION', MESSAGES.tooDeep);
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new AppError('VALIDATION', MESSAGES.protoKey);
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
}

// ---------------------------------------------------------------- errors

const CODE_FOR_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const MESSAGE_FOR_CODE: Partial<Record<ErrorCode, string>> = {
  VALIDATION: MESSAGES.validation,
  UNAUTHORIZED: MESSAGES.unauthorized,
  NOT_FOUND: MESSAGES.notFound,
  PAYLOAD_TOO_LARGE: MESSAGES.tooLarge,
  UNSUPPORTED_MEDIA_TYPE: MESSAGES.notJson,
  RATE_LIMITED: MESSAGES.rateLimited,
};

interface RenderedError {
  status: number;
  code: ErrorCode;
  message: string;
  /** Our fault: log it with its stack, show the user a generic message. */
  unexpected: boolean;
}

/** body-parser, the router and friends throw http-errors: `{ status, type?, expose }`. */
function httpErrorStatus(error: unknown): { status: number; type?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, type } = error as { status?: unknown; statusCode?: unknown; type?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  if (typeof value !== 'number' || value < 400 || value > 499) return undefined;
  return { status: value, type: typeof type === 'string' ? type : undefined };
}

function renderError(error: unknown): RenderedError {
  if (isAppError(error)) {
    if (error.httpStatus >= 500 && error.httpStatus < 502) {
      return { status: 500, code: 'INTERNAL', message: MESSAGES.internal, unexpected: true };
    }
    return { status: error.httpStatus, code: error.code, message: error.message, unexpected: false };
  }
  const http = httpErrorStatus(error);
  if (http) {
    if (http.type === 'entity.parse.failed') return { status: 400, code: 'VALIDATION', message: MESSAGES.badJson, unexpected: false };
    if (http.type === 'encoding.unsupported' || http.type === 'charset.unsupported') {
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: MESSAGES.notJson, unexpected: false };
    }
    const code = CODE_FOR_STATUS[http.status];
    if (code) return { status: http.status, code, message: MESSAGE_FOR_CODE[code] ?? MESSAGES.validation, unexpected: false };
    return { status: 400, code: 'VALIDATION', message: MESSAGES.validation, unexpected: false };
  }
  return { status: 500, code: 'INTERNAL', message: MESSAGES.internal, unexpected: true };
}

function errorMiddleware(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  const rendered = renderError(error);
  if (rendered.unexpected) {
    // pino-http logs `res.err` with the request line when the response ends.
    response.err = error instanceof Error ? error : new Error(String(error));
  }
  if (response.headersSent) {
    // A half-sent body cannot become an error body; cut the connection so the client notices.
    request.socket.destroy();
    return;
  }
  if (rendered.code === 'NOT_READY') response.setHeader('Retry-After', '5');
  if (rendered.code === 'UNAUTHORIZED') response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(rendered.status).json({ error: { code: rendered.code, message: rendered.message } });
}

// ---------------------------------------------------------------- middleware

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Hashing first gives equal-length buffers, so timingSafeEqual also hides the key's length. */
function requireApiKey(apiKey: string): RequestHandler {
  const expected = sha256(apiKey);
  return (request, _response, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.get('authorization') ?? '');
    if (match && timingSafeEqual(sha256(match[1]!), expected)) return next();
    next(new AppError('UNAUTHORIZED', MESSAGES.unauthorized));
  };
}

/** CORS stays closed (no headers at all) unless the origin is listed; `*` opens it to all. */
function cors(origins: readonly string[]): RequestHandler {
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
function requireJson(request: Request, _response: Response, next: NextFunction): void {
  if (request.method !== 'POST') return next();
  const matched = request.is('application/json');
  const declaredJson = /^application\/json\s*(;|$)/i.test(request.get('content-type') ?? '');
  if (matched || (matched === null && declaredJson)) return next();
  next(new AppError('UNSUPPORTED_MEDIA_TYPE', MESSAGES.notJson));
}

function rejectForbiddenKeys(request: Request, _response: Response, next: NextFunction): void {
  checkBodyShape(request.body);
  checkBodyShape(request.query);
  next();
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId(request: IncomingMessage, response: ServerResponse) {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_request, response, error) {
      // "Not ready yet" is the expected answer while the index is built, not a failure.
      if (response.statusCode === 503 && !error) return 'info';
      if (error || response.statusCode >= 500) return 'error';
      return response.statusCode >= 400 ? 'warn' : 'info';
    },
    // The path only: query strings carry search text, and headers carry the API key.
    serializers: {
      req: (request: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
}

// ---------------------------------------------------------------- routes

function engineOf(response: Response): Engine {
  return response.locals.engine as Engine;
}

function articleBody(article: Article): Omit<Article, 'origin'> {
  const { origin: _origin, ...rest } = article;
  return rest;
}

function wantsEventStream(request: Request): boolean {
  return (request.get('accept') ?? '').toLowerCase().includes('text/event-stream');
}

/** Ends the wait on `promise` early when `signal` aborts (a pipeline that ignores its signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined); // may reject after we stopped listening
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function streamAnswer(engine: Engine, request: AskRequest, response: Response, signal: AbortSignal, logger: Logger): Promise<void> {
  const stream = openSse(response);
  let iterator: AsyncIterator<ChatEvent> | undefined;
  try {
    iterator = engine.pipeline.askStream(request)[Symbol.asyncIterator]();
    for (;;) {
      const step: IteratorResult<ChatEvent> = await untilAborted(iterator.next(), signal);
      if (step.done) break;
      const event = step.value;
      if (event.type === 'token') await stream.send('token', { text: event.text });
      else if (event.type === 'citations') await stream.send('citations', { citations: event.citations });
      else await stream.send('done', event.response);
      if (stream.closed) break;
    }
  } catch (error) {
    if (!stream.closed) {
      const rendered = renderError(error);
      if (rendered.unexpected) logger.error({ err: error }, 'chat stream failed');
      await stream.send('error', { code: rendered.code, message: rendered.message });
    }
  } finally {
    stream.end();
    // Lets the generator run its cleanup; it may be stuck, so never wait for it.
    void iterator?.return?.()?.catch(() => undefined);
  }
}

export function createApp(deps: AppDeps): express.Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestLogger(logger));
  app.use(
    helmet({
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
    }),
  );
  app.use(cors(config.corsOrigins));

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', (_request, response) => {
    const engine = deps.getEngine();
    if (!engine) throw new AppError('NOT_READY', MESSAGES.notReady);
    response.json({ status: 'ready', ...engine.stats() });
  });

  app.use(
    express.static(WEB_DIR, {
      index: 'index.html',
      dotfiles: 'ignore',
      etag: true,
      setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  const api = express.Router();
  if (config.rateLimitPerMin > 0) {
    api.use(
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimitPerMin,
        standardHeaders: 'draft-7',
        legacyHeaders: false,
        handler: (_request, _response, next) => next(new AppError('RATE_LIMITED', MESSAGES.rateLimited)),
        logger: {
          error: (error, message) => logger.error({ err: error }, message ?? 'rate limiter error'),
          warn: (error, message) => logger.warn({ err: error }, message ?? 'rate limiter warning'),
        },
      }),
    );
  }
  if (config.apiKey) api.use(requireApiKey(config.apiKey));
  api.use((_request, response, next) => {
    const engine = deps.getEngine();
    if (!engine) throw new AppError('NOT_READY', MESSAGES.notReady);
    response.locals.engine = engine;
    next();
  });
  api.use(requireJson);
  api.use(express.json({ limit: BODY_LIMIT, strict: true, inflate: false }));
  api.use(rejectForbiddenKeys);

  api.post('/chat', async (request, response) => {
    const body = validate(chatSchema, request.body);
    const engine = engineOf(response);
    const controller = new AbortController();
    // 'close' also fires after a normal finish; only an unfinished response means the client left.
    response.on('close', () => {
      if (!response.writableFinished) controller.abort(new Error('client disconnected'));
    });
    const ask: AskRequest = { ...body, signal: controller.signal };
    const stream = wantsEventStream(request);
    request.log.info({ stream, questionChars: body.question.length, historyTurns: body.history?.length ?? 0 }, 'chat request');
    request.log.debug({ question: body.question }, 'chat question');

    if (stream) return streamAnswer(engine, ask, response, controller.signal, request.log);
    try {
      const answer = await untilAborted(engine.pipeline.ask(ask), controller.signal);
      response.json(answer);
    } catch (error) {
      if (controller.signal.aborted) return; // nobody is listening any more
      throw error;
    }
  });

  api.get('/search', async (request, response) => {
    const query = validate(searchSchema, request.query);
    const filters = { dateFrom: query.dateFrom, dateTo: query.dateTo, source: query.source };
    const hasFilters = Object.values(filters).some((value) => value !== undefined);
    const hits = await engineOf(response).search(query.q, { k: query.k ?? 5, filters: hasFilters ? filters : undefined });
    response.json({
      results: hits.map((hit) => ({
        articleId: hit.article.id,
        title: hit.article.title,
        date: hit.article.date,
        chunkId: hit.chunk.id,
        text: hit.chunk.text,
        score: hit.score,
      })),
    });
  });

  api.get('/articles/:id', (request, response) => {
    const article = engineOf(response).getArticle(String(request.params.id));
    if (!article) throw new AppError('NOT_FOUND', MESSAGES.articleNotFound);
    response.json(articleBody(article));
  });

  app.use('/api', api);
  app.use((_request, _response, next) => next(new AppError('NOT_FOUND', MESSAGES.notFound)));
  app.use(errorMiddleware);
  return app;
}

// ---------------------------------------------------------------- server

export interface StartServerOptions {
  host: string;
  port: number;
  /** How long close() lets in-flight requests (SSE streams included) run before cutting them. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish up to the grace period, resolves within 5 s. */
  close(): Promise<void>;
}

export async function startServer(app: express.Express, options: StartServerOptions): Promise<RunningServer> {
  const graceMs = Math.min(options.shutdownGraceMs ?? 4_000, 4_500);
  const server = createServer();
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
  const address = server.address() as AddressInfo;
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
