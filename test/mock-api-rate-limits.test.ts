import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import { apiClient, connectDemoApp, type ApiClient } from './support/mock.js';
import { backOffice, startConnected } from './support/mock-api-fixtures.js';

// exact-api.md §3: the six X-RateLimit-* headers, per-division windows on the mock's clock, and 429 when enforced.

describe('rate limits', () => {
  let mock: MockServer;
  let api: ApiClient;
  let other: ApiClient;
  afterEach(() => mock.close());

  const NEXT_MINUTE = String(Date.parse('2026-03-02T09:01:00Z'));
  const NEXT_MIDNIGHT = String(Date.parse('2026-03-03T00:00:00Z'));
  /** The six headers after one counted call in the minute and the day. */
  const AFTER_ONE_CALL = {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': NEXT_MIDNIGHT,
    'x-ratelimit-minutely-limit': '60',
    'x-ratelimit-minutely-remaining': '59',
    'x-ratelimit-minutely-reset': NEXT_MINUTE,
  };

  it('sends all six X-RateLimit-* headers; resets are epoch ms of the next whole minute and the next UTC midnight', async () => {
    ({ mock, api } = await startConnected());
    mock.clock.advance(25_000); // 09:00:25Z, like the 08:18:25Z request in pq#609
    const first = await api.get('financial/Journals');
    expect(first.status).toBe(200);
    expect(first.headers).toMatchObject(AFTER_ONE_CALL);
    const second = await api.get('/api/v1/current/Me');
    expect(second.headers['x-ratelimit-remaining']).toBe('4998');
    expect(second.headers['x-ratelimit-minutely-remaining']).toBe('58');
  });

  it('sends the headers on error answers too, and counts per division', async () => {
    ({ mock, api, other } = await startConnected());
    const bad = await api.get('crm/Accounts?$filter=(');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-ratelimit-minutely-remaining']).toBe('59');
    const otherDivision = await other.get('crm/Accounts');
    expect(otherDivision.headers['x-ratelimit-minutely-remaining']).toBe('59');
    expect(otherDivision.headers['x-ratelimit-remaining']).toBe('4999');
  });

  it("sends the six headers on 401 and 403 answers too, for the caller's app and division, without counting the refused call", async () => {
    const connected = await startConnected();
    ({ mock, api } = connected);
    await api.get('financial/Journals');
    const forbidden = await apiClient(mock.url, connected.accessToken, 999999).get('financial/Journals');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers).toMatchObject({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '5000',
      'x-ratelimit-minutely-remaining': '60',
    });
    await backOffice(mock).post('/__mock/tokens/expire').send({});
    const expired = await api.get('financial/Journals');
    expect(expired.status).toBe(401);
    expect(expired.headers).toMatchObject(AFTER_ONE_CALL);
    // An unknown token names no app: the headers show an untouched allowance.
    const stranger = await apiClient(mock.url, 'not-a-token', 100001).get('financial/Journals');
    expect(stranger.status).toBe(401);
    expect(stranger.headers).toMatchObject({
      'x-ratelimit-remaining': '5000',
      'x-ratelimit-minutely-remaining': '60',
      'x-ratelimit-reset': NEXT_MIDNIGHT,
    });
    const { accessToken } = await connectDemoApp(mock.url);
    expect((await apiClient(mock.url, accessToken, 100001).get('financial/Journals')).headers['x-ratelimit-remaining']).toBe('4998');
  });

  it('starts a new minute window when the clock passes the minute: remaining is back to the limit - 1', async () => {
    ({ mock, api } = await startConnected());
    await api.get('financial/Journals');
    await api.get('financial/Journals');
    mock.clock.advance(60_000);
    const answer = await api.get('financial/Journals');
    expect(answer.headers['x-ratelimit-minutely-remaining']).toBe('59');
    expect(answer.headers['x-ratelimit-minutely-reset']).toBe(String(Date.parse('2026-03-02T09:02:00Z')));
    expect(answer.headers['x-ratelimit-remaining']).toBe('4997');
  });

  it('does not enforce the limit by default: the 61st call in a minute still succeeds', async () => {
    ({ mock, api } = await startConnected());
    for (let i = 0; i < 60; i += 1) await api.get('financial/Journals');
    const answer = await api.get('financial/Journals');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-ratelimit-minutely-remaining']).toBe('0');
  });

  it('with enforcement on, the 4th call in a minute is 429 with an empty body and only the minutely headers; a minute later it works', async () => {
    ({ mock, api, other } = await startConnected());
    const settings = await backOffice(mock).put('/__mock/rate-limits').send({ enforce: true, minutely: 3 });
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ enforce: true, minutely: 3, daily: 5000 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const ok = await api.get('financial/Journals');
      expect(ok.status).toBe(200);
      remaining.push(ok.headers['x-ratelimit-minutely-remaining'] as string);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await api.get('financial/Journals');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('');
    expect(limited.headers['x-ratelimit-minutely-limit']).toBe('3');
    expect(limited.headers['x-ratelimit-minutely-remaining']).toBe('0');
    expect(limited.headers['x-ratelimit-minutely-reset']).toBe(NEXT_MINUTE);
    expect(limited.headers['x-ratelimit-limit']).toBeUndefined();
    expect(limited.headers['x-ratelimit-remaining']).toBeUndefined();
    expect(limited.headers['x-ratelimit-reset']).toBeUndefined();
    const post = await api.post('crm/Accounts', { Name: 'Throttled' });
    expect(post.status).toBe(429);
    expect((await other.get('financial/Journals')).status).toBe(200);

    mock.clock.advance(60_000);
    const again = await api.get('financial/Journals');
    expect(again.status).toBe(200);
    expect(again.headers['x-ratelimit-minutely-remaining']).toBe('2');
    expect((await api.get("crm/Accounts?$filter=Name eq 'Throttled'")).body.d.results).toEqual([]);
  });

  it('with enforcement on, the daily limit gives 429 with an empty body until the next UTC day', async () => {
    ({ mock, api } = await startConnected());
    await backOffice(mock).put('/__mock/rate-limits').send({ enforce: true, daily: 2 });
    expect((await api.get('financial/Journals')).status).toBe(200);
    expect((await api.get('financial/Journals')).status).toBe(200);
    mock.clock.advance(60_000);
    const limited = await api.get('financial/Journals');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('');
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(limited.headers['x-ratelimit-reset']).toBe(NEXT_MIDNIGHT);
    mock.clock.set(Date.parse('2026-03-03T00:00:00Z'));
    const { accessToken } = await connectDemoApp(mock.url); // the morning's token has long expired
    const tomorrow = await apiClient(mock.url, accessToken, 100001).get('financial/Journals');
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.headers['x-ratelimit-remaining']).toBe('1');
  });
});
