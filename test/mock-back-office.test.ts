import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { BACK_OFFICE_ROUTES, DEMO_DIVISIONS, type MockServer, type StartMockServerOptions } from '../mock-accounting/index.js';
import { backOffice, book, demoRefs, salesEntryBody, type BackOffice } from './support/bookings.js';
import { apiClient, connectDemoApp, startTestMock } from './support/mock.js';

// The back office under /__mock (exact-api.md §8.6): what a person does by hand in Exact, and what tests drive.

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function start(options: StartMockServerOptions = {}) {
  mock = await startTestMock(options);
  return { url: mock.url, office: backOffice(mock.url) };
}

async function startWithApi(options: StartMockServerOptions = {}) {
  const { url, office } = await start(options);
  const { accessToken } = await connectDemoApp(url);
  const api = apiClient(url, accessToken, DEMO_DIVISIONS.main);
  return { url, office, api, refs: await demoRefs(api), accessToken };
}

/** A mock with an OAuth token but no API call made yet (rate-limit tests count every call). */
async function startWithToken(options: StartMockServerOptions = {}) {
  const { url, office } = await start(options);
  const { accessToken } = await connectDemoApp(url);
  return { url, office, api: apiClient(url, accessToken, DEMO_DIVISIONS.main) };
}

const ENTRIES_70 = '/divisions/100001/journals/70/entries';
const ME = '/api/v1/current/Me';

/** An invoice of 800.00 + 21 % VAT for customer '1', entered by hand in Exact. */
const handInvoice = (overrides: Record<string, unknown> = {}) => ({
  customerCode: '1',
  entryDate: '2026-03-14',
  yourRef: '2026/42',
  lines: [{ glAccountCode: '700000', amountCents: 80000, vatCode: '21' }],
  ...overrides,
});

