import type { IncomingMessage } from 'node:http';
import type { Ledger } from './domain/ledger.js';
import type { ResolvedOptions } from './options.js';
import type { Store } from './store/index.js';
import type { ErrorBudget } from './api/error-budget.js';
import type { FaultInjector } from './api/faults.js';
import type { ListCache } from './api/list-cache.js';
import type { RateLimiter } from './api/rate-limits.js';
import type { RequestLog } from './api/request-log.js';
import type { HostCheck } from './security/allowed-hosts.js';

/**
 * What one server (one world's, or `booklab serve`'s) owns: its store and rules, its options, and what its routes count
 * and keep between requests. The routes are built once per process and shared by every server in it (issue 16: building
 * them per world was most of a world's start); each request carries the scope of the server it was sent to.
 */
export interface AppScope {
  store: Store;
  ledger: Ledger;
  options: ResolvedOptions;
  requestLog: RequestLog;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  errorBudget: ErrorBudget;
  /** The ordered items of recent list queries of the OData API, and the answers to recent list requests. */
  lists: ListCache;
  hosts: HostCheck;
}

const SCOPE = Symbol('booklab mock: the scope of the server a request was sent to');

type ScopedRequest = IncomingMessage & { [SCOPE]?: AppScope };

/** Marks a request as sent to the server of `scope`, before the shared routes see it. */
export function enterScope(req: IncomingMessage, scope: AppScope): void {
  (req as ScopedRequest)[SCOPE] = scope;
}

/** The scope of the server a request was sent to. */
export function scopeOf(req: IncomingMessage): AppScope {
  const scope = (req as ScopedRequest)[SCOPE];
  if (!scope) throw new Error("[booklab] A request reached the mock's routes without a server: call the handler createApp returns.");
  return scope;
}
