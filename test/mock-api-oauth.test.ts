import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, DEMO_DIVISIONS, type MockServer } from '../mock-accounting/index.js';
import { apiClient, connectDemoApp, REDIRECT_URI, startTestMock } from './support/mock.js';

// exact-api.md §2: the authorize and token endpoints, token lifetimes on the mock's clock, and 401s on the API.

const MINUTE = 60_000;
const DAY = 86_400_000;

function authorize(mock: MockServer, query: Record<string, string>) {
  return request(mock.url).get('/api/oauth2/auth').query(query);
}

function token(mock: MockServer, form: Record<string, string>) {
  return request(mock.url).post('/api/oauth2/token').type('form').send(form);
}

function codeGrant(mock: MockServer, code: string, redirectUri = REDIRECT_URI) {
  return token(mock, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: DEMO_CLIENT.id,
    client_secret: DEMO_CLIENT.secret,
  });
}

function refreshGrant(mock: MockServer, refreshToken: string) {
  return token(mock, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: DEMO_CLIENT.id,
    client_secret: DEMO_CLIENT.secret,
  });
}

async function newCode(mock: MockServer, redirectUri = REDIRECT_URI): Promise<string> {
  const auth = await authorize(mock, { client_id: DEMO_CLIENT.id, redirect_uri: redirectUri, response_type: 'code' });
  expect(auth.status).toBe(302);
  return new URL(auth.headers.location as string).searchParams.get('code')!;
}

function me(mock: MockServer, accessToken: string) {
  return apiClient(mock.url, accessToken, DEMO_DIVISIONS.main).get('/api/v1/current/Me');
}

describe('OAuth: the authorize endpoint', () => {
  let mock: MockServer;
  afterEach(() => mock.close());

  it('redirects back (302) with a code and the state, keeping the query parameters of the redirect URI', async () => {
    mock = await startTestMock();
    const auth = await authorize(mock, {
      client_id: DEMO_CLIENT.id,
      redirect_uri: 'http://localhost:8765/callback?tenant=acme&step=2',
      response_type: 'code',
      force_login: '0',
      state: 'abc 123',
    });
    expect(auth.status).toBe(302);
    const location = new URL(auth.headers.location as string);
    expect(location.origin + location.pathname).toBe('http://localhost:8765/callback');
    expect(location.searchParams.get('tenant')).toBe('acme');
    expect(location.searchParams.get('step')).toBe('2');
    expect(location.searchParams.get('state')).toBe('abc 123');
    expect(location.searchParams.get('code')).toMatch(/^\S{20,}$/);
    expect(location.hash).toBe('');
  });

  it('gives a different code on each authorization', async () => {
    mock = await startTestMock();
    expect(await newCode(mock)).not.toBe(await newCode(mock));
  });

  it('accepts a redirect URI on 127.0.0.1 and [::1] as well as localhost', async () => {
    mock = await startTestMock();
    const v4 = await authorize(mock, { client_id: DEMO_CLIENT.id, redirect_uri: 'http://127.0.0.1:9000/cb', response_type: 'code' });
    expect(v4.status).toBe(302);
    expect(v4.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:9000\/cb\?code=/);
    const v6 = await authorize(mock, { client_id: DEMO_CLIENT.id, redirect_uri: 'http://[::1]:9000/cb', response_type: 'code' });
    expect(v6.status).toBe(302);
    expect(v6.headers.location).toMatch(/^http:\/\/\[::1\]:9000\/cb\?code=/);
  });

  it('implicit flow (response_type=token): puts the bearer token in the fragment, not in the query, and it works on the API', async () => {
    mock = await startTestMock();
    const auth = await authorize(mock, { client_id: DEMO_CLIENT.id, redirect_uri: REDIRECT_URI, response_type: 'token', state: 's1' });
    expect(auth.status).toBe(302);
    const location = new URL(auth.headers.location as string);
    expect(location.search).toBe('');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('expires_in')).toBe('600');
    expect(fragment.get('state')).toBe('s1');
    expect(fragment.get('code')).toBeNull();
    const answer = await me(mock, fragment.get('access_token')!);
    expect(answer.status).toBe(200);
  });

  it('refuses an unknown client with 400 invalid_request and no redirect', async () => {
    mock = await startTestMock();
    const auth = await authorize(mock, { client_id: 'no-such-app', redirect_uri: REDIRECT_URI, response_type: 'code' });
    expect(auth.status).toBe(400);
    expect(auth.headers.location).toBeUndefined();
    expect(auth.body.error).toBe('invalid_request');
  });

  it('refuses a redirect URI that is not on localhost with 400 and no redirect', async () => {
    mock = await startTestMock();
    const auth = await authorize(mock, {
      client_id: DEMO_CLIENT.id,
      redirect_uri: 'https://evil.example.com/callback',
      response_type: 'code',
    });
    expect(auth.status).toBe(400);
    expect(auth.headers.location).toBeUndefined();
    expect(auth.body.error).toBe('invalid_request');
    expect(auth.body.error_description).toContain('https://evil.example.com/callback');
    for (const uri of ['http://localhost.evil.com/cb', 'http://evil.com/?next=http://localhost/', 'ftp://localhost/cb', 'not a url']) {
      const refused = await authorize(mock, { client_id: DEMO_CLIENT.id, redirect_uri: uri, response_type: 'code' });
      expect(refused.status, uri).toBe(400);
      expect(refused.headers.location, uri).toBeUndefined();
    }
  });

  it('refuses a missing redirect URI and an unknown response type with 400', async () => {
    mock = await startTestMock();
    const missing = await authorize(mock, { client_id: DEMO_CLIENT.id, response_type: 'code' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: 'invalid_request', error_description: 'Missing parameter: redirect_uri.' });
    const odd = await authorize(mock, { client_id: DEMO_CLIENT.id, redirect_uri: REDIRECT_URI, response_type: 'id_token' });
    expect(odd.status).toBe(400);
    expect(odd.body.error).toBe('unsupported_response_type');
  });
});

