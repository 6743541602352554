import { DEMO_DIVISIONS } from '../../mock-accounting/index.js';
import { World, type WorldOptions } from '../../core/index.js';

/** The ways a world reaches its embedded server; tests of the client and the world run over each. */
export const TRANSPORTS = ['http', 'in-process'] as const;

/** Standard connection settings of the demo: journals 70 and 71 from the start of the year. */
export const DEMO_CONNECT = {
  startDate: '2026-01-01',
  invoiceJournal: '70',
  creditNoteJournal: '71',
  division: DEMO_DIVISIONS.main,
} as const;

/** A standard invoice line: €100 at 21 % on the revenue account 700000. */
export const STANDARD_LINE = {
  description: 'Consulting',
  quantity: 1,
  unitPriceCents: 10_000,
  vatRateBp: 2100,
  ledgerAccount: '700000',
} as const;

/** A world connected to the demo administration, with the demo customers imported as Focus companies. */
export async function connectedWorld(options: WorldOptions & { strategy?: 'faithful' | 'safe' } = {}): Promise<World> {
  const { strategy = 'faithful', ...worldOptions } = options;
  const world = await World.create(worldOptions);
  const connected = await world.connect('admin', { ...DEMO_CONNECT, importContacts: true, strategy });
  if (!connected.ok) throw new Error(connected.problem.message);
  return world;
}

/** Books an invoice for the first company on a date and returns it. */
export function bookInvoice(world: World, date: string, lines = [STANDARD_LINE]) {
  const company = Object.values(world.focus.state.companies)[0]!;
  const draft = world.focus.createDraft({ companyId: company.id, date, lines: [...lines] });
  if (!draft.ok) throw new Error(draft.problem.message);
  const booked = world.focus.book(draft.value.id);
  if (!booked.ok) throw new Error(booked.problem.message);
  return booked.value;
}