async function handBook(office: BackOffice, overrides: Record<string, unknown> = {}) {
  const res = await office.post(ENTRIES_70, handInvoice(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { entryNumber: number; id: string };
}

const errorOf = (code: string, message: string) => ({ error: { code, message } });

describe('GET /__mock and unknown routes', () => {
  it('lists every back-office route', async () => {
    const { office } = await start();
    const res = await office.get('');
    expect(res.status).toBe(200);
    expect(res.body.routes).toEqual(BACK_OFFICE_ROUTES);
  });

  it('serves every route of the route index (none answers "No back-office route")', async () => {
    const { url } = await start();
    const fill = (path: string) =>
      path
        .replace(':division', '100001')
        .replace(':code', '70')
        .replace(':entryNumber', '1001')
        .replace(':year', '2026')
        .replace(':period', '3');
    for (const { method, path } of BACK_OFFICE_ROUTES) {
      const res = await request(url)[method.toLowerCase() as 'get' | 'put' | 'post' | 'delete'](fill(path)).send({});
      expect(res.body?.error?.message ?? '', `${method} ${path}`).not.toMatch(/^No back-office route/);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });

  it('answers an unknown /__mock route with 404 JSON that points at GET /__mock', async () => {
    const { office, url } = await start();
    const res = await office.get('/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(errorOf('not_found', 'No back-office route GET /__mock/nope. GET /__mock lists them.'));
    const wrongMethod = await request(url).patch('/__mock/clock').send({});
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.body.error.message).toBe('No back-office route PATCH /__mock/clock. GET /__mock lists them.');
  });

  it('answers a body that is not JSON with 400 in the back-office error shape', async () => {
    const { url } = await start();
    const res = await request(url).put('/__mock/clock').set('Content-Type', 'application/json').send('{"now":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/^Invalid body: .*\. See GET \/__mock for the expected body\.$/);
  });
});

describe('POST /__mock/reset', () => {
  it('replaces the state with the demo seed: bookings gone, counters back, old tokens no longer valid', async () => {
    const { office, api, refs } = await startWithApi();
    await book(api, refs);
    await office.put('/divisions/100001/journals/70/next-booking-number', { value: 1500 });
    const res = await office.post('/reset', { seed: 'demo' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ seed: 'demo', now: '2026-03-02T09:00:00.000Z', today: '2026-03-02', frozen: true });
    expect((await office.get(ENTRIES_70)).body).toEqual([]);
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1001);
    expect((await api.get(ME)).status).toBe(401);
    const state = (await office.get('/state')).body;
    expect(Object.values(state.accounts).map((a) => (a as { name: string }).name)).toContain('Brouwerij De Kroon');
  });

  it('uses the demo seed when no seed is named', async () => {
    const { office } = await start({ seed: 'empty' });
    const res = await office.post('/reset', {});
    expect(res.status).toBe(200);
    expect(res.body.seed).toBe('demo');
    expect(Object.keys((await office.get('/state')).body.accounts)).toHaveLength(5);
  });

  it('resets to the empty seed: master data without relations or bookings', async () => {
    const { office } = await start();
    await handBook(office);
    const res = await office.post('/reset', { seed: 'empty' });
    expect(res.status).toBe(200);
    expect(res.body.seed).toBe('empty');
    const state = (await office.get('/state')).body;
    expect(state.accounts).toEqual({});
    expect(state.salesEntries).toEqual({});
    expect((await office.get('/divisions/100001/journals')).body.map((j: { code: string }) => j.code)).toEqual(['70', '71']);
  });

  it('refuses an unknown seed with 400 naming the known seeds, and changes nothing', async () => {
    const { office } = await start();
    await handBook(office);
    // Names an object has from its prototype are not seeds either.
    for (const seed of ['nope', 'constructor', '__proto__', 'toString']) {
      const res = await office.post('/reset', { seed });
      expect(res.status, seed).toBe(400);
      expect(res.body, seed).toEqual(errorOf('bad_request', `Unknown seed '${seed}'. Known seeds: demo, empty, octopus, yuki.`));
    }
    expect((await office.get(ENTRIES_70)).body).toHaveLength(1);
  });

  it('refuses to start a server with an unknown seed, naming the known seeds', async () => {
    await expect(startTestMock({ seed: 'constructor' })).rejects.toThrow(
      "[booklab] Unknown seed 'constructor'. Known seeds: demo, empty, octopus, yuki.",
    );
  });

  it('refuses unknown body fields', async () => {
    const { office } = await start();
    const res = await office.post('/reset', { seed: 'demo', wipe: true });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid body: Unrecognized key: "wipe". See GET /__mock for the expected body.');
  });

  it('clears armed faults, rate counters and the request log', async () => {
    const { office, url } = await start();
    await office.post('/faults', { path: 'salesentry', status: 500, times: null });
    await office.put('/rate-limits', { enforce: true, minutely: 1 });
    const { accessToken } = await connectDemoApp(url);
    const api = apiClient(url, accessToken, DEMO_DIVISIONS.main);
    expect((await api.get(ME)).status).toBe(200);
    expect((await api.get(ME)).status).toBe(429);

    await office.post('/reset', { seed: 'demo' });
    const log = (await office.get('/requests')).body as Array<{ method: string; path: string }>;
    expect(log.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /__mock/reset']);
    expect((await office.get('/faults')).body).toEqual([]);
    // Rate counters start again (the settings stay): a fresh token gets its first call.
    const fresh = apiClient(url, (await connectDemoApp(url)).accessToken, DEMO_DIVISIONS.main);
    expect((await fresh.get(ME)).status).toBe(200);
    expect((await fresh.get(ME)).status).toBe(429);
  });
});

describe('GET and PUT /__mock/state: snapshot and restore', () => {
  it('restores a snapshot exactly: bookings, counters, periods and id sequence', async () => {
    const { office, api, refs } = await startWithApi();
    await book(api, refs);
    await book(api, refs);
    const snapshot = (await office.get('/state')).body;
    expect(Object.keys(snapshot.salesEntries)).toHaveLength(2);

    const later = await api.post('salesentry/SalesEntries', salesEntryBody(refs));
    expect(later.body.d.EntryNumber).toBe(1003);
    await book(api, refs);
    await office.put('/divisions/100001/journals/70/next-booking-number', { value: 1500 });
    await office.put('/divisions/100001/periods/2026/3', { closed: true });

    const restored = await office.put('/state', snapshot);
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ restored: true });
    expect((await office.get('/state')).body).toEqual(snapshot);
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1003);

    // The same next step gives the same booking, id included: the id sequence was restored too.
    const again = await api.post('salesentry/SalesEntries', salesEntryBody(refs));
    expect(again.status).toBe(201);
    expect(again.body.d.EntryNumber).toBe(1003);
    expect(again.body.d.EntryID).toBe(later.body.d.EntryID);
  });

  it('refuses a document that is not a state with 400 naming the problem, and changes nothing', async () => {
    const { office } = await start();
    await handBook(office);
    const before = (await office.get('/state')).body;

    const garbage = await office.put('/state', { hello: 'world' });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual(
      errorOf('bad_request', 'Not a booklab state document: schema: Invalid input: expected 1. Use what GET /__mock/state returns.'),
    );

    const journalId = Object.keys(before.journals)[0]!;
    const broken = structuredClone(before);
    broken.journals[journalId].nextEntryNumber = 0;
    broken.salesEntries = {};
    const refused = await office.put('/state', broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(new RegExp(`^Not a booklab state document: journals\\.${journalId}\\.nextEntryNumber: `));

    const notJson = await request(mock!.url).put('/__mock/state').set('Content-Type', 'application/json').send('{"schema":1,');
    expect(notJson.status).toBe(400);

    expect((await office.get('/state')).body).toEqual(before);
  });
});

describe('/__mock/clock', () => {
  it('shows the frozen test clock', async () => {
    const { office } = await start();
    const res = await office.get('/clock');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: '2026-03-02T09:00:00.000Z', today: '2026-03-02', frozen: true });
  });

  it('sets the clock from an ISO date-time, a date (UTC midnight) or epoch ms', async () => {
    const { office } = await start();
    expect((await office.put('/clock', { now: '2026-03-01T09:00:00Z' })).body).toEqual({
      now: '2026-03-01T09:00:00.000Z',
      today: '2026-03-01',
      frozen: true,
    });
    expect((await office.put('/clock', { now: '2026-04-15' })).body.now).toBe('2026-04-15T00:00:00.000Z');
    expect((await office.put('/clock', { now: Date.UTC(2026, 4, 1, 12) })).body.now).toBe('2026-05-01T12:00:00.000Z');
    expect((await office.get('/clock')).body.now).toBe('2026-05-01T12:00:00.000Z');
  });

  it('advances the clock by days, hours, minutes, seconds and ms', async () => {
    const { office } = await start();
    const res = await office.post('/clock/advance', { days: 1, hours: 2, minutes: 3, seconds: 4, ms: 5 });
    expect(res.status).toBe(200);
    expect(res.body.now).toBe('2026-03-03T11:03:04.005Z');
    expect((await office.post('/clock/advance', { days: 30 })).body.today).toBe('2026-04-02');
  });

  it('dates a booking entered without a date on the clock day', async () => {
    const { office } = await start();
    await office.put('/clock', { now: '2026-04-15T10:00:00Z' });
    const booking = await handBook(office, { entryDate: undefined });
    expect(booking).toMatchObject({ entryDate: '2026-04-15', dueDate: '2026-05-15', financialYear: 2026, financialPeriod: 4 });
  });

  it('refuses dates that are not dates with 400 and keeps the clock', async () => {
    const { office } = await start();
    const notADate = await office.put('/clock', { now: 'yesterday' });
    expect(notADate.status).toBe(400);
    expect(notADate.body).toEqual(errorOf('bad_request', 'Not a date: "yesterday". Use YYYY-MM-DD or an ISO date-time.'));
    for (const now of ['2026-02-30', '2026-13-01', 8.64e15 + 1]) {
      const res = await office.put('/clock', { now });
      expect(res.status, String(now)).toBe(400);
      expect(res.body.error.message, String(now)).toBe(`Not a date: "${now}". Use YYYY-MM-DD or an ISO date-time.`);
    }
    for (const body of [{}, { now: '' }, { now: 1.5 }, { now: true }, { now: '2026-03-01', zone: 'CET' }]) {
      const res = await office.put('/clock', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    for (const body of [{ days: '1' }, { weeks: 1 }, { days: 1e12 }]) {
      const res = await office.post('/clock/advance', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    expect((await office.get('/clock')).body.now).toBe('2026-03-02T09:00:00.000Z');
  });
});

describe('GET /__mock/divisions/:division/accounts', () => {
  it('lists the relations of one division by code', async () => {
    const { office } = await start();
    const res = await office.get('/divisions/100002/accounts');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: expect.any(String), code: '1', name: 'Isolation Check NV', vatNumber: 'BE0999888777', country: 'BE', status: 'C' },
    ]);
    const main = await office.get('/divisions/100001/accounts');
    expect(main.body.map((a: { code: string; name: string }) => [a.code, a.name])).toEqual([
      ['1', 'Brouwerij De Kroon'],
      ['2', 'Van Dijk Installaties'],
      ['3', 'Atelier Lumière'],
      ['4', 'Delta Logistics'],
    ]);
    expect((await office.get('/divisions/999999/accounts')).status).toBe(404);
  });
});

describe('journals and the next booking number (R8)', () => {
  it('lists the journals of a division with their next booking number', async () => {
    const { office } = await start();
    const res = await office.get('/divisions/100001/journals');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: expect.any(String),
        division: 100001,
        code: '70',
        description: 'Sales invoices',
        type: 20,
        firstBookingNumber: 1001,
        nextBookingNumber: 1001,
      },
      {
        id: expect.any(String),
        division: 100001,
        code: '71',
        description: 'Sales credit notes',
        type: 20,
        firstBookingNumber: 8001,
        nextBookingNumber: 8001,
      },
    ]);
  });

  it('shows one journal, and the per-year counters when numbering per year', async () => {
    const { office } = await start();
    const one = await office.get('/divisions/100002/journals/71');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ division: 100002, code: '71', nextBookingNumber: 8001 });
    expect(one.body).not.toHaveProperty('nextBookingNumberByYear');
    await mock!.close();
    const perYear = await start({ numbering: { perYear: true } });
    expect((await perYear.office.get('/divisions/100001/journals/70')).body.nextBookingNumberByYear).toEqual({});
  });

  it('answers 404 for an unknown journal or division', async () => {
    const { office } = await start();
    const unknown = await office.get('/divisions/100001/journals/99');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(errorOf('not_found', 'Record not found: journal 99 in division 100001'));
    expect((await office.get('/divisions/999999/journals/70')).status).toBe(404);
    expect((await office.put('/divisions/100001/journals/99/next-booking-number', { value: 5 })).status).toBe(404);
    expect((await office.get('/divisions/100001/journals/99/entries')).status).toBe(404);
    expect((await office.post('/divisions/100001/journals/99/entries', handInvoice())).status).toBe(404);
  });

  it('sets the next booking number and refuses a value that is not a positive whole number', async () => {
    const { office } = await start();
    const set = await office.put('/divisions/100001/journals/70/next-booking-number', { value: 1043 });
    expect(set.status).toBe(200);
    expect(set.body.nextBookingNumber).toBe(1043);
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1043);
    for (const value of [0, -1, 10.5, '1044']) {
      const res = await office.put('/divisions/100001/journals/70/next-booking-number', { value });
      expect(res.status, String(value)).toBe(400);
      expect(res.body.error.message, String(value)).toMatch(/^Invalid value: /);
    }
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1043);
  });
});

