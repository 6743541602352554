import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createLedger } from './domain/ledger.js';
import { resolveOptions, type MockOptions } from './options.js';
import type { Store } from './store/index.js';
import { ErrorBudget } from './api/error-budget.js';
import { FaultInjector, injectFaults } from './api/faults.js';
import { oauthRoutes } from './api/oauth-routes.js';
import { registerMeritsCheck } from './api/overlap-safety.js';
import { odataRoutes } from './api/odata-routes.js';
import { RateLimiter } from './api/rate-limits.js';
import { logRequests, RequestLog } from './api/request-log.js';
import { errorEnvelope } from './api/respond.js';
import { registerOverviewReader } from './back-office/direct-reads.js';
import { backOfficeRoutes } from './back-office/routes.js';
import { overviewOf } from './back-office/views.js';
import { refuseForeignHosts } from './security/allowed-hosts.js';
import { StoreWriteError } from './store/index.js';

/**
 * Creates the mock accounting server as an Express app over a store: Exact's OAuth and REST API
 * under `/api`, the back office under `/__mock`.
 * @example
 * const store = await openStore({ initial: () => demoState(clock) });
 * const app = createApp(store, { clock });
 */
export function createApp(store: Store, options: MockOptions = {}): Express {
  const resolved = resolveOptions(options);
  const { clock } = resolved;
  const ledger = createLedger(store, clock, resolved.numbering, resolved.deletion);
  const requestLog = new RequestLog(resolved.requestLogSize);
  const faults = new FaultInjector();
  const rateLimiter = new RateLimiter(resolved.rateLimits, clock);
  const errorBudget = new ErrorBudget(resolved.errorBudget, clock);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(refuseForeignHosts(resolved.allowHosts));
  app.use(logRequests(requestLog, clock));
  app.use('/api', injectFaults(faults));
  app.use('/api/oauth2', oauthRoutes({ store, clock, approveAs: resolved.approveAs, enforceTokenInterval: resolved.enforceTokenInterval }));
  app.use(
    '/api/v1',
    odataRoutes({
      ledger,
      rateLimiter,
      errorBudget,
      yukiDailyCalls: resolved.yukiDailyCalls,
      businessErrorStatus: resolved.businessErrorStatus,
      mandatoryAccountFilter: resolved.mandatoryAccountFilter,
      listWithTop: resolved.listWithTop,
    }),
  );
  app.use('/__mock', backOfficeRoutes({ ledger, seeds: resolved.seeds, faults, rateLimiter, errorBudget, requestLog }));
  app.get('/', (_req, res) => {
    res.json({ name: 'booklab mock accounting', api: '/api/v1', oauth: '/api/oauth2', backOffice: '/__mock' });
  });
  app.use((req, res) => {
    res.status(404).json(errorEnvelope(`Not found: ${req.method} ${req.path}. The API is under /api/v1, the back office under /__mock.`));
  });
  registerOverviewReader(app, (division) =>
    Object.hasOwn(store.state.divisions, String(division)) ? overviewOf(ledger, division) : undefined,
  );
  registerMeritsCheck(app, () => faults.list().length === 0 && !rateLimiter.settings.enforce && !errorBudget.settings.enforce);
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
