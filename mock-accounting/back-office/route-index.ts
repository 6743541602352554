import { type z } from 'zod';
import { FaultSchema } from '../api/faults.js';
import { RateLimitChangesSchema } from '../options.js';
import { MockStateSchema } from '../store/index.js';
import {
  AdvanceSchema,
  ClockSchema,
  ClockViewSchema,
  ErrorBudgetChangesSchema,
  ExpireSchema,
  RequestsQuerySchema,
  ResetSchema,
} from './control-schemas.js';
import { FlavourChangeSchema, JournalTypeSchema } from './flavour-schemas.js';
import {
  BookingQuerySchema,
  DeletionsSchema,
  HandBookingSchema,
  LinesSchema,
  NextNumberSchema,
  PaymentSchema,
  PeriodSchema,
} from './ledger-schemas.js';

/**
 * One back-office route: what it does, and the zod schemas its handler validates the body and query with (the same
 * objects), from which the OpenAPI document is written. `example` and `queryExample` are what `GET /__mock` shows.
 */
export interface BackOfficeOperation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Express form: `/__mock/divisions/:division/journals`. */
  path: string;
  does: string;
  body?: z.ZodType;
  example?: string;
  query?: z.ZodObject;
  queryExample?: string;
  /** The answer's schema, where one is known; a JSON value otherwise. */
  answer?: z.ZodType;
  /** 201 for the routes that create something. */
  created?: true;
}

