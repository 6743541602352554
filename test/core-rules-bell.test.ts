import { afterEach, describe, expect, it } from 'vitest';
import { World, type LineInput } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld, DEMO_CONNECT, STANDARD_LINE } from './support/world.js';

// R15, R16, R17: what a manual sync tells in the bell, a full bell, and the nightly sync.

const division = DEMO_DIVISIONS.main;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Books an invoice for a company (the first one when absent). */
function bookFor(world: World, lines: LineInput[], companyId = Object.values(world.focus.state.companies)[0]!.id, date = '2026-02-02') {
  const draft = world.focus.createDraft({ companyId, date, lines });
  if (!draft.ok) throw new Error(draft.problem.message);
  const booked = world.focus.book(draft.value.id);
  if (!booked.ok) throw new Error(booked.problem.message);
  return booked.value;
}

/** A world connected like `connectedWorld`, with the nightly sync switched on or off. */
async function nightlyWorld(nightlySync: boolean): Promise<World> {
  const world = await World.create();
  const connected = await world.connect('admin', { ...DEMO_CONNECT, importContacts: true, nightlySync });
  if (!connected.ok) throw new Error(connected.problem.message);
  return world;
}

describe('core rules: the bell after a manual sync (R15)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R15: a manual sync ends with exactly one notification with the counts', async () => {
    world = await connectedWorld();
    bookInvoice(world, '2026-02-02');
    bookInvoice(world, '2026-02-03');
    const report = await world.sync();
    expect(world.focus.unreadNotifications().map((n) => [n.kind, n.message])).toEqual([
      ['sync_success', 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced'],
    ]);
    expect(report.notification).toEqual({
      kind: 'sync_success',
      message: 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced',
      shown: true,
    });
  });

  it("R15: a manual sync with nothing to send says 'There are no changes'", async () => {
    world = await connectedWorld();
    await world.sync();
    await world.sync();
    expect(world.focus.unreadNotifications().map((n) => [n.kind, n.message])).toEqual([
      ['sync_no_changes', 'There are no changes'],
      ['sync_no_changes', 'There are no changes'],
    ]);
  });

  it('R15: an account number unknown in Exact', async () => {
    world = await connectedWorld();
    const invoice = bookFor(world, [{ ...STANDARD_LINE, ledgerAccount: '799999' }]);
    const report = await world.sync();
    expect(report.notification).toEqual({
      kind: 'sync_error',
      message:
        'The account number 799999 could not be found in Exact Online. Create this account number in Exact Online or choose another one.',
      shown: true,
    });
    expect(invoice.bookingNumber).toBeNull();
  });

  it('R15: the ledger map of the integration is applied before the account is looked up', async () => {
    world = await World.create();
    await world.connect('admin', { ...DEMO_CONNECT, importContacts: true, ledgerMap: { '7000': '705000', '7001': '799000' } });
    const mapped = bookFor(world, [{ ...STANDARD_LINE, ledgerAccount: '7000' }]);
    bookFor(world, [{ ...STANDARD_LINE, ledgerAccount: '7001' }]);
    const report = await world.sync();
    expect(report.errors).toEqual([
      'The account number 799000 could not be found in Exact Online. Create this account number in Exact Online or choose another one.',
    ]);
    const booked = await world.backOffice.bookings(division, '70');
    expect(booked.ok && booked.value.map((b) => [b.yourRef, b.lines.map((l) => l.glAccount)])).toEqual([['2026/1', ['705000']]]);
    expect(mapped.bookingNumber).toBe(1001);
  });

  it('R15: a VAT rate without a VAT code in Exact', async () => {
    world = await connectedWorld();
    bookFor(world, [{ ...STANDARD_LINE, vatRateBp: 900 }]);
    bookFor(world, [{ ...STANDARD_LINE, vatRateBp: 900 }]);
    const report = await world.sync();
    expect(report.errors).toEqual([
      'No match was found in Exact Online for the VAT rate 9%. Link the VAT codes to Exact Online in the integration settings.',
    ]);
    expect(report.invoicesBooked).toBe(0);
  });

  it('R15: lines without a ledger account are counted per document', async () => {
    world = await connectedWorld();
    const { ledgerAccount: _, ...withoutAccount } = STANDARD_LINE;
    bookFor(world, [withoutAccount, withoutAccount]);
    bookFor(world, [STANDARD_LINE, withoutAccount]);
    bookFor(world, [STANDARD_LINE]);
    const report = await world.sync();
    expect(report.invoicesBooked).toBe(1);
    expect(report.notification).toEqual({
      kind: 'sync_error',
      message: 'There are 2 documents which have unspecified ledger accounts. Open each document and set the ledger accounts of its lines.',
      shown: true,
    });
  });

  it('R15: an invalid VAT number keeps the customer and its invoices out of the sync', async () => {
    world = await connectedWorld();
    const company = world.focus.addCompany({ name: 'Foute BTW BV', vatNumber: 'BE12345', country: 'BE' });
    bookFor(world, [STANDARD_LINE], company.id);
    bookFor(world, [STANDARD_LINE], company.id);
    const report = await world.sync();
    expect(report.errors).toEqual(['Invalid VAT number BE12345 of Foute BTW BV: use the format BE0999999999.']);
    expect(report).toMatchObject({ customersCreated: 0, invoicesBooked: 0 });
    expect(company.accountingId).toBeNull();
  });

  it('R15: several errors end in one notification with every error line', async () => {
    world = await connectedWorld();
    bookFor(world, [{ ...STANDARD_LINE, ledgerAccount: '799999' }]);
    bookFor(world, [{ ...STANDARD_LINE, vatRateBp: 900 }]);
    bookFor(world, [STANDARD_LINE]);
    const report = await world.sync();
    expect(report.invoicesBooked).toBe(1);
    expect(world.focus.unreadNotifications().map((n) => [n.kind, n.message])).toEqual([
      [
        'sync_error',
        'The account number 799999 could not be found in Exact Online. Create this account number in Exact Online or choose another one.\n' +
          'No match was found in Exact Online for the VAT rate 9%. Link the VAT codes to Exact Online in the integration settings.',
      ],
    ]);
  });

  it('R15: a sync of a deactivated integration says it is not connected', async () => {
    world = await connectedWorld();
    world.deactivate('admin', { delinkDate: '2026-12-31' });
    const report = await world.sync();
    expect(report.notification).toEqual({
      kind: 'sync_error',
      message: 'The bookkeeping integration is not connected. Connect it under Integrations first.',
      shown: true,
    });
  });
});

