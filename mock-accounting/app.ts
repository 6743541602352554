import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { HttpPrototypes } from '../primitives/index.js';
import { createLedger } from './domain/ledger.js';
import { resolveOptions, type MockOptions } from './options.js';
import type { Store } from './store/index.js';
import { enterScope, type AppScope } from './app-scope.js';
import { ErrorBudget } from './api/error-budget.js';
import { FaultInjector } from './api/faults.js';
import { ListCache } from './api/list-cache.js';
import { registerMeritsCheck } from './api/overlap-safety.js';
import { RateLimiter } from './api/rate-limits.js';
import { RequestLog } from './api/request-log.js';
import { registerOverviewReader } from './back-office/direct-reads.js';
import { overviewOf } from './back-office/views.js';
import { hostCheck } from './security/allowed-hosts.js';

/**
 * A mock accounting server's request handler: give it to {@link listen}, `http.createServer`, or an in-process fetch. It
 * carries the shared Express app's request and response prototypes, which {@link listen} and the in-process fetch make
 * its requests of (see httpClassesOf); they are undefined until the routes are loaded (see {@link mockRoutes}).
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
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    enterScope(req, scope);
    if (loaded) loaded(req, res);
    else void mockRoutes().then((routes) => routes(req, res));
  };
  const app = Object.defineProperties(handle, {
    request: { get: () => loaded?.request, enumerable: true },
    response: { get: () => loaded?.response, enumerable: true },
  }) as MockApp;
  registerOverviewReader(app, (division) =>
    Object.hasOwn(store.state.divisions, String(division)) ? overviewOf(ledger, division) : undefined,
  );
  const { faults, rateLimiter, errorBudget } = scope;
  registerMeritsCheck(app, () => faults.list().length === 0 && !rateLimiter.settings.enforce && !errorBudget.settings.enforce);
  return app;
}

let loaded: Express | undefined;
let loading: Promise<Express> | undefined;

/**
 * The Express app of every mock server in this process, loaded and built on first use. It holds no server's state,
 * only the routes (routers, their path patterns, body parsers), which cost a world about 2 ms to build each time
 * (issue 16); one app also gives every request the same prototypes, where one app per world made Express's code see
 * dozens. Loaded when first asked for, not when this module is: Express and its parsers are a megabyte of the build,
 * about 100 ms to compile and run, and a world read from a case file (the dashboard's) answers no request before its
 * first frame. A server that listens asks for them first (startMockServer), so its requests are made of its prototypes.
 */
export function mockRoutes(): Promise<Express> {
  return (loading ??= import('./routes.js').then(({ buildRoutes }) => (loaded = buildRoutes())));
}
