import request from 'supertest';
import { DEMO_DIVISIONS, toEpochMs, type MockServer, type StartMockServerOptions } from '../../mock-accounting/index.js';
import { apiClient, connectDemoApp, startTestMock, type ApiClient } from './mock.js';

// Shared set-up for the public-API tests (test/mock-api-*.test.ts): a connected demo app and the seed's ids.

/** A started mock with a connected demo app and clients for both demo divisions. */
export interface ConnectedMock {
  mock: MockServer;
  accessToken: string;
  refreshToken: string;
  /** Division 100001 (the demo company). */
  api: ApiClient;
  /** Division 100002 (the isolation check). */
  other: ApiClient;
}

/** Starts a mock (127.0.0.1:0, frozen clock at 2026-03-02T09:00Z) and runs the OAuth code flow; close `mock` in afterEach. */
export async function startConnected(options: StartMockServerOptions = {}): Promise<ConnectedMock> {
  const mock = await startTestMock(options);
  const { accessToken, refreshToken } = await connectDemoApp(mock.url);
  return {
    mock,
    accessToken,
    refreshToken,
    api: apiClient(mock.url, accessToken, DEMO_DIVISIONS.main),
    other: apiClient(mock.url, accessToken, DEMO_DIVISIONS.other),
  };
}

/** Exact's OData error envelope with one message. */
export function envelope(value: string) {
  return { error: { code: '', message: { lang: '', value } } };
}

/** The seed's G/L account ids and customer ids of one division, read through the API. */
export interface SeedIds {
  gl: Record<string, string>;
  /** Customer ids by trimmed code ('1'..'4' in 100001). */
  customers: Record<string, string>;
}

/** Reads the G/L accounts and customers of the client's division. */
export async function seedIds(api: ApiClient): Promise<SeedIds> {
  const gl = await api.get('financial/GLAccounts?$select=ID,Code');
  const accounts = await api.get('crm/Accounts?$select=ID,Code');
  return {
    gl: Object.fromEntries(gl.body.d.results.map((g: { ID: string; Code: string }) => [g.Code, g.ID])),
    customers: Object.fromEntries(accounts.body.d.results.map((a: { ID: string; Code: string }) => [a.Code.trim(), a.ID])),
  };
}

/** A valid sales-entry body in journal 70 for customer 1 with one 100.00 line on 700000 (VAT 21). */
export function entryBody(ids: SeedIds, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Journal: '70',
    Customer: ids.customers['1'],
    EntryDate: '2026-03-02',
    SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: 100, VATCode: '21' }],
    ...overrides,
  };
}

/** A back-office call (no OAuth): `backOffice(mock).put('/__mock/rate-limits').send({...})`. */
export function backOffice(mock: MockServer) {
  return request(mock.url);
}

/** Epoch ms of an ISO date at UTC midnight, as `/Date(ms)/` carries it. */
export function dateMs(isoDate: string): number {
  return toEpochMs(isoDate);
}