describe('OAuth: the token endpoint', () => {
  let mock: MockServer;
  afterEach(() => mock.close());

  it('answers the code grant with bearer tokens and expires_in as the digit string "600"', async () => {
    mock = await startTestMock();
    const answer = await codeGrant(mock, await newCode(mock));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(answer.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(answer.body.token_type).toBe('bearer');
    expect(answer.body.expires_in).toBe('600');
    expect(typeof answer.body.access_token).toBe('string');
    expect(answer.body.refresh_token).not.toBe(answer.body.access_token);
    expect((await me(mock, answer.body.access_token)).status).toBe(200);
  });

  it('uses a code once: exchanging it again is 400 invalid_request', async () => {
    mock = await startTestMock();
    const code = await newCode(mock);
    expect((await codeGrant(mock, code)).status).toBe(200);
    const again = await codeGrant(mock, code);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_request');
    expect(again.body.access_token).toBeUndefined();
  });

  it('lets a code expire 3 minutes after it was issued, on the server clock', async () => {
    mock = await startTestMock();
    const fresh = await newCode(mock);
    mock.clock.advance(3 * MINUTE - 1000);
    expect((await codeGrant(mock, fresh)).status).toBe(200);

    const stale = await newCode(mock);
    mock.clock.advance(3 * MINUTE);
    const late = await codeGrant(mock, stale);
    expect(late.status).toBe(400);
    expect(late.body.error).toBe('invalid_request');
  });

  it('refuses a code with another redirect_uri than the one it was issued for (400)', async () => {
    mock = await startTestMock();
    const code = await newCode(mock);
    const mismatch = await codeGrant(mock, code, 'http://localhost:8765/other');
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error).toBe('invalid_request');
  });

  it('refuses an unknown code (400)', async () => {
    mock = await startTestMock();
    const answer = await codeGrant(mock, 'not-a-code');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_request');
  });

  it('rotates refresh tokens: the new one differs, works again, and the old one gets 401 "Old refresh token used."', async () => {
    mock = await startTestMock();
    const first = await connectDemoApp(mock.url);
    const refreshed = await refreshGrant(mock, first.refreshToken);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token_type).toBe('bearer');
    expect(refreshed.body.expires_in).toBe('600');
    expect(refreshed.body.refresh_token).not.toBe(first.refreshToken);
    expect(refreshed.body.access_token).not.toBe(first.accessToken);
    expect((await me(mock, refreshed.body.access_token)).status).toBe(200);

    const old = await refreshGrant(mock, first.refreshToken);
    expect(old.status).toBe(401);
    expect(old.body).toEqual({ error: 'unauthorized_client', error_description: 'Old refresh token used.' });

    const next = await refreshGrant(mock, refreshed.body.refresh_token);
    expect(next.status).toBe(200);
  });

  it('lets an unused refresh token expire after 30 days: 400 invalid_request "The refresh token expired at .. and it is now .."', async () => {
    mock = await startTestMock();
    const { refreshToken } = await connectDemoApp(mock.url);
    mock.clock.advance(31 * DAY);
    const answer = await refreshGrant(mock, refreshToken);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid_request',
      error_description: 'The refresh token expired at 2026-04-01T09:00:00.000Z and it is now 2026-04-02T09:00:00.000Z',
    });
  });

  it('still says "The refresh token expired at" 45 days on, after other tokens were issued (and old ones tidied up) meanwhile', async () => {
    mock = await startTestMock();
    const { refreshToken } = await connectDemoApp(mock.url);
    mock.clock.advance(45 * DAY);
    await connectDemoApp(mock.url); // issuing tokens drops long-dead ones
    const answer = await refreshGrant(mock, refreshToken);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid_request',
      error_description: 'The refresh token expired at 2026-04-01T09:00:00.000Z and it is now 2026-04-16T09:00:00.000Z',
    });
  });

  it('accepts a refresh token 29 days after it was issued', async () => {
    mock = await startTestMock();
    const { refreshToken } = await connectDemoApp(mock.url);
    mock.clock.advance(29 * DAY);
    expect((await refreshGrant(mock, refreshToken)).status).toBe(200);
  });

  it('refuses an unsupported grant type (client_credentials) with 400 unsupported_grant_type', async () => {
    mock = await startTestMock();
    const answer = await token(mock, { grant_type: 'client_credentials', client_id: DEMO_CLIENT.id, client_secret: DEMO_CLIENT.secret });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unsupported_grant_type');
  });

  it('refuses a wrong client secret and an unknown client with 400 invalid_request, and the code stays usable', async () => {
    mock = await startTestMock();
    const code = await newCode(mock);
    const wrongSecret = await token(mock, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: DEMO_CLIENT.id,
      client_secret: 'nope',
    });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.error).toBe('invalid_request');
    expect(wrongSecret.body.access_token).toBeUndefined();
    const unknown = await token(mock, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: 'other-app',
      client_secret: DEMO_CLIENT.secret,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid_request');
    expect((await codeGrant(mock, code)).status).toBe(200);
  });

  it('refuses a refresh token of the wrong client secret without rotating it', async () => {
    mock = await startTestMock();
    const { refreshToken } = await connectDemoApp(mock.url);
    const wrong = await token(mock, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: DEMO_CLIENT.id,
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(400);
    expect((await refreshGrant(mock, refreshToken)).status).toBe(200);
  });

  it('enforceTokenInterval: a refresh sooner than 570 s after the last token gets 401 "Access Token not expired"; at 570 s it works', async () => {
    mock = await startTestMock({ enforceTokenInterval: true });
    const { refreshToken } = await connectDemoApp(mock.url);
    mock.clock.advance(60_000);
    const early = await refreshGrant(mock, refreshToken);
    expect(early.status).toBe(401);
    expect(early.body).toEqual({ error: 'invalid_request', error_description: 'Access Token not expired' });
    mock.clock.advance(510_000);
    const onTime = await refreshGrant(mock, refreshToken);
    expect(onTime.status).toBe(200);
    expect(onTime.body.refresh_token).not.toBe(refreshToken);
  });

  it('without enforceTokenInterval (the default) an immediate refresh works', async () => {
    mock = await startTestMock();
    const { refreshToken } = await connectDemoApp(mock.url);
    expect((await refreshGrant(mock, refreshToken)).status).toBe(200);
  });
});

