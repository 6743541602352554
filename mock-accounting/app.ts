import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { HttpPrototypes } from '../primitives/index.js';
import { createLedger } from './domain/ledger.js';
import { resolveOptions, type MockOptions } from './options.js';
import type { Store } from './store/index.js';
import { enterScope, scopeOf, type AppScope } from './app-scope.js';
import { ErrorBudget } from './api/error-budget.js';
import { FaultInjector, injectFaults } from './api/faults.js';
import { ListCache } from './api/list-cache.js';
import { oauthRoutes } from './api/oauth-routes.js';
import { registerMeritsCheck } from './api/overlap-safety.js';
import { odataRoutes } from './api/odata-routes.js';
import { RateLimiter } from './api/rate-limits.js';
import { logRequests, RequestLog } from './api/request-log.js';
import { errorEnvelope } from './api/respond.js';
import { registerOverviewReader } from './back-office/direct-reads.js';
import { backOfficeRoutes } from './back-office/routes.js';
import { overviewOf } from './back-office/views.js';
import { hostCheck, refuseForeignHosts } from './security/allowed-hosts.js';
import { StoreWriteError } from './store/index.js';

/**
 * A mock accounting server's request handler: give it to {@link listen}, `http.createServer`, or an in-process fetch. It
 * carries the shared Express app's request and response prototypes, which {@link listen} and the in-process fetch make
 * its requests of (see httpClassesOf).
 */
export type MockApp = ((req: IncomingMessage, res: ServerResponse) => void) & Required<HttpPrototypes>;

/**
 * Creates the mock accounting server over a store: Exact's OAuth and REST API under `/api`, the back office under
 * `/__mock`. Its routes are the process's one Express app (see {@link mockRoutes}); what is its own (the store, the
 * options, the request log, faults, rate and error counts) goes with each request it hands them.
 * @example
 * const store = await openStore({ initial: () => demoState(clock) });
 * const app = createApp(store, { clock });
 */
export function createApp(store: Store, options: MockOptions = {}): MockApp {
  const resolved = resolveOptions(options);
  const { clock } = resolved;
  const ledger = createLedger(store, clock, resolved.numbering, resolved.deletion);
  const scope: AppScope = {
    store,
    ledger,
    options: resolved,
    requestLog: new RequestLog(resolved.requestLogSize),
    faults: new FaultInjector(),
    rateLimiter: new RateLimiter(resolved.rateLimits, clock),
    errorBudget: new ErrorBudget(resolved.errorBudget, clock),
    lists: new ListCache(store),
    hosts: hostCheck(resolved.allowHosts),
  };
  const routes = mockRoutes();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    enterScope(req, scope);
    routes(req, res);
  };
  const app: MockApp = Object.assign(handle, { request: routes.request, response: routes.response });
  registerOverviewReader(app, (division) =>
    Object.hasOwn(store.state.divisions, String(division)) ? overviewOf(ledger, division) : undefined,
  );
  const { faults, rateLimiter, errorBudget } = scope;
  registerMeritsCheck(app, () => faults.list().length === 0 && !rateLimiter.settings.enforce && !errorBudget.settings.enforce);
  return app;
}

let shared: Express | undefined;

/**
 * The Express app of every mock server in this process, built on first use. It holds no server's state, only the
 * routes (routers, their path patterns, body parsers), which cost a world about 2 ms to build each time (issue 16);
 * one app also gives every request the same prototypes, where one app per world made Express's code see dozens.
 */
export function mockRoutes(): Express {
  return (shared ??= buildRoutes());
}

function buildRoutes(): Express {
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
