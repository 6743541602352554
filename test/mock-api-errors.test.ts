import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import type { ApiClient } from './support/mock.js';
import { backOffice, entryBody, envelope, seedIds, startConnected, type SeedIds } from './support/mock-api-fixtures.js';

// exact-api.md §5: business errors with Exact's texts (EN/NL) in the OData envelope, and their configurable status.

const UNKNOWN_GUID = '00000000-0000-4000-8000-000000000000';

describe('business errors on salesentry/SalesEntries', () => {
  let mock: MockServer;
  let api: ApiClient;
  let accessToken: string;
  let ids: SeedIds;
  afterEach(() => mock.close());

  async function start(options: Parameters<typeof startConnected>[0] = {}) {
    ({ mock, api, accessToken } = await startConnected(options));
    ids = await seedIds(api);
  }

  /** A POST in Dutch (`Accept-Language: nl-NL`, as pisys sends it). */
  function postDutch(body: unknown, language = 'nl-NL') {
    return request(mock.url)
      .post('/api/v1/100001/salesentry/SalesEntries')
      .set({ Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'Accept-Language': language })
      .send(body as object);
  }

  async function entryCount(): Promise<string> {
    return (await api.get('salesentry/SalesEntries/$count')).text;
  }

  it('an unknown journal code (or a journal GUID) is 400 "Invalid reference: Journals"', async () => {
    await start();
    for (const Journal of ['99', '7a1c2b3d-0000-4000-8000-000000000000']) {
      const answer = await api.post('salesentry/SalesEntries', entryBody(ids, { Journal }));
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.body).toEqual(envelope('Invalid reference: Journals'));
    }
    expect(await entryCount()).toBe('0');
  });

  it('an unknown customer is 400 "Invalid reference: Customer"', async () => {
    await start();
    const answer = await api.post('salesentry/SalesEntries', entryBody(ids, { Customer: UNKNOWN_GUID }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(envelope('Invalid reference: Customer'));
  });

  it('a line on a non-revenue G/L account (604000) is 400 "Invalid: G/L account type"; an unknown one "Invalid reference: G/L account"', async () => {
    await start();
    const cost = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, { SalesEntryLines: [{ GLAccount: ids.gl['604000'], AmountFC: 100 }] }),
    );
    expect(cost.status).toBe(400);
    expect(cost.body).toEqual(envelope('Invalid: G/L account type'));
    const unknown = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, { SalesEntryLines: [{ GLAccount: UNKNOWN_GUID, AmountFC: 100 }] }),
    );
    expect(unknown.body).toEqual(envelope('Invalid reference: G/L account'));
    const vat = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, { SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: 100, VATCode: '19' }] }),
    );
    expect(vat.body).toEqual(envelope('Invalid reference: VAT code'));
    expect(await entryCount()).toBe('0');
  });

  it('missing fields are "Mandatory: .." messages joined with \\r\\n', async () => {
    await start();
    const empty = await api.post('salesentry/SalesEntries', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(envelope('Mandatory: Journal\r\nMandatory: Customer\r\nMandatory: Sales entry lines'));
    const noLines = await api.post('salesentry/SalesEntries', entryBody(ids, { SalesEntryLines: [] }));
    expect(noLines.body).toEqual(envelope('Mandatory: Sales entry lines'));
    const lineless = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, { SalesEntryLines: [{ Description: 'no account, no amount' }] }),
    );
    expect(lineless.body).toEqual(envelope('Mandatory: G/L account\r\nMandatory: Amount'));
  });

  it('several problems are reported together, joined with \\r\\n, in the order journal, customer, lines', async () => {
    await start();
    const answer = await api.post('salesentry/SalesEntries', {
      Journal: '99',
      Customer: UNKNOWN_GUID,
      SalesEntryLines: [{ GLAccount: ids.gl['604000'], AmountFC: 1 }, { GLAccount: ids.gl['700000'] }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(
      envelope('Invalid reference: Journals\r\nInvalid reference: Customer\r\nInvalid: G/L account type\r\nMandatory: Amount'),
    );
  });

  it('R8: a duplicate EntryNumber in the journal is 400 "In use: Entry number", and nothing is booked', async () => {
    await start();
    expect((await api.post('salesentry/SalesEntries', entryBody(ids))).body.d.EntryNumber).toBe(1001);
    const duplicate = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryNumber: 1001 }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toEqual(envelope('In use: Entry number'));
    expect(await entryCount()).toBe('1');
    const otherJournal = await api.post('salesentry/SalesEntries', entryBody(ids, { Journal: '71', EntryNumber: 1001 }));
    expect(otherJournal.status).toBe(201);
    expect((await api.post('salesentry/SalesEntries', entryBody(ids))).body.d.EntryNumber).toBe(1002);
  });

  it('R8: a next booking number set onto a used number makes the next POST fail until it is corrected', async () => {
    await start();
    await api.post('salesentry/SalesEntries', entryBody(ids));
    await api.post('salesentry/SalesEntries', entryBody(ids));
    await backOffice(mock).put('/__mock/divisions/100001/journals/70/next-booking-number').send({ value: 1001 });
    for (let i = 0; i < 2; i += 1) {
      const refused = await api.post('salesentry/SalesEntries', entryBody(ids));
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual(envelope('In use: Entry number'));
    }
    await backOffice(mock).put('/__mock/divisions/100001/journals/70/next-booking-number').send({ value: 1003 });
    expect((await api.post('salesentry/SalesEntries', entryBody(ids))).body.d.EntryNumber).toBe(1003);
  });

  it('a closed period refuses POST, PUT and DELETE with "Period is closed"', async () => {
    await start();
    const booked = await api.post('salesentry/SalesEntries', entryBody(ids));
    const id = booked.body.d.EntryID as string;
    const close = await backOffice(mock).put('/__mock/divisions/100001/periods/2026/3').send({ closed: true });
    expect(close.status).toBe(200);

    const post = await api.post('salesentry/SalesEntries', entryBody(ids));
    expect(post.status).toBe(400);
    expect(post.body).toEqual(envelope('Period is closed'));
    const put = await api.put(`salesentry/SalesEntries(guid'${id}')`, { YourRef: 'late' });
    expect(put.status).toBe(400);
    expect(put.body).toEqual(envelope('Period is closed'));
    const del = await api.delete(`salesentry/SalesEntries(guid'${id}')`);
    expect(del.status).toBe(400);
    expect(del.body).toEqual(envelope('Period is closed'));
    expect((await api.get(`salesentry/SalesEntries(guid'${id}')`)).status).toBe(200);

    const february = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryDate: '2026-02-27' }));
    expect(february.status).toBe(201);
    expect(february.body.d.EntryNumber).toBe(1002);
  });

  it('a closed period also refuses adding a line to, or deleting a line from, a booking in it', async () => {
    await start();
    const booked = await api.post(
      'salesentry/SalesEntries',
      entryBody(ids, {
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 100 },
          { GLAccount: ids.gl['705000'], AmountFC: 10 },
        ],
      }),
    );
    const id = booked.body.d.EntryID as string;
    const lines = (await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$select=ID`)).body.d.results as Array<{
      ID: string;
    }>;
    await backOffice(mock).put('/__mock/divisions/100001/periods/2026/3').send({ closed: true });

    const add = await api.post('salesentry/SalesEntryLines', { EntryID: id, GLAccount: ids.gl['700000'], AmountFC: 5 });
    expect(add.status).toBe(400);
    expect(add.body).toEqual(envelope('Period is closed'));
    const remove = await api.delete(`salesentry/SalesEntryLines(guid'${lines[0]!.ID}')`);
    expect(remove.status).toBe(400);
    expect(remove.body).toEqual(envelope('Period is closed'));
    const entry = await api.get(`salesentry/SalesEntries(guid'${id}')?$select=AmountDC`);
    expect(entry.body.d.AmountDC).toBe(133.1);
  });

  it('a date with no period is "Unknown: Financial year (Period-date table)"; so is an unknown ReportingYear', async () => {
    await start();
    const future = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryDate: '2030-01-01' }));
    expect(future.status).toBe(400);
    expect(future.body).toEqual(envelope('Unknown: Financial year (Period-date table)'));
    const year = await api.post('salesentry/SalesEntries', entryBody(ids, { ReportingYear: 2030, ReportingPeriod: 1 }));
    expect(year.body).toEqual(envelope('Unknown: Financial year (Period-date table)'));
    const reporting = await api.post('salesentry/SalesEntries', entryBody(ids, { ReportingYear: 2025, ReportingPeriod: 12 }));
    expect(reporting.status).toBe(201);
    expect(reporting.body.d).toMatchObject({ ReportingYear: 2025, ReportingPeriod: 12 });
  });

  it('Accept-Language: nl-NL gives Dutch texts ("In gebruik: Boekstuknummer", "Ongeldige referentie: Journals", ..)', async () => {
    await start();
    await api.post('salesentry/SalesEntries', entryBody(ids));
    expect((await postDutch(entryBody(ids, { EntryNumber: 1001 }))).body).toEqual(envelope('In gebruik: Boekstuknummer'));
    expect((await postDutch(entryBody(ids, { Journal: '99' }))).body).toEqual(envelope('Ongeldige referentie: Journals'));
    expect((await postDutch({})).body).toEqual(envelope('Verplicht: Dagboek\r\nVerplicht: Klant\r\nVerplicht: Boekingsregels'));
    const cost = await postDutch(entryBody(ids, { SalesEntryLines: [{ GLAccount: ids.gl['604000'], AmountFC: 1 }] }));
    expect(cost.body).toEqual(envelope('Ongeldig: Grootboekrekeningtype'));
    expect((await postDutch(entryBody(ids, { EntryDate: '2030-01-01' }))).body).toEqual(envelope('Onbekend: Boekjaar (Periodetabel)'));
    await backOffice(mock).put('/__mock/divisions/100001/periods/2026/3').send({ closed: true });
    expect((await postDutch(entryBody(ids))).body).toEqual(envelope('Periode is afgesloten'));
  });

  it('answers in English when Dutch is not the first language asked for', async () => {
    await start();
    await api.post('salesentry/SalesEntries', entryBody(ids));
    const answer = await postDutch(entryBody(ids, { EntryNumber: 1001 }), 'en-US,nl;q=0.8');
    expect(answer.body).toEqual(envelope('In use: Entry number'));
  });

  it('businessErrorStatus: 500 changes the status of business errors only', async () => {
    await start({ businessErrorStatus: 500 });
    await api.post('salesentry/SalesEntries', entryBody(ids));
    const duplicate = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryNumber: 1001 }));
    expect(duplicate.status).toBe(500);
    expect(duplicate.body).toEqual(envelope('In use: Entry number'));
    const journal = await api.post('salesentry/SalesEntries', entryBody(ids, { Journal: '99' }));
    expect(journal.status).toBe(500);
    expect(journal.body).toEqual(envelope('Invalid reference: Journals'));
    expect((await api.post('salesentry/SalesEntries', {})).status).toBe(500);

    const filter = await api.get("salesentry/SalesEntries?$filter=Journal eq '70");
    expect(filter.status).toBe(400);
    const convert = await api.post('salesentry/SalesEntries', entryBody(ids, { EntryDate: 'soon' }));
    expect(convert.status).toBe(400);
    const id = (await api.get('salesentry/SalesEntries?$select=EntryID')).body.d.results[0].EntryID as string;
    const binding = await api.put(`salesentry/SalesEntries(guid'${id}')`, { SalesEntryLines: [] });
    expect(binding.status).toBe(400);
    expect((await api.get(`salesentry/SalesEntries(guid'${UNKNOWN_GUID}')`)).status).toBe(404);
    const unauthorised = await request(mock.url).get('/api/v1/100001/salesentry/SalesEntries').set('Authorization', 'Bearer nope');
    expect(unauthorised.status).toBe(401);
  });
});
