import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, focusProblems, World } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld, DEMO_CONNECT } from './support/world.js';

// R4, R12, R13, R14: the integration settings (connect, deactivate, reconnect) against the embedded server.

const division = DEMO_DIVISIONS.main;
const NOT_ADMIN =
  'Only an admin can change the integration settings (connect, deactivate, reconnect). Ask an admin of this Focus account to do it.';

async function relationNames(world: World): Promise<string[]> {
  const relations = await world.backOffice.relations(division);
  if (!relations.ok) throw new Error(relations.problem.message);
  return relations.value.map((r) => r.name).sort();
}

describe('core rules: admin rights (R4)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R4: connecting by a non-admin is refused with the not_admin message', async () => {
    world = await World.create();
    expect(await world.connect('sales', DEMO_CONNECT)).toEqual({ ok: false, problem: { code: 'not_admin', message: NOT_ADMIN } });
    expect(world.focus.state.integration).toBeNull();
  });

  it('R4: an unknown user is refused like a non-admin', async () => {
    world = await World.create();
    expect(await world.connect('nobody', DEMO_CONNECT)).toEqual({ ok: false, problem: focusProblems.notAdmin() });
  });

  it('R4: deactivating by a non-admin is refused and leaves the integration and its links as they were', async () => {
    world = await connectedWorld();
    const invoice = bookInvoice(world, '2026-02-02');
    await world.sync();
    expect(world.deactivate('sales', { delinkDate: '2026-01-01' })).toEqual({
      ok: false,
      problem: { code: 'not_admin', message: NOT_ADMIN },
    });
    expect(world.focus.state.integration?.active).toBe(true);
    expect(invoice.bookingNumber).toBe(1001);
  });

  it('R4: an admin connects: division, start date, journals and no import by default (R13)', async () => {
    world = await World.create();
    const connected = await world.connect('admin', DEMO_CONNECT);
    expect(connected.ok && connected.value.importedCompanies).toBe(0);
    expect(world.focus.state.integration).toMatchObject({
      active: true,
      settings: {
        division,
        startDate: '2026-01-01',
        invoiceJournal: '70',
        creditNoteJournal: '71',
        nightlySync: false,
        strategy: 'faithful',
      },
    });
    expect(world.focus.state.companies).toEqual({});
  });

  it('R4: connecting twice is refused until the integration is deactivated', async () => {
    world = await connectedWorld();
    expect(await world.connect('admin', DEMO_CONNECT)).toEqual({ ok: false, problem: focusProblems.integrationActive() });
  });

  it('R13: a journal that does not exist in the administration is refused and nothing is connected', async () => {
    world = await World.create();
    expect(await world.connect('admin', { ...DEMO_CONNECT, creditNoteJournal: '72' })).toEqual({
      ok: false,
      problem: {
        code: 'unknown_journal',
        journal: '72',
        message: 'Journal 72 does not exist in administration 100001. Pick one of the sales journals of that administration.',
      },
    });
    expect(world.focus.state.integration).toBeNull();
  });
});

