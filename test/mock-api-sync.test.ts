import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import type { ApiClient } from './support/mock.js';
import { backOffice, dateMs, entryBody, envelope, seedIds, startConnected } from './support/mock-api-fixtures.js';

// exact-api.md §6 and §8: payment status (read/financial/ReceivablesList, cashflow/Receivables) and the sync
// endpoints (sync/Financial/TransactionLines, sync/Deleted) through the public API.

describe('payment status', () => {
  let mock: MockServer;
  let api: ApiClient;
  afterEach(() => mock.close());

  it('a partial payment lowers Amount in read/financial/ReceivablesList; once fully paid the entry disappears', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const paid = await api.post('salesentry/SalesEntries', entryBody(ids, { YourRef: 'INV-1' }));
    const open = await api.post('salesentry/SalesEntries', entryBody(ids, { YourRef: 'INV-2', Customer: ids.customers['2'] }));
    const entryNumber = paid.body.d.EntryNumber as number;

    const before = await api.get('read/financial/ReceivablesList?$orderby=EntryNumber');
    expect(before.body.d.results.map((r: { EntryNumber: number; Amount: number }) => [r.EntryNumber, r.Amount])).toEqual([
      [1001, 121],
      [1002, 121],
    ]);
    expect(before.body.d.results[0]).toMatchObject({
      AccountId: ids.customers['1'],
      AccountCode: '1'.padStart(18, ' '),
      AccountName: 'Brouwerij De Kroon',
      InvoiceNumber: 1001,
      JournalCode: '70',
      YourRef: 'INV-1',
      CurrencyCode: 'EUR',
      InvoiceDate: `/Date(${dateMs('2026-03-02')})/`,
    });

    const partial = await backOffice(mock)
      .post(`/__mock/divisions/100001/journals/70/entries/${entryNumber}/payments`)
      .send({ amountCents: 2100 });
    expect(partial.status).toBe(201);
    const afterPartial = await api.get(`read/financial/ReceivablesList?$filter=AccountId eq guid'${ids.customers['1']}'`);
    expect(afterPartial.body.d.results.map((r: { EntryNumber: number; Amount: number }) => [r.EntryNumber, r.Amount])).toEqual([
      [1001, 100],
    ]);
    const receivable = await api.get(`cashflow/Receivables?$filter=TransactionEntryID eq guid'${paid.body.d.EntryID}'`);
    expect(receivable.body.d.results[0]).toMatchObject({
      IsFullyPaid: false,
      Status: 20,
      AmountDC: 121,
      LastPaymentDate: `/Date(${dateMs('2026-03-02')})/`,
    });

    const rest = await backOffice(mock)
      .post(`/__mock/divisions/100001/journals/70/entries/${entryNumber}/payments`)
      .send({ date: '2026-03-05' });
    expect(rest.status).toBe(201);
    const after = await api.get('read/financial/ReceivablesList');
    expect(after.body.d.results.map((r: { EntryNumber: number }) => r.EntryNumber)).toEqual([open.body.d.EntryNumber]);

    const receivables = await api.get(
      'cashflow/Receivables?$orderby=EntryNumber&$select=EntryNumber,IsFullyPaid,Status,TransactionEntryID,LastPaymentDate',
    );
    expect(receivables.body.d.results.map(({ __metadata, ...r }: Record<string, unknown>) => r)).toEqual([
      {
        EntryNumber: 1001,
        IsFullyPaid: true,
        Status: 50,
        TransactionEntryID: paid.body.d.EntryID,
        LastPaymentDate: `/Date(${dateMs('2026-03-05')})/`,
      },
      { EntryNumber: 1002, IsFullyPaid: false, Status: 20, TransactionEntryID: open.body.d.EntryID, LastPaymentDate: null },
    ]);
  });

  it("ReceivablesList filters on DueDate lt datetime'..' as osso does", async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    await api.post('salesentry/SalesEntries', entryBody(ids, { DueDate: '2026-03-10' }));
    await api.post('salesentry/SalesEntries', entryBody(ids, { DueDate: '2026-04-10' }));
    const due = await api.get("read/financial/ReceivablesList?$filter=DueDate lt datetime'2026-04-01'&$select=EntryNumber");
    expect(due.body.d.results.map((r: { EntryNumber: number }) => r.EntryNumber)).toEqual([1001]);
  });
});

