import { afterEach, describe, expect, it } from 'vitest';
import { resolveOptions } from '../mock-accounting/index.js';
import { apiClient, connectDemoApp, testClock } from './support/mock.js';
import { backOffice, entryBody, seedIds, startConnected, type ConnectedMock } from './support/mock-api-fixtures.js';

// Issue 6: a division imitates Exact Online, Octopus or Yuki. Octopus refuses changes in a closed period
// in its own words and types its journals by name (R11); Yuki counts API calls against a daily quota per
// domain (R17: its nightly sync can use it up).

const MAIN = 100001;
const OTHER = 100002;

function octopusEntry(ids: Awaited<ReturnType<typeof seedIds>>, overrides: Record<string, unknown> = {}) {
  return entryBody(ids, { Journal: 'V1', ...overrides });
}

describe('mock flavours: which product a division imitates', () => {
  let connected: ConnectedMock;
  afterEach(() => connected?.mock.close());

  it('the demo seed stays Exact; the octopus and yuki seeds make both divisions Octopus (journals V1, V2) and Yuki (one domain)', async () => {
    const divisions = async () =>
      Object.values(
        (await backOffice(connected.mock).get('/__mock/state')).body.divisions as Record<
          string,
          { code: number; flavour: string; domain?: string }
        >,
      );
    const journals = async () =>
      (await connected.api.get('financial/Journals?$select=Code,Type,TypeDescription&$orderby=Code')).body.d.results as Array<{
        Code: string;
        Type: number;
        TypeDescription: string | null;
      }>;

    connected = await startConnected();
    expect((await divisions()).map((d) => [d.code, d.flavour, d.domain])).toEqual([
      [MAIN, 'exact', undefined],
      [OTHER, 'exact', undefined],
    ]);
    expect((await journals()).map((j) => [j.Code, j.Type, j.TypeDescription])).toEqual([
      ['70', 20, null],
      ['71', 20, null],
    ]);
    await connected.mock.close();

    connected = await startConnected({ seed: 'octopus' });
    expect((await divisions()).map((d) => [d.code, d.flavour])).toEqual([
      [MAIN, 'octopus'],
      [OTHER, 'octopus'],
    ]);
    expect((await journals()).map((j) => [j.Code, j.Type, j.TypeDescription])).toEqual([
      ['V1', 20, 'Sales bookings'],
      ['V2', 20, 'Sales bookings'],
    ]);
    await connected.mock.close();

    connected = await startConnected({ seed: 'yuki' });
    expect((await divisions()).map((d) => [d.code, d.flavour, d.domain])).toEqual([
      [MAIN, 'yuki', 'booklab-demo'],
      [OTHER, 'yuki', 'booklab-demo'],
    ]);
    expect((await journals()).map((j) => j.Code)).toEqual(['70', '71']);
  });

  it('PUT /__mock/divisions/:division/flavour switches one division, a Yuki domain staying until the flavour changes; an unknown division is 404, an unknown flavour 400', async () => {
    connected = await startConnected();
    const office = backOffice(connected.mock);
    const switched = await office.put(`/__mock/divisions/${OTHER}/flavour`).send({ flavour: 'yuki', domain: 'acme' });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ code: OTHER, flavour: 'yuki', domain: 'acme' });
    expect((await office.put(`/__mock/divisions/${OTHER}/flavour`).send({ flavour: 'yuki' })).body).toMatchObject({
      flavour: 'yuki',
      domain: 'acme',
    });
    const back = await office.put(`/__mock/divisions/${OTHER}/flavour`).send({ flavour: 'exact' });
    expect(back.body).toMatchObject({ code: OTHER, flavour: 'exact' });
    expect(back.body.domain).toBeUndefined();
    // Switching away dropped the domain: back on Yuki without one, the division is a domain of its own.
    expect((await office.put(`/__mock/divisions/${OTHER}/flavour`).send({ flavour: 'yuki' })).body.domain).toBeUndefined();
    expect((await office.get('/__mock/state')).body.divisions[String(MAIN)].flavour).toBe('exact');

    const unknown = await office.put('/__mock/divisions/999999/flavour').send({ flavour: 'octopus' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Record not found: division 999999');
    const bad = await office.put(`/__mock/divisions/${MAIN}/flavour`).send({ flavour: 'twinfield' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid flavour: .*See GET \/__mock for the expected body\.$/);
  });
});

describe('mock flavours: Octopus (R11)', () => {
  let connected: ConnectedMock;
  afterEach(() => connected?.mock.close());

  async function octopus() {
    connected = await startConnected({ seed: 'octopus' });
    return { api: connected.api, office: backOffice(connected.mock), ids: await seedIds(connected.api) };
  }

  it('R11: a new booking in a closed period is refused with "Book year period is closed" (Exact says "Period is closed")', async () => {
    const { api, office, ids } = await octopus();
    await office.put(`/__mock/divisions/${MAIN}/periods/2026/2`).send({ closed: true }).expect(200);
    const refused = await api.post('salesentry/SalesEntries', octopusEntry(ids, { EntryDate: '2026-02-27' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.value).toBe('Book year period is closed');
    expect((await api.post('salesentry/SalesEntries', octopusEntry(ids, { EntryDate: '2026-03-02' }))).status).toBe(201);

    await office.put(`/__mock/divisions/${MAIN}/flavour`).send({ flavour: 'exact' }).expect(200);
    const exact = await api.post('salesentry/SalesEntries', octopusEntry(ids, { EntryDate: '2026-02-27' }));
    expect(exact.body.error.message.value).toBe('Period is closed');
  });

  it('R11: every change to a booking in a closed period is refused in the same words: PUT, a new line, deleting a line or the booking', async () => {
    const { api, office, ids } = await octopus();
    const created = await api.post(
      'salesentry/SalesEntries',
      octopusEntry(ids, {
        EntryDate: '2026-02-27',
        SalesEntryLines: [
          { GLAccount: ids.gl['700000'], AmountFC: 100, VATCode: '21' },
          { GLAccount: ids.gl['705000'], AmountFC: 50, VATCode: '21' },
        ],
      }),
    );
    expect(created.status).toBe(201);
    const entry = `salesentry/SalesEntries(guid'${created.body.d.EntryID}')`;
    const lines = (await api.get(`${entry}/SalesEntryLines`)).body.d.results as Array<{ ID: string }>;
    await office.put(`/__mock/divisions/${MAIN}/periods/2026/2`).send({ closed: true }).expect(200);

    const answers = [
      await api.put(entry, { Description: 'changed' }),
      await api.post('salesentry/SalesEntryLines', {
        EntryID: created.body.d.EntryID,
        GLAccount: ids.gl['700000'],
        AmountFC: 10,
        VATCode: '21',
      }),
      await api.delete(`salesentry/SalesEntryLines(guid'${lines[0]!.ID}')`),
      await api.delete(entry),
    ];
    expect(answers.map((a) => [a.status, a.body.error.message.value])).toEqual(Array(4).fill([400, 'Book year period is closed']));
    const byHand = await office
      .put(`/__mock/divisions/${MAIN}/journals/V1/entries/${created.body.d.EntryNumber}/lines`)
      .send({ lines: [{ glAccountCode: '700000', amountCents: 100 }] });
    expect(byHand.status).toBe(400);
    expect(byHand.body.error).toEqual({ code: 'book_year_period_closed', message: 'Book year period is closed' });
  });

  it("gives journals Octopus's type names: PUT …/journals/:code/type sets one, the API shows it; refused on an Exact division or for an unknown type", async () => {
    const { api, office } = await octopus();
    const changed = await office.put(`/__mock/divisions/${MAIN}/journals/V1/type`).send({ typeName: 'Invoices' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: 'V1', type: 20, typeName: 'Invoices' });
    const journals = (await api.get("financial/Journals?$filter=Code eq 'V1'&$select=Code,TypeDescription")).body.d.results;
    expect(journals).toMatchObject([{ Code: 'V1', TypeDescription: 'Invoices' }]);

    const unknownType = await office.put(`/__mock/divisions/${MAIN}/journals/V1/type`).send({ typeName: 'Sales' });
    expect(unknownType.status).toBe(400);
    await office.put(`/__mock/divisions/${OTHER}/flavour`).send({ flavour: 'exact' }).expect(200);
    const onExact = await office.put(`/__mock/divisions/${OTHER}/journals/V1/type`).send({ typeName: 'Invoices' });
    expect(onExact.status).toBe(400);
    expect(onExact.body.error.message).toBe(
      `Division ${OTHER} does not imitate Octopus: only Octopus journals have a type by name. Set its flavour first (PUT /__mock/divisions/${OTHER}/flavour).`,
    );
    expect((await office.put(`/__mock/divisions/${MAIN}/journals/V9/type`).send({ typeName: 'Invoices' })).status).toBe(404);
  });

  it("keeps the cost centres a person assigns to a booking's lines, and shows them in the back office and the API", async () => {
    const { api, office } = await octopus();
    const booked = await office
      .post(`/__mock/divisions/${MAIN}/journals/V1/entries`)
      .send({ customerCode: '1', lines: [{ glAccountCode: '700000', amountCents: 10_000, vatCode: '21' }] });
    expect(booked.body.lines[0]).not.toHaveProperty('costCenter');
    const assigned = await office
      .put(`/__mock/divisions/${MAIN}/journals/V1/entries/${booked.body.entryNumber}/lines`)
      .send({ lines: [{ glAccountCode: '700000', amountCents: 10_000, vatCode: '21', costCenter: 'SALES' }] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.lines).toEqual([
      { lineNumber: 1, description: null, glAccount: '700000', netCents: 10_000, vatCode: '21', vatCents: 2_100, costCenter: 'SALES' },
    ]);
    const lines = (await api.get(`salesentry/SalesEntries(guid'${booked.body.id}')/SalesEntryLines?$select=CostCenter`)).body.d.results;
    expect(lines).toMatchObject([{ CostCenter: 'SALES' }]);
  });
});

describe("mock flavours: Yuki's daily call quota per domain (R17)", () => {
  let connected: ConnectedMock;
  afterEach(() => connected?.mock.close());

  const QUOTA_FAULT = (limit: number) =>
    `The daily limit of ${limit} API calls for domain booklab-demo has been reached. The limit is reset at midnight.`;

  it('counts every API call on a Yuki division and refuses the next one with a 500 fault that names the limit, not a 429', async () => {
    connected = await startConnected({ seed: 'yuki', yukiDailyCalls: 3 });
    const { api } = connected;
    const statuses = [];
    for (const path of ['financial/Journals', 'crm/Accounts?$filter=Code ne null', '/api/v1/current/Me', 'vat/VATCodes'])
      statuses.push((await api.get(path)).status);
    expect(statuses).toEqual([200, 200, 200, 500]);
    const refused = await api.post('salesentry/SalesEntries', {});
    expect(refused.status).toBe(500);
    expect(refused.body.error.message.value).toBe(QUOTA_FAULT(3));
  });

  it('is shared by the administrations of one domain, and an Exact division does not count', async () => {
    connected = await startConnected({ seed: 'yuki', yukiDailyCalls: 2 });
    const { api, other, mock } = connected;
    expect((await api.get('financial/Journals')).status).toBe(200);
    expect((await other.get('financial/Journals')).status).toBe(200);
    expect((await api.get('financial/Journals')).status).toBe(500);
    expect((await other.get('financial/Journals')).status).toBe(500);

    await backOffice(mock).put(`/__mock/divisions/${OTHER}/flavour`).send({ flavour: 'exact' }).expect(200);
    expect((await other.get('financial/Journals')).status).toBe(200);
    await backOffice(mock).put(`/__mock/divisions/${OTHER}/flavour`).send({ flavour: 'yuki', domain: 'other-domain' }).expect(200);
    expect((await other.get('financial/Journals')).status).toBe(200);
  });

  it('starts again at midnight on the server clock, and on a reset', async () => {
    // Five minutes before midnight, so the access token (600 s) outlives the jump over midnight.
    connected = await startConnected({ seed: 'yuki', yukiDailyCalls: 1, clock: testClock('2026-03-02T23:55:00Z') });
    const { api, mock } = connected;
    expect((await api.get('financial/Journals')).status).toBe(200);
    mock.clock.set(Date.parse('2026-03-02T23:59:59Z'));
    expect((await api.get('financial/Journals')).status).toBe(500);
    mock.clock.set(Date.parse('2026-03-03T00:00:00Z'));
    expect((await api.get('financial/Journals')).status).toBe(200);
    expect((await api.get('financial/Journals')).status).toBe(500);

    await backOffice(mock).post('/__mock/reset').send({ seed: 'yuki' }).expect(200);
    const { accessToken } = await connectDemoApp(mock.url);
    expect((await apiClient(mock.url, accessToken, MAIN).get('financial/Journals')).status).toBe(200);
  });

  it('keeps the count in the state: a restored snapshot has the count it was taken with', async () => {
    connected = await startConnected({ seed: 'yuki', yukiDailyCalls: 3 });
    const { api, mock } = connected;
    expect((await api.get('financial/Journals')).status).toBe(200);
    const snapshot = (await backOffice(mock).get('/__mock/state').expect(200)).body;
    expect(snapshot.quotaUsage['booklab-demo']).toMatchObject({ calls: 1 });
    expect((await api.get('financial/Journals')).status).toBe(200);
    expect((await api.get('financial/Journals')).status).toBe(200);
    expect((await api.get('financial/Journals')).status).toBe(500);
    // Stepping a walkthrough back restores the state: one call used, two left, exactly as before.
    await backOffice(mock).put('/__mock/state').send(snapshot).expect(200);
    expect((await api.get('financial/Journals')).status).toBe(200);
    expect((await api.get('financial/Journals')).status).toBe(200);
    expect((await api.get('financial/Journals')).status).toBe(500);
  });

  it('allows 1,000 calls a day by default', async () => {
    expect(resolveOptions().yukiDailyCalls).toBe(1000);
    connected = await startConnected({ seed: 'yuki' });
    let granted = 0;
    while ((await connected.api.get('vat/VATCodes?$top=1&$select=Code')).status === 200 && granted <= 1000) granted += 1;
    expect(granted).toBe(1000);
  });
});
