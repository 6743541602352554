import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer, RequestLogEntry } from '../mock-accounting/index.js';
import { apiClient, connectDemoApp, type ApiClient } from './support/mock.js';
import { backOffice, envelope, startConnected } from './support/mock-api-fixtures.js';

// exact-api.md §3: "At most 10 errors (400/401/403/404) per key, user, company, endpoint and hour; more errors block
// the key for about 1 h." A switch like the rate limits (PUT /__mock/error-budget), off by default, on the server clock.

const MISSING = "crm/Accounts(guid'00000000-0000-4000-8000-000000000000')";
const MINUTE = 60_000;
/** Errors come 20 s apart: eleven fit in the access token's 10 minutes. */
const STEP = 20_000;

describe('the error budget', () => {
  let mock: MockServer;
  let api: ApiClient;
  let other: ApiClient;
  let accessToken: string;
  afterEach(() => mock.close());

  async function start() {
    ({ mock, api, other, accessToken } = await startConnected());
  }

  /** The request log's entries for the API, oldest first. */
  async function logged(): Promise<RequestLogEntry[]> {
    const entries = (await backOffice(mock).get('/__mock/requests')).body as RequestLogEntry[];
    return entries.filter((e) => e.path.startsWith('/api/v1/'));
  }

  /** `count` requests for an account that does not exist (404), 20 s apart on the server clock. */
  async function notFoundErrors(count: number) {
    const statuses: number[] = [];
    for (let i = 0; i < count; i += 1) {
      statuses.push((await api.get(MISSING)).status);
      mock.clock.advance(STEP);
    }
    return statuses;
  }

  it('is off by default: an 11th and 12th error an hour are answered as usual and nothing is blocked, though counted', async () => {
    await start();
    expect(await notFoundErrors(12)).toEqual(Array(12).fill(404));
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(200);
    const view = await backOffice(mock).get('/__mock/error-budget');
    expect(view.body).toMatchObject({ enforce: false, errors: 10, windowMinutes: 60, blockMinutes: 60, blockStatus: 429 });
    expect(view.body.keys).toEqual([
      {
        clientId: 'booklab-demo',
        userId: expect.any(String),
        division: 100001,
        endpoint: 'crm/Accounts',
        errorsInWindow: 12,
        blockedUntil: null,
      },
    ]);
    expect((await logged()).every((e) => e.note === undefined)).toBe(true);
  });

  it('switched on: blocked at the 11th error within the hour for (app, user, division, endpoint), free again after the hour', async () => {
    await start();
    const switched = await backOffice(mock).put('/__mock/error-budget').send({ enforce: true });
    expect(switched.status).toBe(200);
    expect(switched.body).toEqual({ enforce: true, errors: 10, windowMinutes: 60, blockMinutes: 60, blockStatus: 429, keys: [] });
    await backOffice(mock).delete('/__mock/requests');

    // 09:00:00 … 09:03:20: eleven errors. All are answered as usual; the 11th blocks the key for an hour.
    expect(await notFoundErrors(11)).toEqual(Array(11).fill(404));
    const notes = (await logged()).map((e) => e.note);
    expect(notes.slice(0, 10)).toEqual(
      Array.from({ length: 10 }, (_, i) => `error budget: ${i + 1} of 10 errors in 60 min (crm/Accounts)`),
    );
    expect(notes[10]).toBe('error budget: 11 errors in 60 min (crm/Accounts), more than 10: blocked until 2026-03-02T10:03:20.000Z');

    // 09:03:40: a correct request on that endpoint is refused, with Exact's rate-limit headers; other endpoints and divisions are not.
    const blocked = await api.get('crm/Accounts?$select=Code');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual(
      envelope(
        'Too many errors: more than 10 answers 400, 401, 403 or 404 within 60 minutes for this app, user, division and endpoint (crm/Accounts). ' +
          'The app is blocked on this endpoint until 2026-03-02T10:03:20.000Z; correct the failing requests before sending them again.',
      ),
    );
    expect(blocked.headers['x-ratelimit-minutely-limit']).toBe('60');
    expect(blocked.headers['x-ratelimit-limit']).toBe('5000');
    expect((await api.post('crm/Accounts', { Name: 'Blocked' })).status).toBe(429);
    expect((await api.get(`crm/Accounts(guid'00000000-0000-4000-8000-000000000001')`)).status).toBe(429);
    expect((await api.get('financial/Journals?$select=Code')).status).toBe(200);
    expect((await other.get('crm/Accounts?$select=Code')).status).toBe(200);
    expect((await logged()).at(-5)).toMatchObject({
      status: 429,
      note: 'error budget: blocked until 2026-03-02T10:03:20.000Z (crm/Accounts)',
    });

    // The back office shows the block.
    const view = await backOffice(mock).get('/__mock/error-budget');
    expect(view.body.keys).toEqual([
      {
        clientId: 'booklab-demo',
        userId: expect.any(String),
        division: 100001,
        endpoint: 'crm/Accounts',
        errorsInWindow: 0,
        blockedUntil: '2026-03-02T10:03:20.000Z',
      },
    ]);

    // 10:03:19 still blocked (for the same app and user with a new token); 10:03:20 free, and the key starts again with no errors.
    mock.clock.set(Date.parse('2026-03-02T10:03:19Z'));
    await renewToken();
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(429);
    mock.clock.set(Date.parse('2026-03-02T10:03:20Z'));
    const free = await api.get('crm/Accounts?$select=Code');
    expect(free.status).toBe(200);
    expect(await notFoundErrors(1)).toEqual([404]);
    expect((await logged()).at(-1)?.note).toBe('error budget: 1 of 10 errors in 60 min (crm/Accounts)');
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(200);
  });

  it('counts errors in the last hour only: ten errors, an hour later one more, and nothing is blocked', async () => {
    await start();
    await backOffice(mock).put('/__mock/error-budget').send({ enforce: true });
    expect(await notFoundErrors(10)).toEqual(Array(10).fill(404));
    mock.clock.advance(56 * MINUTE + 50_000); // 10:00:10: the first error (09:00:00) has left the hour, the other nine have not
    await renewToken();
    expect(await notFoundErrors(1)).toEqual([404]);
    expect((await logged()).at(-1)?.note).toBe('error budget: 10 of 10 errors in 60 min (crm/Accounts)');
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(200);
  });

  it('counts 400, 401 and 403 too: refused calls with an expired token block the key, for its next token as well', async () => {
    await start();
    await backOffice(mock).put('/__mock/error-budget').send({ enforce: true, errors: 3 });
    expect((await api.get('crm/Accounts?$filter=(')).status).toBe(400);
    await backOffice(mock).post('/__mock/tokens/expire').send({});
    const expired = [await api.get('crm/Accounts'), await api.get('crm/Accounts'), await api.get('crm/Accounts')].map((r) => r.status);
    expect(expired).toEqual([401, 401, 401]);
    expect((await logged()).at(-1)?.note).toBe(
      'error budget: 4 errors in 60 min (crm/Accounts), more than 3: blocked until 2026-03-02T10:00:00.000Z',
    );
    const renewed = await renewToken();
    expect(renewed).not.toBe(accessToken);
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(429);
  });

  it('answers a blocked key with the status chosen in PUT /__mock/error-budget, since Exact does not document it', async () => {
    await start();
    await backOffice(mock).put('/__mock/error-budget').send({ enforce: true, errors: 1, blockStatus: 403 });
    expect(await notFoundErrors(2)).toEqual([404, 404]);
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(403);
    expect((await backOffice(mock).put('/__mock/error-budget').send({ blockStatus: 200 })).status).toBe(400);
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(403);
    // New settings clear the counts and blocks, as new rate limits do.
    expect((await backOffice(mock).put('/__mock/error-budget').send({ blockStatus: 429 })).status).toBe(200);
    expect((await api.get('crm/Accounts?$select=Code')).status).toBe(200);
  });

  /** A new token for the same app and user (the old one outlived its 10 minutes), swapped into `api`. */
  async function renewToken(): Promise<string> {
    const connected = await connectDemoApp(mock.url);
    api = apiClient(mock.url, connected.accessToken, 100001);
    return connected.accessToken;
  }
});
