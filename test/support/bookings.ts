import request from 'supertest';
import { expect } from 'vitest';
import type { ApiClient } from './mock.js';
import { seedIds } from './mock-api-fixtures.js';

/** The back office (`/__mock/*`) of a running mock: plain JSON, no OAuth. */
export function backOffice(url: string) {
  const at = (p: string) => `/__mock${p}`;
  return {
    get: (p: string) => request(url).get(at(p)),
    put: (p: string, body?: unknown) =>
      request(url)
        .put(at(p))
        .send(body as object),
    post: (p: string, body?: unknown) =>
      request(url)
        .post(at(p))
        .send(body as object),
    delete: (p: string) => request(url).delete(at(p)),
  };
}

export type BackOffice = ReturnType<typeof backOffice>;

/** The ids a booking through the API needs: customers by (trimmed) code and the revenue account 700000. */
export interface DemoRefs {
  customers: Record<string, string>;
  revenue: string;
}

/** Reads the demo division's customers and revenue account through the API. */
export async function demoRefs(api: ApiClient): Promise<DemoRefs> {
  const { customers, gl } = await seedIds(api);
  expect(gl['700000'], 'revenue account 700000').toBeDefined();
  return { customers, revenue: gl['700000']! };
}

/** A SalesEntries POST body: one line of 100.00 at 21 % for customer '1' in journal 70 on the demo's today. */
export function salesEntryBody(refs: DemoRefs, overrides: Record<string, unknown> = {}) {
  return {
    Journal: '70',
    Customer: refs.customers['1'],
    EntryDate: '2026-03-02',
    SalesEntryLines: [{ GLAccount: refs.revenue, AmountFC: 100, VATCode: '21' }],
    ...overrides,
  };
}

/** Books through the API and returns the entry number; fails the test when the booking is refused. */
export async function book(api: ApiClient, refs: DemoRefs, overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await api.post('salesentry/SalesEntries', salesEntryBody(refs, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.d.EntryNumber as number;
}

/** Deletes a booking through the API by journal and number (looked up with $filter); returns the DELETE answer. */
export async function deleteBooking(api: ApiClient, entryNumber: number, journal = '70') {
  const found = await api.get(`salesentry/SalesEntries?$filter=EntryNumber eq ${entryNumber} and Journal eq '${journal}'&$select=EntryID`);
  expect(found.body.d.results, `booking ${entryNumber} in journal ${journal}`).toHaveLength(1);
  return api.delete(`salesentry/SalesEntries(guid'${found.body.d.results[0].EntryID as string}')`);
}

/** The journal's next booking number as the back office shows it (R8). */
export async function nextBookingNumber(office: BackOffice, journal = '70', division = 100001): Promise<number> {
  const res = await office.get(`/divisions/${division}/journals/${journal}`);
  expect(res.status).toBe(200);
  return res.body.nextBookingNumber as number;
}
