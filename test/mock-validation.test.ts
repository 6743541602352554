import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS, MAX_ENTRY_NUMBER, type MockServer } from '../mock-accounting/index.js';
import { backOffice, book, demoRefs, nextBookingNumber, salesEntryBody, type BackOffice, type DemoRefs } from './support/bookings.js';
import { apiClient, connectDemoApp, startTestMock, type ApiClient } from './support/mock.js';

// Issue 15, points 3 and 7: numbers have bounds, an empty VATCode is no VAT code, a reporting year or period
// given alone is checked against the period table, and $select names only what exists.

let mock: MockServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function start(file?: string): Promise<{ api: ApiClient; refs: DemoRefs; office: BackOffice }> {
  mock = await startTestMock({ file });
  const { accessToken } = await connectDemoApp(mock.url);
  const api = apiClient(mock.url, accessToken, DEMO_DIVISIONS.main);
  return { api, refs: await demoRefs(api), office: backOffice(mock.url) };
}

describe('point 3: booking numbers have bounds', () => {
  it('refuses a next booking number past the highest entry number, as given in the issue (9007199254740991)', async () => {
    const { office } = await start();
    for (const value of [9_007_199_254_740_991, MAX_ENTRY_NUMBER + 1, 1e21]) {
      const refused = await office.put('/divisions/100001/journals/70/next-booking-number', { value });
      expect(refused.status, String(value)).toBe(400);
      expect(refused.body.error.message).toMatch(
        /^Invalid value: Too big: expected number to be <=2147483647\. See GET \/__mock for the expected body\.$/,
      );
    }
    expect(await nextBookingNumber(office)).toBe(1001);
    const refusedYear = await office.put('/divisions/100001/journals/70/next-booking-number', { value: 5, year: 1e15 });
    expect(refusedYear.status).toBe(400);
  });

  it("books the highest entry number, then says the journal's numbers are used up, and the state still restores and reloads", async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-bounds-'));
    const file = join(dir, 'data.json');
    const { api, refs, office } = await start(file);
    expect((await office.put('/divisions/100001/journals/70/next-booking-number', { value: MAX_ENTRY_NUMBER })).status).toBe(200);
    expect(await book(api, refs)).toBe(MAX_ENTRY_NUMBER);

    const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.value).toBe(
      `The entry numbers of journal 70 are used up: the next would be ${MAX_ENTRY_NUMBER + 1}, past the highest, ${MAX_ENTRY_NUMBER}. Set the journal's next booking number lower, or give a free EntryNumber.`,
    );
    const handBooked = await office.post('/divisions/100001/journals/70/entries', {
      customerCode: '1',
      lines: [{ glAccountCode: '700000', amountCents: 100 }],
    });
    expect(handBooked.status).toBe(400);
    expect(await book(api, refs, { EntryNumber: 5 })).toBe(5);

    const snapshot = (await office.get('/state')).body;
    expect((await office.put('/state', snapshot)).status).toBe(200);
    await mock!.close();
    mock = undefined;
    const reloaded = await start(file);
    expect(await nextBookingNumber(reloaded.office)).toBe(MAX_ENTRY_NUMBER + 1);
  });

  it('refuses amounts beyond what the API takes, and entry numbers beyond an Int32, in the back office too', async () => {
    const { office } = await start();
    const line = { glAccountCode: '700000', amountCents: 100 };
    for (const body of [
      { customerCode: '1', lines: [{ ...line, amountCents: 9_007_199_254_740_991 }] },
      { customerCode: '1', lines: [{ ...line, vatAmountCents: -1e16 }] },
      { customerCode: '1', entryNumber: MAX_ENTRY_NUMBER + 1, lines: [line] },
    ]) {
      const refused = await office.post('/divisions/100001/journals/70/entries', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect((await office.get('/divisions/100001/journals/70/entries')).body).toEqual([]);
    expect((await office.put('/rate-limits', { minutely: 9_007_199_254_740_991 })).status).toBe(400);
  });
});

describe('point 7: validation', () => {
  it("books an empty VATCode with the G/L account's VAT code, as one left out (21 % on 700000)", async () => {
    const { api, refs } = await start();
    const booked = await api.post(
      'salesentry/SalesEntries',
      salesEntryBody(refs, { SalesEntryLines: [{ GLAccount: refs.revenue, AmountFC: 100, VATCode: '' }] }),
    );
    expect(booked.status).toBe(201);
    const lines = await api.get(
      `salesentry/SalesEntries(guid'${booked.body.d.EntryID as string}')/SalesEntryLines?$select=VATCode,VATPercentage,VATAmountFC`,
    );
    expect(lines.body.d.results).toMatchObject([{ VATCode: '21', VATPercentage: 0.21, VATAmountFC: 21 }]);
  });

  it.each([
    ['ReportingPeriod 99 alone', { ReportingPeriod: 99 }],
    ['ReportingPeriod 0 alone', { ReportingPeriod: 0 }],
    ['ReportingPeriod 13 alone', { ReportingPeriod: 13 }],
    ['ReportingYear 1999 alone', { ReportingYear: 1999 }],
    ['ReportingYear -1 alone', { ReportingYear: -1 }],
    ['ReportingYear 2026 with ReportingPeriod 99', { ReportingYear: 2026, ReportingPeriod: 99 }],
  ])('refuses %s: it is not in the period table', async (_name, reporting) => {
    const { api, refs, office } = await start();
    const refused = await api.post('salesentry/SalesEntries', salesEntryBody(refs, reporting));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.value).toBe('Unknown: Financial year (Period-date table)');
    expect(await nextBookingNumber(office)).toBe(1001);
  });

  it('takes a reporting period or year given alone, the other from the entry date', async () => {
    const { api, refs } = await start();
    const period = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { ReportingPeriod: 5 }));
    expect(period.body.d).toMatchObject({ ReportingYear: 2026, ReportingPeriod: 5 });
    const year = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { ReportingYear: 2025 }));
    expect(year.body.d).toMatchObject({ ReportingYear: 2025, ReportingPeriod: 3 });
  });

  it.each(['*,Nope', 'Nope,*', '*, EntryNumber ,Nope'])('refuses $select=%s, naming the property that does not exist', async (select) => {
    const { api } = await start();
    const answer = await api.get(`salesentry/SalesEntries?$select=${select}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message.value).toBe("Could not find a property named 'Nope' on type 'Exact.Web.Api.Models.SalesEntry'.");
  });

  it('still takes $select=* and * beside real properties', async () => {
    const { api, refs } = await start();
    await book(api, refs);
    for (const select of ['*', '*,EntryNumber']) expect((await api.get(`salesentry/SalesEntries?$select=${select}`)).status).toBe(200);
  });
});
