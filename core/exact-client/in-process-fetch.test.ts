import type { RequestListener } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, startMockServer, type MockServer } from '../../mock-accounting/index.js';
import { watchPrototypes } from '../../test/support/prototype-watch.js';
import { inProcessFetch } from './in-process-fetch.js';

let mock: MockServer;

beforeEach(async () => {
  mock = await startMockServer({ clock: createClock({ start: '2026-03-02T09:00:00Z', frozen: true }), listen: false });
});
afterEach(() => mock.close());

/** The mock's handler behind a plain function, which carries no prototypes of its own. */
function plain(handler: RequestListener): RequestListener {
  return (req, res) => handler(req, res);
}

/** An answer as the client reads it, without the Date header (the wall clock's). */
async function read(answer: Awaited<ReturnType<ReturnType<typeof inProcessFetch>>>) {
  const headers = ['content-type', 'content-length', 'location', 'x-ratelimit-remaining'].map((name) => answer.headers.get(name));
  return { status: answer.status, headers, text: await answer.text() };
}

describe('inProcessFetch and the handler’s own prototypes', () => {
  it("hands Express requests and responses made of its app's prototypes already", async () => {
    const { watched, seen } = watchPrototypes(mock.handler);
    const answer = await inProcessFetch(watched)(`${mock.url}/`, { method: 'GET' });
    expect(answer.status).toBe(200);
    expect(seen).toEqual([true, true]);
  });

  it('answers byte for byte as requests made by Node’s classes are answered, a refusal and a 404 included', async () => {
    const calls: Array<[string, RequestInit]> = [
      [`${mock.url}/`, { method: 'GET' }],
      [
        `${mock.url}/__mock/clock`,
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"now":"2026-03-02T10:00:00Z"}' },
      ],
      [`${mock.url}/__mock/clock`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"now":"soon"}' }],
      [`${mock.url}/api/v1/1/financial/Journals`, { method: 'GET', headers: { Authorization: 'Bearer nope' } }],
      [`${mock.url}/nowhere`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
    ];
    const made = inProcessFetch(mock.handler);
    const byNode = inProcessFetch(plain(mock.handler));
    for (const [url, init] of calls) expect(await read(await made(url, init))).toEqual(await read(await byNode(url, init)));
  });

  it('makes requests by Node’s classes for a handler without prototypes of its own', async () => {
    const handler: RequestListener = (req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`${req.method} ${req.url}`);
    const answer = await inProcessFetch(handler)('http://in-process.localhost/x?y=1', { method: 'GET' });
    expect(await answer.text()).toBe('GET /x?y=1');
  });
});
