import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import type { ApiClient } from './support/mock.js';
import { entryBody, envelope, seedIds, startConnected, type SeedIds } from './support/mock-api-fixtures.js';

// exact-api.md §4: OData v2 query options, the $filter subset, paging with __next, and query errors in the envelope.

const pad = (code: string) => code.padStart(18, ' ');
const codes = (body: { d: { results: Array<{ Code: string }> } }) => body.d.results.map((a) => a.Code.trim());
/** The codes of a list asked with `$top`, which comes as a bare array `{"d":[…]}` (exact-api.md §4). */
const topCodes = (body: { d: Array<{ Code: string }> }) => body.d.map((a) => a.Code.trim());
const SYNTAX = envelope('Bad Request - Error in query syntax.');

describe('query options', () => {
  let mock: MockServer;
  let api: ApiClient;
  let accessToken: string;
  afterEach(() => mock.close());

  async function start() {
    ({ mock, api, accessToken } = await startConnected());
  }

  /** A GET with a raw query string, sent exactly as written (no client-side encoding of `+`, quotes or spaces). */
  function raw(pathAndQuery: string) {
    return request(mock.url)
      .get(`/api/v1/100001/${pathAndQuery}`)
      .set({ Authorization: `Bearer ${accessToken}`, Accept: 'application/json' });
  }

  it('$select with spaces ("Code, Name") gives exactly those properties after __metadata', async () => {
    await start();
    const answer = await api.get('crm/Accounts?$select=Code, Name&$orderby=Code');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.d.results[0])).toEqual(['__metadata', 'Code', 'Name']);
    expect(answer.body.d.results[0]).toMatchObject({ Code: pad('1'), Name: 'Brouwerij De Kroon' });
  });

  it("$filter on a padded Code (eq with the 18-character value) and with trim(Code) eq '..'", async () => {
    await start();
    const padded = await api.get(`crm/Accounts?$filter=Code eq '${pad('3')}'`);
    expect(codes(padded.body)).toEqual(['3']);
    const unpadded = await api.get("crm/Accounts?$filter=Code eq '3'");
    expect(codes(unpadded.body)).toEqual([]);
    const trimmed = await api.get("crm/Accounts?$filter=trim(Code) eq '3'");
    expect(codes(trimmed.body)).toEqual(['3']);
  });

  it('$filter operators ne, gt, ge, lt, le with and, or and parentheses', async () => {
    await start();
    const cases: Array<[string, string[]]> = [
      ["trim(Code) ne '2'", ['1', '3', '4']],
      ["Country eq 'BE' and trim(Code) gt '2'", ['3', '4']],
      ["trim(Code) ge '2' and trim(Code) le '3'", ['2', '3']],
      ["trim(Code) lt '2' or Country eq 'NL'", ['1', '2']],
      ["(Country eq 'NL' or trim(Code) eq '4') and Status eq 'C'", ['2', '4']],
      ["Country eq 'BE' and (trim(Code) eq '1' or trim(Code) eq '4')", ['1', '4']],
      ["not (Country eq 'BE')", ['2']],
      ['Email eq null', []],
    ];
    for (const [filter, expected] of cases) {
      const answer = await api.get(`crm/Accounts?$filter=${encodeURIComponent(filter)}&$orderby=Code`);
      expect(answer.status, filter).toBe(200);
      expect(codes(answer.body), filter).toEqual(expected);
    }
  });

  it("$filter with string quotes escaped as '' and substringof('x',Name) eq true (case-insensitive)", async () => {
    await start();
    await api.post('crm/Accounts', { Name: "O'Brien & Sons" });
    const quoted = await api.get(`crm/Accounts?$filter=${encodeURIComponent("Name eq 'O''Brien & Sons'")}`);
    expect(codes(quoted.body)).toEqual(['5']);
    const sub = await api.get("crm/Accounts?$filter=substringof('kroon',Name) eq true");
    expect(codes(sub.body)).toEqual(['1']);
    const subNot = await api.get("crm/Accounts?$filter=substringof('kroon',Name) eq false&$orderby=Code");
    expect(codes(subNot.body)).toEqual(['2', '3', '4', '5']);
  });

  // OData v2 puts the unary `not` above Equality ([MS-ODATA] 2.2.3.6.1.1.2, operator precedence), so
  // `not Code eq '1'` is `(not Code) eq '1'`: not on a String, refused, rather than every account but 1.
  it("$filter: not binds tighter than eq, so not Code eq '1' is 400 and not (Code eq ..) works", async () => {
    await start();
    const tight = await api.get(`crm/Accounts?$filter=not Code eq '${pad('1')}'`);
    expect(tight.status).toBe(400);
    expect(tight.body).toEqual(envelope("Operator 'not' incompatible with operand type 'Edm.String'."));
    expect(codes((await api.get(`crm/Accounts?$filter=not (Code eq '${pad('1')}')&$orderby=Code`)).body)).toEqual(['2', '3', '4']);
    expect(codes((await api.get(`crm/Accounts?$filter=not Blocked eq true&$orderby=Code`)).body)).toEqual(['1', '2', '3', '4']);
    expect(codes((await api.get(`crm/Accounts?$filter=not substringof('Kroon', Name) and Country eq 'BE'&$orderby=Code`)).body)).toEqual([
      '3',
      '4',
    ]);
  });

  it("$filter with guid'..' literals (any case) on the key and on a Guid property", async () => {
    await start();
    const ids = await seedIds(api);
    const id = ids.customers['2']!;
    const byId = await api.get(`crm/Accounts?$filter=ID eq guid'${id.toUpperCase()}'`);
    expect(codes(byId.body)).toEqual(['2']);
    await api.post('salesentry/SalesEntries', entryBody(ids));
    await api.post('salesentry/SalesEntries', entryBody(ids, { Customer: id }));
    const entries = await api.get(`salesentry/SalesEntries?$filter=Customer eq guid'${id}'&$select=EntryNumber`);
    expect(entries.body.d.results.map((e: { EntryNumber: number }) => e.EntryNumber)).toEqual([1002]);
  });

  it("$filter with datetime'..' on EntryDate", async () => {
    await start();
    const ids = await seedIds(api);
    for (const EntryDate of ['2026-01-15', '2026-02-15', '2026-03-01'])
      await api.post('salesentry/SalesEntries', entryBody(ids, { EntryDate }));
    const answer = await api.get(
      "salesentry/SalesEntries?$filter=EntryDate ge datetime'2026-02-01' and EntryDate lt datetime'2026-03-01T00:00:00'&$select=EntryNumber",
    );
    expect(answer.body.d.results.map((e: { EntryNumber: number }) => e.EntryNumber)).toEqual([1002]);
    const exact = await api.get("salesentry/SalesEntries?$filter=EntryDate eq datetime'2026-03-01'&$select=EntryNumber");
    expect(exact.body.d.results.map((e: { EntryNumber: number }) => e.EntryNumber)).toEqual([1003]);
  });

  it('$filter on numbers: EntryNumber gt 1001 (Int32) and Timestamp gt 1L (Int64)', async () => {
    await start();
    const ids = await seedIds(api);
    for (let i = 0; i < 3; i += 1) await api.post('salesentry/SalesEntries', entryBody(ids));
    const gt = await api.get('salesentry/SalesEntries?$filter=EntryNumber gt 1001&$orderby=EntryNumber&$select=EntryNumber');
    expect(gt.body.d.results.map((e: { EntryNumber: number }) => e.EntryNumber)).toEqual([1002, 1003]);
    const all = (await api.get('sync/CRM/Accounts?$filter=Timestamp gt 1L&$select=Timestamp')).body.d.results.map(
      (a: { Timestamp: number }) => a.Timestamp,
    );
    expect(all).toHaveLength(4);
    const stamps = await api.get(`sync/CRM/Accounts?$filter=Timestamp gt ${all[2]}L&$select=Timestamp`);
    expect(stamps.body.d.results.map((a: { Timestamp: number }) => a.Timestamp)).toEqual([all[3]]);
    const le = await api.get(`sync/CRM/Accounts?$filter=Timestamp le ${all[0]}L&$select=Timestamp`);
    expect(le.body.d.results.map((a: { Timestamp: number }) => a.Timestamp)).toEqual([all[0]]);
  });

  it("+ in the query means a space (osso sends Name+eq+'X')", async () => {
    await start();
    const answer = await raw("crm/Accounts?$filter=Name+eq+'Delta+Logistics'&$select=Code,+Name");
    expect(answer.status).toBe(200);
    expect(answer.body.d.results).toEqual([{ __metadata: expect.any(Object), Code: pad('4'), Name: 'Delta Logistics' }]);
  });

  it('a percent-encoded query ($-signs and quotes as %24 and %27) works the same', async () => {
    await start();
    const answer = await raw('crm/Accounts?%24filter=trim(Code)%20eq%20%272%27&%24select=Name');
    expect(answer.status).toBe(200);
    expect(answer.body.d.results.map((a: { Name: string }) => a.Name)).toEqual(['Van Dijk Installaties']);
  });

  it('$top, $skip and $orderby desc', async () => {
    await start();
    expect(codes((await api.get('crm/Accounts?$orderby=Code desc')).body)).toEqual(['4', '3', '2', '1']);
    expect(topCodes((await api.get('crm/Accounts?$orderby=Code desc&$top=2')).body)).toEqual(['4', '3']);
    expect(topCodes((await api.get('crm/Accounts?$orderby=Code desc&$skip=1&$top=2')).body)).toEqual(['3', '2']);
    expect(codes((await api.get('crm/Accounts?$orderby=Code&$skip=3')).body)).toEqual(['4']);
    expect(codes((await api.get('crm/Accounts?$orderby=Country desc,Code asc')).body)).toEqual(['2', '1', '3', '4']);
    expect((await api.get('crm/Accounts?$top=0')).body).toEqual({ d: [] });
  });

  it('/$count returns the number as plain text, honouring $filter', async () => {
    await start();
    const all = await api.get('crm/Accounts/$count');
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(all.text).toBe('4');
    const be = await raw("crm/Accounts/$count?$filter=Country eq 'BE'");
    expect(be.text).toBe('3');
    const noAccept = await request(mock.url).get('/api/v1/100001/crm/Accounts/$count').set('Authorization', `Bearer ${accessToken}`);
    expect(noAccept.text).toBe('4');
  });

  it('$inlinecount=allpages adds d.__count (all matching rows, as a string); none and absent add nothing', async () => {
    await start();
    const counted = await api.get("crm/Accounts?$inlinecount=allpages&$top=1&$filter=Country eq 'BE'");
    expect(counted.body.d.__count).toBe('3');
    expect(counted.body.d.results).toHaveLength(1);
    expect(Object.keys(counted.body.d).sort()).toEqual(['__count', 'results']);
    expect((await api.get('crm/Accounts?$inlinecount=none')).body.d.__count).toBeUndefined();
    expect(Object.keys((await api.get('crm/Accounts')).body.d)).toEqual(['results']);
  });

  it('ignores unknown parameters without a $ (and $format=json)', async () => {
    await start();
    const answer = await api.get('crm/Accounts?foo=bar&cache=0&$format=json&$select=Code');
    expect(answer.status).toBe(200);
    expect(answer.body.d.results).toHaveLength(4);
  });
});