describe('core rules: deactivating with a delink date (R12)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R12: documents dated on or after the delink date lose link and booking number; older ones and companies stay linked', async () => {
    world = await connectedWorld();
    const [first, second, third] = ['2026-02-02', '2026-02-03', '2026-02-04'].map((date) => bookInvoice(world, date));
    await world.sync();
    const linkedCompanies = Object.values(world.focus.state.companies).map((c) => c.accountingId);

    const deactivated = world.deactivate('admin', { delinkDate: '2026-02-03' });
    expect(deactivated).toEqual({ ok: true, value: { delinkedDocuments: ['2026/2', '2026/3'], delinkedCompanies: 0 } });
    expect([first, second, third].map((d) => [d!.bookingNumber, d!.link === null])).toEqual([
      [1001, false],
      [null, true],
      [null, true],
    ]);
    expect(Object.values(world.focus.state.companies).map((c) => c.accountingId)).toEqual(linkedCompanies);
    expect(world.focus.state.integration).toMatchObject({ active: false, tokens: null });
  });

  it('R12: the repair (delete in Exact, deactivate, reconnect without import, sync) restores every invariant', async () => {
    world = await connectedWorld();
    for (const date of ['2026-02-02', '2026-02-03', '2026-02-04']) bookInvoice(world, date);
    await world.sync();
    for (const entry of [1003, 1002]) expect((await world.backOffice.deleteBooking(division, '70', entry)).ok).toBe(true);
    expect(world.deactivate('admin', { delinkDate: '2026-02-03' }).ok).toBe(true);
    expect((await world.connect('admin', DEMO_CONNECT)).ok).toBe(true);

    const report = await world.sync();
    expect(report).toMatchObject({ customersCreated: 0, invoicesBooked: 2, errors: [] });
    expect(Object.values(world.focus.state.documents).map((d) => d.bookingNumber)).toEqual([1001, 1002, 1003]);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R12: delinkContacts unlinks the companies, so the next sync creates duplicate relations in Exact (I4)', async () => {
    world = await connectedWorld();
    bookInvoice(world, '2026-02-02');
    await world.sync();
    expect((await world.backOffice.deleteBooking(division, '70', 1001)).ok).toBe(true);

    const deactivated = world.deactivate('admin', { delinkDate: '2026-02-02', delinkContacts: true });
    expect(deactivated.ok && deactivated.value).toEqual({ delinkedDocuments: ['2026/1'], delinkedCompanies: 4 });
    expect(Object.values(world.focus.state.companies).map((c) => [c.accountingId, c.accountingCode])).toEqual(Array(4).fill([null, null]));
    expect((await world.connect('admin', DEMO_CONNECT)).ok).toBe(true);

    const report = await world.sync();
    expect(report.notification?.message).toBe('Synchronisation finished: 1 customer, 1 invoice and 0 credit notes synced');
    expect(await relationNames(world)).toEqual([
      'Atelier Lumière',
      'Brouwerij De Kroon',
      'Brouwerij De Kroon',
      'Delta Logistics',
      'Van Dijk Installaties',
    ]);
    expect(await checkInvariants(world)).toEqual([
      {
        invariant: 'I4',
        message: "The bookkeeping tool has 2 relations named 'Brouwerij De Kroon' (codes 1, 5).",
        documents: [],
        bookings: [],
      },
    ]);
  });

  it('R12: deactivating an integration that is not connected is refused', async () => {
    world = await World.create();
    expect(world.deactivate('admin', { delinkDate: '2026-01-01' })).toEqual({ ok: false, problem: focusProblems.integrationInactive() });
  });
});

describe('core rules: reconnecting (R13)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R13: reconnecting with importContacts duplicates the companies in Focus (I4)', async () => {
    world = await connectedWorld();
    expect(Object.keys(world.focus.state.companies)).toHaveLength(4);
    expect(world.deactivate('admin', { delinkDate: '2026-12-31' }).ok).toBe(true);

    const reconnected = await world.connect('admin', { ...DEMO_CONNECT, importContacts: true });
    expect(reconnected.ok && reconnected.value.importedCompanies).toBe(4);
    const names = Object.values(world.focus.state.companies).map((c) => c.name);
    expect(names.filter((n) => n === 'Brouwerij De Kroon')).toHaveLength(2);
    const violations = await checkInvariants(world);
    expect(violations.map((v) => v.invariant)).toEqual(['I4', 'I4', 'I4', 'I4']);
    expect(violations[0]!.message).toBe("Focus has 2 companies named 'Brouwerij De Kroon' (company-1, company-5).");
  });

  it("R13: without a division the user's current administration is used; another division imports its own relations", async () => {
    world = await World.create();
    const current = await world.connect('admin', { startDate: '2026-01-01', invoiceJournal: '70', creditNoteJournal: '71' });
    expect(current.ok && current.value.settings.division).toBe(division);
    world.deactivate('admin', { delinkDate: '2026-12-31' });
    const other = await world.connect('admin', { ...DEMO_CONNECT, division: DEMO_DIVISIONS.other, importContacts: true });
    expect(other.ok && [other.value.settings.division, other.value.importedCompanies]).toEqual([DEMO_DIVISIONS.other, 1]);
    expect(Object.values(world.focus.state.companies).map((c) => [c.name, c.accountingCode])).toEqual([['Isolation Check NV', '1']]);
  });

  it('R13: reconnecting without import keeps one company per relation', async () => {
    world = await connectedWorld();
    world.deactivate('admin', { delinkDate: '2026-12-31' });
    const reconnected = await world.connect('admin', DEMO_CONNECT);
    expect(reconnected.ok && reconnected.value.importedCompanies).toBe(0);
    expect(await checkInvariants(world)).toEqual([]);
  });
});