/** Every back-office route, in the order `GET /__mock`, the OpenAPI document and the README list them. */
export const BACK_OFFICE_OPERATIONS: readonly BackOfficeOperation[] = [
  { method: 'GET', path: '/__mock', does: 'this list' },
  { method: 'GET', path: '/__mock/openapi.json', does: 'the OpenAPI 3.1 document of the back office and of the Exact API the mock serves' },
  {
    method: 'POST',
    path: '/__mock/reset',
    body: ResetSchema,
    example: '{"seed":"demo"|"empty"|"octopus"|"yuki"}',
    does: "replace the whole state with a seed; clears faults, rate counters, the error budget, Yuki's call quota and the request log",
  },
  { method: 'GET', path: '/__mock/state', does: 'export the whole state as one JSON document (snapshot)', answer: MockStateSchema },
  { method: 'PUT', path: '/__mock/state', body: MockStateSchema, example: 'a document from GET /__mock/state', does: 'restore a snapshot' },
  { method: 'GET', path: '/__mock/clock', does: 'the server clock', answer: ClockViewSchema },
  {
    method: 'PUT',
    path: '/__mock/clock',
    body: ClockSchema,
    example: '{"now":"2026-03-01T09:00:00Z"}',
    does: 'set the clock',
    answer: ClockViewSchema,
  },
  {
    method: 'POST',
    path: '/__mock/clock/advance',
    body: AdvanceSchema,
    example: '{"days":1,"hours":0,"minutes":0,"seconds":0,"ms":0}',
    does: 'move the clock (negative values move it back)',
    answer: ClockViewSchema,
  },
  {
    method: 'PUT',
    path: '/__mock/divisions/:division/flavour',
    body: FlavourChangeSchema,
    example: '{"flavour":"exact"|"octopus"|"yuki","domain":"acme"}',
    does: 'make a division imitate Exact Online, Octopus or Yuki (domain: the Yuki domain whose daily call quota it shares)',
  },
  { method: 'GET', path: '/__mock/divisions/:division/accounts', does: 'the relations (customers) of a division, by code' },
  { method: 'GET', path: '/__mock/divisions/:division/journals', does: 'journals with their next booking number (R8)' },
  {
    method: 'GET',
    path: '/__mock/divisions/:division/overview',
    does: 'what one look at the administration shows: { journals, bookings, relations }, as the three reads of them give them',
  },
  { method: 'GET', path: '/__mock/divisions/:division/journals/:code', does: 'one journal with its next booking number' },
  {
    method: 'PUT',
    path: '/__mock/divisions/:division/journals/:code/next-booking-number',
    body: NextNumberSchema,
    example: '{"value":1043,"year":2026}',
    does: 'correct the next booking number (numbering per year: of the given year, else the current one)',
  },
  {
    method: 'PUT',
    path: '/__mock/divisions/:division/journals/:code/type',
    body: JournalTypeSchema,
    example: '{"typeName":"Sales bookings"|"Invoices"|…}',
    does: "change an Octopus journal's type (Octopus divisions only)",
  },
  { method: 'GET', path: '/__mock/divisions/:division/journals/:code/entries', does: 'the bookings of a journal, by number' },
  {
    method: 'POST',
    path: '/__mock/divisions/:division/journals/:code/entries',
    body: HandBookingSchema,
    example:
      '{"customerCode":"1","entryDate":"2026-03-14","yourRef":"2026/42","lines":[{"glAccountCode":"700000","amountCents":80000,"vatCode":"21"}]}',
    does: 'book by hand, without OAuth (an invoice entered in Exact before connecting)',
    created: true,
  },
  {
    method: 'DELETE',
    path: '/__mock/divisions/:division/journals/:code/entries/:entryNumber',
    query: BookingQuerySchema,
    queryExample: '?year=YYYY',
    does: 'delete a booking by its number',
  },
  {
    method: 'POST',
    path: '/__mock/divisions/:division/deletions',
    body: DeletionsSchema,
    example: '{"bookings":[{"journal":"70","entryNumber":1043},{"journal":"70","entryNumber":1042}]}',
    does: 'delete bookings one after the other, each as DELETE …/entries/:entryNumber does (R7, R8); stops at the first refused, answering how many went and why that one did not',
  },
  {
    method: 'PUT',
    path: '/__mock/divisions/:division/journals/:code/entries/:entryNumber/lines',
    body: LinesSchema,
    query: BookingQuerySchema,
    example: '{"lines":[{"glAccountCode":"700000","amountCents":0,"vatCode":"21","costCenter":"SALES"}]}',
    does: "edit a booking's lines by hand, keeping its number (R11: edits are made in the bookkeeping tool)",
  },
  {
    method: 'POST',
    path: '/__mock/divisions/:division/journals/:code/entries/:entryNumber/payments',
    body: PaymentSchema,
    query: BookingQuerySchema,
    example: '{"amountCents":40000,"date":"2026-04-01"}',
    does: 'register a payment; without amountCents, the outstanding amount',
    created: true,
  },
  {
    method: 'PUT',
    path: '/__mock/divisions/:division/periods/:year/:period',
    body: PeriodSchema,
    example: '{"closed":true}',
    does: 'close or reopen a financial period',
  },
  {
    method: 'POST',
    path: '/__mock/tokens/expire',
    body: ExpireSchema,
    example: '{"userId":"<guid>"}',
    does: "expire access tokens now (all, or one user's)",
  },
  { method: 'GET', path: '/__mock/faults', does: 'the armed faults' },
  {
    method: 'POST',
    path: '/__mock/faults',
    body: FaultSchema,
    example: '{"method":"POST","path":"salesentry/SalesEntries","status":500|"latencyMs":2000|"dropAfterCommit":true,"times":1}',
    does: 'arm a fault for matching API requests (times: null = until cleared)',
    created: true,
  },
  { method: 'DELETE', path: '/__mock/faults', does: 'disarm every fault' },
  { method: 'GET', path: '/__mock/rate-limits', does: 'rate-limit settings' },
  {
    method: 'PUT',
    path: '/__mock/rate-limits',
    body: RateLimitChangesSchema,
    example: '{"enforce":true,"minutely":60,"daily":5000}',
    does: 'switch enforcement on or off, change the limits',
  },
  {
    method: 'GET',
    path: '/__mock/error-budget',
    does: 'error-budget settings, and the errors counted and blocks per app, user, division and endpoint',
  },
  {
    method: 'PUT',
    path: '/__mock/error-budget',
    body: ErrorBudgetChangesSchema,
    example: '{"enforce":true,"errors":10,"windowMinutes":60,"blockMinutes":60,"blockStatus":429}',
    does: 'switch the error budget on or off, change it; clears the counts',
  },
  {
    method: 'GET',
    path: '/__mock/requests',
    query: RequestsQuerySchema,
    queryExample: '?limit=50',
    does: 'the latest requests (bounded log; error-budget notes)',
  },
  { method: 'DELETE', path: '/__mock/requests', does: 'empty the request log' },
];

/** Every back-office route with what it does, as `GET /__mock` lists them: the body and query as examples. */
export const BACK_OFFICE_ROUTES = BACK_OFFICE_OPERATIONS.map(({ method, path, example, queryExample, does }) => ({
  method,
  path,
  ...(example ? { body: example } : {}),
  ...(queryExample ? { query: queryExample } : {}),
  does,
}));
