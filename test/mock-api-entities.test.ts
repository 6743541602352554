import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import { apiClient, type ApiClient } from './support/mock.js';
import { dateMs, entryBody, envelope, seedIds, startConnected } from './support/mock-api-fixtures.js';

// exact-api.md §1 and §6: current/Me, divisions, master data and crm/Accounts through the public API.

const pad = (code: string) => code.padStart(18, ' ');

describe('current/Me and divisions', () => {
  let mock: MockServer;
  let api: ApiClient;
  let other: ApiClient;
  afterEach(() => mock.close());

  it('current/Me is a collection holding one user, with CurrentDivision as a number', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get('/api/v1/current/Me');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(answer.body)).toEqual(['d']);
    expect(Object.keys(answer.body.d)).toEqual(['results']);
    expect(answer.body.d.results).toHaveLength(1);
    const user = answer.body.d.results[0];
    expect(user).toMatchObject({
      CurrentDivision: 100001,
      FullName: 'Demo Accountant',
      UserName: 'demo@booklab.test',
      Email: 'demo@booklab.test',
    });
    expect(user.UserID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(user.__metadata).toEqual({ uri: `${mock.url}/api/v1/current/Me(guid'${user.UserID}')`, type: 'Exact.Web.Api.Models.Me' });
  });

  it('current/Me honours $select', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get('/api/v1/current/Me?$select=CurrentDivision');
    expect(answer.body.d.results[0]).toEqual({ __metadata: expect.any(Object), CurrentDivision: 100001 });
  });

  it.each(['system/Divisions', 'hrm/Divisions'])('%s lists both divisions with the Current flag on 100001', async (path) => {
    ({ mock, api } = await startConnected());
    const answer = await api.get(`${path}?$select=Code,Description,Current`);
    expect(answer.status).toBe(200);
    const rows = answer.body.d.results.map(({ __metadata, ...row }: Record<string, unknown>) => row);
    expect(rows).toEqual([
      { Code: 100001, Description: 'Booklab Demo BV', Current: true },
      { Code: 100002, Description: 'Second Administration BV', Current: false },
    ]);
  });

  it("system/Divisions is the same list seen from the second division (Current stays on the user's current division)", async () => {
    ({ mock, other } = await startConnected());
    const answer = await other.get('system/Divisions?$select=Code,Current');
    expect(answer.body.d.results.map((r: { Code: number; Current: boolean }) => [r.Code, r.Current])).toEqual([
      [100001, true],
      [100002, false],
    ]);
  });

  it('refuses a division the user has no access to with 403 and header Reason: NoDivisionAccess', async () => {
    const connected = await startConnected();
    mock = connected.mock;
    const stranger = apiClient(mock.url, connected.accessToken, 999999);
    const answer = await stranger.get('crm/Accounts');
    expect(answer.status).toBe(403);
    expect(answer.headers.reason).toBe('NoDivisionAccess');
    const post = await stranger.post('crm/Accounts', { Name: 'Intruder' });
    expect(post.status).toBe(403);
    expect(post.headers.reason).toBe('NoDivisionAccess');
  });

  it('keeps divisions apart: 100002 sees only its own customer, and not the accounts of 100001 by key', async () => {
    ({ mock, api, other } = await startConnected());
    const own = await other.get('crm/Accounts?$select=Code,Name');
    expect(own.body.d.results.map((a: { Code: string; Name: string }) => [a.Code, a.Name])).toEqual([[pad('1'), 'Isolation Check NV']]);
    const ids = await seedIds(api);
    const foreign = await other.get(`crm/Accounts(guid'${ids.customers['2']}')`);
    expect(foreign.status).toBe(404);
    const booking = await other.post('salesentry/SalesEntries', entryBody(ids));
    expect(booking.status).toBe(400);
    expect(booking.body).toEqual(envelope('Invalid reference: Customer\r\nInvalid reference: G/L account'));
  });

  it('numbers a new account per division: highest + 1 in 100002 is 2', async () => {
    ({ mock, other } = await startConnected());
    const created = await other.post('crm/Accounts', { Name: 'Second Division Customer' });
    expect(created.status).toBe(201);
    expect(created.body.d.Code).toBe(pad('2'));
    expect(created.body.d.Division).toBe(100002);
  });
});

