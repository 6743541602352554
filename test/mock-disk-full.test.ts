import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, DEMO_DIVISIONS, demoState, listen, openStore, type RunningServer, type Store } from '../mock-accounting/index.js';
import { backOffice, demoRefs, nextBookingNumber, salesEntryBody, type DemoRefs } from './support/bookings.js';
import { killLeftoverChildren, startServeCli } from './support/cli.js';
import { fullDisk, mountTmpfs, type FullDisk } from './support/full-disk.js';
import { apiClient, connectDemoApp, testClock, type ApiClient } from './support/mock.js';
import { copyAsCrashed } from './support/store-fixtures.js';

// Issue 15, point 1, over HTTP: on a full disk a booking is answered 201 only when it is whole on disk, and one
// answered 503 is not kept; after a SIGKILL on the full disk the server starts again with exactly the 201 ones.

describe('bookings on a full disk', () => {
  let dir: string;
  let store: Store | undefined;
  let server: RunningServer | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-disk-full-'));
  });

  afterEach(async () => {
    await server?.close();
    await store?.close().catch(() => {});
    server = undefined;
    store = undefined;
    await killLeftoverChildren();
    await rm(dir, { recursive: true, force: true });
  });

  /** A server on a data file whose every byte goes through `disk`. */
  async function serveOn(file: string, disk: FullDisk): Promise<{ api: ApiClient; refs: DemoRefs; url: string }> {
    const clock = testClock();
    store = await openStore({ file, initial: () => demoState(clock), writeAt: disk.writeAt });
    server = await listen(createApp(store, { clock }), { port: 0 });
    const { accessToken } = await connectDemoApp(server.url);
    const api = apiClient(server.url, accessToken, DEMO_DIVISIONS.main);
    return { api, refs: await demoRefs(api), url: server.url };
  }

  /** The bookings a restart on a copy of the files serves: EntryID → EntryNumber. */
  async function bookingsAfterCrash(file: string): Promise<Map<string, number>> {
    const reopened = await openStore({ file: await copyAsCrashed(file, dir) });
    try {
      return new Map(Object.values(reopened.state.salesEntries).map((e) => [e.id, e.entryNumber]));
    } finally {
      await reopened.close();
    }
  }

  it('answers 503 for what the disk cannot take, keeps none of it, and goes on once there is room', async () => {
    const disk = fullDisk();
    const file = join(dir, 'data.json');
    const { api, refs, url } = await serveOn(file, disk);
    const office = backOffice(url);
    const answered = new Map<string, number>();
    for (let i = 1; i <= 3; i += 1) {
      const booked = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { YourRef: `ok-${i}` }));
      expect(booked.status).toBe(201);
      answered.set(booked.body.d.EntryID as string, booked.body.d.EntryNumber as number);
    }
    const before = JSON.stringify(store!.state);

    disk.room(40);
    const refused = await Promise.all(
      Array.from({ length: 5 }, (_, i) => api.post('salesentry/SalesEntries', salesEntryBody(refs, { YourRef: `full-${i}` }))),
    );
    for (const answer of refused) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.body.error.message.value).toMatch(
        /^\[booklab\] The change (could not be saved to .*ENOSPC.*so it was not made|was not saved: it came right after a change that could not be saved)/,
      );
    }
    const byHand = await office.post('/divisions/100001/journals/70/entries', {
      customerCode: '1',
      lines: [{ glAccountCode: '700000', amountCents: 100 }],
    });
    expect(byHand.status).toBe(503);
    expect(JSON.stringify(store!.state)).toBe(before);
    expect(await nextBookingNumber(office)).toBe(1004);

    disk.room(Number.POSITIVE_INFINITY);
    const after = await api.post('salesentry/SalesEntries', salesEntryBody(refs, { YourRef: 'after' }));
    expect(after.status).toBe(201);
    expect(after.body.d.EntryNumber).toBe(1004);
    answered.set(after.body.d.EntryID as string, 1004);
    expect(await bookingsAfterCrash(file)).toEqual(answered);
  });

  it('on a real, small tmpfs: books through booklab serve until the disk is full, is killed, and starts again with every 201 booking and no other', async (ctx) => {
    const tmpfs = await mountTmpfs(dir, '384k');
    if (!tmpfs.ok) return ctx.skip(tmpfs.problem.message);
    try {
      const file = join(tmpfs.value.path, 'data.json');
      const first = await startServeCli(['--port', '0', '--data', file]);
      const { accessToken } = await connectDemoApp(first.url);
      const api = apiClient(first.url, accessToken, DEMO_DIVISIONS.main);
      const refs = await demoRefs(api);
      const booking = (ref: string) => ({
        ...salesEntryBody(refs, { YourRef: ref, Description: 'd'.repeat(2_000) }),
        EntryDate: new Date().toISOString().slice(0, 10),
      });
      const answered = new Map<string, number>();
      let refusals = 0;
      for (let burst = 0; refusals < 8 && burst < 400; burst += 1) {
        const answers = await Promise.all([0, 1, 2, 3].map((i) => api.post('salesentry/SalesEntries', booking(`t-${burst}-${i}`))));
        for (const answer of answers) {
          if (answer.status === 201) answered.set(answer.body.d.EntryID as string, answer.body.d.EntryNumber as number);
          else {
            expect(answer.status, JSON.stringify(answer.body)).toBe(503);
            refusals += 1;
          }
        }
      }
      expect(refusals).toBeGreaterThan(0);
      expect(answered.size).toBeGreaterThan(10);
      first.child.kill('SIGKILL');
      await first.exited;

      // The disk is still full: read through the back office, which writes nothing (a new token would need room).
      const second = await startServeCli(['--port', '0', '--data', file]);
      const listed = await backOffice(second.url).get('/divisions/100001/journals/70/entries');
      expect(listed.status).toBe(200);
      expect(new Map((listed.body as Array<{ id: string; entryNumber: number }>).map((b) => [b.id, b.entryNumber]))).toEqual(answered);
      second.child.kill('SIGKILL');
      await second.exited;
    } finally {
      await tmpfs.value.unmount();
    }
  }, 60_000);
});
