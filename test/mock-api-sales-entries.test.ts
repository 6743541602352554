import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import type { ApiClient } from './support/mock.js';
import { dateMs, entryBody, envelope, seedIds, startConnected, type SeedIds } from './support/mock-api-fixtures.js';

// exact-api.md §4 and §6: salesentry/SalesEntries and SalesEntryLines through the public API (R6, R7).

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('salesentry/SalesEntries', () => {
  let mock: MockServer;
  let api: ApiClient;
  let accessToken: string;
  let ids: SeedIds;
  afterEach(() => mock.close());

  async function start() {
    ({ mock, api, accessToken } = await startConnected());
    ids = await seedIds(api);
  }

  /** POST without `Prefer: return=representation`, as a client that does not ask for the full entity. */
  function postPlain(body: unknown) {
    return request(mock.url)
      .post('/api/v1/100001/salesentry/SalesEntries')
      .set({ Authorization: `Bearer ${accessToken}`, Accept: 'application/json' })
      .send(body as object);
  }

  it('R6/R7: POST with lines inline answers 201 with EntryID and EntryNumber 1001 = InvoiceNumber, and a Location', async () => {
    await start();
    const answer = await api.post('salesentry/SalesEntries', entryBody(ids, { YourRef: '2026/1' }));
    expect(answer.status).toBe(201);
    const d = answer.body.d;
    expect(d.EntryID).toMatch(GUID);
    expect(d.EntryNumber).toBe(1001);
    expect(d.InvoiceNumber).toBe(1001);
    expect(d.Journal).toBe('70');
    expect(d.YourRef).toBe('2026/1');
    expect(d.__metadata).toEqual({
      uri: `${mock.url}/api/v1/100001/salesentry/SalesEntries(guid'${d.EntryID}')`,
      type: 'Exact.Web.Api.Models.SalesEntry',
    });
    expect(answer.headers.location).toBe(d.__metadata.uri);
    const second = await api.post('salesentry/SalesEntries', entryBody(ids));
    expect(second.body.d.EntryNumber).toBe(1002);
    const credit = await api.post('salesentry/SalesEntries', entryBody(ids, { Journal: '71' }));
    expect(credit.body.d.EntryNumber).toBe(8001);
  });

  it('without Prefer: return=representation the computed fields are null but EntryID and EntryNumber are set', async () => {
    await start();
    const answer = await postPlain(entryBody(ids));
    expect(answer.status).toBe(201);
    const d = answer.body.d;
    expect(d.EntryID).toMatch(GUID);
    expect(d.EntryNumber).toBe(1001);
    for (const computed of [
      'AmountDC',
      'AmountFC',
      'VATAmountDC',
      'Type',
      'Status',
      'CustomerName',
      'JournalDescription',
      'Created',
      'Modified',
    ]) {
      expect(d[computed], computed).toBeNull();
    }
    const stored = await api.get(`salesentry/SalesEntries(guid'${d.EntryID}')?$select=AmountDC,Type,Status`);
    expect(stored.body.d).toMatchObject({ AmountDC: 121, Type: 20, Status: 20 });
  });

  it('with Prefer the computed fields are filled: AmountDC includes VAT, computed and rounded per line', async () => {
    await start();
    const answer = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 0.03, VATCode: '21' },
          { GLAccount: ids.gl['705000'], AmountFC: 0.03, VATCode: '21' },
          { GLAccount: ids.gl['708000'], AmountFC: 0.25, VATCode: '6' },
          { GLAccount: ids.gl['700000'], AmountFC: 10, VATCode: '0' },
        ],
      }),
    );
    expect(answer.status).toBe(201);
    // VAT per line: 0.0063 → 0.01, 0.0063 → 0.01, 0.015 → 0.02 (half away from zero), 0 → 0.
    expect(answer.body.d).toMatchObject({
      AmountDC: 10.35,
      AmountFC: 10.35,
      VATAmountDC: 0.04,
      Type: 20,
      Status: 20,
      CustomerName: 'Brouwerij De Kroon',
      JournalDescription: 'Sales invoices',
      Created: `/Date(${mock.clock.now()})/`,
    });
  });

  it('a credit note (negative amounts) gets Type 21 and a negative AmountDC', async () => {
    await start();
    const answer = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        Journal: '71',
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: -100, VATCode: '21' },
          { GLAccount: ids.gl['700000'], AmountFC: -0.25, VATCode: '6' },
        ],
      }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.d).toMatchObject({ Type: 21, AmountDC: -121.27, VATAmountDC: -21.02, EntryNumber: 8001 });
  });

  it("accepts EntryDate as ISO and as /Date(ms)/, amounts as numeric strings; the VAT code defaults to the G/L account's", async () => {
    await start();
    const iso = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryDate: '2026-02-15T10:30:00Z', DueDate: '2026-03-17' }));
    expect(iso.status).toBe(201);
    expect(iso.body.d).toMatchObject({
      EntryDate: `/Date(${dateMs('2026-02-15')})/`,
      DueDate: `/Date(${dateMs('2026-03-17')})/`,
      ReportingYear: 2026,
      ReportingPeriod: 2,
    });
    const wcf = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        EntryDate: `/Date(${dateMs('2026-01-20')})/`,
        SalesEntryLines: [{ GLAccount: ids.gl['705000'], AmountFC: '250.50' }],
      }),
    );
    expect(wcf.status).toBe(201);
    expect(wcf.body.d).toMatchObject({
      EntryDate: `/Date(${dateMs('2026-01-20')})/`,
      DueDate: `/Date(${dateMs('2026-02-19')})/`,
      ReportingPeriod: 1,
      AmountDC: 303.11,
      VATAmountDC: 52.61,
    });
    const lines = await api.get(`salesentry/SalesEntries(guid'${wcf.body.d.EntryID}')/SalesEntryLines`);
    expect(lines.body.d.results[0]).toMatchObject({
      AmountFC: 250.5,
      VATCode: '21',
      VATPercentage: 0.21,
      VATAmountFC: 52.61,
      LineNumber: 1,
    });
  });

  it('accepts lines as {results:[..]}, GUIDs in upper case or braces, and VAT codes padded with spaces (as osso sends them)', async () => {
    await start();
    const answer = await api.post('salesentry/SalesEntries', {
      Journal: '70',
      Customer: ids.customers['2']!.toUpperCase(),
      SalesEntryLines: { results: [{ GLAccount: `{${ids.gl['705000']!.toUpperCase()}}`, AmountFC: 100, VATCode: '6  ' }] },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.d).toMatchObject({ Customer: ids.customers['2'], CustomerName: 'Van Dijk Installaties', AmountDC: 106 });
    const lines = await api.get(`salesentry/SalesEntries(guid'${answer.body.d.EntryID}')/SalesEntryLines?$select=GLAccount,VATCode`);
    expect(lines.body.d.results[0]).toMatchObject({ GLAccount: ids.gl['705000'], VATCode: '6' });
  });

  it('refuses an unknown property on a line, naming the line type', async () => {
    await start();
    const answer = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, { SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: 1, Colour: 'red' }] }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.message.value).toBe(
      "Error processing request stream. The property 'Colour' does not exist on type 'Exact.Web.Api.Models.SalesEntryLine'. Make sure to only use property names that are defined by the type.",
    );
  });

  it('defaults EntryDate to today on the clock and the due date to 30 days later', async () => {
    await start();
    const { EntryDate: _omit, ...body } = entryBody(ids);
    const answer = await api.post('salesentry/SalesEntries', body);
    expect(answer.body.d).toMatchObject({ EntryDate: `/Date(${dateMs('2026-03-02')})/`, DueDate: `/Date(${dateMs('2026-04-01')})/` });
  });

  it('refuses a value that is not of the property type (a non-numeric amount, a bad date)', async () => {
    await start();
    const amount = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, { SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: 'ten' }] }),
    );
    expect(amount.status).toBe(400);
    expect(amount.body).toEqual(
      envelope("Error processing request stream. Cannot convert the value of property 'AmountFC' to the expected type 'Edm.Double'."),
    );
    const date = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryDate: '02/03/2026' }));
    expect(date.status).toBe(400);
    expect(date.body).toEqual(
      envelope("Error processing request stream. Cannot convert the value of property 'EntryDate' to the expected type 'Edm.DateTime'."),
    );
  });

  it('ignores read-only properties on POST (AmountDC, Type, Status, EntryID)', async () => {
    await start();
    const answer = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, { AmountDC: 999, Type: 21, Status: 50, EntryID: '00000000-0000-4000-8000-000000000001' }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.d).toMatchObject({ AmountDC: 121, Type: 20, Status: 20 });
    expect(answer.body.d.EntryID).not.toBe('00000000-0000-4000-8000-000000000001');
  });

  it('R7: a POST with a free EntryNumber keeps it, and the next one without continues above it', async () => {
    await start();
    const chosen = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryNumber: 1500 }));
    expect(chosen.body.d.EntryNumber).toBe(1500);
    const next = await api.post('salesentry/SalesEntries', entryBody(ids));
    expect(next.body.d.EntryNumber).toBe(1501);
  });

  it('SalesEntryLines are deferred by default and expanded with $expand=SalesEntryLines', async () => {
    await start();
    const created = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 100, Description: 'Beer' },
          { GLAccount: ids.gl['705000'], AmountFC: 50, VATCode: '6' },
        ],
      }),
    );
    const id = created.body.d.EntryID as string;
    const uri = `${mock.url}/api/v1/100001/salesentry/SalesEntries(guid'${id}')`;
    expect(created.body.d.SalesEntryLines).toEqual({ __deferred: { uri: `${uri}/SalesEntryLines` } });

    const plain = await api.get(`salesentry/SalesEntries(guid'${id}')`);
    expect(plain.body.d.SalesEntryLines).toEqual({ __deferred: { uri: `${uri}/SalesEntryLines` } });

    const expanded = await api.get(`salesentry/SalesEntries(guid'${id}')?$expand=SalesEntryLines`);
    const lines = expanded.body.d.SalesEntryLines.results;
    expect(
      lines.map((l: { LineNumber: number; AmountFC: number; VATAmountFC: number; Description: string | null }) => [
        l.LineNumber,
        l.AmountFC,
        l.VATAmountFC,
        l.Description,
      ]),
    ).toEqual([
      [1, 100, 21, 'Beer'],
      [2, 50, 3, null],
    ]);
    expect(lines[0].__metadata).toEqual({
      uri: `${mock.url}/api/v1/100001/salesentry/SalesEntryLines(guid'${lines[0].ID}')`,
      type: 'Exact.Web.Api.Models.SalesEntryLine',
    });
    expect(lines.every((l: { EntryID: string }) => l.EntryID === id)).toBe(true);

    const inList = await api.get(
      `salesentry/SalesEntries?$filter=EntryID eq guid'${id}'&$expand=SalesEntryLines&$select=EntryNumber,SalesEntryLines`,
    );
    expect(inList.body.d.results[0].SalesEntryLines.results).toHaveLength(2);
    expect(Object.keys(inList.body.d.results[0])).toEqual(['__metadata', 'EntryNumber', 'SalesEntryLines']);
  });

  it("the navigation GET SalesEntries(guid'..')/SalesEntryLines lists the lines; following __deferred.uri gives the same", async () => {
    await start();
    const created = await api.post('salesentry/SalesEntries', entryBody(ids));
    const id = created.body.d.EntryID as string;
    const nav = await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$select=LineNumber,AmountFC,GLAccount`);
    expect(nav.status).toBe(200);
    expect(nav.body.d.results.map(({ __metadata, ...l }: Record<string, unknown>) => l)).toEqual([
      { LineNumber: 1, AmountFC: 100, GLAccount: ids.gl['700000'] },
    ]);
    const followed = await api.follow(created.body.d.SalesEntryLines.__deferred.uri);
    expect(followed.status).toBe(200);
    expect(followed.body.d.results).toHaveLength(1);
    const count = await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines/$count`);
    expect(count.text).toBe('1');
  });

  it('PUT of header fields answers 204 with an empty body and changes them', async () => {
    await start();
    const created = await api.post('salesentry/SalesEntries', entryBody(ids));
    const id = created.body.d.EntryID as string;
    const put = await api.put(`salesentry/SalesEntries(guid'${id}')`, {
      YourRef: 'PO-77',
      Description: 'Corrected',
      DueDate: '2026-05-01',
    });
    expect(put.status).toBe(204);
    expect(put.text).toBe('');
    const read = await api.get(`salesentry/SalesEntries(guid'${id}')?$select=YourRef,Description,DueDate,EntryNumber,AmountDC`);
    expect(read.body.d).toMatchObject({
      YourRef: 'PO-77',
      Description: 'Corrected',
      DueDate: `/Date(${dateMs('2026-05-01')})/`,
      EntryNumber: 1001,
      AmountDC: 121,
    });
  });

  it('PUT carrying SalesEntryLines is 400 "Error processing request stream. Binding to new entities .." and changes nothing', async () => {
    await start();
    const created = await api.post('salesentry/SalesEntries', entryBody(ids, { YourRef: 'before' }));
    const id = created.body.d.EntryID as string;
    const put = await api.put(`salesentry/SalesEntries(guid'${id}')`, {
      YourRef: 'after',
      SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: 1 }],
    });
    expect(put.status).toBe(400);
    expect(put.body).toEqual(envelope('Error processing request stream. Binding to new entities is not supported in update requests.'));
    const read = await api.get(`salesentry/SalesEntries(guid'${id}')?$select=YourRef,AmountDC`);
    expect(read.body.d).toMatchObject({ YourRef: 'before', AmountDC: 121 });
  });

  it('R7: DELETE answers 204 with an empty body; the entry is gone and its number (the last one) is handed out again', async () => {
    await start();
    await api.post('salesentry/SalesEntries', entryBody(ids));
    const last = await api.post('salesentry/SalesEntries', entryBody(ids));
    const id = last.body.d.EntryID as string;
    const del = await api.delete(`salesentry/SalesEntries(guid'${id}')`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await api.get(`salesentry/SalesEntries(guid'${id}')`)).status).toBe(404);
    expect((await api.delete(`salesentry/SalesEntries(guid'${id}')`)).status).toBe(404);
    const again = await api.post('salesentry/SalesEntries', entryBody(ids));
    expect(again.body.d.EntryNumber).toBe(1002);
  });

  it('R7: deleting a booking that is not the last leaves a gap', async () => {
    await start();
    const first = await api.post('salesentry/SalesEntries', entryBody(ids));
    await api.post('salesentry/SalesEntries', entryBody(ids));
    expect((await api.delete(`salesentry/SalesEntries(guid'${first.body.d.EntryID}')`)).status).toBe(204);
    const next = await api.post('salesentry/SalesEntries', entryBody(ids));
    expect(next.body.d.EntryNumber).toBe(1003);
  });

  it("salesentry/SalesEntryLines: POST with EntryID adds a line and the entry's totals follow", async () => {
    await start();
    const created = await api.post('salesentry/SalesEntries', entryBody(ids));
    const id = created.body.d.EntryID as string;
    const line = await api.post('salesentry/SalesEntryLines', { EntryID: id, GLAccount: ids.gl['705000'], AmountFC: '50', VATCode: '6' });
    expect(line.status).toBe(201);
    expect(line.body.d).toMatchObject({ EntryID: id, LineNumber: 2, AmountFC: 50, VATAmountFC: 3, GLAccountCode: '705000' });
    expect(line.body.d.ID).toMatch(GUID);
    const entry = await api.get(`salesentry/SalesEntries(guid'${id}')?$select=AmountDC,VATAmountDC`);
    expect(entry.body.d).toMatchObject({ AmountDC: 174, VATAmountDC: 24 });
    const byKey = await api.get(`salesentry/SalesEntryLines(guid'${line.body.d.ID}')`);
    expect(byKey.body.d).toMatchObject({ EntryID: id, LineNumber: 2 });
  });

  it('salesentry/SalesEntryLines: POST with an unknown EntryID or a non-revenue G/L account is refused', async () => {
    await start();
    const created = await api.post('salesentry/SalesEntries', entryBody(ids));
    const unknown = await api.post('salesentry/SalesEntryLines', {
      EntryID: '00000000-0000-4000-8000-000000000000',
      GLAccount: ids.gl['700000'],
      AmountFC: 1,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(envelope('Invalid reference: Sales entry lines'));
    const cost = await api.post('salesentry/SalesEntryLines', {
      EntryID: created.body.d.EntryID,
      GLAccount: ids.gl['604000'],
      AmountFC: 1,
    });
    expect(cost.status).toBe(400);
    expect(cost.body).toEqual(envelope('Invalid: G/L account type'));
  });

  it('salesentry/SalesEntryLines: DELETE of one line keeps the entry; DELETE of the last line deletes the whole entry', async () => {
    await start();
    const created = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 100 },
          { GLAccount: ids.gl['705000'], AmountFC: 10 },
        ],
      }),
    );
    const id = created.body.d.EntryID as string;
    const lines = (await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$orderby=LineNumber`)).body.d.results as Array<{
      ID: string;
    }>;
    const first = await api.delete(`salesentry/SalesEntryLines(guid'${lines[0]!.ID}')`);
    expect(first.status).toBe(204);
    const remaining = await api.get(`salesentry/SalesEntries(guid'${id}')?$select=AmountDC`);
    expect(remaining.body.d.AmountDC).toBe(12.1);
    const last = await api.delete(`salesentry/SalesEntryLines(guid'${lines[1]!.ID}')`);
    expect(last.status).toBe(204);
    expect(last.text).toBe('');
    expect((await api.get(`salesentry/SalesEntries(guid'${id}')`)).status).toBe(404);
    const deleted = await api.get('sync/Deleted?$filter=EntityType eq 1&$select=EntityKey');
    expect(deleted.body.d.results.map((d: { EntityKey: string }) => d.EntityKey)).toContain(id);
  });
});

describe('PUT of a booking with every attribute (as picqer saves)', () => {
  it('accepts unchanged fixed properties and refuses a changed one', async () => {
    const { mock, api } = await startConnected();
    const posted = await api.post('salesentry/SalesEntries', entryBody(await seedIds(api)));
    const entry = posted.body.d;
    const same = await api.put(`salesentry/SalesEntries(guid'${entry.EntryID}')`, {
      Journal: entry.Journal,
      Customer: entry.Customer,
      EntryNumber: entry.EntryNumber,
      EntryDate: entry.EntryDate,
      YourRef: 'updated',
    });
    expect(same.status, JSON.stringify(same.body)).toBe(204);
    const changed = await api.put(`salesentry/SalesEntries(guid'${entry.EntryID}')`, { EntryNumber: entry.EntryNumber + 1 });
    expect(changed.status).toBe(400);
    expect(changed.body.error.message.value).toMatch(/The property 'EntryNumber' cannot be changed on a booked entry/);
    await mock.close();
  });
});
