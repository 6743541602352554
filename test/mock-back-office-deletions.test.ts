import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import { backOffice, type BackOffice } from './support/bookings.js';
import { startTestMock } from './support/mock.js';

// POST /__mock/divisions/:division/deletions: bookings deleted one after the other in one request, each as
// DELETE …/entries/:entryNumber deletes it (R7: only deleting the last number hands it out again; R8).

const mocks: MockServer[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

const ENTRIES_70 = '/divisions/100001/journals/70/entries';
const JOURNAL_70 = '/divisions/100001/journals/70';
const DELETIONS = '/divisions/100001/deletions';

/** A mock with bookings 1001 to 1005 entered by hand in journal 70, and its back office. */
async function withFiveBookings(): Promise<BackOffice> {
  const mock = await startTestMock();
  mocks.push(mock);
  const office = backOffice(mock.url);
  for (let i = 0; i < 5; i += 1) {
    const res = await office.post(ENTRIES_70, {
      customerCode: '1',
      entryDate: '2026-03-14',
      yourRef: `2026/${i + 1}`,
      lines: [{ glAccountCode: '700000', amountCents: 80000, vatCode: '21' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return office;
}

const numbersOf = async (office: BackOffice) =>
  ((await office.get(ENTRIES_70)).body as Array<{ entryNumber: number }>).map((b) => b.entryNumber);

describe('POST /__mock/divisions/:division/deletions', () => {
  it('deletes in the order given: a number in the middle leaves a gap, the last ones move the next number back (R7)', async () => {
    const office = await withFiveBookings();
    const res = await office.post(DELETIONS, {
      bookings: [
        { journal: '70', entryNumber: 1002 },
        { journal: '70', entryNumber: 1005 },
        { journal: '70', entryNumber: 1004 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 3, refused: null });
    expect(await numbersOf(office)).toEqual([1001, 1003]);
    expect((await office.get(JOURNAL_70)).body.nextBookingNumber).toBe(1004);
  });

  it('leaves the world exactly as the same DELETEs one by one do', async () => {
    const [batch, oneByOne] = [await withFiveBookings(), await withFiveBookings()];
    const order = [1003, 1005, 1001, 1004];
    await batch.post(DELETIONS, { bookings: order.map((entryNumber) => ({ journal: '70', entryNumber })) });
    for (const n of order) expect((await oneByOne.delete(`${ENTRIES_70}/${n}`)).status).toBe(200);
    expect((await batch.get(JOURNAL_70)).body).toEqual((await oneByOne.get(JOURNAL_70)).body);
    expect((await batch.get(ENTRIES_70)).body).toEqual((await oneByOne.get(ENTRIES_70)).body);
    expect(await numbersOf(batch)).toEqual([1002]);
  });

  it('stops at the first refused booking: those before it are deleted, it is answered as its DELETE would be', async () => {
    const office = await withFiveBookings();
    const res = await office.post(DELETIONS, {
      bookings: [
        { journal: '70', entryNumber: 1005 },
        { journal: '70', entryNumber: 1009 },
        { journal: '70', entryNumber: 1004 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      deleted: 1,
      refused: {
        journal: '70',
        entryNumber: 1009,
        status: 404,
        code: 'not_found',
        message: 'Record not found: booking 1009 in journal 70',
      },
    });
    expect(await numbersOf(office)).toEqual([1001, 1002, 1003, 1004]);
    const unknownJournal = await office.post(DELETIONS, { bookings: [{ journal: '99', entryNumber: 1004 }] });
    expect(unknownJournal.body.refused).toMatchObject({ status: 404, message: 'Record not found: journal 99 in division 100001' });
  });

  it('refuses a body without bookings with 400, deleting nothing', async () => {
    const office = await withFiveBookings();
    expect((await office.post(DELETIONS, { bookings: [] })).status).toBe(400);
    expect((await office.post(DELETIONS, { bookings: [{ journal: '70', entryNumber: 0 }] })).status).toBe(400);
    expect(await numbersOf(office)).toEqual([1001, 1002, 1003, 1004, 1005]);
  });
});
