import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { killLeftoverChildren, startServeCli, type ServedCli } from './support/cli.js';
import { apiClient, connectDemoApp, type ApiClient } from './support/mock.js';

// "A write is on disk before its answer is sent; a write is atomic; a restart keeps everything."
// The real CLI runs as a child process on a data file; it is killed without warning (SIGKILL) right after
// its last answer, or stopped with SIGTERM while bookings are still in flight, and then started again.

const START_TIMEOUT_MS = 15_000;
const EXIT_TIMEOUT_MS = 15_000;
/** Each test starts the CLI twice (tsx compiles on the fly), so it gets more than vitest's default. */
const TEST_TIMEOUT_MS = 60_000;

/** Rejects after `ms` with a message, so that a hung child fails the test instead of the run. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('the booklab serve process on a data file', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-durability-'));
    file = join(dir, 'data.json');
  });

  afterEach(async () => {
    await killLeftoverChildren();
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts `booklab serve --port 0 --data <file>` and waits for the line with its URL. */
  async function serve(): Promise<ServedCli> {
    const served = await startServeCli(['--port', '0', '--data', file], { timeoutMs: START_TIMEOUT_MS });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    return served;
  }

  /** Connects the demo app and looks up what a booking needs. */
  async function connect(url: string): Promise<{ api: ApiClient; customer: string; glAccount: string }> {
    const { accessToken } = await connectDemoApp(url);
    expect(accessToken).toBeTruthy();
    const api = apiClient(url, accessToken, DEMO_DIVISIONS.main);
    const gl = await api.get("financial/GLAccounts?$filter=Code eq '700000'&$select=ID");
    const relation = await api.get("crm/Accounts?$filter=trim(Code) eq '2'&$select=ID");
    return { api, glAccount: gl.body.d.results[0].ID as string, customer: relation.body.d.results[0].ID as string };
  }

  /** A booking dated today (the child runs on the system clock; the demo seed opens this year's periods). */
  const booking = (customer: string, glAccount: string, ref: string) => ({
    Journal: '70',
    Customer: customer,
    EntryDate: new Date().toISOString().slice(0, 10),
    YourRef: ref,
    SalesEntryLines: [{ GLAccount: glAccount, AmountFC: '250.00', VATCode: '21' }],
  });

  /** Every booking the server lists, as EntryID → EntryNumber, following `__next`. */
  async function listed(api: ApiClient): Promise<Map<string, number>> {
    const numbers = new Map<string, number>();
    let page = await api.get('salesentry/SalesEntries?$select=EntryID,EntryNumber');
    for (;;) {
      expect(page.status).toBe(200);
      for (const row of page.body.d.results as Array<{ EntryID: string; EntryNumber: number }>) numbers.set(row.EntryID, row.EntryNumber);
      if (!page.body.d.__next) return numbers;
      page = await api.follow(page.body.d.__next as string);
    }
  }

  it(
    'keeps every answered booking with its number after SIGKILL right after the last answer',
    async () => {
      const first = await serve();
      const { api, customer, glAccount } = await connect(first.url);

      const answered = new Map<string, number>();
      const remember = (answer: request.Response) => {
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        answered.set(answer.body.d.EntryID as string, answer.body.d.EntryNumber as number);
      };
      // Ten one by one, then ten at once (committed together by the group commit).
      for (let i = 1; i <= 10; i += 1) remember(await api.post('salesentry/SalesEntries', booking(customer, glAccount, `kill-${i}`)));
      const burst = await Promise.all(
        Array.from({ length: 10 }, (_, i) => api.post('salesentry/SalesEntries', booking(customer, glAccount, `kill-${11 + i}`))),
      );
      first.child.kill('SIGKILL');
      burst.forEach(remember);
      const killed = await within(first.exited, EXIT_TIMEOUT_MS, 'the child to die');
      expect(killed.signal).toBe('SIGKILL');

      expect(answered.size).toBe(20);
      expect([...answered.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 1001 + i));

      // The files a crash leaves: a whole JSON snapshot, and a log of whole lines (the last may be torn).
      JSON.parse(await readFile(file, 'utf8'));
      const logLines = (await readFile(`${file}.log`, 'utf8')).split('\n');
      const complete = logLines.slice(0, -1); // after the last newline: nothing, or a torn line
      expect(complete.length).toBeGreaterThan(0);
      complete.forEach((line, i) => expect(() => JSON.parse(line), `log line ${i + 1}`).not.toThrow());

      const second = await serve();
      const again = await connect(second.url);
      const after = await listed(again.api);
      for (const [id, entryNumber] of answered) expect(after.get(id), `booking ${id}`).toBe(entryNumber);
      expect(after.size).toBe(20);

      // The journal's counter survived as well: the next booking takes 1021.
      const next = await again.api.post('salesentry/SalesEntries', booking(again.customer, again.glAccount, 'after-restart'));
      expect(next.status).toBe(201);
      expect(next.body.d.EntryNumber).toBe(1021);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'answers the bookings in flight on SIGTERM, exits with 0, and a restart has them',
    async () => {
      const first = await serve();
      const { api, customer, glAccount } = await connect(first.url);
      for (let i = 1; i <= 2; i += 1) {
        expect((await api.post('salesentry/SalesEntries', booking(customer, glAccount, `before-${i}`))).status).toBe(201);
      }

      // Hold the next three bookings inside the server, so that SIGTERM surely finds them in flight.
      const fault = await request(first.url)
        .post('/__mock/faults')
        .send({ method: 'POST', path: 'salesentry/SalesEntries', latencyMs: 1_500, times: 3 });
      expect(fault.status).toBe(201);
      // (supertest sends a request only once it is awaited: `.then` starts them now.)
      const inFlight = Array.from({ length: 3 }, (_, i) =>
        api.post('salesentry/SalesEntries', booking(customer, glAccount, `in-flight-${i + 1}`)).then((answer) => answer),
      );
      // All three have arrived once the fault has been used up (it disarms itself after `times` requests).
      const deadline = Date.now() + 10_000;
      for (;;) {
        const armed = await request(first.url).get('/__mock/faults');
        if (armed.body.length === 0) break;
        if (Date.now() > deadline) throw new Error('the in-flight bookings never reached the server');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      first.child.kill('SIGTERM');
      const answers = await within(Promise.all(inFlight), EXIT_TIMEOUT_MS, 'the in-flight answers');
      const exit = await within(first.exited, EXIT_TIMEOUT_MS, 'the child to exit after SIGTERM');
      expect(exit, first.stderr()).toEqual({ code: 0, signal: null });

      const answered = new Map<string, number>();
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        answered.set(answer.body.d.EntryID as string, answer.body.d.EntryNumber as number);
      }
      expect([...answered.values()].sort((a, b) => a - b)).toEqual([1003, 1004, 1005]);

      // A clean stop leaves a compacted, loadable snapshot.
      JSON.parse(await readFile(file, 'utf8'));

      const second = await serve();
      const again = await connect(second.url);
      const after = await listed(again.api);
      expect(after.size).toBe(5);
      for (const [id, entryNumber] of answered) expect(after.get(id), `booking ${id}`).toBe(entryNumber);
    },
    TEST_TIMEOUT_MS,
  );
});
