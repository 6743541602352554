import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import { backOffice } from './support/bookings.js';
import { startTestMock } from './support/mock.js';

// GET /__mock/divisions/:division/overview: what a view of the administration reads (the dashboard after each key, a
// recorded scenario after each step, the doctor), in one request instead of one per journal plus two.

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** An invoice of 800.00 + 21 % VAT for customer '1', entered by hand in `journal`. */
const handBooking = (yourRef: string) => ({
  customerCode: '1',
  entryDate: '2026-03-14',
  yourRef,
  lines: [{ glAccountCode: '700000', amountCents: 80000, vatCode: '21' }],
});

describe('GET /__mock/divisions/:division/overview', () => {
  it('answers the journals, every booking journal by journal and the relations, as the three reads give them', async () => {
    mock = await startTestMock();
    const office = backOffice(mock.url);
    for (const [journal, ref] of [
      ['71', '2026/C1'],
      ['70', '2026/1'],
      ['70', '2026/2'],
    ] as const) {
      expect((await office.post(`/divisions/100001/journals/${journal}/entries`, handBooking(ref))).status).toBe(201);
    }

    const overview = await office.get('/divisions/100001/overview');
    expect(overview.status).toBe(200);
    expect(Object.keys(overview.body)).toEqual(['journals', 'bookings', 'relations']);
    // Journal 70 before 71, each by number, whatever order they were booked in.
    expect(
      overview.body.bookings.map((b: { journal: string; entryNumber: number; yourRef: string }) => [b.journal, b.entryNumber, b.yourRef]),
    ).toEqual([
      ['70', 1001, '2026/1'],
      ['70', 1002, '2026/2'],
      ['71', 8001, '2026/C1'],
    ]);
    expect(overview.body.journals.map((j: { code: string; nextBookingNumber: number }) => [j.code, j.nextBookingNumber])).toEqual([
      ['70', 1003],
      ['71', 8002],
    ]);
    expect(overview.body.relations.map((r: { code: string }) => r.code)).toEqual(['1', '2', '3', '4']);

    const [journals, entries70, entries71, accounts] = await Promise.all([
      office.get('/divisions/100001/journals'),
      office.get('/divisions/100001/journals/70/entries'),
      office.get('/divisions/100001/journals/71/entries'),
      office.get('/divisions/100001/accounts'),
    ]);
    expect(overview.body).toEqual({ journals: journals.body, bookings: [...entries70.body, ...entries71.body], relations: accounts.body });
  });

  it('answers 404 for a division that does not exist, as its other lists do', async () => {
    mock = await startTestMock();
    const office = backOffice(mock.url);
    const unknown = await office.get('/divisions/999999/overview');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual((await office.get('/divisions/999999/accounts')).body);
  });

  it("reads in the server's own process exactly what the route answers, sharing no object with the store", async () => {
    mock = await startTestMock({ numbering: { perYear: true } });
    const office = backOffice(mock.url);
    expect((await office.post('/divisions/100001/journals/70/entries', handBooking('2026/1'))).status).toBe(201);
    expect((await office.post('/divisions/100001/journals/70/entries/1001/payments', { amountCents: 40000 })).status).toBe(201);

    const direct = mock.overview(100001)!;
    // Strictly: no property the JSON answer would leave out, no value JSON would change.
    expect(direct).toStrictEqual(JSON.parse(JSON.stringify(direct)));
    expect(direct).toStrictEqual((await office.get('/divisions/100001/overview')).body);
    expect(direct.bookings[0]!.payments).toEqual([{ date: expect.any(String), amountCents: 40000 }]);
    expect(direct.journals[0]!.nextBookingNumberByYear).toEqual({ '2026': 1002 });

    direct.bookings[0]!.payments[0]!.amountCents = 1;
    direct.bookings[0]!.payments.push({ date: '2026-03-20', amountCents: 2 });
    (direct.journals[0]!.nextBookingNumberByYear as Record<string, number>)['2026'] = 5000;
    expect(mock.overview(100001)).toStrictEqual((await office.get('/divisions/100001/overview')).body);
    expect(mock.overview(100001)!.bookings[0]!.payments).toEqual([{ date: expect.any(String), amountCents: 40000 }]);
    expect(mock.overview(100001)!.journals[0]!.nextBookingNumberByYear).toEqual({ '2026': 1002 });
    expect(mock.overview(999999)).toBeUndefined();
  });
});