describe('master data', () => {
  let mock: MockServer;
  let api: ApiClient;
  afterEach(() => mock.close());

  it('financial/Journals: journals 70 and 71, type 20, with no next-booking-number field', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get('financial/Journals?$orderby=Code');
    expect(answer.status).toBe(200);
    const rows = answer.body.d.results;
    expect(rows.map((j: { Code: string; Description: string; Type: number }) => [j.Code, j.Description, j.Type])).toEqual([
      ['70', 'Sales invoices', 20],
      ['71', 'Sales credit notes', 20],
    ]);
    expect(rows[0].__metadata).toEqual({
      uri: `${mock.url}/api/v1/100001/financial/Journals(guid'${rows[0].ID}')`,
      type: 'Exact.Web.Api.Models.Journal',
    });
    expect(Object.keys(rows[0]).filter((k) => /number/i.test(k))).toEqual([]);
  });

  it('financial/GLAccounts: the six seeded accounts with their types', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get('financial/GLAccounts?$select=Code,Type,VATCode&$orderby=Code');
    const rows = answer.body.d.results.map((g: { Code: string; Type: number; VATCode: string | null }) => [g.Code, g.Type, g.VATCode]);
    expect(rows).toEqual([
      ['400000', 20, null],
      ['451000', 24, null],
      ['604000', 111, '21'],
      ['700000', 110, '21'],
      ['705000', 110, '21'],
      ['708000', 110, '21'],
    ]);
  });

  it('vat/VATCodes: codes 0, 6, 12 and 21 with Percentage as a fraction (0.21)', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get('vat/VATCodes?$select=Code,Percentage');
    const rows = answer.body.d.results.map((v: { Code: string; Percentage: number }) => [v.Code, v.Percentage]);
    expect(rows.sort((a: [string], b: [string]) => Number(a[0]) - Number(b[0]))).toEqual([
      ['0', 0],
      ['6', 0.06],
      ['12', 0.12],
      ['21', 0.21],
    ]);
  });

  it('financial/FinancialPeriods: 24 monthly periods for 2025 and 2026, dates as /Date(ms)/', async () => {
    ({ mock, api } = await startConnected());
    const all = await api.get('financial/FinancialPeriods?$inlinecount=allpages&$top=1');
    expect(all.body.d.__count).toBe('24');
    const march = await api.get('financial/FinancialPeriods?$filter=FinYear eq 2026 and FinPeriod eq 3');
    expect(march.body.d.results).toHaveLength(1);
    expect(march.body.d.results[0]).toMatchObject({
      FinYear: 2026,
      FinPeriod: 3,
      StartDate: `/Date(${dateMs('2026-03-01')})/`,
      EndDate: `/Date(${dateMs('2026-03-31')})/`,
    });
    const years = await api.get('financial/FinancialPeriods?$filter=FinPeriod eq 1&$select=FinYear&$orderby=FinYear');
    expect(years.body.d.results.map((p: { FinYear: number }) => p.FinYear)).toEqual([2025, 2026]);
  });

  it('refuses to write master data: POST financial/Journals is 405', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.post('financial/Journals', { Code: '72', Description: 'New' });
    expect(answer.status).toBe(405);
    expect(answer.body.error.message.value).toBe("The HTTP method 'POST' is not allowed on financial/Journals.");
  });
});