describe('sync endpoints', () => {
  let mock: MockServer;
  let api: ApiClient;
  afterEach(() => mock.close());

  it('sync/Financial/TransactionLines with Timestamp gt 1L: a header line 0 plus one row per line, each with its own Timestamp', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const created = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        YourRef: 'R1',
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 100 },
          { GLAccount: ids.gl['705000'], AmountFC: 50, VATCode: '6' },
        ],
      }),
    );
    const answer = await api.get('sync/Financial/TransactionLines?$filter=Timestamp gt 1L');
    expect(answer.status).toBe(200);
    const rows = answer.body.d.results as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.LineNumber, r.AmountDC, r.EntryNumber, r.JournalCode, r.Type, r.YourRef])).toEqual([
      [0, 174, 1001, '70', 20, 'R1'],
      [1, -100, 1001, '70', 20, 'R1'],
      [2, -50, 1001, '70', 20, 'R1'],
    ]);
    expect(rows.every((r) => r.EntryID === created.body.d.EntryID)).toBe(true);
    const stamps = rows.map((r) => r.Timestamp as number);
    expect(new Set(stamps).size).toBe(3);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(rows[0]!.__metadata).toEqual({
      uri: `${mock.url}/api/v1/100001/sync/Financial/TransactionLines(${stamps[0]}L)`,
      type: 'Exact.Web.Api.Models.SyncFinancialTransactionLine',
    });
    const later = await api.get(`sync/Financial/TransactionLines?$filter=Timestamp gt ${stamps[2]}L`);
    expect(later.body.d.results).toEqual([]);
  });

  it('sync/Financial/TransactionLines pages by 1000 rows with __next carrying the last Timestamp', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const lines = Array.from({ length: 1000 }, (_, i) => ({ GLAccount: ids.gl['700000'], AmountFC: i + 1, VATCode: '0' }));
    expect((await api.post('salesentry/SalesEntries', entryBody(ids, { SalesEntryLines: lines }))).status).toBe(201);
    const first = await api.get('sync/Financial/TransactionLines?$filter=Timestamp gt 1L&$select=Timestamp,LineNumber');
    expect(first.body.d.results).toHaveLength(1000);
    const lastStamp = first.body.d.results[999].Timestamp as number;
    expect(first.body.d.__next).toBe(
      `${mock.url}/api/v1/100001/sync/Financial/TransactionLines?$filter=Timestamp%20gt%201L&$select=Timestamp,LineNumber&$skiptoken=${lastStamp}L`,
    );
    const second = await api.follow(first.body.d.__next);
    expect(second.body.d.results.map((r: { LineNumber: number }) => r.LineNumber)).toEqual([1000]);
    expect(second.body.d.__next).toBeUndefined();
  });

  it('keeps TransactionLines Timestamps unique after a line was deleted and another added', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const three = [100, 200, 300].map((AmountFC) => ({ GLAccount: ids.gl['700000'], AmountFC, VATCode: '0' }));
    const entry = await api.post('salesentry/SalesEntries', entryBody(ids, { SalesEntryLines: three }));
    const id = entry.body.d.EntryID as string;
    const lines = (await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$orderby=LineNumber`)).body.d.results as Array<{
      ID: string;
    }>;
    expect((await api.delete(`salesentry/SalesEntryLines(guid'${lines[1]!.ID}')`)).status).toBe(204);
    expect(
      (await api.post('salesentry/SalesEntryLines', { EntryID: id, GLAccount: ids.gl['700000'], AmountFC: 400, VATCode: '0' })).status,
    ).toBe(201);
    expect((await api.post('salesentry/SalesEntries', entryBody(ids))).status).toBe(201);
    const rows = (await api.get('sync/Financial/TransactionLines?$filter=Timestamp gt 1L&$select=Timestamp,EntryNumber,LineNumber')).body.d
      .results as Array<{
      Timestamp: number;
      EntryNumber: number;
      LineNumber: number;
    }>;
    expect(rows.map((r) => [r.EntryNumber, r.LineNumber])).toEqual([
      [1001, 0],
      [1001, 1],
      [1001, 3],
      [1001, 4],
      [1002, 0],
      [1002, 1],
    ]);
    expect(new Set(rows.map((r) => r.Timestamp)).size).toBe(6);
  });

  it('sync/Financial/TransactionLines refuses filtering on another field: 400 "Filtering on these fields is not supported"', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get("sync/Financial/TransactionLines?$filter=Timestamp gt 1L and JournalCode eq '70'");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(envelope('Filtering on these fields is not supported: JournalCode'));
  });

  it('sync/Deleted: a deleted entry gives one row per transaction line with EntityType 1; filter on EntityType works', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const entry = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 100 },
          { GLAccount: ids.gl['705000'], AmountFC: 10 },
        ],
      }),
    );
    const id = entry.body.d.EntryID as string;
    const lineIds = (
      await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$orderby=LineNumber&$select=ID`)
    ).body.d.results.map((l: { ID: string }) => l.ID);
    const account = await api.post('crm/Accounts', { Name: 'Gone' });
    expect((await api.get('sync/Deleted?$filter=Timestamp gt 1L')).body.d.results).toEqual([]);

    mock.clock.advance(60_000);
    expect((await api.delete(`salesentry/SalesEntries(guid'${id}')`)).status).toBe(204);
    expect((await api.delete(`crm/Accounts(guid'${account.body.d.ID}')`)).status).toBe(204);

    const all = await api.get('sync/Deleted?$filter=Timestamp gt 1L');
    const rows = all.body.d.results as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.EntityKey, r.EntityType])).toEqual([
      [id, 1],
      [lineIds[0], 1],
      [lineIds[1], 1],
      [account.body.d.ID, 2],
    ]);
    expect(rows[0]!.DeletedDate).toBe(`/Date(${mock.clock.now()})/`);
    const me = await api.get('/api/v1/current/Me');
    expect(rows[0]!.DeletedBy).toBe(me.body.d.results[0].UserID);

    const transactions = await api.get(`sync/Deleted?$filter=Timestamp gt 1L and EntityType eq 1&$select=EntityKey`);
    expect(transactions.body.d.results.map((r: { EntityKey: string }) => r.EntityKey)).toEqual([id, ...lineIds]);
    const since = rows[2]!.Timestamp as number;
    const newer = await api.get(`sync/Deleted?$filter=Timestamp gt ${since}L`);
    expect(newer.body.d.results.map((r: { EntityType: number }) => r.EntityType)).toEqual([2]);
    const bad = await api.get("sync/Deleted?$filter=EntityKey eq guid'00000000-0000-4000-8000-000000000000'");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(envelope('Filtering on these fields is not supported: EntityKey'));
  });

  it('sync/Deleted: deleting a single line (not the last) also gives a row for that transaction line', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const entry = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 100 },
          { GLAccount: ids.gl['705000'], AmountFC: 10 },
        ],
      }),
    );
    const lines = (await api.get(`salesentry/SalesEntries(guid'${entry.body.d.EntryID}')/SalesEntryLines?$orderby=LineNumber&$select=ID`))
      .body.d.results;
    expect((await api.delete(`salesentry/SalesEntryLines(guid'${lines[1].ID}')`)).status).toBe(204);
    const deleted = await api.get('sync/Deleted?$filter=Timestamp gt 1L and EntityType eq 1&$select=EntityKey');
    expect(deleted.body.d.results.map((r: { EntityKey: string }) => r.EntityKey)).toEqual([lines[1].ID]);
  });
});
