import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, type World } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld, STANDARD_LINE } from './support/world.js';

// R1, R5, R6, R9, R11 against the embedded accounting server.

const division = DEMO_DIVISIONS.main;

/** Books a credit note for the first company on a date. */
function bookCreditNote(world: World, date: string, lines = [STANDARD_LINE]) {
  const company = Object.values(world.focus.state.companies)[0]!;
  const draft = world.focus.createDraft({ kind: 'credit_note', companyId: company.id, date, lines: [...lines] });
  if (!draft.ok) throw new Error(draft.problem.message);
  const booked = world.focus.book(draft.value.id);
  if (!booked.ok) throw new Error(booked.problem.message);
  return booked.value;
}

async function bookings(world: World, journal: string) {
  const read = await world.backOffice.bookings(division, journal);
  if (!read.ok) throw new Error(read.problem.message);
  return read.value;
}

describe('core rules: what a sync sends', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R1: a draft is not synced, whether or not it was sent to the customer', async () => {
    world = await connectedWorld();
    const company = Object.values(world.focus.state.companies)[0]!;
    const draft = world.focus.createDraft({ companyId: company.id, date: '2026-02-02', lines: [STANDARD_LINE] });
    expect(draft.ok).toBe(true);
    const draftId = draft.ok ? draft.value.id : '';
    world.focus.markSent(draftId);

    const report = await world.sync();
    expect(report).toMatchObject({
      invoicesBooked: 0,
      errors: [],
      notification: { kind: 'sync_no_changes', message: 'There are no changes', shown: true },
    });
    expect(world.focus.state.documents[draftId]).toMatchObject({ status: 'draft', bookingNumber: null, link: null });
    expect(await bookings(world, '70')).toEqual([]);
  });

  it('R1: a booked invoice is synced although it was never sent', async () => {
    world = await connectedWorld();
    const invoice = bookInvoice(world, '2026-02-02');
    expect(invoice.sent).toBe(false);
    const report = await world.sync();
    expect(report.invoicesBooked).toBe(1);
    expect(invoice.bookingNumber).toBe(1001);
  });

  it('R5: only documents dated on or after the start date are sent', async () => {
    world = await connectedWorld();
    const before = bookInvoice(world, '2025-12-31');
    const onStart = bookInvoice(world, '2026-01-01');
    const after = bookInvoice(world, '2026-02-02');

    const report = await world.sync();
    expect(report.invoicesBooked).toBe(2);
    expect([before.bookingNumber, onStart.bookingNumber, after.bookingNumber]).toEqual([null, 1001, 1002]);
    expect((await bookings(world, '70')).map((b) => [b.entryNumber, b.yourRef, b.entryDate])).toEqual([
      [1001, '2026/1', '2026-01-01'],
      [1002, '2026/2', '2026-02-02'],
    ]);
    expect((await world.sync()).notification?.message).toBe('There are no changes');
  });

  it('R5: invoices go to the invoice journal, credit notes with negative amounts (Type 21) to the credit note journal', async () => {
    world = await connectedWorld();
    const invoice = bookInvoice(world, '2026-02-02');
    const creditNote = bookCreditNote(world, '2026-02-03');

    const report = await world.sync();
    expect(report).toMatchObject({ invoicesBooked: 1, creditNotesBooked: 1, errors: [] });
    expect(report.notification).toEqual({
      kind: 'sync_success',
      message: 'Synchronisation finished: 0 customers, 1 invoice and 1 credit note synced',
      shown: true,
    });
    const [invoiceBooking] = await bookings(world, '70');
    const [creditBooking] = await bookings(world, '71');
    expect(invoiceBooking).toMatchObject({
      journal: '70',
      entryNumber: 1001,
      yourRef: '2026/1',
      type: 20,
      netCents: 10_000,
      vatCents: 2_100,
      totalCents: 12_100,
    });
    expect(creditBooking).toMatchObject({
      journal: '71',
      entryNumber: 8001,
      yourRef: '2026/1',
      type: 21,
      netCents: -10_000,
      vatCents: -2_100,
      totalCents: -12_100,
    });
    expect(creditBooking!.lines.map((l) => [l.glAccount, l.netCents, l.vatCode, l.vatCents])).toEqual([['700000', -10_000, '21', -2_100]]);
    expect([invoice.link?.journal, creditNote.link?.journal]).toEqual(['70', '71']);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R5: a company not linked yet is created as a relation in Exact first', async () => {
    world = await connectedWorld();
    const company = world.focus.addCompany({ name: 'Nieuwe Klant BV', vatNumber: 'BE0123456789' });
    const draft = world.focus.createDraft({ companyId: company.id, date: '2026-02-02', lines: [STANDARD_LINE] });
    world.focus.book(draft.ok ? draft.value.id : '');

    const report = await world.sync();
    expect(report.notification?.message).toBe('Synchronisation finished: 1 customer, 1 invoice and 0 credit notes synced');
    const relations = await world.backOffice.relations(division);
    const created = relations.ok ? relations.value.find((r) => r.name === 'Nieuwe Klant BV') : undefined;
    expect(created).toMatchObject({ id: company.accountingId, code: company.accountingCode, vatNumber: 'BE0123456789' });
    const [booking] = await bookings(world, '70');
    expect(booking!.customer.id).toBe(company.accountingId);
  });

  it('R6: the entry number Exact answers is stored as the booking number, with the link to the booking', async () => {
    world = await connectedWorld();
    const invoices = ['2026-02-02', '2026-02-03', '2026-02-04'].map((date) => bookInvoice(world, date));
    expect(invoices.map((i) => i.bookingNumber)).toEqual([null, null, null]);
    await world.sync();

    const stored = await bookings(world, '70');
    expect(invoices.map((i) => [i.number, i.bookingNumber, i.link])).toEqual(
      stored.map((b) => [b.yourRef, b.entryNumber, { division, journal: '70', entryId: b.id }]),
    );
    expect(invoices.map((i) => i.bookingNumber)).toEqual([1001, 1002, 1003]);
  });

  it('R6: the booking number follows the journal’s next booking number in Exact (R8)', async () => {
    world = await connectedWorld();
    expect((await world.backOffice.setNextBookingNumber(division, '70', 2500)).ok).toBe(true);
    const invoice = bookInvoice(world, '2026-02-02');
    await world.sync();
    expect(invoice.bookingNumber).toBe(2500);
  });
});

