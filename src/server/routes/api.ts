// The /api router: method checks, the rate limit, the API key and the ready engine guard
// every route; JSON bodies are parsed only after them.
import express, { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { Article } from '../../domain/types.js';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { MESSAGES } from '../errors.js';
import { examplesRoute } from '../examples.js';
import { allowOnly, rejectForbiddenKeys, requireApiKey, requireJson, verifyUtf8Body } from '../middleware.js';
import { engineOf, requireEngine } from '../request-engine.js';
import { searchSchema, validate } from '../schemas.js';
import { chatRoute } from './chat.js';

/** The contract's body limit; express spells 64 KiB as '64kb'. */
const BODY_LIMIT = '64kb';

function articleBody(article: Article): Omit<Article, 'origin'> {
  const { origin: _origin, ...rest } = article;
  return rest;
}

function rateLimiter(limit: number, logger: Logger): express.RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_request, _response, next) => next(new AppError('RATE_LIMITED', MESSAGES.rateLimited)),
    logger: {
      error: (error, message) => logger.error({ err: error }, message ?? 'rate limiter error'),
      warn: (error, message) => logger.warn({ err: error }, message ?? 'rate limiter warning'),
    },
  });
}

/** Method checks, rate limit, API key and engine: what every /api route passes first, in this order. */
function guardedRouter(deps: AppDeps): Router {
  const { config } = deps;
  const api = Router();
  // Method checks first: a wrong method is wrong whoever asks and whatever the index state.
  api.all('/chat', allowOnly('POST'));
  api.all('/search', allowOnly('GET'));
  api.all('/articles/:id', allowOnly('GET'));
  api.all('/admin/reindex', allowOnly('POST'));
  api.all('/examples', allowOnly('GET'));
  if (config.rateLimitPerMin > 0) api.use(rateLimiter(config.rateLimitPerMin, deps.logger));
  if (config.apiKey) api.use(requireApiKey(config.apiKey));
  api.use(requireEngine(() => deps.getEngine()));
  return api;
}

export function apiRoutes(deps: AppDeps): Router {
  const api = guardedRouter(deps);
  // Needs no body. Only with an API key: rebuilding costs minutes of CPU.
  api.post('/admin/reindex', (_request, response) => {
    if (!deps.reindex) throw new AppError('NOT_FOUND', MESSAGES.notFound);
    if (!deps.config.apiKey) throw new AppError('UNAUTHORIZED', MESSAGES.adminNeedsKey);
    const { started } = deps.reindex('관리 API 요청');
    response.status(202).json({ status: started ? 'started' : 'queued' });
  });

  api.use(requireJson);
  api.use(express.json({ limit: BODY_LIMIT, strict: true, inflate: false, verify: verifyUtf8Body }));
  api.use(rejectForbiddenKeys);

  api.post('/chat', chatRoute());

  api.get('/search', async (request, response) => {
    const query = validate(searchSchema, request.query, 'query');
    const filters = { dateFrom: query.dateFrom, dateTo: query.dateTo, source: query.source };
    const hasFilters = Object.values(filters).some((value) => value !== undefined);
    const hits = await engineOf(request).search(query.q, { k: query.k ?? 5, filters: hasFilters ? filters : undefined });
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
  api.get('/examples', examplesRoute(engineOf));

  api.get('/articles/:id', async (request, response) => {
    const article = await engineOf(request).getArticle(String(request.params.id));
    if (!article) throw new AppError('NOT_FOUND', MESSAGES.articleNotFound);
    response.json(articleBody(article));
  });
  return api;
}
