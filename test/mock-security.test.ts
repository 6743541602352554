import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, type MockServer } from '../mock-accounting/index.js';
import { exposureWarning, isLoopback } from '../mock-accounting/security/exposure-warning.js';
import { killLeftoverChildren, runCli, startServeCli } from './support/cli.js';
import { connectDemoApp, startTestMock } from './support/mock.js';
import { rawRequest, type RawAnswer } from './support/raw-http.js';

// Issue 15, points 4-6: what a web page the user visits, or a DNS-rebinding page, can do to the mock, and what
// `booklab serve` says when it is reachable from other machines.

const FOREIGN = 'https://attacker.example';

describe('the back office and the Host names a server answers to', () => {
  let mock: MockServer | undefined;

  beforeEach(async () => {
    mock = await startTestMock();
  });

  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  const stateHash = () => createHash('sha256').update(JSON.stringify(mock!.store.state)).digest('hex');
  const host = () => new URL(mock!.url).host;
  const port = () => new URL(mock!.url).port;

  /** A refusal in the back office's error shape, naming why. */
  function expectBackOfficeRefusal(answer: RawAnswer, status: number, code: string): void {
    expect(answer.status, answer.text).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text)).toEqual({ error: { code, message: expect.any(String) } });
  }

  describe('point 4: state changes from web pages', () => {
    it.each([
      [
        'a reset as a page sends it (text/plain, foreign Origin)',
        { method: 'POST', path: '/__mock/reset', headers: { Origin: FOREIGN, 'Content-Type': 'text/plain' }, body: '{"seed":"empty"}' },
        403,
        'forbidden_origin',
      ],
      [
        'a reset in JSON from a foreign Origin',
        {
          method: 'POST',
          path: '/__mock/reset',
          headers: { Origin: FOREIGN, 'Content-Type': 'application/json' },
          body: '{"seed":"empty"}',
        },
        403,
        'forbidden_origin',
      ],
      [
        'a reset from a sandboxed page (Origin: null)',
        {
          method: 'POST',
          path: '/__mock/reset',
          headers: { Origin: 'null', 'Content-Type': 'application/json' },
          body: '{"seed":"empty"}',
        },
        403,
        'forbidden_origin',
      ],
      [
        'a reset from the same host on another port',
        {
          method: 'POST',
          path: '/__mock/reset',
          headers: { Origin: 'http://127.0.0.1:1', 'Content-Type': 'application/json' },
          body: '{"seed":"empty"}',
        },
        403,
        'forbidden_origin',
      ],
      [
        'a reset as text/plain without an Origin',
        { method: 'POST', path: '/__mock/reset', headers: { 'Content-Type': 'text/plain' }, body: '{"seed":"empty"}' },
        415,
        'unsupported_media_type',
      ],
      [
        'a reset as a form',
        { method: 'POST', path: '/__mock/reset', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'seed=empty' },
        415,
        'unsupported_media_type',
      ],
      [
        'a token expiry without a body or a type',
        { method: 'POST', path: '/__mock/tokens/expire', headers: {} },
        415,
        'unsupported_media_type',
      ],
      [
        'a token expiry as text/plain',
        { method: 'POST', path: '/__mock/tokens/expire', headers: { 'Content-Type': 'text/plain' }, body: '{}' },
        415,
        'unsupported_media_type',
      ],
      [
        'a restore from a foreign Origin',
        { method: 'PUT', path: '/__mock/state', headers: { Origin: FOREIGN, 'Content-Type': 'application/json' }, body: '{}' },
        403,
        'forbidden_origin',
      ],
      [
        'a clock change as text/plain',
        { method: 'PUT', path: '/__mock/clock', headers: { 'Content-Type': 'text/plain' }, body: '{"now":"2030-01-01T00:00:00Z"}' },
        415,
        'unsupported_media_type',
      ],
      [
        'a deletion from a foreign Origin',
        { method: 'DELETE', path: '/__mock/divisions/100001/journals/70/entries/1001', headers: { Origin: FOREIGN } },
        403,
        'forbidden_origin',
      ],
      [
        'a deletion with a text body',
        {
          method: 'DELETE',
          path: '/__mock/divisions/100001/journals/70/entries/1001',
          headers: { 'Content-Type': 'text/plain' },
          body: 'x',
        },
        415,
        'unsupported_media_type',
      ],
    ])('refuses %s and changes nothing', async (_name, req, status, code) => {
      const booked = await rawRequest(mock!.url, {
        method: 'POST',
        path: '/__mock/divisions/100001/journals/70/entries',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ customerCode: '1', lines: [{ glAccountCode: '700000', amountCents: 1000 }] }),
      });
      expect(booked.status, booked.text).toBe(201);
      const { accessToken } = await connectDemoApp(mock!.url);
      const clock = mock!.clock.now();
      const before = stateHash();

      expectBackOfficeRefusal(await rawRequest(mock!.url, req), status, code);
      expect(stateHash()).toBe(before);
      expect(mock!.clock.now()).toBe(clock);
      const me = await rawRequest(mock!.url, {
        path: '/api/v1/current/Me',
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      });
      expect(me.status).toBe(200);
    });

    it('takes changes from programs (no Origin) and from its own origin, in JSON; a DELETE needs no body', async () => {
      const json = { 'Content-Type': 'application/json' };
      expect((await rawRequest(mock!.url, { method: 'POST', path: '/__mock/reset', headers: json, body: '{"seed":"empty"}' })).status).toBe(
        200,
      );
      expect(
        (await rawRequest(mock!.url, { method: 'POST', path: '/__mock/reset', headers: { ...json, Origin: mock!.url }, body: '{}' }))
          .status,
      ).toBe(200);
      expect(
        (
          await rawRequest(mock!.url, {
            method: 'POST',
            path: '/__mock/tokens/expire',
            headers: { ...json, 'Content-Type': 'application/json; charset=utf-8' },
            body: '{}',
          })
        ).status,
      ).toBe(200);
      expect((await rawRequest(mock!.url, { method: 'DELETE', path: '/__mock/faults' })).status).toBe(200);
    });

    it('lets any page read, as the browser shows it no answer without CORS, which is never granted', async () => {
      const read = await rawRequest(mock!.url, { path: '/__mock/clock', headers: { Origin: FOREIGN } });
      expect(read.status).toBe(200);
      const preflight = await rawRequest(mock!.url, {
        method: 'OPTIONS',
        path: '/__mock/reset',
        headers: { Origin: FOREIGN, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.text).not.toMatch(/Access-Control/i);
      expect(
        (await fetch(`${mock!.url}/__mock/clock`, { headers: { Origin: FOREIGN } })).headers.get('access-control-allow-origin'),
      ).toBeNull();
    });
  });

  describe('point 5: DNS rebinding', () => {
    it.each([
      ['/__mock/state', 'back office'],
      ['/__mock', 'back office'],
      ['/api/v1/current/Me', 'api'],
      ['/api/oauth2/auth?client_id=booklab-demo', 'api'],
      ['/', 'api'],
    ])('refuses GET %s under a foreign Host, and hands out no secret', async (path, shape) => {
      for (const foreign of [
        `attacker.example:${port()}`,
        'attacker.example',
        `localhost.attacker.example:${port()}`,
        `127.0.0.1.nip.io:${port()}`,
        '',
      ]) {
        const answer = await rawRequest(mock!.url, { path, headers: { Host: foreign } });
        expect(answer.status, `${foreign}: ${answer.text}`).toBe(403);
        expect(answer.text).not.toContain(DEMO_CLIENT.secret);
        const body = JSON.parse(answer.text);
        const message = shape === 'back office' ? body.error.message : body.error.message.value;
        expect(message).toMatch(
          foreign ? /is not served here: booklab answers to localhost, 127\.0\.0\.1, \[::1\].*--allow-host/ : /without a valid Host header/,
        );
      }
    });

    it('answers under localhost, 127.0.0.1 and [::1], with or without a port, in any case', async () => {
      for (const name of [host(), `localhost:${port()}`, 'LOCALHOST', `[::1]:${port()}`, '127.0.0.1', 'localhost.']) {
        const answer = await rawRequest(mock!.url, { path: '/__mock/clock', headers: { Host: name } });
        expect(answer.status, name).toBe(200);
      }
    });

    it('answers under the names given with allowHosts (serve --allow-host), and under no other', async () => {
      await mock!.close();
      mock = await startTestMock({ allowHosts: ['booklab.test'] });
      expect((await rawRequest(mock.url, { path: '/__mock/clock', headers: { Host: `BookLab.Test:${port()}` } })).status).toBe(200);
      expect((await rawRequest(mock.url, { path: '/__mock/clock', headers: { Host: 'other.test' } })).status).toBe(403);
    });
  });
});

