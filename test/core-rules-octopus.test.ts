import { afterEach, describe, expect, it } from 'vitest';
import {
  checkInvariants,
  documentTotals,
  editWarning,
  World,
  type ConnectInput,
  type FocusDocument,
  type LineInput,
} from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, STANDARD_LINE } from './support/world.js';

// R11 with Octopus (article 003, focus-side.md §1b): edits of synced invoices are pushed and reset the
// booking's cost centres (the edit comes with a warning); a closed period keeps an invoice out; a journal of
// the wrong type, or one Octopus does not list, is named in the bell. Exact and Yuki keep edits to themselves.

const division = DEMO_DIVISIONS.main;
const OCTOPUS: ConnectInput = {
  tool: 'octopus',
  division,
  startDate: '2026-01-01',
  invoiceJournal: 'V1',
  creditNoteJournal: 'V2',
  importContacts: true,
};
const TWO_LINES: LineInput[] = [
  { ...STANDARD_LINE, description: 'Consulting' },
  { ...STANDARD_LINE, description: 'Travel', unitPriceCents: 5_000, ledgerAccount: '705000' },
];

/** A world on the octopus seed (or another), connected as `input` says. */
async function connected(seed: 'octopus' | 'yuki' | 'demo' = 'octopus', input: ConnectInput = OCTOPUS): Promise<World> {
  const world = await World.create({ seed });
  const result = await world.connect('admin', input);
  if (!result.ok) throw new Error(result.problem.message);
  return world;
}

async function booking(world: World, journal: string, entryNumber: number) {
  const read = await world.backOffice.bookings(division, journal);
  if (!read.ok) throw new Error(read.problem.message);
  const found = read.value.find((b) => b.entryNumber === entryNumber);
  if (!found) throw new Error(`No booking ${entryNumber} in journal ${journal}`);
  return found;
}

/** The accountant assigns a cost centre to every line of the document's booking, by hand in Octopus. */
async function assignCostCentres(world: World, document: FocusDocument, journal: string) {
  const current = await booking(world, journal, document.bookingNumber!);
  const lines = current.lines.map((l) => ({
    glAccountCode: l.glAccount,
    amountCents: l.netCents,
    vatCode: l.vatCode ?? undefined,
    description: l.description ?? undefined,
    costCenter: 'SALES',
  }));
  const edited = await world.backOffice.editLines(division, journal, document.bookingNumber!, lines);
  if (!edited.ok) throw new Error(edited.problem.message);
  return edited.value;
}

/** Books an invoice of 2 February with these lines for the first company. */
function bookLines(world: World, lines: LineInput[]): FocusDocument {
  const company = Object.values(world.focus.state.companies)[0]!;
  const draft = world.focus.createDraft({ companyId: company.id, date: '2026-02-02', lines });
  const booked = draft.ok ? world.focus.book(draft.value.id) : draft;
  if (!booked.ok) throw new Error(booked.problem.message);
  return booked.value;
}

/** Raises the price of the document's first line in Focus; the edit's result, with its warnings. */
function raisePrice(world: World, document: FocusDocument) {
  const edited = world.focus.editLines(
    document.id,
    document.lines.map((l, i) => (i === 0 ? { ...l, unitPriceCents: l.unitPriceCents + 2_000 } : l)),
  );
  if (!edited.ok) throw new Error(edited.problem.message);
  return edited;
}

/** Takes a journal out of what the Octopus API lists, as one not yet synchronised in Octopus; returns how to put it back. */
async function hideJournal(world: World, code: string): Promise<() => Promise<void>> {
  const read = await world.backOffice.state();
  if (!read.ok) throw new Error(read.problem.message);
  const [id, journal] = Object.entries(read.value.journals).find(([, j]) => j.division === division && j.code === code)!;
  delete read.value.journals[id];
  await world.backOffice.restore(read.value);
  return async () => {
    const now = await world.backOffice.state();
    if (!now.ok) throw new Error(now.problem.message);
    await world.backOffice.restore({ ...now.value, journals: { ...now.value.journals, [id]: journal } });
  };
}

const COST_CENTRES_WARNING = 'The cost centres of invoice 2026/1 will be reset after the sync.';

