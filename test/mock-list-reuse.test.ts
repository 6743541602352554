import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { backOffice, entryBody, seedIds, startConnected, type ConnectedMock, type SeedIds } from './support/mock-api-fixtures.js';
import { apiClient, connectDemoApp } from './support/mock.js';

// A list keeps what it worked out (a query's ordered rows until the store changes, each row's JSON per version of
// the row) and reuses it for the next request: these tests read a list, change what it shows, and read it again.

type Entry = { EntryID: string; EntryNumber: number; CustomerName: string; YourRef: string | null; __metadata: { uri: string } };

let connected: ConnectedMock;
let ids: SeedIds;

beforeEach(async () => {
  connected = await startConnected();
  ids = await seedIds(connected.api);
  for (const ref of ['A', 'B', 'C'])
    expect((await connected.api.post('salesentry/SalesEntries', entryBody(ids, { YourRef: ref }))).status).toBe(201);
});
afterEach(() => connected.mock.close());

const entries = async (query = ''): Promise<Entry[]> => {
  const answer = await connected.api.get(`salesentry/SalesEntries${query}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.d.results as Entry[];
};

describe('a list read again', () => {
  it("shows a customer's new name on entries that did not change themselves", async () => {
    expect(new Set((await entries()).map((e) => e.CustomerName)).size).toBeGreaterThan(0);
    const renamed = await connected.api.put(`crm/Accounts(guid'${ids.customers['1']}')`, { Name: 'Renamed After The First Read' });
    expect(renamed.status, renamed.text).toBe(204);
    const again = await entries("?$filter=YourRef eq 'A'");
    expect(again.map((e) => e.CustomerName)).toEqual(['Renamed After The First Read']);
    expect((await entries()).filter((e) => e.YourRef !== null).map((e) => e.CustomerName)).toEqual(
      Array(3).fill('Renamed After The First Read'),
    );
  });

  it('shows a changed entry, and a new one, in a repeated filter and ordering with its count', async () => {
    const query = "?$filter=Journal eq '70'&$orderby=YourRef desc&$inlinecount=allpages";
    const before = await connected.api.get(`salesentry/SalesEntries${query}`);
    expect(before.body.d.results.map((e: Entry) => e.YourRef).slice(0, 3)).toEqual(['C', 'B', 'A']);
    const count = Number(before.body.d.__count);
    const a = (before.body.d.results as Entry[]).find((e) => e.YourRef === 'A')!;
    expect((await connected.api.put(`salesentry/SalesEntries(guid'${a.EntryID}')`, { YourRef: 'Z' })).status).toBe(204);
    expect((await connected.api.post('salesentry/SalesEntries', entryBody(ids, { YourRef: 'D' }))).status).toBe(201);
    const after = await connected.api.get(`salesentry/SalesEntries${query}`);
    expect(after.body.d.results.map((e: Entry) => e.YourRef).slice(0, 4)).toEqual(['Z', 'D', 'C', 'B']);
    expect(Number(after.body.d.__count)).toBe(count + 1);
  });

  it('writes the host name each client used into the URIs of the same rows', async () => {
    const { url } = connected.mock;
    const viaLocalhost = url.replace('127.0.0.1', 'localhost');
    const first = await entries();
    expect(first[0]!.__metadata.uri.startsWith(`${url}/api/v1/`)).toBe(true);
    const other = await request(viaLocalhost)
      .get(`/api/v1/100001/salesentry/SalesEntries`)
      .set({ Authorization: `Bearer ${connected.accessToken}`, Accept: 'application/json' });
    expect(other.status, other.text).toBe(200);
    expect(other.body.d.results[0].__metadata.uri).toBe(first[0]!.__metadata.uri.replace(url, viaLocalhost));
  });

  it('drops a deletion past its retention once the clock passes it, though the store did not change', async () => {
    const [a] = await entries("?$filter=YourRef eq 'A'");
    expect((await connected.api.delete(`salesentry/SalesEntries(guid'${a!.EntryID}')`)).status).toBe(204);
    const deletedAt = Date.parse((await backOffice(connected.mock).get('/__mock/clock')).body.now as string);
    const setClock = async (ms: number) =>
      expect((await backOffice(connected.mock).put('/__mock/clock').send({ now: ms })).status).toBe(200);
    // A minute before the 61 days of retention are over; the first token has long expired, so connect again.
    await setClock(deletedAt + 61 * DAY_MS - 60_000);
    const api = apiClient(connected.mock.url, (await connectDemoApp(connected.mock.url)).accessToken, DEMO_DIVISIONS.main);
    const deleted = async () =>
      (await api.get('sync/Deleted?$filter=EntityType eq 1&$select=EntityKey')).body.d.results.map(
        (d: { EntityKey: string }) => d.EntityKey,
      );
    expect(await deleted()).toContain(a!.EntryID);
    await setClock(deletedAt + 61 * DAY_MS + 60_000);
    expect(await deleted()).not.toContain(a!.EntryID);
  });
});
