// The fresh world `npm start` opens on: a small company, connected, with booked, synced, draft and credited documents.

import { DEMO_DIVISIONS, World, type WorldOptions, createLedgerAccount, setAutoSuggest, topUpWallet } from '../core/index.js';
import { line } from '../scenarios/index.js';

/** What the demo company books: date, customer, net amount; `draft` ones stay drafts. */
const DEMO_DOCUMENTS: ReadonlyArray<{ date: string; customer: string; cents: number; draft?: boolean }> = [
  { date: '2026-01-12', customer: 'Brouwerij De Kroon', cents: 80_000 },
  { date: '2026-01-20', customer: 'Van Dijk Installaties', cents: 120_000 },
  { date: '2026-02-03', customer: 'Atelier Lumière', cents: 45_000 },
  { date: '2026-02-10', customer: 'Delta Logistics', cents: 210_000 },
  { date: '2026-02-17', customer: 'Brouwerij De Kroon', cents: 32_500 },
  { date: '2026-02-24', customer: 'Van Dijk Installaties', cents: 99_000 },
  { date: '2026-02-27', customer: 'Atelier Lumière', cents: 15_000, draft: true },
  { date: '2026-03-02', customer: 'Delta Logistics', cents: 64_000, draft: true },
];

/**
 * Builds the demo world: Exact connected from 1 January with journals 70 (invoices) and 71 (credit notes)
 * and the customers imported, six invoices booked and synced, a credit note on the third, two drafts;
 * for the bookkeeping export, ledger account 700000 (suggested for 21%) and EUR 5.00 in the wallet.
 * @example const world = await createDemoWorld();
 */
export async function createDemoWorld(options: WorldOptions = {}): Promise<World> {
  const world = await World.create(options);
  const connected = await world.connect('admin', {
    division: DEMO_DIVISIONS.main,
    startDate: '2026-01-01',
    invoiceJournal: '70',
    creditNoteJournal: '71',
    importContacts: true,
  });
  if (!connected.ok) throw new Error(`[booklab] Cannot build the demo world: ${connected.problem.message}`);
  const companyId = (name: string) => Object.values(world.focus.state.companies).find((c) => c.name === name)?.id ?? '';
  const booked: string[] = [];
  for (const { date, customer, cents, draft } of DEMO_DOCUMENTS) {
    const created = world.focus.createDraft({ companyId: companyId(customer), date, lines: [line(cents)] });
    if (!created.ok) throw new Error(`[booklab] Cannot build the demo world: ${created.problem.message}`);
    if (!draft) booked.push(world.focus.book(created.value.id).ok ? created.value.id : '');
  }
  const third = booked[2];
  if (third) world.focus.credit(third, { date: '2026-02-20' });
  const exportReady = [
    createLedgerAccount(world.focus, 'admin', { code: '700000', description: 'Sales of services' }),
    setAutoSuggest(world.focus, 'admin', 2100, '700000'),
    topUpWallet(world.focus, 500),
  ];
  for (const result of exportReady) if (!result.ok) throw new Error(`[booklab] Cannot build the demo world: ${result.problem.message}`);
  await world.sync('manual');
  return world;
}