describe('core rules: payment status (R14)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R14: a payment registered in Exact reaches Focus on the next sync', async () => {
    world = await connectedWorld();
    const paid = bookInvoice(world, '2026-02-02');
    const partly = bookInvoice(world, '2026-02-03');
    const open = bookInvoice(world, '2026-02-04');
    await world.sync();
    expect((await world.backOffice.registerPayment(division, '70', 1001)).ok).toBe(true);
    expect((await world.backOffice.registerPayment(division, '70', 1002, { amountCents: 5_000 })).ok).toBe(true);

    const report = await world.sync();
    expect(report.paymentUpdates).toBe(2);
    expect(report.notification?.message).toBe('There are no changes');
    expect([paid, partly, open].map((d) => [d.paymentStatus, d.paidCents])).toEqual([
      ['paid', 12_100],
      ['partially_paid', 5_000],
      ['unpaid', 0],
    ]);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R14: a later start date on reconnecting silently stops payment status for older invoices (I6)', async () => {
    world = await connectedWorld();
    const older = bookInvoice(world, '2026-01-15');
    const newer = bookInvoice(world, '2026-02-15');
    await world.sync();
    expect(world.deactivate('admin', { delinkDate: '2026-12-31' }).ok).toBe(true);
    expect((await world.connect('admin', { ...DEMO_CONNECT, startDate: '2026-02-01' })).ok).toBe(true);

    for (const entry of [1001, 1002]) expect((await world.backOffice.registerPayment(division, '70', entry)).ok).toBe(true);
    const report = await world.sync();
    expect(report).toMatchObject({ paymentUpdates: 1, errors: [] });
    expect([older.paymentStatus, newer.paymentStatus]).toEqual(['unpaid', 'paid']);
    expect(await checkInvariants(world)).toEqual([
      {
        invariant: 'I6',
        message: 'Invoice 2026/1 is paid in the bookkeeping tool (booking 1001), but Focus shows it unpaid.',
        documents: ['2026/1'],
        bookings: [1001],
      },
    ]);
  });

  it('R14: the payment status of a credit note is fetched too', async () => {
    world = await connectedWorld();
    const company = Object.values(world.focus.state.companies)[0]!;
    const draft = world.focus.createDraft({
      kind: 'credit_note',
      companyId: company.id,
      date: '2026-02-02',
      lines: [{ description: 'Refund', quantity: 1, unitPriceCents: 10_000, vatRateBp: 2100, ledgerAccount: '700000' }],
    });
    const creditNote = world.focus.book(draft.ok ? draft.value.id : '');
    await world.sync();
    expect((await world.backOffice.registerPayment(division, '71', 8001, { amountCents: -2_100 })).ok).toBe(true);
    await world.sync();
    expect(creditNote.ok && [creditNote.value.paymentStatus, creditNote.value.paidCents]).toEqual(['partially_paid', 2_100]);
    expect(await checkInvariants(world)).toEqual([]);
  });
});
