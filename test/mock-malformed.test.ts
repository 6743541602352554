import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, openStore, type MockServer } from '../mock-accounting/index.js';
import {
  ACCOUNTS,
  checkMalformedRequests,
  ENTRIES,
  LINES,
  prepareMalformedTarget,
  q,
  refusalProblem,
  sendRequest,
  stateHash,
  type Answer,
  type MalformedTarget,
  type Req,
} from './support/malformed-requests.js';
import { startTestMock } from './support/mock.js';

// "Every malformed request gets a 4xx in its error shape, changes nothing, and the server keeps serving"
// (the catalogue is in support/malformed-requests.ts). One file-backed server and one token serve a fast-check
// run of 1,000 generated malformed requests here; `npm run bench -- soak` runs 10,000.

const TEN_MB = 10 * 1024 * 1024;

describe('malformed requests to the mock API', () => {
  let dir: string;
  let file: string;
  let mock: MockServer | undefined;
  let target: MalformedTarget;

  const send = (req: Req): Promise<Answer> => sendRequest(target, req);

  /** A 4xx, in its error shape unless it is one of the answers Exact sends without a body. */
  function expectRefusal(req: Req, answer: Answer): void {
    expect(refusalProblem(req, answer)).toBeUndefined();
  }

  /** A valid booking goes through and gets the next number. */
  async function expectServing(expectedNumber: number): Promise<void> {
    const answer = await send({
      method: 'POST',
      path: ENTRIES,
      body: JSON.stringify({
        Journal: '70',
        Customer: target.fx.customer,
        EntryDate: '2026-03-02',
        SalesEntryLines: [{ GLAccount: target.fx.glAccount, AmountFC: 10 }],
      }),
      headers: { Prefer: 'return=representation' },
      why: 'valid',
    });
    expect(answer.status, answer.text).toBe(201);
    expect(JSON.parse(answer.text).d.EntryNumber).toBe(expectedNumber);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-malformed-'));
    file = join(dir, 'data.json');
    mock = await startTestMock({ file });
    target = await prepareMalformedTarget(mock);
  });

  afterAll(async () => {
    await mock?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 1,000 generated malformed requests with a 4xx in its error shape and changes nothing', async () => {
    const backOfficeBefore = (await (await fetch(`${mock!.url}/__mock/state`)).json()) as Record<string, unknown>;
    const runs = await checkMalformedRequests(target, { numRuns: 1_000 });

    expect(runs).toBeGreaterThanOrEqual(1_000);
    // The same through the back office: bookings, relations and journals (with their counters) are as they were.
    const after = (await (await fetch(`${mock!.url}/__mock/state`)).json()) as Record<string, unknown>;
    for (const collection of ['salesEntries', 'accounts', 'journals', 'meta'])
      expect(after[collection]).toEqual(backOfficeBefore[collection]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    await expectServing(1002);
  }, 180_000);

  it('refuses a body just over 10 MB with 413 in the envelope, books nothing, and keeps serving', async () => {
    const before = stateHash(mock!);
    const template = JSON.stringify({
      Journal: '70',
      Customer: target.fx.customer,
      EntryDate: '2026-03-02',
      Description: '#',
      SalesEntryLines: [{ GLAccount: target.fx.glAccount, AmountFC: 100 }],
    });
    const body = template.replace('#', 'x'.repeat(TEN_MB + 1 - (template.length - 1)));
    expect(Buffer.byteLength(body)).toBe(TEN_MB + 1);

    const sized = await send({ method: 'POST', path: ENTRIES, body, why: 'over 10 MB with Content-Length' });
    expectRefusal({ method: 'POST', path: ENTRIES, why: 'over 10 MB' }, sized);
    expect(sized.status).toBe(413);
    expect(JSON.parse(sized.text).error.message.value).toBe(
      'Error processing request stream. The request body is larger than the maximum of 10 MB.',
    );

    const bytes = new TextEncoder().encode(body);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1024 * 1024) controller.enqueue(bytes.subarray(offset, offset + 1024 * 1024));
        controller.close();
      },
    });
    const streamed = await send({ method: 'POST', path: ENTRIES, body: chunked, why: 'over 10 MB, chunked without Content-Length' });
    expectRefusal({ method: 'POST', path: ENTRIES, why: 'over 10 MB chunked' }, streamed);
    expect(streamed.status).toBe(413);

    expect(stateHash(mock!)).toBe(before);
    await expectServing(1003);
  }, 60_000);

  it('does not let __proto__ or constructor keys pollute Object.prototype or reach the state, wherever they are sent', async () => {
    const before = stateHash(mock!);
    const polluter = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    for (const path of [ENTRIES, ACCOUNTS, LINES, `${ENTRIES}(guid'${target.fx.entryId}')`, `${ACCOUNTS}(guid'${target.fx.accountId}')`]) {
      const req = { method: path.includes('(') ? 'PUT' : 'POST', path, body: polluter, why: 'polluting body' };
      expectRefusal(req, await send(req));
    }
    // In the query string and the OAuth form as well (flat parsers: no nested objects are built).
    const query = {
      method: 'GET',
      path: `${ENTRIES}?__proto__[polluted]=true&constructor[prototype][polluted]=true&$filter=${q('__proto__ eq null')}`,
      why: 'polluting query',
    };
    expectRefusal(query, await send(query));
    for (const form of [
      'grant_type=authorization_code&client_id=constructor&code=constructor',
      'grant_type=authorization_code&client_id=__proto__&code=__proto__',
      'grant_type=refresh_token&client_id=constructor&refresh_token=constructor',
      'grant_type=authorization_code&client_id=hasOwnProperty&code=toString&redirect_uri=x',
      `grant_type=authorization_code&client_id=${DEMO_CLIENT.id}&client_secret=${DEMO_CLIENT.secret}&code=constructor`,
      `grant_type=refresh_token&client_id=${DEMO_CLIENT.id}&client_secret=${DEMO_CLIENT.secret}&refresh_token=__proto__`,
      '__proto__[polluted]=true&grant_type=authorization_code',
    ]) {
      const answer = await fetch(`${mock!.url}/api/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      expect(answer.status, form).toBeGreaterThanOrEqual(400);
      expect(answer.status, form).toBeLessThan(500);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body, form).not.toHaveProperty('access_token');
    }
    for (const clientId of ['constructor', '__proto__', 'toString']) {
      const auth = await fetch(
        `${mock!.url}/api/oauth2/auth?client_id=${clientId}&redirect_uri=${q('http://localhost:8765/callback')}&response_type=code`,
        { redirect: 'manual' },
      );
      expect(auth.status, clientId).toBe(400);
    }
    // The back office takes a seed name and a state document: prototype names are neither.
    for (const seed of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const reset = await fetch(`${mock!.url}/__mock/reset`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ seed }),
      });
      expect(reset.status, seed).toBe(400);
    }
    const restore = await fetch(`${mock!.url}/__mock/state`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: polluter,
    });
    expect(restore.status).toBe(400);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(stateHash(mock!)).toBe(before);
    await expectServing(1004);
  });

  it('leaves a data file that loads again with exactly the state it served', async () => {
    const served = JSON.parse(JSON.stringify(mock!.store.state));
    await mock!.close();
    mock = undefined;
    const reopened = await openStore({ file });
    try {
      expect(reopened.state).toEqual(served);
    } finally {
      await reopened.close();
    }
  });
});