describe('paging with __next', () => {
  let mock: MockServer;
  let api: ApiClient;
  let ids: SeedIds;
  afterEach(() => mock.close());

  /** One booking with `count` lines, so that salesentry/SalesEntryLines has `count` rows. */
  async function bookLines(count: number): Promise<string> {
    ({ mock, api } = await startConnected());
    ids = await seedIds(api);
    const lines = Array.from({ length: count }, (_, i) => ({ GLAccount: ids.gl['700000'], AmountFC: i + 1, VATCode: '0' }));
    const entry = await api.post('salesentry/SalesEntries', entryBody(ids, { SalesEntryLines: lines }));
    expect(entry.status).toBe(201);
    return entry.body.d.EntryID as string;
  }

  it("pages 60 rows; __next is the absolute original URL plus $skiptoken=guid'<last key>', and following it gives the rest", async () => {
    await bookLines(125);
    const first = await api.get('salesentry/SalesEntryLines?$select=ID,LineNumber');
    expect(first.body.d.results).toHaveLength(60);
    const lastId = first.body.d.results[59].ID as string;
    expect(first.body.d.__next).toBe(
      `${mock.url}/api/v1/100001/salesentry/SalesEntryLines?$select=ID,LineNumber&$skiptoken=guid'${lastId}'`,
    );
    const second = await api.follow(first.body.d.__next);
    expect(second.body.d.results).toHaveLength(60);
    expect(second.body.d.__next).toContain(`$skiptoken=guid'${second.body.d.results[59].ID}'`);
    expect(second.body.d.__next.match(/\$skiptoken/g)).toHaveLength(1);
    const third = await api.follow(second.body.d.__next);
    expect(third.body.d.results).toHaveLength(5);
    expect(third.body.d.__next).toBeUndefined();
    const all = [...first.body.d.results, ...second.body.d.results, ...third.body.d.results].map(
      (l: { LineNumber: number }) => l.LineNumber,
    );
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 125 }, (_, i) => i + 1));
  });

  it('keeps $filter, $orderby and $inlinecount in __next; the pages continue the ordering', async () => {
    await bookLines(70);
    const first = await api.get(
      'salesentry/SalesEntryLines?$filter=AmountFC gt 5&$orderby=LineNumber desc&$select=LineNumber&$inlinecount=allpages',
    );
    expect(first.body.d.__count).toBe('65');
    expect(first.body.d.results.map((l: { LineNumber: number }) => l.LineNumber)).toEqual(Array.from({ length: 60 }, (_, i) => 70 - i));
    expect(first.body.d.__next).toMatch(
      /\$filter=AmountFC%20gt%205&\$orderby=LineNumber%20desc&\$select=LineNumber&\$inlinecount=allpages&\$skiptoken=guid'/,
    );
    const second = await api.follow(first.body.d.__next);
    expect(second.body.d.results.map((l: { LineNumber: number }) => l.LineNumber)).toEqual([10, 9, 8, 7, 6]);
    expect(second.body.d.__next).toBeUndefined();
  });

  it('the navigation SalesEntries(..)/SalesEntryLines pages too, and $top below the page size gives no __next', async () => {
    const id = await bookLines(61);
    const nav = await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$select=ID`);
    expect(nav.body.d.results).toHaveLength(60);
    expect(nav.body.d.__next).toMatch(
      new RegExp(`^${mock.url}/api/v1/100001/salesentry/SalesEntries\\(guid'${id}'\\)/SalesEntryLines\\?\\$select=ID&\\$skiptoken=guid'`),
    );
    expect((await api.follow(nav.body.d.__next)).body.d.results).toHaveLength(1);
    // A $top of one page needs no paging: a bare array, so no place for __next (exact-api.md §4).
    const top = await api.get('salesentry/SalesEntryLines?$top=60');
    expect(top.body.d).toHaveLength(60);
    const beyondPage = await api.get('salesentry/SalesEntryLines?$top=61&$select=ID');
    expect(beyondPage.body.d.results).toHaveLength(60);
    expect(beyondPage.body.d.__next).toContain('$top=61');
    const expanded = await api.get(`salesentry/SalesEntries(guid'${id}')?$expand=SalesEntryLines`);
    expect(expanded.body.d.SalesEntryLines.results).toHaveLength(61);
  });

  it('a filter literal holding "?" survives in __next', async () => {
    await bookLines(61);
    const url = `salesentry/SalesEntryLines?$filter=Description ne 'why?'&$select=ID`;
    const first = await api.get(url);
    expect(first.body.d.results).toHaveLength(60);
    expect(decodeURIComponent(new URL(first.body.d.__next).search)).toMatch(
      /^\?\$filter=Description ne 'why\?'&\$select=ID&\$skiptoken=guid'[0-9a-f-]{36}'$/,
    );
    expect((await api.follow(first.body.d.__next)).body.d.results).toHaveLength(1);
  });
});

