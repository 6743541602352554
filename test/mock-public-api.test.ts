import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS, type MockServer } from '../mock-accounting/index.js';
import { apiClient, connectDemoApp, startTestMock, type ApiClient } from './support/mock.js';

// Issue 2, point 3: a client that knows only Exact's public API books 61 entries, pages, and meets R7/R8.
describe('the mock through the public API only', () => {
  let mock: MockServer;
  let api: ApiClient;

  beforeEach(async () => {
    mock = await startTestMock();
    const { accessToken } = await connectDemoApp(mock.url);
    api = apiClient(mock.url, accessToken, DEMO_DIVISIONS.main);
  });
  afterEach(() => mock.close());

  it('runs an OAuth flow, books 61 entries, pages with __next, reuses a deleted last number (R7) and refuses a used one (R8)', async () => {
    const me = await api.get('/api/v1/current/Me');
    expect(me.status).toBe(200);
    const division = me.body.d.results[0].CurrentDivision;
    expect(division).toBe(DEMO_DIVISIONS.main);

    const journals = await api.get('financial/Journals');
    expect(journals.status).toBe(200);
    const codes = journals.body.d.results.map((j: { Code: string }) => j.Code);
    expect(codes).toEqual(expect.arrayContaining(['70', '71']));

    const revenue = await api.get("financial/GLAccounts?$filter=Code eq '700000'&$select=ID,Code");
    const glAccount = revenue.body.d.results[0].ID as string;

    const account = await api.post('crm/Accounts', { Name: 'Public API Customer', Status: 'C' });
    expect(account.status).toBe(201);
    expect(account.body.d.Code).toBe('5'.padStart(18, ' '));
    const customer = account.body.d.ID as string;

    const numbers: number[] = [];
    for (let i = 1; i <= 61; i += 1) {
      const entry = await api.post('salesentry/SalesEntries', {
        Journal: '70',
        Customer: customer,
        EntryDate: '2026-03-02',
        YourRef: `2026/${i}`,
        SalesEntryLines: [{ GLAccount: glAccount, AmountFC: '100.00', VATCode: '21' }],
      });
      expect(entry.status).toBe(201);
      numbers.push(entry.body.d.EntryNumber);
    }
    expect(numbers[0]).toBe(1001);
    expect(numbers.at(-1)).toBe(1061);

    const first = await api.get('salesentry/SalesEntries?$select=EntryID,EntryNumber');
    expect(first.body.d.results).toHaveLength(60);
    const next = first.body.d.__next as string;
    expect(next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/100001\/salesentry\/SalesEntries\?.*\$skiptoken=guid'/);
    const second = await api.follow(next);
    expect(second.status).toBe(200);
    expect(second.body.d.results).toHaveLength(1);
    expect(second.body.d.__next).toBeUndefined();
    const seen = [...first.body.d.results, ...second.body.d.results].map((r: { EntryNumber: number }) => r.EntryNumber);
    expect(new Set(seen).size).toBe(61);

    // R7: deleting the last booking hands its number out again.
    const last = await api.get('salesentry/SalesEntries?$filter=EntryNumber eq 1061&$select=EntryID');
    const lastId = last.body.d.results[0].EntryID as string;
    expect((await api.delete(`salesentry/SalesEntries(guid'${lastId}')`)).status).toBe(204);
    const again = await api.post('salesentry/SalesEntries', {
      Journal: '70',
      Customer: customer,
      EntryDate: '2026-03-02',
      YourRef: '2026/62',
      SalesEntryLines: [{ GLAccount: glAccount, AmountFC: 100 }],
    });
    expect(again.body.d.EntryNumber).toBe(1061);

    // R8: the back office sets the next booking number onto a used number; the next booking is refused.
    const set = await request(mock.url).put(`/__mock/divisions/${division}/journals/70/next-booking-number`).send({ value: 1005 });
    expect(set.body.nextBookingNumber).toBe(1005);
    const refused = await api.post('salesentry/SalesEntries', {
      Journal: '70',
      Customer: customer,
      SalesEntryLines: [{ GLAccount: glAccount, AmountFC: 100 }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: { code: '', message: { lang: '', value: 'In use: Entry number' } } });
  });
});
