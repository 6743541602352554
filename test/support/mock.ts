import request from 'supertest';
import { createClock, DEMO_CLIENT, startMockServer, type MockServer, type StartMockServerOptions } from '../../mock-accounting/index.js';

/** The demo app's redirect URI used by the tests. */
export const REDIRECT_URI = 'http://localhost:8765/callback';

/** A frozen clock on a fixed day, so tests give the same numbers every run. */
export function testClock(start = '2026-03-02T09:00:00Z') {
  return createClock({ start, frozen: true });
}

/** Starts a mock server on 127.0.0.1:0 with the demo seed and a frozen clock; close it in afterEach. */
export function startTestMock(options: StartMockServerOptions = {}): Promise<MockServer> {
  return startMockServer({ clock: testClock(), ...options });
}

/** Runs the OAuth code flow against the mock and returns the tokens. */
export async function connectDemoApp(url: string, { state = 'xyz' } = {}) {
  const auth = await request(url)
    .get('/api/oauth2/auth')
    .query({ client_id: DEMO_CLIENT.id, redirect_uri: REDIRECT_URI, response_type: 'code', state });
  const location = new URL(auth.headers.location as string);
  const code = location.searchParams.get('code')!;
  const token = await request(url).post('/api/oauth2/token').type('form').send({
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: DEMO_CLIENT.id,
    client_secret: DEMO_CLIENT.secret,
  });
  return {
    accessToken: token.body.access_token as string,
    refreshToken: token.body.refresh_token as string,
    response: token,
    location,
  };
}

/** An authorised API client for one division: `api.get('salesentry/SalesEntries')`. */
export function apiClient(url: string, accessToken: string, division: number) {
  const path = (p: string) => (p.startsWith('/') ? p : `/api/v1/${division}/${p}`);
  const absolute = (u: string) => new URL(u);
  const auth = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
  return {
    get: (p: string) => request(url).get(path(p)).set(auth),
    /** Follows an absolute URL the server gave (`__next`, `__deferred.uri`). */
    follow: (u: string) =>
      request(absolute(u).origin)
        .get(absolute(u).pathname + absolute(u).search)
        .set(auth),
    post: (p: string, body: unknown) =>
      request(url)
        .post(path(p))
        .set(auth)
        .set('Prefer', 'return=representation')
        .send(body as object),
    put: (p: string, body: unknown) =>
      request(url)
        .put(path(p))
        .set(auth)
        .send(body as object),
    delete: (p: string) => request(url).delete(path(p)).set(auth),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