describe('core rules: Octopus takes edits of synced invoices (R11)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R11: editing a synced invoice returns the warning that its cost centres will be reset; not for an unsynced invoice or a draft', async () => {
    world = await connected();
    const invoice = bookInvoice(world, '2026-02-02');
    const draft = world.focus.createDraft({ companyId: invoice.companyId, date: '2026-02-03', lines: [STANDARD_LINE] });
    if (!draft.ok) throw new Error(draft.problem.message);
    expect(raisePrice(world, invoice)).toEqual({ ok: true, value: invoice });
    await world.sync();
    expect(invoice.link).not.toBeNull();

    expect(raisePrice(world, invoice)).toEqual({ ok: true, value: invoice, warnings: [COST_CENTRES_WARNING] });
    expect(world.focus.setAmountToZero(invoice.id)).toMatchObject({ ok: true, warnings: [COST_CENTRES_WARNING] });
    expect(raisePrice(world, draft.value)).toEqual({ ok: true, value: draft.value });
    // The invoice editor's query says the same, from the same rule.
    expect(editWarning(world.focus, invoice.id)).toBe(COST_CENTRES_WARNING);
    expect(editWarning(world.focus, draft.value.id)).toBeNull();
    expect(editWarning(world.focus, 'invoice-99')).toBeNull();
  });

  it('R11: with Exact and Yuki the edit of a synced invoice comes without a warning: they never get the edit', async () => {
    for (const tool of ['exact', 'yuki'] as const) {
      world = await connected(tool === 'exact' ? 'demo' : 'yuki', {
        tool,
        division,
        startDate: '2026-01-01',
        invoiceJournal: '70',
        creditNoteJournal: '71',
        importContacts: true,
      });
      const other = bookInvoice(world, '2026-02-02');
      await world.sync();
      expect(other.bookingNumber, tool).toBe(1001);
      expect(raisePrice(world, other), tool).toEqual({ ok: true, value: other });
      expect(other.editedAfterSync, tool).toBe(true);
      expect(editWarning(world.focus, other.id), tool).toBeNull();
      await world.close();
    }
  });

  it('R11: the next sync pushes the edited lines to the same booking and resets the cost centres assigned in Octopus', async () => {
    world = await connected();
    const invoice = bookLines(world, TWO_LINES);
    await world.sync();
    expect(invoice.bookingNumber).toBe(1);
    expect((await assignCostCentres(world, invoice, 'V1')).lines.map((l) => l.costCenter)).toEqual(['SALES', 'SALES']);

    raisePrice(world, invoice);
    expect(invoice.editedAfterSync).toBe(true);
    const report = await world.sync();
    expect(report).toMatchObject({ invoicesBooked: 0, invoicesUpdated: 1, errors: [] });
    expect(report.notification).toEqual({
      kind: 'sync_success',
      message: 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced',
      shown: true,
    });
    expect(invoice).toMatchObject({ bookingNumber: 1, editedAfterSync: false });

    const pushed = await booking(world, 'V1', 1);
    expect(pushed.totalCents).toBe(documentTotals(invoice).totalCents);
    expect(pushed.lines.map((l) => [l.description, l.netCents, l.costCenter ?? null])).toEqual([
      ['Consulting', 12_000, null],
      ['Travel', 5_000, null],
    ]);
    expect(await world.backOffice.bookings(division, 'V1')).toMatchObject({ ok: true, value: [{ entryNumber: 1, yourRef: '2026/1' }] });
    expect(await checkInvariants(world)).toEqual([]);
    expect((await world.sync()).notification?.message).toBe('There are no changes');
  });

  it('R11: a push cut off halfway (old lines not all removed) leaves the edit marked, and the next sync heals the booking', async () => {
    world = await connected();
    const invoice = bookLines(world, TWO_LINES);
    await world.sync();
    raisePrice(world, invoice);
    // Removing the old lines fails: the new lines are added, so the booking holds both sets (amount doubled).
    const armed = await world.backOffice.addFault({ method: 'DELETE', path: 'salesentry/SalesEntryLines', status: 500, times: 1 });
    expect(armed.ok).toBe(true);
    const cut = await world.sync();
    expect(cut.errors).toEqual([expect.stringMatching(/^Invoice 2026\/1 could not be synced: /)]);
    expect(invoice.editedAfterSync).toBe(true);
    const halfway = await booking(world, 'V1', 1);
    expect(halfway.lines).toHaveLength(4);
    expect((await checkInvariants(world)).map((v) => v.invariant)).toContain('I5');

    const healed = await world.sync();
    expect(healed).toMatchObject({ invoicesUpdated: 1, errors: [] });
    expect((await booking(world, 'V1', 1)).lines.map((l) => [l.description, l.netCents])).toEqual([
      ['Consulting', 12_000],
      ['Travel', 5_000],
    ]);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R11: an edited credit note is pushed with negative amounts and counted as a credit note', async () => {
    world = await connected();
    const invoice = bookInvoice(world, '2026-02-02');
    const credited = world.focus.credit(invoice.id, { date: '2026-02-03' });
    if (!credited.ok) throw new Error(credited.problem.message);
    await world.sync();
    raisePrice(world, credited.value);
    const report = await world.sync();
    expect(report).toMatchObject({ creditNotesUpdated: 1, invoicesUpdated: 0, errors: [] });
    expect(report.notification?.message).toBe('Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
    expect((await booking(world, 'V2', 1)).totalCents).toBe(-14_520);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R11: an edit in a closed period is not pushed: the bell says "Book year period is closed" and the edit goes once the period is re-opened', async () => {
    world = await connected();
    const invoice = bookInvoice(world, '2026-02-02');
    await world.sync();
    await world.backOffice.setPeriodClosed(division, 2026, 2, true);
    raisePrice(world, invoice);

    const refused = await world.sync();
    expect(refused.errors).toEqual(['Invoice 2026/1 could not be synced: Book year period is closed']);
    expect(refused.notification).toMatchObject({
      kind: 'sync_error',
      message: 'Invoice 2026/1 could not be synced: Book year period is closed',
    });
    expect(invoice.editedAfterSync).toBe(true);
    expect((await booking(world, 'V1', 1)).totalCents).toBe(12_100);

    await world.backOffice.setPeriodClosed(division, 2026, 2, false);
    expect((await world.sync()).invoicesUpdated).toBe(1);
    expect((await booking(world, 'V1', 1)).totalCents).toBe(14_520);
    expect(await checkInvariants(world)).toEqual([]);
  });
});