describe('crm/Accounts', () => {
  let mock: MockServer;
  let api: ApiClient;
  afterEach(() => mock.close());

  it('POST without Code gets highest + 1, right-aligned in 18 characters; Status C makes IsSales true', async () => {
    ({ mock, api } = await startConnected());
    const created = await api.post('crm/Accounts', { Name: 'New Customer', Status: 'C', Email: 'new@example.com' });
    expect(created.status).toBe(201);
    expect(created.body.d).toMatchObject({
      Code: '                 5',
      Name: 'New Customer',
      Status: 'C',
      IsSales: true,
      Email: 'new@example.com',
      Division: 100001,
    });
    expect(created.headers.location).toBe(`${mock.url}/api/v1/100001/crm/Accounts(guid'${created.body.d.ID}')`);
    const next = await api.post('crm/Accounts', { Name: 'Prospect', Status: 'P' });
    expect(next.body.d.Code).toBe(pad('6'));
    expect(next.body.d.IsSales).toBe(false);
  });

  it('POST with a free code keeps it (padded), and highest + 1 continues above it', async () => {
    ({ mock, api } = await startConnected());
    const chosen = await api.post('crm/Accounts', { Name: 'Chosen Code', Code: '1068' });
    expect(chosen.body.d.Code).toBe('              1068');
    const next = await api.post('crm/Accounts', { Name: 'After' });
    expect(next.body.d.Code).toBe(pad('1069'));
  });

  it('POST with a taken code (padded or not) is 400 "Already exists: Code"', async () => {
    ({ mock, api } = await startConnected());
    for (const Code of ['1', pad('1')]) {
      const answer = await api.post('crm/Accounts', { Name: 'Duplicate', Code });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(envelope('Already exists: Code'));
    }
  });

  it('POST without Name is 400 "Mandatory: Name"; an unknown property is refused; read-only ones are ignored', async () => {
    ({ mock, api } = await startConnected());
    const nameless = await api.post('crm/Accounts', { Code: '77' });
    expect(nameless.status).toBe(400);
    expect(nameless.body).toEqual(envelope('Mandatory: Name'));
    const unknown = await api.post('crm/Accounts', { Name: 'X', Colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message.value).toBe(
      "Error processing request stream. The property 'Colour' does not exist on type 'Exact.Web.Api.Models.Account'. Make sure to only use property names that are defined by the type.",
    );
    const readOnly = await api.post('crm/Accounts', {
      Name: 'Y',
      ID: '00000000-0000-4000-8000-000000000001',
      Division: 5,
      IsSales: false,
      Status: 'C',
    });
    expect(readOnly.status).toBe(201);
    expect(readOnly.body.d.ID).not.toBe('00000000-0000-4000-8000-000000000001');
    expect(readOnly.body.d.Division).toBe(100001);
    expect(readOnly.body.d.IsSales).toBe(true);
  });

  it("GET by key (guid'..') returns {d:{..}} without results, with an absolute __metadata.uri and type Exact.Web.Api.Models.Account", async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const id = ids.customers['1']!;
    const answer = await api.get(`crm/Accounts(guid'${id}')`);
    expect(answer.status).toBe(200);
    expect(answer.body.d.results).toBeUndefined();
    expect(answer.body.d).toMatchObject({
      __metadata: { uri: `${mock.url}/api/v1/100001/crm/Accounts(guid'${id}')`, type: 'Exact.Web.Api.Models.Account' },
      ID: id,
      Code: pad('1'),
      Name: 'Brouwerij De Kroon',
      VATNumber: 'BE0412345678',
    });
    const upper = await api.get(`crm/Accounts(guid'${id.toUpperCase()}')?$select=Name`);
    expect(upper.body.d).toEqual({ __metadata: answer.body.d.__metadata, Name: 'Brouwerij De Kroon' });
  });

  it("builds __metadata.uri and __deferred.uri from the request's own origin (its Host header)", async () => {
    const connected = await startConnected({ allowHosts: ['books.example.test'] }); // a name it serves, as with --allow-host
    mock = connected.mock;
    const answer = await request(mock.url)
      .get('/api/v1/100001/crm/Accounts?$top=1&$select=ID')
      .set({ Authorization: `Bearer ${connected.accessToken}`, Accept: 'application/json', Host: 'books.example.test:8443' });
    // `$top` within a page: the bare array of exact-api.md §4.
    expect(answer.body.d[0].__metadata.uri).toBe(`http://books.example.test:8443/api/v1/100001/crm/Accounts(guid'${answer.body.d[0].ID}')`);
  });

  it('GET by an unknown key is 404, a malformed key 400', async () => {
    ({ mock, api } = await startConnected());
    const missing = await api.get("crm/Accounts(guid'00000000-0000-4000-8000-000000000000')");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(envelope('Record not found: Account'));
    const malformed = await api.get("crm/Accounts('abc')");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual(envelope('Bad Request - Error in query syntax.'));
  });

  it('PUT answers 204 with an empty body and changes the account; a taken code is refused', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    const id = ids.customers['3']!;
    const put = await api.put(`crm/Accounts(guid'${id}')`, { Name: 'Atelier Lumière SRL', Email: 'info@lumiere.be' });
    expect(put.status).toBe(204);
    expect(put.text).toBe('');
    const read = await api.get(`crm/Accounts(guid'${id}')?$select=Name,Email,Code`);
    expect(read.body.d).toMatchObject({ Name: 'Atelier Lumière SRL', Email: 'info@lumiere.be', Code: pad('3') });
    const taken = await api.put(`crm/Accounts(guid'${id}')`, { Code: '2' });
    expect(taken.status).toBe(400);
    expect(taken.body).toEqual(envelope('Already exists: Code'));
  });

  it('DELETE answers 204 with an empty body; the account is gone and sync/Deleted has a row with EntityType 2', async () => {
    ({ mock, api } = await startConnected());
    const created = await api.post('crm/Accounts', { Name: 'Short-lived' });
    const id = created.body.d.ID as string;
    const del = await api.delete(`crm/Accounts(guid'${id}')`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await api.get(`crm/Accounts(guid'${id}')`)).status).toBe(404);
    const deleted = await api.get('sync/Deleted?$filter=Timestamp gt 1L and EntityType eq 2');
    expect(deleted.body.d.results.map((d: { EntityKey: string; EntityType: number }) => [d.EntityKey, d.EntityType])).toEqual([[id, 2]]);
  });

  it('refuses to DELETE an account that has bookings', async () => {
    ({ mock, api } = await startConnected());
    const ids = await seedIds(api);
    expect((await api.post('salesentry/SalesEntries', entryBody(ids))).status).toBe(201);
    const del = await api.delete(`crm/Accounts(guid'${ids.customers['1']}')`);
    expect(del.status).toBe(400);
    expect(del.body).toEqual(envelope('The account is used in transactions and cannot be deleted.'));
    expect((await api.get(`crm/Accounts(guid'${ids.customers['1']}')`)).status).toBe(200);
  });

  it('mandatoryAccountFilter: a GET without $filter is refused with the "mandatory filtering" message; with one it works', async () => {
    ({ mock, api } = await startConnected({ mandatoryAccountFilter: true }));
    const bare = await api.get('crm/Accounts');
    expect(bare.status).toBe(400);
    expect(bare.body).toEqual(
      envelope(
        'This endpoint has mandatory filtering applied. A GET request for this endpoint must have a $filter parameter with one of the following fields in the url:Accountant,Code,ID,Name,VATNumber.',
      ),
    );
    const filtered = await api.get("crm/Accounts?$filter=trim(Code) eq '2'&$select=Name");
    expect(filtered.status).toBe(200);
    expect(filtered.body.d.results.map((a: { Name: string }) => a.Name)).toEqual(['Van Dijk Installaties']);
    const uri = filtered.body.d.results[0].__metadata.uri as string;
    expect((await api.follow(uri)).status).toBe(200);
  });

  it('without mandatoryAccountFilter (the default) a bare GET lists the four seeded customers', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get('crm/Accounts?$orderby=Code');
    expect(answer.status).toBe(200);
    expect(answer.body.d.results.map((a: { Code: string }) => a.Code)).toEqual(['1', '2', '3', '4'].map(pad));
  });

  it('sync/CRM/Accounts: rows after a timestamp, and a changed account comes back with a higher Timestamp', async () => {
    ({ mock, api } = await startConnected());
    const first = await api.get('sync/CRM/Accounts?$filter=Timestamp gt 1L&$select=Timestamp,Code');
    expect(first.status).toBe(200);
    const rows = first.body.d.results as Array<{ Timestamp: number; Code: string }>;
    expect(rows.map((a) => a.Code.trim())).toEqual(['1', '2', '3', '4']);
    const stamps = rows.map((a) => a.Timestamp);
    expect(stamps[0]).toBeGreaterThan(1);
    expect(stamps).toEqual([...new Set(stamps)].sort((a, b) => a - b));
    expect(first.body.d.results[0].__metadata.uri).toBe(`${mock.url}/api/v1/100001/sync/CRM/Accounts(${stamps[0]}L)`);
    const highest = stamps[3]!;
    expect((await api.get(`sync/CRM/Accounts?$filter=Timestamp gt ${highest}L`)).body.d.results).toEqual([]);
    const ids = await seedIds(api);
    expect((await api.put(`crm/Accounts(guid'${ids.customers['2']}')`, { Name: 'Van Dijk Installaties BV' })).status).toBe(204);
    const later = await api.get(`sync/CRM/Accounts?$filter=Timestamp gt ${highest}L`);
    expect(later.body.d.results).toHaveLength(1);
    expect(later.body.d.results[0]).toMatchObject({ Code: pad('2'), Name: 'Van Dijk Installaties BV' });
    expect(later.body.d.results[0].Timestamp).toBeGreaterThan(highest);
    const byName = await api.get("sync/CRM/Accounts?$filter=Name eq 'X'");
    expect(byName.status).toBe(400);
    expect(byName.body).toEqual(envelope('Filtering on these fields is not supported: Name'));
  });

  it("the account endpoints answer with Exact's JSON content type even for a POST sent without Accept", async () => {
    const connected = await startConnected();
    mock = connected.mock;
    const answer = await request(mock.url)
      .post('/api/v1/100001/crm/Accounts')
      .set('Authorization', `Bearer ${connected.accessToken}`)
      .send({ Name: 'No Accept' });
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
