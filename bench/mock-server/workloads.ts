import type { LoadRequest } from '../load.js';
import type { DemoSession } from './demo-session.js';

/** The two workloads compared, each as booklab and json-server serve it (and the list as a bare Express handler does). */
export interface Workload {
  label: string;
  booklab: LoadRequest;
  jsonServer: LoadRequest;
  /** The same answer from a bare Express handler serving it from memory. */
  bareExpress?: LoadRequest;
}

/** A booking as a client posts it to salesentry/SalesEntries; json-server gets the same JSON. */
export function bookingBody(session: DemoSession, today: string): string {
  return JSON.stringify({
    Journal: '70',
    Customer: session.customerId,
    EntryDate: today,
    YourRef: `${today.slice(0, 4)}/1`,
    SalesEntryLines: [{ GLAccount: session.glAccountId, AmountFC: 100, VATCode: '21' }],
  });
}

/** The first page (60 rows) of the sales entries. */
export function listWorkload(session: DemoSession, division: number, storedLabel: string): Workload {
  return {
    label: `60-row list (${storedLabel} stored)`,
    booklab: { method: 'GET', path: `/api/v1/${division}/salesentry/SalesEntries`, headers: apiHeaders(session), expectStatus: 200 },
    jsonServer: { method: 'GET', path: '/salesEntries?_page=1&_limit=60', headers: { Accept: 'application/json' }, expectStatus: 200 },
    bareExpress: { method: 'GET', path: '/page', headers: { Accept: 'application/json' }, expectStatus: 200 },
  };
}

/** One booking (a POST with one line). */
export function bookingWorkload(session: DemoSession, division: number, body: string): Workload {
  return {
    label: 'booking (POST)',
    booklab: bookingRequest(session, division, body),
    jsonServer: {
      method: 'POST',
      path: '/salesEntries',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body,
      expectStatus: 201,
    },
  };
}

/** A booking on booklab, answered with the whole entity (`Prefer: return=representation`). */
export function bookingRequest(session: DemoSession, division: number, body: string): LoadRequest {
  return {
    method: 'POST',
    path: `/api/v1/${division}/salesentry/SalesEntries`,
    headers: { ...apiHeaders(session), 'Content-Type': 'application/json', Prefer: 'return=representation' },
    body,
    expectStatus: 201,
  };
}

function apiHeaders(session: DemoSession): Record<string, string> {
  return { Authorization: `Bearer ${session.accessToken}`, Accept: 'application/json' };
}
