import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS, type MockServer, type StartMockServerOptions } from '../mock-accounting/index.js';
import {
  backOffice,
  book,
  deleteBooking,
  demoRefs,
  nextBookingNumber,
  salesEntryBody,
  type BackOffice,
  type DemoRefs,
} from './support/bookings.js';
import { apiClient, connectDemoApp, startTestMock, type ApiClient } from './support/mock.js';

// Booking numbers end to end (BEHAVIOUR.md R7, R8; exact-api.md "booklab decisions"): the public API books and
// deletes, the back office reads and corrects the journal's next booking number.

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

interface World {
  api: ApiClient;
  refs: DemoRefs;
  office: BackOffice;
  token: string;
}

async function start(options: StartMockServerOptions = {}): Promise<World> {
  mock = await startTestMock(options);
  const { accessToken } = await connectDemoApp(mock.url);
  const api = apiClient(mock.url, accessToken, DEMO_DIVISIONS.main);
  return { api, refs: await demoRefs(api), office: backOffice(mock.url), token: accessToken };
}

const NEXT_70 = '/divisions/100001/journals/70/next-booking-number';

describe('counter mode (default): the journal next booking number', () => {
  it('R7: books 1001, 1002, 1003 in journal 70 and shows 1004 as next booking number; InvoiceNumber equals EntryNumber', async () => {
    const { api, refs, office } = await start();
    expect(await nextBookingNumber(office)).toBe(1001);
    const first = await api.post('salesentry/SalesEntries', salesEntryBody(refs));
    expect(first.status).toBe(201);
    expect(first.body.d.EntryNumber).toBe(1001);
    expect(first.body.d.InvoiceNumber).toBe(1001);
    expect(await book(api, refs)).toBe(1002);
    expect(await book(api, refs)).toBe(1003);
    expect(await nextBookingNumber(office)).toBe(1004);
  });

  it('R7, article 002: deleting the last booking in Exact hands its number to the next invoice, giving two invoices the same number', async () => {
    const { api, refs, office } = await start();
    // Focus syncs three invoices and stores the booking numbers Exact answers (R6).
    const focus = new Map<string, number>();
    for (const invoice of ['2026/1', '2026/2', '2026/3']) focus.set(invoice, await book(api, refs, { YourRef: invoice }));
    expect([...focus.values()]).toEqual([1001, 1002, 1003]);

    // The user deletes the last booking in Exact, but not the invoice in Focus.
    expect((await deleteBooking(api, 1003)).status).toBe(204);
    expect(await nextBookingNumber(office)).toBe(1003);

    // The next sync books a new invoice: Exact gives it the number of the deleted booking.
    focus.set('2026/4', await book(api, refs, { YourRef: '2026/4' }));
    expect(focus.get('2026/4')).toBe(1003);
    expect(focus.get('2026/3')).toBe(focus.get('2026/4'));

    const listed = await api.get('salesentry/SalesEntries?$filter=EntryNumber eq 1003&$select=YourRef');
    expect(listed.body.d.results.map((r: { YourRef: string }) => r.YourRef)).toEqual(['2026/4']);
  });

  it('R8, article 002 repair: after deleting the booking with the duplicated number, setting the next booking number one higher books N+1', async () => {
    const { api, refs, office } = await start();
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    expect((await deleteBooking(api, 1003)).status).toBe(204);
    expect(await book(api, refs, { YourRef: 'duplicate' })).toBe(1003);

    // Repair: delete the booking carrying the duplicated number, note its number "one higher", correct the journal.
    expect((await deleteBooking(api, 1003)).status).toBe(204);
    const set = await office.put(NEXT_70, { value: 1004 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ division: 100001, code: '70', firstBookingNumber: 1001, nextBookingNumber: 1004 });
    expect(await book(api, refs)).toBe(1004);
    expect(await nextBookingNumber(office)).toBe(1005);
  });

  it('R7: deleting a booking that is not the last leaves a gap: the counter stays and the next booking takes the next number', async () => {
    const { api, refs, office } = await start();
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    expect((await deleteBooking(api, 1002)).status).toBe(204);
    expect(await nextBookingNumber(office)).toBe(1004);
    expect(await book(api, refs)).toBe(1004);
  });

  it('R7: deleting the only booking in the journal moves the next booking number back to the first number', async () => {
    const { api, refs, office } = await start();
    expect(await book(api, refs)).toBe(1001);
    expect((await deleteBooking(api, 1001)).status).toBe(204);
    expect(await nextBookingNumber(office)).toBe(1001);
    expect(await book(api, refs)).toBe(1001);
  });

  it('R7: deleting through the back office by number releases the number the same way', async () => {
    const { api, refs, office } = await start();
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    const deleted = await office.delete('/divisions/100001/journals/70/entries/1003');
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted.entryNumber).toBe(1003);
    expect(deleted.body.journal.nextBookingNumber).toBe(1003);
    expect(await book(api, refs)).toBe(1003);
  });

  it('R8: a POST with a free EntryNumber above the counter keeps it and lifts the counter above it', async () => {
    const { api, refs, office } = await start();
    expect(await book(api, refs, { EntryNumber: 1010 })).toBe(1010);
    expect(await nextBookingNumber(office)).toBe(1011);
    expect(await book(api, refs)).toBe(1011);
  });

  it('R8: a POST with a free EntryNumber below the counter keeps it and leaves the counter', async () => {
    const { api, refs, office } = await start();
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    expect((await deleteBooking(api, 1002)).status).toBe(204);
    expect(await book(api, refs, { EntryNumber: 1002 })).toBe(1002);
    expect(await nextBookingNumber(office)).toBe(1004);
  });

  it('R8: a POST with an EntryNumber in use is refused with 400 "In use: Entry number" and books nothing', async () => {
    const { api, refs, office } = await start();
    await book(api, refs);
    const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { EntryNumber: 1001 }));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: { code: '', message: { lang: '', value: 'In use: Entry number' } } });
    expect(await nextBookingNumber(office)).toBe(1002);
    const count = await api.get('salesentry/SalesEntries/$count');
    expect(count.text).toBe('1');
  });

  it('refuses an EntryNumber of 0 or below with 400, changes nothing, and the state still restores', async () => {
    const { api, refs, office } = await start();
    const before = (await office.get('/state')).body;
    for (const number of [0, -5]) {
      const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { EntryNumber: number }));
      expect(refused.status, String(number)).toBe(400);
      expect(refused.body.error.message.value).toBe(
        `Invalid entry number ${number}: use a whole number from 1 to 2147483647, or leave it out to take the next one.`,
      );
    }
    const snapshot = (await office.get('/state')).body;
    expect(snapshot).toEqual(before);
    expect((await office.put('/state', snapshot)).status).toBe(200);
    expect(await book(api, refs)).toBe(1001);
  });

  it('R8: the in-use refusal follows the user language (NL "In gebruik: Boekstuknummer")', async () => {
    const { api, refs } = await start();
    await book(api, refs);
    const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { EntryNumber: 1001 })).set('Accept-Language', 'nl-NL');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.value).toBe('In gebruik: Boekstuknummer');
  });

  it('R8: a next booking number set onto a used number makes every POST fail with "In use" until it is corrected', async () => {
    const { api, refs, office } = await start();
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    expect((await office.put(NEXT_70, { value: 1002 })).body.nextBookingNumber).toBe(1002);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message.value).toBe('In use: Entry number');
      expect(await nextBookingNumber(office)).toBe(1002);
    }
    await office.put(NEXT_70, { value: 1004 });
    expect(await book(api, refs)).toBe(1004);
  });

  it('R8: a next booking number set into a gap hands out that number', async () => {
    const { api, refs, office } = await start();
    for (let i = 0; i < 4; i += 1) await book(api, refs);
    expect((await deleteBooking(api, 1002)).status).toBe(204);
    await office.put(NEXT_70, { value: 1002 });
    expect(await book(api, refs)).toBe(1002);
    expect(await nextBookingNumber(office)).toBe(1003);
  });

  it('R8: a next booking number set far ahead leaves a gap and continues from there', async () => {
    const { api, refs, office } = await start();
    await book(api, refs);
    await office.put(NEXT_70, { value: 1500 });
    expect(await book(api, refs)).toBe(1500);
    expect(await book(api, refs)).toBe(1501);
    const entries = await office.get('/divisions/100001/journals/70/entries');
    expect(entries.body.map((e: { entryNumber: number }) => e.entryNumber)).toEqual([1001, 1500, 1501]);
  });

  it('counts journals 70 (invoices, from 1001) and 71 (credit notes, from 8001) independently', async () => {
    const { api, refs, office } = await start();
    expect(await book(api, refs)).toBe(1001);
    expect(await book(api, refs, { Journal: '71', SalesEntryLines: [{ GLAccount: refs.revenue, AmountFC: -50 }] })).toBe(8001);
    expect(await book(api, refs)).toBe(1002);
    expect(await book(api, refs, { Journal: '71', SalesEntryLines: [{ GLAccount: refs.revenue, AmountFC: -50 }] })).toBe(8002);
    expect(await nextBookingNumber(office, '70')).toBe(1003);
    expect(await nextBookingNumber(office, '71')).toBe(8003);
    // A number used in 70 is free in 71.
    expect(await book(api, refs, { Journal: '71', EntryNumber: 1001 })).toBe(1001);
    expect((await deleteBooking(api, 1002, '70')).status).toBe(204);
    expect(await nextBookingNumber(office, '70')).toBe(1002);
    expect(await nextBookingNumber(office, '71')).toBe(8003);
  });

  it('numbers division 100002 on its own: its journal 70 starts at 1001 whatever division 100001 booked', async () => {
    const { api, refs, office, token } = await start();
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    const other = apiClient(mock!.url, token, DEMO_DIVISIONS.other);
    const otherRefs = await demoRefs(other);
    expect(otherRefs.revenue).not.toBe(refs.revenue);
    expect(await book(other, otherRefs)).toBe(1001);
    expect(await nextBookingNumber(office, '70', 100002)).toBe(1002);
    expect(await nextBookingNumber(office, '70', 100001)).toBe(1004);

    await office.put('/divisions/100002/journals/70/next-booking-number', { value: 1003 });
    expect(await nextBookingNumber(office, '70', 100001)).toBe(1004);
    expect(await book(api, refs)).toBe(1004);
    expect(await book(other, otherRefs)).toBe(1003);
  });
});