describe('OAuth: bearer tokens on the API', () => {
  let mock: MockServer;
  afterEach(() => mock.close());

  it('lets an access token expire 600 s after issue on the clock: then 401 with an empty body', async () => {
    mock = await startTestMock();
    const { accessToken } = await connectDemoApp(mock.url);
    mock.clock.advance(599_000);
    expect((await me(mock, accessToken)).status).toBe(200);
    mock.clock.advance(1_000);
    const expired = await me(mock, accessToken);
    expect(expired.status).toBe(401);
    expect(expired.text).toBe('');
    expect(expired.headers['content-length']).toBe('0');
  });

  it('answers 401 with an empty body without an Authorization header', async () => {
    mock = await startTestMock();
    const answer = await request(mock.url).get('/api/v1/100001/financial/Journals').set('Accept', 'application/json');
    expect(answer.status).toBe(401);
    expect(answer.text).toBe('');
  });

  it('answers 401 with an empty body for a garbage bearer token and for a non-bearer scheme', async () => {
    mock = await startTestMock();
    const { accessToken } = await connectDemoApp(mock.url);
    const garbage = await request(mock.url).get('/api/v1/100001/financial/Journals').set('Authorization', 'Bearer garbage-token');
    expect(garbage.status).toBe(401);
    expect(garbage.text).toBe('');
    const basic = await request(mock.url).get('/api/v1/100001/financial/Journals').set('Authorization', `Basic ${accessToken}`);
    expect(basic.status).toBe(401);
    expect(basic.text).toBe('');
  });

  it('keeps the previous access token valid after a refresh until its own 600 s are up', async () => {
    mock = await startTestMock();
    const first = await connectDemoApp(mock.url);
    mock.clock.advance(300_000);
    const refreshed = await refreshGrant(mock, first.refreshToken);
    expect((await me(mock, first.accessToken)).status).toBe(200);
    mock.clock.advance(300_000);
    expect((await me(mock, first.accessToken)).status).toBe(401);
    expect((await me(mock, refreshed.body.access_token)).status).toBe(200);
  });
});