describe('core rules: same booking number (R9)', () => {
  let world: World;
  afterEach(() => world?.close());

  it("R9: 'The invoices 2026/3 and 2026/4 have the same booking number' after a booking is deleted in Exact only", async () => {
    world = await connectedWorld();
    for (const date of ['2026-02-02', '2026-02-03', '2026-02-04']) bookInvoice(world, date);
    await world.sync();
    expect((await world.backOffice.deleteBooking(division, '70', 1003)).ok).toBe(true);
    const fourth = bookInvoice(world, '2026-02-05');

    const report = await world.sync();
    expect(fourth.bookingNumber).toBe(1003);
    expect(report.invoicesBooked).toBe(1);
    expect(report.collisions).toEqual([{ kind: 'invoice', bookingNumber: 1003, numbers: ['2026/3', '2026/4'] }]);
    expect(report.errors).toEqual(['The invoices 2026/3 and 2026/4 have the same booking number']);
    expect(report.notification).toEqual({
      kind: 'sync_error',
      message: 'The invoices 2026/3 and 2026/4 have the same booking number',
      shown: true,
    });
  });

  it("R9: 'The credit notes 2026/2 and 2026/3 have the same booking number' for credit notes", async () => {
    world = await connectedWorld();
    bookCreditNote(world, '2026-02-02');
    bookCreditNote(world, '2026-02-03');
    await world.sync();
    expect((await world.backOffice.deleteBooking(division, '71', 8002)).ok).toBe(true);
    const third = bookCreditNote(world, '2026-02-04');

    const report = await world.sync();
    expect(third.bookingNumber).toBe(8002);
    expect(report.errors).toEqual(['The credit notes 2026/2 and 2026/3 have the same booking number']);
    const violations = await checkInvariants(world);
    expect(violations.find((v) => v.invariant === 'I2')?.message).toBe(
      '2026/2 and 2026/3 carry the same booking number 8002 (journal 71).',
    );
  });

  it('R9: the collision is reported again on every sync until it is repaired', async () => {
    world = await connectedWorld();
    bookInvoice(world, '2026-02-02');
    await world.sync();
    await world.backOffice.deleteBooking(division, '70', 1001);
    bookInvoice(world, '2026-02-03');
    await world.sync();
    const again = await world.sync();
    expect(again.notification).toEqual({
      kind: 'sync_error',
      message: 'The invoices 2026/1 and 2026/2 have the same booking number',
      shown: true,
    });
  });
});

describe('core rules: edits after a sync (R11)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R11: an edit after the sync is not sent: Exact keeps the old amount and I5 reports it', async () => {
    world = await connectedWorld();
    const invoice = bookInvoice(world, '2026-02-02');
    await world.sync();
    expect(world.focus.editLines(invoice.id, [{ ...STANDARD_LINE, unitPriceCents: 20_000 }]).ok).toBe(true);
    expect(invoice.editedAfterSync).toBe(true);

    const report = await world.sync();
    expect(report).toMatchObject({
      invoicesBooked: 0,
      errors: [],
      notification: { kind: 'sync_no_changes', message: 'There are no changes' },
    });
    const [booking] = await bookings(world, '70');
    expect(booking).toMatchObject({ entryNumber: 1001, netCents: 10_000, vatCents: 2_100, totalCents: 12_100 });
    expect(await checkInvariants(world)).toEqual([
      {
        invariant: 'I5',
        message:
          'Invoice 2026/1 totals €242.00 (net €200.00, VAT €42.00) in Focus, but booking 1001 in journal 70 totals €121.00 (net €100.00, VAT €21.00).',
        documents: ['2026/1'],
        bookings: [1001],
      },
    ]);
  });

  it('R11: setting a synced invoice to zero in Focus leaves the booking in Exact as it was', async () => {
    world = await connectedWorld();
    const invoice = bookInvoice(world, '2026-02-02');
    await world.sync();
    world.focus.setAmountToZero(invoice.id);
    await world.sync();
    const [booking] = await bookings(world, '70');
    expect(booking!.totalCents).toBe(12_100);
    expect((await checkInvariants(world)).map((v) => v.invariant)).toEqual(['I5']);
  });
});
