// The HTTP API and the chat page: routes over the Engine seam, with validation (schemas.ts),
// one error renderer (errors.ts), small middlewares (middleware.ts) and the listener (listen.ts).
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Article } from '../domain/types.js';
import { AppError } from '../errors/app-error.js';
import type { Engine } from '../rag/engine.js';
import type { AskRequest, ChatEvent } from '../rag/pipeline.js';
import type { HostStatus } from './engine-host.js';
import { errorMiddleware, MESSAGES, renderError } from './errors.js';
import { examplesRoute } from './examples.js';
import { allowOnly, apiKeyChecker, cors, rejectForbiddenKeys, requestLogger, requireApiKey, requireJson, requireUtf8Url, verifyUtf8Body } from './middleware.js';
import type { LlmStatus } from './providers.js';
import { chatSchema, searchSchema, validate } from './schemas.js';
import { openSse } from './sse.js';
import { untilAborted } from '../errors/abort.js';

export { startServer, type RunningServer, type StartServerOptions } from './listen.js';

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

/** The contract's body limit; express spells 64 KiB as '64kb'. */
const BODY_LIMIT = '64kb';
const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

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
  // req.ip (rate-limit buckets, logs) from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', config.trustProxy ?? false);
  const authorized = config.apiKey ? apiKeyChecker(config.apiKey) : () => true;
  const status = (): ServeStatus => deps.getStatus?.() ?? { state: deps.getEngine() ? 'ready' : 'starting', reindexing: false };

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
  app.use(requireUtf8Url);

  app.all('/healthz', allowOnly('GET'), (_request, response) => {
    // A failed start is on its way out: no longer live.
    if (status().state === 'failed') return void response.status(503).json({ status: 'failed' });
    response.json({ status: 'ok' });
  });
  // 200 while answering (ready, or degraded: serving a previous index or without the chat
  // model); 503 while nothing can be served. Counts and details only with the API key, when set.
  app.all('/readyz', allowOnly('GET'), (request, response) => {
    const current = status();
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

  app.use(
    express.static(WEB_DIR, {
      index: 'index.html',
      dotfiles: 'ignore',
      etag: true,
      setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  const api = express.Router();
  // Method checks first: a wrong method is wrong whoever asks and whatever the index state.
  api.all('/chat', allowOnly('POST'));
  api.all('/search', allowOnly('GET'));
  api.all('/articles/:id', allowOnly('GET'));
  api.all('/admin/reindex', allowOnly('POST'));
  api.all('/examples', allowOnly('GET'));
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

  // Needs no body. Only with an API key: rebuilding costs minutes of CPU.
  api.post('/admin/reindex', (_request, response) => {
    if (!deps.reindex) throw new AppError('NOT_FOUND', MESSAGES.notFound);
    if (!config.apiKey) throw new AppError('UNAUTHORIZED', MESSAGES.adminNeedsKey);
    const { started } = deps.reindex('관리 API 요청');
    response.status(202).json({ status: started ? 'started' : 'queued' });
  });

  api.use(requireJson);
  api.use(express.json({ limit: BODY_LIMIT, strict: true, inflate: false, verify: verifyUtf8Body }));
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
    const query = validate(searchSchema, request.query, 'query');
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

  // The welcome screen's example questions, from the served generation's newest titles.
  api.get('/examples', examplesRoute());

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