describe('bookings entered by hand', () => {
  it('books by customer code and G/L account code with 201, VAT computed per line and the next number', async () => {
    const { office } = await start();
    const res = await office.post(ENTRIES_70, handInvoice());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      division: 100001,
      journal: '70',
      entryNumber: 1001,
      entryDate: '2026-03-14',
      dueDate: '2026-04-13',
      financialYear: 2026,
      financialPeriod: 3,
      yourRef: '2026/42',
      description: null,
      customer: { id: expect.any(String), code: '1', name: 'Brouwerij De Kroon' },
      type: 20,
      netCents: 80000,
      vatCents: 16800,
      totalCents: 96800,
      outstandingCents: 96800,
      payments: [],
      lines: [{ lineNumber: 1, description: null, glAccount: '700000', netCents: 80000, vatCode: '21', vatCents: 16800 }],
    });
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1002);
  });

  it('books by customer id and G/L account id, and a negative amount as a credit note (type 21)', async () => {
    const { office } = await start();
    const state = (await office.get('/state')).body;
    const customerId = Object.values(state.accounts as Record<string, { id: string; code: string; division: number }>).find(
      (a) => a.division === 100001 && a.code === '2',
    )!.id;
    const glId = Object.values(state.glAccounts as Record<string, { id: string; code: string; division: number }>).find(
      (g) => g.division === 100001 && g.code === '705000',
    )!.id;
    const res = await office.post('/divisions/100001/journals/71/entries', {
      customerId: customerId.toUpperCase(),
      lines: [{ glAccountId: glId, amountCents: -10000, vatCode: '6' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      journal: '71',
      entryNumber: 8001,
      entryDate: '2026-03-02',
      customer: { id: customerId, code: '2', name: 'Van Dijk Installaties' },
      type: 21,
      totalCents: -10600,
      lines: [{ glAccount: '705000', netCents: -10000, vatCode: '6', vatCents: -600 }],
    });
  });

  it('keeps a given entry number and refuses one in use (R8)', async () => {
    const { office } = await start();
    expect((await handBook(office, { entryNumber: 1200 })).entryNumber).toBe(1200);
    const refused = await office.post(ENTRIES_70, handInvoice({ entryNumber: 1200 }));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(errorOf('entry_number_in_use', 'In use: Entry number'));
  });

  it('refuses an unknown customer with "Invalid reference: Customer", and reports every bad reference together', async () => {
    const { office } = await start();
    const customer = await office.post(ENTRIES_70, handInvoice({ customerCode: '99' }));
    expect(customer.status).toBe(400);
    expect(customer.body).toEqual(errorOf('invalid_reference', 'Invalid reference: Customer'));
    const both = await office.post(ENTRIES_70, handInvoice({ customerCode: '99', lines: [{ glAccountCode: '799999', amountCents: 1 }] }));
    expect(both.body).toEqual(errorOf('several', 'Invalid reference: Customer\r\nInvalid reference: G/L account'));
    // The customer of the other division is not a customer of this one.
    const state = (await office.get('/state')).body;
    const otherCustomer = Object.values(state.accounts as Record<string, { id: string; division: number }>).find(
      (a) => a.division === 100002,
    )!;
    const foreign = await office.post(ENTRIES_70, handInvoice({ customerCode: undefined, customerId: otherCustomer.id }));
    expect(foreign.body).toEqual(errorOf('invalid_reference', 'Invalid reference: Customer'));
    expect((await office.get(ENTRIES_70)).body).toEqual([]);
  });

  it('refuses a booking without customer, and one on a non-revenue account, with Exact messages', async () => {
    const { office } = await start();
    const noCustomer = await office.post(ENTRIES_70, handInvoice({ customerCode: undefined }));
    expect(noCustomer.body).toEqual(errorOf('mandatory', 'Mandatory: Customer'));
    const purchases = await office.post(ENTRIES_70, handInvoice({ lines: [{ glAccountCode: '604000', amountCents: 100 }] }));
    expect(purchases.body).toEqual(errorOf('invalid_gl_account_type', 'Invalid: G/L account type'));
  });

  it('names the field of a validation error', async () => {
    const { office } = await start();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lines: [] }, 'Invalid lines: Too small: expected array to have >=1 items. See GET /__mock for the expected body.'],
      [
        { lines: [{ glAccountCode: '700000', amountCents: '800.00' }] },
        'Invalid lines.0.amountCents: Invalid input: expected number, received string. See GET /__mock for the expected body.',
      ],
      [{ entryDate: '14-03-2026' }, 'Invalid entryDate: use an existing day as YYYY-MM-DD. See GET /__mock for the expected body.'],
      [{ customerId: 'not-a-guid' }, 'Invalid customerId: use a GUID. See GET /__mock for the expected body.'],
      [{ entryNumber: 0 }, 'Invalid entryNumber: Too small: expected number to be >0. See GET /__mock for the expected body.'],
      [{ invoiceNumber: 5 }, 'Invalid body: Unrecognized key: "invoiceNumber". See GET /__mock for the expected body.'],
    ];
    for (const [overrides, message] of cases) {
      const res = await office.post(ENTRIES_70, handInvoice(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.body, JSON.stringify(overrides)).toEqual(errorOf('bad_request', message));
    }
    expect((await office.get(ENTRIES_70)).body).toEqual([]);
  });

  it('refuses a date outside the period table with "Unknown: Financial year (Period-date table)"', async () => {
    const { office } = await start();
    const res = await office.post(ENTRIES_70, handInvoice({ entryDate: '2030-01-01' }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorOf('unknown_financial_year', 'Unknown: Financial year (Period-date table)'));
  });
});