describe('query errors in the OData error envelope', () => {
  let mock: MockServer;
  let api: ApiClient;
  afterEach(() => mock.close());

  it('an unknown $ parameter is 400', async () => {
    ({ mock, api } = await startConnected());
    const answer = await api.get('crm/Accounts?$foo=1');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual(envelope("The query parameter '$foo' is not supported."));
  });

  it.each([
    ["Name eq 'unterminated"],
    ['Name eq'],
    ["Name eq 'a' and"],
    ["(Name eq 'a'"],
    ["Name eq 'a')"],
    ["unknownfn(Name) eq 'a'"],
    ["ID eq guid'not-a-guid'"],
    ["EntryDate eq datetime'yesterday'"],
    ["Name eq 'a' # 'b'"],
  ])('bad $filter syntax %j is 400 "Bad Request - Error in query syntax."', async (filter) => {
    ({ mock, api } = await startConnected());
    const answer = await api.get(`crm/Accounts?$filter=${encodeURIComponent(filter)}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(SYNTAX);
  });

  it('an unknown property in $filter, $select, $orderby or $expand is 400 naming it and the type', async () => {
    ({ mock, api } = await startConnected());
    const message = (name: string) => envelope(`Could not find a property named '${name}' on type 'Exact.Web.Api.Models.Account'.`);
    const filter = await api.get("crm/Accounts?$filter=Colour eq 'red'");
    expect(filter.status).toBe(400);
    expect(filter.body).toEqual(message('Colour'));
    expect((await api.get('crm/Accounts?$select=Code,Colour')).body).toEqual(message('Colour'));
    expect((await api.get('crm/Accounts?$orderby=Colour')).body).toEqual(message('Colour'));
    expect((await api.get('crm/Accounts?$expand=Lines')).body).toEqual(message('Lines'));
  });

  it('a bad $top, $skip, $orderby direction, $inlinecount or a repeated option is 400', async () => {
    ({ mock, api } = await startConnected());
    const cases: Array<[string, string]> = [
      ['$top=-1', "Invalid value '-1' for $top query option found. The $top query option requires a non-negative integer value."],
      ['$skip=abc', "Invalid value 'abc' for $skip query option found. The $skip query option requires a non-negative integer value."],
      ['$orderby=Code sideways', 'Bad Request - Error in query syntax.'],
      ['$inlinecount=some', "Invalid value 'some' for $inlinecount query option found."],
      ['$top=1&$top=2', "Query option '$top' was specified more than once, but it must be specified at most once."],
      ["$skiptoken=Name eq 'x'", "The skip token value 'Name eq 'x'' is invalid."],
    ];
    for (const [query, message] of cases) {
      const answer = await api.get(`crm/Accounts?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body, query).toEqual(envelope(message));
    }
  });

  it('an unknown entity set is 404 in the envelope; a POST on /$count is 405', async () => {
    ({ mock, api } = await startConnected());
    const missing = await api.get('crm/Contacts');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(envelope('Record not found: 100001/crm/Contacts'));
    const count = await api.post('crm/Accounts/$count', {});
    expect(count.status).toBe(405);
  });

  it('malformed JSON in a POST body is 400 "Error processing request stream."', async () => {
    const connected = await startConnected();
    mock = connected.mock;
    const answer = await request(mock.url)
      .post('/api/v1/100001/crm/Accounts')
      .set({ Authorization: `Bearer ${connected.accessToken}`, 'Content-Type': 'application/json' })
      .send('{"Name": ');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(envelope('Error processing request stream. The body is not valid JSON.'));
  });
});