describe('max mode ({ numbering: { mode: "max" } }): highest + 1, ignoring the counter', () => {
  it('R7: books highest + 1 and hands a deleted highest number out again', async () => {
    const { api, refs } = await start({ numbering: { mode: 'max' } });
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    expect((await deleteBooking(api, 1003)).status).toBe(204);
    expect(await book(api, refs)).toBe(1003);
  });

  it('ignores a next booking number set in the back office, even one set onto a used number', async () => {
    const { api, refs, office } = await start({ numbering: { mode: 'max' } });
    await book(api, refs);
    await book(api, refs);
    await office.put(NEXT_70, { value: 1500 });
    expect(await book(api, refs)).toBe(1003);
    await office.put(NEXT_70, { value: 1001 });
    expect(await book(api, refs)).toBe(1004);
  });

  it('does not fill a gap: after deleting a booking that is not the highest the next one is still highest + 1', async () => {
    const { api, refs } = await start({ numbering: { mode: 'max' } });
    for (let i = 0; i < 3; i += 1) await book(api, refs);
    expect((await deleteBooking(api, 1001)).status).toBe(204);
    expect(await book(api, refs)).toBe(1004);
  });

  it('continues from a requested EntryNumber and still refuses a used one', async () => {
    const { api, refs } = await start({ numbering: { mode: 'max' } });
    expect(await book(api, refs, { EntryNumber: 1200 })).toBe(1200);
    expect(await book(api, refs)).toBe(1201);
    const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { EntryNumber: 1200 }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.value).toBe('In use: Entry number');
  });
});

