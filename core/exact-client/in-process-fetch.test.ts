import type { RequestListener } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockRoutes } from '../../mock-accounting/app.js';
import { createClock, startMockServer, type MockServer } from '../../mock-accounting/index.js';
import { watchPrototypes, type PrototypedHandler } from '../../test/support/prototype-watch.js';
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
    await mockRoutes();
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

describe("a mock server's handler whose routes are not loaded yet (issue 16: Express loads at the first request)", () => {
  it('answers its first request, and the same fetch makes the later ones of the prototypes the routes bring', async () => {
    vi.resetModules(); // a module registry of its own: this process's routes are not loaded in it
    const fresh = await (await import('../../mock-accounting/index.js')).startMockServer({ listen: false });
    try {
      const handler = fresh.handler as PrototypedHandler;
      expect(handler.request).toBeUndefined();
      const madeOfRoutes: boolean[] = [];
      const watched = Object.defineProperties(
        (req: Parameters<RequestListener>[0], res: Parameters<RequestListener>[1]) => {
          madeOfRoutes.push(handler.request !== undefined && Object.getPrototypeOf(req) === handler.request);
          handler(req, res);
        },
        { request: { get: () => handler.request }, response: { get: () => handler.response } },
      );
      const fetch = inProcessFetch(watched);
      const first = await fetch(`${fresh.url}/`, { method: 'GET' });
      expect(first.status).toBe(200);
      expect(JSON.parse(await first.text())).toMatchObject({ api: '/api/v1', backOffice: '/__mock' });
      expect(handler.request).toBeDefined();
      expect((await fetch(`${fresh.url}/nowhere`, { method: 'GET' })).status).toBe(404);
      expect(madeOfRoutes).toEqual([false, true]);
    } finally {
      await fresh.close();
    }
  });
});