describe('listing and deleting bookings by number', () => {
  it('lists the bookings of a journal by number, whether booked by hand or through the API', async () => {
    const { office, api, refs } = await startWithApi();
    await handBook(office, { entryNumber: 1005 });
    await book(api, refs, { YourRef: 'api' });
    await book(api, refs, { Journal: '71' });
    const res = await office.get(ENTRIES_70);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { entryNumber: number; yourRef: string }) => [e.entryNumber, e.yourRef])).toEqual([
      [1005, '2026/42'],
      [1006, 'api'],
    ]);
  });

  it('deletes a booking by number, answering it with the journal, so the API no longer finds it', async () => {
    const { office, api, refs } = await startWithApi();
    await book(api, refs);
    await book(api, refs);
    const res = await office.delete(`${ENTRIES_70}/1001`);
    expect(res.status).toBe(200);
    expect(res.body.deleted).toMatchObject({ entryNumber: 1001, journal: '70' });
    expect(res.body.journal).toMatchObject({ code: '70', nextBookingNumber: 1003 });
    expect(
      (await api.get('salesentry/SalesEntries?$select=EntryNumber')).body.d.results.map((r: { EntryNumber: number }) => r.EntryNumber),
    ).toEqual([1002]);
  });

  it('answers 404 for a booking number that does not exist', async () => {
    const { office } = await start();
    await handBook(office);
    const res = await office.delete(`${ENTRIES_70}/1002`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorOf('not_found', 'Record not found: booking 1002 in journal 70'));
    expect((await office.delete(`${ENTRIES_70}/abc`)).status).toBe(404);
    expect((await office.delete('/divisions/100001/journals/71/entries/1001')).status).toBe(404);
    expect((await office.get(ENTRIES_70)).body).toHaveLength(1);
  });
});

