// The mock accounting server: an Exact-Online-compatible API with journals and booking-number counters.

export { createApp, type MockApp } from './app.js';
export { listen } from './server.js';
export { startMockServer, IN_PROCESS_URL } from './start.js';
export { serveCommand, DEFAULT_DATA_FILE } from './serve-command.js';
export {
  openStore,
  changeCountOf,
  emptyState,
  parseState,
  DataFileInUseError,
  StoreFileError,
  StoreWriteError,
  MockStateSchema,
  MAX_ENTRY_NUMBER,
} from './store/index.js';
export { resolveOptions, SEEDS, RateLimitChangesSchema } from './options.js';
export { demoState, DEMO_CUSTOMERS, DEMO_SEED_DESCRIPTION } from './seed/demo.js';
export { emptySeed } from './seed/empty.js';
export { BACK_OFFICE_ROUTES } from './back-office/route-index.js';
export { buildOpenApiDocument } from './openapi/document.js';
// The primitives the mock shares with Focus, still offered here so that a user of the mock needs one import.
export {
  createClock,
  isoDate,
  addDays,
  toEpochMs,
  isCalendarDay,
  isIsoDay,
  DAY_MS,
  DEMO_CLIENT,
  DEMO_DIVISIONS,
  vatCents,
  roundHalfAwayFromZero,
  guidFor,
  OCTOPUS_SALES_TYPE,
} from '../primitives/index.js';

export type { RunningServer } from './server.js';
export type { MockServer, StartMockServerOptions } from './start.js';
export type { Clock, ClockOptions } from '../primitives/index.js';
export type { MockOptions, RateLimitSettings, Seed } from './options.js';
export type { NumberingPolicy } from './domain/booking-numbers.js';
export type { DeletionRules } from './domain/ledger.js';
export type { Fault } from './api/faults.js';
export type { ErrorBudgetSettings } from './api/error-budget.js';
export type { ListWithTop } from './api/context.js';
export type { RequestLogEntry } from './api/request-log.js';
export type { Store, MockState, SalesEntry, Journal, Account, Flavour, WriteAt } from './store/index.js';
