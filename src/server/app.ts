// The HTTP API and the chat page: probes (routes/probes.ts) and the API (routes/api.ts) over
// the Engine seam, with validation (schemas.ts), one error renderer (errors.ts), small
// middlewares (middleware.ts) and the listener (listen.ts).
import { fileURLToPath } from 'node:url';
import express from 'express';
import { AppError } from '../errors/app-error.js';
import type { AppDeps } from './deps.js';
import { errorMiddleware, MESSAGES } from './errors.js';
import { apiKeyChecker, cors, requestLogger, requireUtf8Url, securityHeaders } from './middleware.js';
import { apiRoutes } from './routes/api.js';
import { addProbeRoutes } from './routes/probes.js';

export type { AppDeps, ServeStatus } from './deps.js';
export { startServer } from './listen.js';

const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

export function createApp(deps: AppDeps): express.Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // req.ip (rate-limit buckets, logs) from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', config.trustProxy ?? false);
  const authorized = config.apiKey ? apiKeyChecker(config.apiKey) : () => true;

  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use(cors(config.corsOrigins));
  app.use(requireUtf8Url);
  addProbeRoutes(app, deps, authorized);
  app.use(
    express.static(WEB_DIR, {
      index: 'index.html',
      dotfiles: 'ignore',
      etag: true,
      setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  app.use('/api', apiRoutes(deps));
  app.use((_request, _response, next) => next(new AppError('NOT_FOUND', MESSAGES.notFound)));
  app.use(errorMiddleware);
  return app;
}