describe('payments', () => {
  const PAY = `${ENTRIES_70}/1001/payments`;

  it('registers a partial payment, then pays the rest when no amount is given', async () => {
    const { office } = await start();
    await handBook(office);
    const partial = await office.post(PAY, { amountCents: 40000, date: '2026-04-01' });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({
      totalCents: 96800,
      outstandingCents: 56800,
      payments: [{ date: '2026-04-01', amountCents: 40000 }],
    });
    const rest = await office.post(PAY, {});
    expect(rest.status).toBe(201);
    expect(rest.body.outstandingCents).toBe(0);
    expect(rest.body.payments).toEqual([
      { date: '2026-04-01', amountCents: 40000 },
      { date: '2026-03-02', amountCents: 56800 },
    ]);
  });

  it('shows the payment to the API: the receivable is fully paid and leaves the open items', async () => {
    const { office, api } = await startWithApi();
    await handBook(office);
    await office.post(PAY, {});
    const receivables = await api.get('cashflow/Receivables?$select=EntryNumber,IsFullyPaid');
    expect(receivables.body.d.results.map((r: { EntryNumber: number; IsFullyPaid: boolean }) => [r.EntryNumber, r.IsFullyPaid])).toEqual([
      [1001, true],
    ]);
    expect((await api.get('read/financial/ReceivablesList')).body.d.results).toEqual([]);
  });

  it('refuses an overpayment with a message that says what to pay, and changes nothing', async () => {
    const { office } = await start();
    await handBook(office);
    const res = await office.post(PAY, { amountCents: 100000 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      errorOf(
        'bad_request',
        'A payment of 100000 cents does not fit booking 1001: 96800 cents are outstanding. Pay at most the outstanding amount, with the same sign.',
      ),
    );
    const zero = await office.post(PAY, { amountCents: 0 });
    expect(zero.status).toBe(400);
    const negative = await office.post(PAY, { amountCents: -100 });
    expect(negative.status).toBe(400);
    expect((await office.get(ENTRIES_70)).body[0]).toMatchObject({ outstandingCents: 96800, payments: [] });
  });

  it('refuses a payment on a booking that is already paid in full', async () => {
    const { office } = await start();
    await handBook(office);
    await office.post(PAY, {});
    const again = await office.post(PAY, {});
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe(
      'A payment of 0 cents does not fit booking 1001: 0 cents are outstanding. Pay at most the outstanding amount, with the same sign.',
    );
  });

  it('pays a credit note with a negative amount', async () => {
    const { office } = await start();
    await office.post(
      '/divisions/100001/journals/71/entries',
      handInvoice({ lines: [{ glAccountCode: '700000', amountCents: -10000, vatCode: '0' }] }),
    );
    const res = await office.post('/divisions/100001/journals/71/entries/8001/payments', { amountCents: -4000 });
    expect(res.status).toBe(201);
    expect(res.body.outstandingCents).toBe(-6000);
  });

  it('answers 404 for a payment on an unknown booking and 400 for a bad body', async () => {
    const { office } = await start();
    await handBook(office);
    expect((await office.post(`${ENTRIES_70}/1002/payments`, {})).status).toBe(404);
    const badDate = await office.post(PAY, { date: '1 april' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toBe('Invalid date: use an existing day as YYYY-MM-DD. See GET /__mock for the expected body.');
  });
});

describe('closing and reopening periods', () => {
  const MARCH = '/divisions/100001/periods/2026/3';

  it('closes a period: booking into it is refused with "Period is closed", through the back office and the API', async () => {
    const { office, api, refs } = await startWithApi();
    const closed = await office.put(MARCH, { closed: true });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      division: 100001,
      finYear: 2026,
      finPeriod: 3,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      closed: true,
    });
    const byHand = await office.post(ENTRIES_70, handInvoice());
    expect(byHand.status).toBe(400);
    expect(byHand.body).toEqual(errorOf('period_closed', 'Period is closed'));
    const byApi = await api.post('salesentry/SalesEntries', salesEntryBody(refs));
    expect(byApi.status).toBe(400);
    expect(byApi.body.error.message.value).toBe('Period is closed');
    // Other periods stay open.
    expect((await handBook(office, { entryDate: '2026-04-01' })).entryNumber).toBe(1001);
  });

  it('refuses deleting a booking in a closed period (default deletion rule), until the period is reopened', async () => {
    const { office, api, refs } = await startWithApi();
    await book(api, refs);
    await office.put(MARCH, { closed: true });
    const byHand = await office.delete(`${ENTRIES_70}/1001`);
    expect(byHand.status).toBe(400);
    expect(byHand.body).toEqual(errorOf('entry_locked', 'Period is closed'));
    const id = (await api.get('salesentry/SalesEntries?$select=EntryID')).body.d.results[0].EntryID as string;
    const byApi = await api.delete(`salesentry/SalesEntries(guid'${id}')`);
    expect(byApi.status).toBe(400);
    expect(byApi.body.error.message.value).toBe('Period is closed');
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1002);

    const reopened = await office.put(MARCH, { closed: false });
    expect(reopened.body.closed).toBe(false);
    expect((await office.delete(`${ENTRIES_70}/1001`)).status).toBe(200);
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1001);
  });

  it('allows deleting in a closed period when the deletion rule is switched off', async () => {
    const { office } = await start({ deletion: { refuseInClosedPeriod: false } });
    await handBook(office);
    await office.put(MARCH, { closed: true });
    expect((await office.delete(`${ENTRIES_70}/1001`)).status).toBe(200);
  });

  it('answers 404 for an unknown period and 400 for a bad body', async () => {
    const { office } = await start();
    const unknown = await office.put('/divisions/100001/periods/2030/1', { closed: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(errorOf('not_found', 'Record not found: period 2030/1'));
    expect((await office.put('/divisions/999999/periods/2026/3', { closed: true })).status).toBe(404);
    expect((await office.put(MARCH, { closed: 'yes' })).status).toBe(400);
    expect((await office.put(MARCH, {})).status).toBe(400);
  });
});

describe('POST /__mock/tokens/expire', () => {
  it('expires every access token now, so the API answers 401 with an empty body', async () => {
    const { office, api } = await startWithApi();
    expect((await api.get(ME)).status).toBe(200);
    const res = await office.post('/tokens/expire', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ expired: 1 });
    const refused = await api.get(ME);
    expect(refused.status).toBe(401);
    expect(refused.text).toBe('');
    expect((await office.post('/tokens/expire', {})).body).toEqual({ expired: 0 });
  });

  it("expires only the named user's tokens", async () => {
    const { office, api } = await startWithApi();
    const userId = (await api.get(ME)).body.d.results[0].UserID as string;
    expect((await office.post('/tokens/expire', { userId: '00000000-0000-4000-8000-000000000000' })).body).toEqual({ expired: 0 });
    expect((await api.get(ME)).status).toBe(200);
    expect((await office.post('/tokens/expire', { userId })).body).toEqual({ expired: 1 });
    expect((await api.get(ME)).status).toBe(401);
  });
});