describe('numbering per year ({ numbering: { perYear: true } })', () => {
  const in2025 = { EntryDate: '2025-06-15' };

  it('keeps one sequence per financial year, so 2025 and 2026 both start at 1001', async () => {
    const { api, refs, office } = await start({ numbering: { perYear: true } });
    expect(await book(api, refs, in2025)).toBe(1001);
    expect(await book(api, refs)).toBe(1001);
    expect(await book(api, refs)).toBe(1002);
    expect(await book(api, refs, in2025)).toBe(1002);
    const journal = await office.get('/divisions/100001/journals/70');
    expect(journal.body.nextBookingNumberByYear).toEqual({ '2025': 1003, '2026': 1003 });
  });

  it('takes the year from ReportingYear when given, not from the entry date', async () => {
    const { api, refs, office } = await start({ numbering: { perYear: true } });
    await book(api, refs);
    expect(await book(api, refs, { ReportingYear: 2025, ReportingPeriod: 12 })).toBe(1001);
    const entries = await office.get('/divisions/100001/journals/70/entries');
    expect(entries.body.map((e: { financialYear: number; entryNumber: number }) => [e.financialYear, e.entryNumber])).toEqual([
      [2025, 1001],
      [2026, 1001],
    ]);
  });

  it('allows the same EntryNumber in different years but refuses it twice in one year', async () => {
    const { api, refs } = await start({ numbering: { perYear: true } });
    expect(await book(api, refs, { EntryNumber: 1100 })).toBe(1100);
    expect(await book(api, refs, { ...in2025, EntryNumber: 1100 })).toBe(1100);
    const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { EntryNumber: 1100 }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.value).toBe('In use: Entry number');
  });

  it('R8: corrects the next booking number of one year only', async () => {
    const { api, refs, office } = await start({ numbering: { perYear: true } });
    await book(api, refs);
    const set = await office.put(NEXT_70, { value: 1050, year: 2025 });
    expect(set.status).toBe(200);
    expect(set.body.nextBookingNumber).toBe(1050);
    expect(set.body.nextBookingNumberByYear).toEqual({ '2025': 1050, '2026': 1002 });
    expect(await book(api, refs, in2025)).toBe(1050);
    expect(await book(api, refs)).toBe(1002);
  });

  it('R7: deleting the highest booking of a year hands its number out again in that year only', async () => {
    const { api, refs, office } = await start({ numbering: { perYear: true } });
    await book(api, refs, in2025);
    await book(api, refs, in2025);
    await book(api, refs);
    await book(api, refs);
    await book(api, refs);
    const ambiguous = await office.delete('/divisions/100001/journals/70/entries/1002');
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.message).toBe('Booking 1002 exists in several years (2025, 2026): add ?year=YYYY.');
    const deleted = await office.delete('/divisions/100001/journals/70/entries/1002?year=2025');
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted.financialYear).toBe(2025);
    expect(deleted.body.journal.nextBookingNumber).toBe(1002);
    expect(await book(api, refs, in2025)).toBe(1002);
    expect(await book(api, refs)).toBe(1004);
  });
});