describe('core rules: a full bell (R16)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R16: with a full bell the sync error is hidden; clearing and syncing again shows it', async () => {
    world = await connectedWorld();
    for (let i = 1; i <= 10; i += 1) world.focus.notify('info', `Reminder ${i}`);
    bookFor(world, [{ ...STANDARD_LINE, ledgerAccount: '799999' }]);
    const error =
      'The account number 799999 could not be found in Exact Online. Create this account number in Exact Online or choose another one.';

    const hidden = await world.sync();
    expect(hidden.notification).toEqual({ kind: 'sync_error', message: error, shown: false });
    expect(world.focus.unreadNotifications().map((n) => n.message)).toEqual(Array.from({ length: 10 }, (_, i) => `Reminder ${i + 1}`));
    expect(world.focus.state.bell.hidden.map((n) => n.message)).toEqual([error]);

    expect(world.focus.clearNotifications()).toBe(10);
    const shown = await world.sync();
    expect(shown.notification).toEqual({ kind: 'sync_error', message: error, shown: true });
    expect(world.focus.unreadNotifications().map((n) => [n.kind, n.message])).toEqual([['sync_error', error]]);
  });

  it('R16: a success message is hidden by a full bell as well, while the invoice is synced', async () => {
    world = await connectedWorld();
    for (let i = 1; i <= 10; i += 1) world.focus.notify('info', `Reminder ${i}`);
    const invoice = bookInvoice(world, '2026-02-02');
    const report = await world.sync();
    expect(report.notification?.shown).toBe(false);
    expect(invoice.bookingNumber).toBe(1001);
  });
});

describe('core rules: the nightly sync (R17)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R17: advancing over a night runs the nightly sync when enabled and adds no notification', async () => {
    world = await nightlyWorld(true);
    const invoice = bookInvoice(world, '2026-03-02');
    const reports = await world.advance(DAY);
    expect(reports.map((r) => [r.trigger, r.invoicesBooked, r.notification])).toEqual([['nightly', 1, null]]);
    expect(invoice.bookingNumber).toBe(1001);
    expect(world.focus.state.bell).toMatchObject({ notifications: [], hidden: [] });
    expect(world.focus.state.integration?.lastNightlyRun).toBe(Date.parse('2026-03-03T02:00:00Z'));
    expect(new Date(world.clock.now()).toISOString()).toBe('2026-03-03T09:00:00.000Z');
  });

  it('R17: a nightly sync with errors gives no notification either', async () => {
    world = await nightlyWorld(true);
    bookFor(world, [{ ...STANDARD_LINE, ledgerAccount: '799999' }]);
    const [report] = await world.advance(DAY);
    expect(report?.errors).toEqual([
      'The account number 799999 could not be found in Exact Online. Create this account number in Exact Online or choose another one.',
    ]);
    expect(report?.notification).toBeNull();
    expect(world.focus.state.bell).toMatchObject({ notifications: [], hidden: [] });
  });

  it('R17: one nightly sync per night passed, and none before 02:00', async () => {
    world = await nightlyWorld(true);
    expect(await world.advance(16 * HOUR)).toEqual([]);
    expect(new Date(world.clock.now()).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    const reports = await world.advance(2 * DAY);
    expect(reports.map((r) => r.trigger)).toEqual(['nightly', 'nightly']);
  });

  it('R17: nothing happens at night when the nightly sync is disabled', async () => {
    world = await nightlyWorld(false);
    const invoice = bookInvoice(world, '2026-03-02');
    expect(await world.advance(3 * DAY)).toEqual([]);
    expect(invoice.bookingNumber).toBeNull();
    expect(world.focus.state.bell.notifications).toEqual([]);
  });

  it('R17: nothing happens at night when the integration is deactivated', async () => {
    world = await nightlyWorld(true);
    world.deactivate('admin', { delinkDate: '2026-12-31' });
    bookInvoice(world, '2026-03-02');
    expect(await world.advance(DAY)).toEqual([]);
  });
});