describe('/__mock/faults', () => {
  it('answers status 500 once with the OData envelope, then handles requests normally', async () => {
    const { office, api, refs } = await startWithApi();
    const armed = await office.post('/faults', { method: 'POST', path: 'salesentry/SalesEntries', status: 500 });
    expect(armed.status).toBe(201);
    expect(armed.body).toEqual({ id: 1, method: 'POST', path: 'salesentry/SalesEntries', status: 500, times: 1 });
    expect((await office.get('/faults')).body).toEqual([
      { id: 1, method: 'POST', path: 'salesentry/SalesEntries', status: 500, times: 1, hits: 0 },
    ]);

    // A GET does not match a POST fault.
    expect((await api.get('salesentry/SalesEntries')).status).toBe(200);
    const failed = await api.post('salesentry/SalesEntries', salesEntryBody(refs));
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error: { code: '', message: { lang: '', value: 'Injected fault: HTTP 500.' } } });
    // The failed request booked nothing; the next one is handled.
    expect(await book(api, refs)).toBe(1001);
    expect((await office.get('/faults')).body).toEqual([]);
  });

  it('answers 401 and 429 with an empty body, as Exact does', async () => {
    const { office, api } = await startWithApi();
    await office.post('/faults', { path: 'current/me', status: 401 });
    await office.post('/faults', { path: 'current/Me', status: 429 });
    const unauthorized = await api.get(ME);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.text).toBe('');
    const throttled = await api.get(ME);
    expect(throttled.status).toBe(429);
    expect(throttled.text).toBe('');
    expect((await api.get(ME)).status).toBe(200);
  });

  it('delays a request by latencyMs and then answers it normally', async () => {
    const { office, api } = await startWithApi();
    await office.post('/faults', { path: 'current/Me', latencyMs: 20 });
    const res = await api.get(ME);
    expect(res.status).toBe(200);
    expect(res.body.d.results[0].CurrentDivision).toBe(100001);
  });

  it('dropAfterCommit: the booking is stored but the client gets a socket error instead of the answer (the lost answer)', async () => {
    const { office, api, refs } = await startWithApi();
    await office.post('/faults', { method: 'POST', path: 'salesentry/SalesEntries', dropAfterCommit: true });
    const lost = api.post('salesentry/SalesEntries', salesEntryBody(refs, { YourRef: '2026/7' }));
    await expect(lost).rejects.toThrow(/socket hang up|ECONNRESET/);

    const stored = await office.get(ENTRIES_70);
    expect(stored.body.map((e: { entryNumber: number; yourRef: string }) => [e.entryNumber, e.yourRef])).toEqual([[1001, '2026/7']]);
    // A client that retries without checking books the invoice twice (R10).
    expect(await book(api, refs, { YourRef: '2026/7' })).toBe(1002);
    await expect
      .poll(async () =>
        ((await office.get('/requests')).body as Array<{ path: string; status: unknown }>)
          .filter((e) => e.path.endsWith('salesentry/SalesEntries'))
          .map((e) => e.status),
      )
      .toEqual(['dropped', 201]);
  });

  it('times: null keeps firing until DELETE /__mock/faults', async () => {
    const { office, api } = await startWithApi();
    await office.post('/faults', { path: 'current/Me', status: 503, times: null });
    for (let i = 0; i < 3; i += 1) expect((await api.get(ME)).status).toBe(503);
    expect((await office.get('/faults')).body).toMatchObject([{ times: null, hits: 3 }]);
    const cleared = await office.delete('/faults');
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ cleared: true });
    expect((await office.get('/faults')).body).toEqual([]);
    expect((await api.get(ME)).status).toBe(200);
  });

  it('times: 2 fires twice, and faults match in the order they were added', async () => {
    const { office, api } = await startWithApi();
    await office.post('/faults', { path: 'current/Me', status: 502, times: 2 });
    await office.post('/faults', { path: 'current/Me', status: 503 });
    expect((await api.get(ME)).status).toBe(502);
    expect((await api.get(ME)).status).toBe(502);
    expect((await api.get(ME)).status).toBe(503);
    expect((await api.get(ME)).status).toBe(200);
  });

  it('does not touch the back office itself', async () => {
    const { office } = await start();
    await office.post('/faults', { path: 'faults', status: 500, times: null });
    expect((await office.get('/faults')).status).toBe(200);
  });

  it('refuses an invalid fault with 400 and arms nothing', async () => {
    const { office } = await start();
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { path: 'x' },
        'Invalid body: A fault needs at least one of status, latencyMs or dropAfterCommit. See GET /__mock for the expected body.',
      ],
      [
        { path: 'x', status: 500, dropAfterCommit: true },
        'Invalid body: A fault cannot both answer with a status and drop the answer: choose one. See GET /__mock for the expected body.',
      ],
      [{ status: 500 }, 'Invalid path: Invalid input: expected string, received undefined. See GET /__mock for the expected body.'],
      [{ path: 'x', status: 200 }, 'Invalid status: Too small: expected number to be >=400. See GET /__mock for the expected body.'],
      [{ path: 'x', status: 500, times: 0 }, 'Invalid times: Too small: expected number to be >0. See GET /__mock for the expected body.'],
      [{ path: 'x', method: 'PATCH', status: 500 }, expect.stringMatching(/^Invalid method: /) as unknown as string],
      [{ path: 'x', status: 500, repeat: true }, 'Invalid body: Unrecognized key: "repeat". See GET /__mock for the expected body.'],
    ];
    for (const [body, message] of cases) {
      const res = await office.post('/faults', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toEqual(errorOf('bad_request', message));
    }
    expect((await office.get('/faults')).body).toEqual([]);
  });
});

