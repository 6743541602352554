import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { scopeOf } from './app-scope.js';
import { injectFaults } from './api/faults.js';
import { oauthRoutes } from './api/oauth-routes.js';
import { odataRoutes } from './api/odata-routes.js';
import { logRequests } from './api/request-log.js';
import { errorEnvelope } from './api/respond.js';
import { backOfficeRoutes } from './back-office/routes.js';
import { refuseForeignHosts } from './security/allowed-hosts.js';
import { StoreWriteError } from './store/index.js';

/**
 * Builds the Express app every mock server in a process shares: Exact's OAuth and REST API under `/api`, the back
 * office under `/__mock`. It holds no server's state; each request carries its server's scope (app-scope.ts).
 */
export function buildRoutes(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(refuseForeignHosts((req) => scopeOf(req).hosts));
  app.use(
    logRequests((req) => {
      const { requestLog, options } = scopeOf(req);
      return { log: requestLog, clock: options.clock };
    }),
  );
  app.use(
    '/api',
    injectFaults((req) => scopeOf(req).faults),
  );
  app.use('/api/oauth2', oauthRoutes());
  app.use('/api/v1', odataRoutes());
  app.use('/__mock', backOfficeRoutes());
  app.get('/', (_req, res) => {
    res.json({ name: 'booklab mock accounting', api: '/api/v1', oauth: '/api/oauth2', backOffice: '/__mock' });
  });
  app.use((req, res) => {
    res.status(404).json(errorEnvelope(`Not found: ${req.method} ${req.path}. The API is under /api/v1, the back office under /__mock.`));
  });
  app.use(function handleError(error: unknown, _req: Request, res: Response, _next: NextFunction) {
    const status = (error as { status?: number }).status;
    if (res.headersSent) return;
    if (error instanceof StoreWriteError) {
      res.status(503).json(errorEnvelope(error.message));
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json(errorEnvelope(`Bad request: ${(error as Error).message}`));
      return;
    }
    console.error('[booklab] mock accounting server error:', error);
    res.status(500).json(errorEnvelope('Internal error in the mock accounting server; see its log.'));
  });
  return app;
}