describe('core rules: what Octopus refuses (R11)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R11: an invoice in a closed Octopus period is not synced and the bell reports "Book year period is closed"; re-opened, it is', async () => {
    world = await connected();
    await world.backOffice.setPeriodClosed(division, 2026, 2, true);
    const late = bookInvoice(world, '2026-02-27');
    const current = bookInvoice(world, '2026-03-02');

    const report = await world.sync();
    expect(report).toMatchObject({ invoicesBooked: 1, errors: ['Invoice 2026/1 could not be synced: Book year period is closed'] });
    expect([late.bookingNumber, current.bookingNumber]).toEqual([null, 1]);
    expect((await checkInvariants(world)).map((v) => v.message)).toEqual([
      'Invoice 2026/1 (2026-02-27) is not synced: it has no link to a booking in journal V1.',
    ]);

    await world.backOffice.setPeriodClosed(division, 2026, 2, false);
    expect((await world.sync()).invoicesBooked).toBe(1);
    expect(late.bookingNumber).toBe(2);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it("R11: a journal of the wrong type: \"'Journal V1' in Octopus has the wrong type. This should be 'Sales bookings' but is 'Invoices' instead.\"", async () => {
    world = await connected();
    await world.backOffice.setJournalType(division, 'V1', 'Invoices');
    const invoice = bookInvoice(world, '2026-02-02');
    const creditNote = world.focus.credit(invoice.id, { date: '2026-02-03' });
    if (!creditNote.ok) throw new Error(creditNote.problem.message);

    const report = await world.sync();
    expect(report.errors).toEqual([
      "'Journal V1' in Octopus has the wrong type. This should be 'Sales bookings' but is 'Invoices' instead.",
    ]);
    expect(report.notification?.kind).toBe('sync_error');
    expect([invoice.bookingNumber, creditNote.value.bookingNumber]).toEqual([null, 1]);

    // The fix the article gives: change the journal's type in Octopus.
    await world.backOffice.setJournalType(division, 'V1', 'Sales bookings');
    const fixed = await world.sync();
    expect(fixed).toMatchObject({ invoicesBooked: 1, errors: [] });
    expect(await checkInvariants(world)).toEqual([]);
  });

  it("R11: a journal Octopus does not list is named with what to do: File > 'Synchronise' in Octopus, then 'LINK DOSSIER' again", async () => {
    world = await connected();
    const putBack = await hideJournal(world, 'V1');
    const invoice = bookInvoice(world, '2026-02-02');
    const creditNote = world.focus.credit(invoice.id, { date: '2026-02-03' });
    if (!creditNote.ok) throw new Error(creditNote.problem.message);

    const report = await world.sync();
    expect(report.errors).toEqual([
      "Journal V1 was not found in Octopus. A new journal is not visible to Focus until Octopus has synchronised it: in Octopus choose File > 'Synchronise', then click 'LINK DOSSIER' again in the Octopus integration settings.",
    ]);
    expect(report.notification).toMatchObject({ kind: 'sync_error', message: report.errors[0] });
    expect([invoice.bookingNumber, creditNote.value.bookingNumber]).toEqual([null, 1]);

    // Synchronised in Octopus, the journal is listed again and the invoice goes.
    await putBack();
    expect(await world.sync()).toMatchObject({ invoicesBooked: 1, errors: [] });
    expect(invoice.bookingNumber).toBe(1);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R11: Exact and Yuki do not send edits: the booking keeps its amount and the document stays marked', async () => {
    for (const seed of ['demo', 'yuki'] as const) {
      world = await connected(seed, {
        tool: seed === 'demo' ? 'exact' : 'yuki',
        division,
        startDate: '2026-01-01',
        invoiceJournal: '70',
        creditNoteJournal: '71',
        importContacts: true,
      });
      const invoice = bookInvoice(world, '2026-02-02');
      await world.sync();
      raisePrice(world, invoice);
      const report = await world.sync();
      expect(report, seed).toMatchObject({ invoicesUpdated: 0, errors: [], notification: { message: 'There are no changes' } });
      expect(invoice.editedAfterSync, seed).toBe(true);
      expect((await booking(world, '70', 1001)).totalCents, seed).toBe(12_100);
      await world.close();
    }
  });
});