describe('/__mock/rate-limits', () => {
  it('shows the settings: not enforced, 60 a minute, 5000 a day', async () => {
    const { office } = await start();
    const res = await office.get('/rate-limits');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enforce: false, minutely: 60, daily: 5000 });
  });

  it('switches enforcement on with a lower limit: the API answers 429 once it is used up, with an empty body', async () => {
    const { office, api } = await startWithApi();
    const set = await office.put('/rate-limits', { enforce: true, minutely: 2 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ enforce: true, minutely: 2, daily: 5000 });
    expect((await api.get(ME)).status).toBe(200);
    const last = await api.get(ME);
    expect(last.headers['x-ratelimit-minutely-remaining']).toBe('0');
    const refused = await api.get(ME);
    expect(refused.status).toBe(429);
    expect(refused.text).toBe('');
    // Next minute the limit is back.
    await office.post('/clock/advance', { minutes: 1 });
    expect((await api.get(ME)).status).toBe(200);
  });

  it('switching enforcement off lets every call through again', async () => {
    const { office, api } = await startWithToken({ rateLimits: { enforce: true, minutely: 1 } });
    expect((await api.get(ME)).status).toBe(200);
    expect((await api.get(ME)).status).toBe(429);
    expect((await office.put('/rate-limits', { enforce: false })).body).toEqual({ enforce: false, minutely: 1, daily: 5000 });
    expect((await api.get(ME)).status).toBe(200);
    expect((await api.get(ME)).status).toBe(200);
  });

  it('refuses limits that are not positive whole numbers and unknown fields', async () => {
    const { office } = await start();
    for (const body of [{ minutely: 0 }, { daily: 1.5 }, { enforce: 'yes' }, { hourly: 10 }]) {
      const res = await office.put('/rate-limits', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    expect((await office.get('/rate-limits')).body).toEqual({ enforce: false, minutely: 60, daily: 5000 });
  });
});