describe('booklab serve', () => {
  afterEach(async () => {
    await killLeftoverChildren();
  });

  it('answers under a name given with --allow-host, and names the option when it refuses one', async () => {
    const served = await startServeCli(['--port', '0', '--memory', '--allow-host', 'booklab.test', '--allow-host', 'mock.booklab.test']);
    try {
      for (const name of ['booklab.test', 'mock.booklab.test'])
        expect((await rawRequest(served.url, { path: '/__mock/clock', headers: { Host: name } })).status).toBe(200);
      const refused = await rawRequest(served.url, { path: '/__mock/clock', headers: { Host: 'other.test' } });
      expect(JSON.parse(refused.text).error.message).toMatch(/Start it with --allow-host other\.test to use this name\./);
      // Nothing refused or warned: only the line that says which state it serves.
      expect(served.stderr()).toMatch(/^\[booklab\] Serving a new state from the demo seed: [^\n]*\.\n$/);
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  }, 30_000);

  it('point 6: warns, before binding anywhere but loopback, what is open to anyone who can reach it', async () => {
    // 192.0.2.1 (TEST-NET-1) is never a local address: the bind fails, so no test listens beyond loopback.
    const run = await runCli(['serve', '--host', '192.0.2.1', '--port', '0', '--memory']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(exposureWarning('192.0.2.1'));
  }, 30_000);

  it('point 6: names, in the warning, the back office, its secret and tokens, and the consent that approves anyone', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'my-laptop.local']) {
      expect(isLoopback(host), host).toBe(false);
      const warning = exposureWarning(host)!;
      expect(warning).toContain(`binding to ${host}`);
      expect(warning).toMatch(/\/__mock.*the app secret and every token.*reset it/s);
      expect(warning).toMatch(/\/api\/oauth2\/auth\) approves every request at once/);
    }
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) {
      expect(isLoopback(host), host).toBe(true);
      expect(exposureWarning(host), host).toBeUndefined();
    }
  });
});
