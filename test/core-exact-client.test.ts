import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ExactClient,
  FOCUS_APP,
  httpFetch,
  inProcessFetch,
  memoryTokenStore,
  type FetchLike,
  type TokenSet,
  type TokenStore,
} from '../core/index.js';
import { createClock, DEMO_DIVISIONS, startMockServer, type Clock, type MockServer } from '../mock-accounting/index.js';
import { TRANSPORTS } from './support/world.js';

// The Exact client end to end against the real mock server (the demo seed, a frozen clock), over real sockets and
// handed to the server in this process (the in-process transport), which must behave alike, faults included.

const START = '2026-03-02T09:00:00Z';
const NOW = Date.parse(START);
const MINUTE = 60_000;
const DIVISION = DEMO_DIVISIONS.main;

interface LoggedRequest {
  method: string;
  path: string;
  status: number | 'dropped';
}

describe.each(TRANSPORTS)('ExactClient against the mock accounting server (%s)', (transport) => {
  let mock: MockServer;
  let clock: Clock;
  let store: TokenStore;
  let exact: ExactClient;
  /** How this run reaches the server, for the test's own calls too. */
  let send: FetchLike;

  beforeEach(async () => {
    clock = createClock({ start: START, frozen: true });
    mock = await startMockServer({ clock, listen: transport === 'http' });
    send = transport === 'http' ? httpFetch : inProcessFetch(mock.handler);
    store = memoryTokenStore();
    exact = new ExactClient({ baseUrl: mock.url, ...FOCUS_APP, clock, tokens: store, sleep: async (ms) => clock.advance(ms), fetch: send });
  });
  afterEach(() => mock.close());

  /** The mock's request log, without the back office's own requests. */
  async function requests(): Promise<LoggedRequest[]> {
    const log = JSON.parse(await (await send(`${mock.url}/__mock/requests`, { method: 'GET' })).text()) as LoggedRequest[];
    return log
      .filter((entry) => !entry.path.startsWith('/__mock'))
      .map(({ method, path, status }) => ({ method, path: path.replace(/\?.*/, ''), status }));
  }

  it('connects, reads journals, creates an account and rotates the refresh token', async () => {
    const connected = await exact.connect();
    expect(connected.ok).toBe(true);
    const first = store.get() as TokenSet;
    expect(first.expiresAt).toBe(NOW + 600_000);
    expect(first.accessToken).not.toBe(first.refreshToken);

    expect(await exact.currentDivision()).toEqual({ ok: true, value: DIVISION });

    const journals = await exact.getAll<{ Code: string }>(DIVISION, 'financial/Journals', { $select: 'Code' });
    expect(journals.ok).toBe(true);
    const codes = journals.ok ? journals.value.map((j) => j.Code) : [];
    expect(codes).toEqual(expect.arrayContaining(['70', '71']));

    const created = await exact.create<{ ID: string; Code: string; Name: string; Created: string }>(DIVISION, 'crm/Accounts', {
      Name: 'Brasserie De Koe',
      Status: 'C',
      Country: 'BE',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(created.value.Name).toBe('Brasserie De Koe');
    expect(created.value.Created).toBe('2026-03-02T09:00:00.000Z'); // a /Date(ms)/ on the wire, ISO here
    const readBack = await exact.getOne<{ Name: string }>(DIVISION, `crm/Accounts(guid'${created.value.ID}')`);
    expect(readBack).toMatchObject({ ok: true, value: { Name: 'Brasserie De Koe' } });
    expect(Object.values(mock.store.state.accounts).filter((a) => a.name === 'Brasserie De Koe')).toHaveLength(1);

    // Rotation: each refresh hands out a new refresh token and spends the one sent.
    clock.advance(10 * MINUTE);
    expect((await exact.refresh()).ok).toBe(true);
    const second = store.get() as TokenSet;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.expiresAt).toBe(NOW + 20 * MINUTE);
    clock.advance(10 * MINUTE);
    expect((await exact.refresh()).ok).toBe(true);
    expect(store.get()?.refreshToken).not.toBe(second.refreshToken);

    // A copy of the client still holding the first refresh token is refused.
    const stale = new ExactClient({ baseUrl: mock.url, ...FOCUS_APP, clock, tokens: memoryTokenStore(first), fetch: send });
    expect(await stale.refresh()).toEqual({
      ok: false,
      problem: { code: 'oauth', status: 401, error: 'unauthorized_client', message: 'Old refresh token used.' },
    });
  });

  it('refreshes an expired access token before the call, so the API never answers 401', async () => {
    expect((await exact.connect()).ok).toBe(true);
    const before = store.get() as TokenSet;

    clock.advance(11 * MINUTE);
    const journals = await exact.getAll(DIVISION, 'financial/Journals');

    expect(journals.ok).toBe(true);
    const after = store.get() as TokenSet;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.expiresAt).toBe(NOW + 11 * MINUTE + 600_000);
    // The old access token really is dead on the server: the refresh was needed.
    const old = await send(`${mock.url}/api/v1/${DIVISION}/financial/Journals`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${before.accessToken}`, Accept: 'application/json' },
    });
    expect(old.status).toBe(401);
    expect(await requests()).toEqual([
      { method: 'GET', path: '/api/oauth2/auth', status: 302 },
      { method: 'POST', path: '/api/oauth2/token', status: 200 },
      { method: 'POST', path: '/api/oauth2/token', status: 200 },
      { method: 'GET', path: `/api/v1/${DIVISION}/financial/Journals`, status: 200 },
      { method: 'GET', path: `/api/v1/${DIVISION}/financial/Journals`, status: 401 },
    ]);
  });

  it('recovers from an access token the server dropped early with one refresh and one retry', async () => {
    expect((await exact.connect()).ok).toBe(true);
    const before = store.get() as TokenSet;
    // The server ends the token early (the back office's expire-now); the client still thinks it has 10 minutes.
    const expired = await send(`${mock.url}/__mock/tokens/expire`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(expired.status).toBe(200);

    expect((await exact.getAll(DIVISION, 'financial/Journals')).ok).toBe(true);
    expect(store.get()?.accessToken).not.toBe(before.accessToken);
    expect((await requests()).slice(2)).toEqual([
      { method: 'GET', path: `/api/v1/${DIVISION}/financial/Journals`, status: 401 },
      { method: 'POST', path: '/api/oauth2/token', status: 200 },
      { method: 'GET', path: `/api/v1/${DIVISION}/financial/Journals`, status: 200 },
    ]);
  });

  describe('faults the back office injects', () => {
    async function addFault(fault: Record<string, unknown>): Promise<void> {
      const added = await send(`${mock.url}/__mock/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(fault),
      });
      expect(added.status, await added.text()).toBe(201);
    }

    it('a cut connection after the commit is a network error, though the server stored the change', async () => {
      expect((await exact.connect()).ok).toBe(true);
      await addFault({ method: 'POST', path: 'crm/Accounts', dropAfterCommit: true });
      const created = await exact.create(DIVISION, 'crm/Accounts', { Name: 'Answer Lost BV', Status: 'C', Country: 'BE' });
      expect(created).toEqual({
        ok: false,
        problem: {
          code: 'network',
          message: `The connection to ${mock.url} failed (ECONNRESET); the request may or may not have been carried out.`,
        },
      });
      expect(Object.values(mock.store.state.accounts).filter((a) => a.name === 'Answer Lost BV')).toHaveLength(1);
      expect((await requests()).at(-1)).toEqual({ method: 'POST', path: `/api/v1/${DIVISION}/crm/Accounts`, status: 'dropped' });
      // The next call goes through as usual.
      expect((await exact.getAll(DIVISION, 'financial/Journals', { $select: 'Code' })).ok).toBe(true);
    });

    it('an injected status is an error answer, a 401 is refreshed and retried, a 429 waited for, a delay only delays', async () => {
      expect((await exact.connect()).ok).toBe(true);
      await addFault({ method: 'GET', path: 'financial/Journals', status: 503 });
      expect(await exact.getAll(DIVISION, 'financial/Journals')).toEqual({
        ok: false,
        problem: { code: 'rejected', status: 503, message: 'Injected fault: HTTP 503.' },
      });
      await addFault({ method: 'GET', path: 'financial/Journals', status: 401 });
      await addFault({ method: 'GET', path: 'financial/Journals', status: 429, latencyMs: 20 });
      const before = clock.now();
      expect((await exact.getAll(DIVISION, 'financial/Journals', { $select: 'Code' })).ok).toBe(true);
      expect(clock.now() - before).toBe(MINUTE);
      expect((await requests()).slice(-5).map((r) => `${r.method} ${r.path.replace(`/api/v1/${DIVISION}/`, '')} ${r.status}`)).toEqual([
        'GET financial/Journals 503',
        'GET financial/Journals 401',
        'POST /api/oauth2/token 200',
        'GET financial/Journals 429',
        'GET financial/Journals 200',
      ]);
    });
  });
});