describe('/__mock/requests', () => {
  it('records method, path (with query) and status of API and back-office requests, oldest first', async () => {
    const { office, api } = await startWithApi();
    await office.delete('/requests');
    await api.get(`${ME}?$select=UserID`);
    await office.get('/nope');
    await api.post('salesentry/SalesEntries', { Journal: '70' });
    const log = (await office.get('/requests')).body as Array<{
      at: string;
      method: string;
      path: string;
      status: number;
      durationMs: number;
    }>;
    expect(log.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'DELETE', path: '/__mock/requests', status: 200 },
      { method: 'GET', path: '/api/v1/current/Me?$select=UserID', status: 200 },
      { method: 'GET', path: '/__mock/nope', status: 404 },
      { method: 'POST', path: '/api/v1/100001/salesentry/SalesEntries', status: 400 },
    ]);
    expect(log.every((e) => e.at === '2026-03-02T09:00:00.000Z' && typeof e.durationMs === 'number')).toBe(true);
  });

  it('keeps only the latest requestLogSize requests and answers ?limit with the latest ones', async () => {
    const { office } = await start({ requestLogSize: 5 });
    for (let i = 1; i <= 7; i += 1) await office.get(`/nope-${i}`);
    const log = (await office.get('/requests')).body as Array<{ path: string }>;
    expect(log.map((e) => e.path)).toEqual(['/__mock/nope-3', '/__mock/nope-4', '/__mock/nope-5', '/__mock/nope-6', '/__mock/nope-7']);
    const latest = (await office.get('/requests?limit=2')).body as Array<{ path: string }>;
    expect(latest.map((e) => e.path)).toEqual(['/__mock/nope-7', '/__mock/requests']);
    const ignoredLimit = (await office.get('/requests?limit=abc')).body as unknown[];
    expect(ignoredLimit).toHaveLength(5);
  });

  it('DELETE empties the log', async () => {
    const { office } = await start();
    await office.get('/nope');
    const res = await office.delete('/requests');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cleared: true });
    const log = (await office.get('/requests')).body as Array<{ method: string; path: string }>;
    expect(log.map((e) => `${e.method} ${e.path}`)).toEqual(['DELETE /__mock/requests']);
  });
});

describe('editing a booking by hand (R11: edits are made in the bookkeeping tool)', () => {
  it('replaces the lines and keeps the booking number, recomputing VAT', async () => {
    const { office } = await start();
    const booked = await handBook(office);
    const res = await office.put(`${ENTRIES_70}/${booked.entryNumber}/lines`, {
      lines: [{ glAccountCode: '700000', amountCents: 50000, vatCode: '21', description: 'corrected' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ entryNumber: booked.entryNumber, netCents: 50000, vatCents: 10500, totalCents: 60500 });
    expect(res.body.lines).toEqual([
      { lineNumber: 1, description: 'corrected', glAccount: '700000', netCents: 50000, vatCode: '21', vatCents: 10500 },
    ]);
  });

  it('refuses an edit in a closed period and a line on a non-revenue account, changing nothing', async () => {
    const { office } = await start();
    const booked = await handBook(office);
    const bad = await office.put(`${ENTRIES_70}/${booked.entryNumber}/lines`, { lines: [{ glAccountCode: '604000', amountCents: 1 }] });
    expect(bad.body).toEqual(errorOf('invalid_gl_account_type', 'Invalid: G/L account type'));
    await office.put('/divisions/100001/periods/2026/3', { closed: true });
    const closed = await office.put(`${ENTRIES_70}/${booked.entryNumber}/lines`, { lines: [{ glAccountCode: '700000', amountCents: 1 }] });
    expect(closed.body).toEqual(errorOf('period_closed', 'Period is closed'));
    const entries = await office.get(ENTRIES_70);
    expect(entries.body[0].totalCents).toBe(96800);
  });
});

describe('back-office lists of an unknown division', () => {
  it('answer 404 like a journal of it does', async () => {
    const { office } = await start();
    for (const path of ['/divisions/999999/journals', '/divisions/999999/accounts']) {
      const res = await office.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorOf('not_found', 'Record not found: division 999999'));
    }
  });
});

describe('the next booking number when numbering per year', () => {
  it('sets and shows the counter of the current year when no year is given', async () => {
    const { office } = await start({ numbering: { perYear: true } });
    const set = await office.put('/divisions/100001/journals/70/next-booking-number', { value: 1500 });
    expect(set.body.nextBookingNumber).toBe(1500);
    expect(set.body.nextBookingNumberByYear).toEqual({ '2026': 1500 });
    expect((await office.get('/divisions/100001/journals/70')).body.nextBookingNumber).toBe(1500);
    expect((await handBook(office)).entryNumber).toBe(1500);
  });
});
