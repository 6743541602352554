import { World, type WorldOptions } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';

/**
 * A demo world connected to Exact (customers imported) with `count` booked, unsynced invoices spread over
 * February 2026: what the sync and dashboard benches load.
 */
export async function worldWithInvoices(count: number, options: WorldOptions = {}): Promise<World> {
  const world = await connectedDemoWorld(options);
  const companies = Object.values(world.focus.state.companies);
  for (let i = 0; i < count; i += 1) {
    const draft = world.focus.createDraft({
      companyId: companies[i % companies.length]!.id,
      date: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
      lines: [
        { description: 'Consulting', quantity: 1 + (i % 3), unitPriceCents: 12_345, vatRateBp: 2100, ledgerAccount: '700000' },
        { description: 'Travel', quantity: 1, unitPriceCents: 2_500, vatRateBp: 600, ledgerAccount: '705000' },
      ],
    });
    if (!draft.ok) throw new Error(draft.problem.message);
    world.focus.book(draft.value.id);
  }
  return world;
}

/** A demo world connected to Exact from 2026-01-01 (journals 70 and 71, customers imported), as every bench starts. */
export async function connectedDemoWorld(options: WorldOptions = {}): Promise<World> {
  const world = await World.create(options);
  const connected = await world.connect('admin', {
    division: DEMO_DIVISIONS.main,
    startDate: '2026-01-01',
    invoiceJournal: '70',
    creditNoteJournal: '71',
    importContacts: true,
  });
  if (!connected.ok) {
    await world.close();
    throw new Error(connected.problem.message);
  }
  return world;
}
