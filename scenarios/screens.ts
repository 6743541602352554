import {
  bookedDocuments,
  bookSign,
  documentTotals,
  euros,
  type Booking,
  type DocumentKind,
  type FocusDocument,
  type FocusState,
  type JournalInfo,
} from '../core/index.js';
import { DIVISION, expectOk } from './actions.js';
import { StepFailure, type ScenarioContext } from './scenario.js';

// What the person in the articles sees, read as typed rows: the Focus overviews with the 'booking number'
// column, Exact's journal screens with their next booking number, the integration settings and the bell.
// Repair steps read these and nothing else, so a repair can only act on what a person could act on.

/** A row of the Focus invoice or credit note overview, with the 'booking number' column added (R6: empty = not synced). */
export interface OverviewRow {
  /** The document's id (not on screen): what a step's recorded changes name it by. */
  id: string;
  /** `2026/3`; null for a draft. */
  number: string | null;
  date: string;
  customer: string;
  /** As the overview shows it: `€1,210.00`, `-€605.00` for a credit note. */
  total: string;
  status: 'draft' | 'booked';
  bookingNumber: number | null;
  paymentStatus: FocusDocument['paymentStatus'];
}

/** An entry of an Exact journal's screen. */
export interface JournalEntryRow {
  /** The booking's id (not on screen): what a step's recorded changes name it by. */
  id: string;
  entryNumber: number;
  date: string;
  yourRef: string | null;
  /** The booking's description: "Invoice 2026/1 Brouwerij De Kroon" as the integration (or the accountant) wrote it. */
  description: string | null;
  /** As Exact shows it: `€1,210.00`, `-€605.00` for a credit note. */
  amount: string;
  /** `€0.00` once paid. */
  outstanding: string;
  /** The financial period it is booked in: `202602`. */
  period: string;
  lines: Array<{ description: string | null; glAccount: string; net: string; vatCode: string | null; costCentre: string | null }>;
}

/** An Exact journal: Master data › Journals (its next booking number, R8) and its entries by number. */
export interface JournalScreen {
  code: string;
  nextBookingNumber: number;
  entries: JournalEntryRow[];
}

/** Integrations › Exact Online › Edit settings under 'Administration'. */
export interface SettingsScreen {
  connected: boolean;
  division: number;
  startDate: string;
  invoiceJournal: string;
  creditNoteJournal: string;
}

/** The Focus overview of invoices or credit notes: booked ones in number order, then the drafts by date. */
export function overview(ctx: ScenarioContext, kind: DocumentKind): OverviewRow[] {
  return overviewOf(ctx.world.focus.state, kind);
}

/** The overview of a Focus state: the scenario's now, or a recorded one. */
export function overviewOf(state: FocusState, kind: DocumentKind): OverviewRow[] {
  const booked = bookedDocuments(state).filter((d) => d.kind === kind);
  const drafts = Object.values(state.documents)
    .filter((d) => d.kind === kind && d.status === 'draft')
    .sort((a, b) => a.date.localeCompare(b.date));
  return [...booked, ...drafts].map((d) => ({
    id: d.id,
    number: d.number,
    date: d.date,
    customer: state.companies[d.companyId]?.name ?? '',
    total: euros(bookSign(d) * documentTotals(d).totalCents),
    status: d.status,
    bookingNumber: d.bookingNumber,
    paymentStatus: d.paymentStatus,
  }));
}

/** The overview's row of `number`; fails the step when the overview has none. */
export function overviewRow(ctx: ScenarioContext, kind: DocumentKind, number: string): OverviewRow {
  const row = overview(ctx, kind).find((r) => r.number === number);
  if (!row) throw new StepFailure(`The ${kind === 'invoice' ? 'invoice' : 'credit note'} overview has no ${number}.`);
  return row;
}

/** The booked rows dated `from` or later (what a delink date reaches), in number order. */
export function bookedFrom(ctx: ScenarioContext, kind: DocumentKind, from: string): OverviewRow[] {
  return overview(ctx, kind).filter((r) => r.status === 'booked' && r.date >= from);
}

/** An Exact journal of the demo administration as its screens show it. */
export async function journalScreen(ctx: ScenarioContext, code: string): Promise<JournalScreen> {
  const journals = expectOk(await ctx.world.backOffice.journals(DIVISION), 'Reading the journals in Exact Online');
  const journal = journals.find((j) => j.code === code);
  if (!journal) throw new StepFailure(`Exact Online has no journal ${code}.`);
  const bookings = expectOk(await ctx.world.backOffice.bookings(DIVISION, code), `Reading journal ${code} in Exact Online`);
  return journalScreenOf(journal, bookings);
}

/** A journal's screen from its master data and its bookings (of that journal or of all): read now, or recorded. */
export function journalScreenOf(journal: JournalInfo, bookings: readonly Booking[]): JournalScreen {
  return {
    code: journal.code,
    nextBookingNumber: journal.nextBookingNumber,
    entries: bookings
      .filter((b) => b.journal === journal.code)
      .map((b) => ({
        id: b.id,
        entryNumber: b.entryNumber,
        date: b.entryDate,
        yourRef: b.yourRef,
        description: b.description,
        amount: euros(b.totalCents),
        outstanding: euros(b.outstandingCents),
        period: `${b.financialYear}${String(b.financialPeriod).padStart(2, '0')}`,
        lines: [...b.lines]
          .sort((x, y) => x.lineNumber - y.lineNumber)
          .map((l) => ({
            description: l.description,
            glAccount: l.glAccount,
            net: euros(l.netCents),
            vatCode: l.vatCode,
            costCentre: l.costCenter ?? null,
          })),
      }))
      .sort((a, b) => a.entryNumber - b.entryNumber),
  };
}

/** The entry `entryNumber` of a journal's screen; fails the step when the journal has none. */
export async function journalEntry(ctx: ScenarioContext, code: string, entryNumber: number): Promise<JournalEntryRow> {
  const entry = (await journalScreen(ctx, code)).entries.find((e) => e.entryNumber === entryNumber);
  if (!entry) throw new StepFailure(`Journal ${code} has no booking ${entryNumber}.`);
  return entry;
}

/** The integration's settings screen; fails the step when the integration was never connected. */
export function settingsScreen(ctx: ScenarioContext): SettingsScreen {
  const integration = ctx.world.focus.state.integration;
  if (!integration) throw new StepFailure('Focus has no Exact Online integration to open.');
  const { division, startDate, invoiceJournal, creditNoteJournal } = integration.settings;
  return { connected: integration.active, division, startDate, invoiceJournal, creditNoteJournal };
}

/** CRM › Companies with the External ID column: "Atelier Lumière 1002", "Café Het Anker (no external ID)", by name. */
export function companiesScreen(ctx: ScenarioContext): string[] {
  return (
    Object.values(ctx.world.focus.state.companies)
      .map((c) => `${c.name} ${c.externalId ?? '(no external ID)'}`)
      // Code-unit order, the same on every machine (a locale's order is not).
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  );
}

/** Exact's relations (customers) of the demo administration: code, name and country (or none), by code. */
export async function relationsScreen(ctx: ScenarioContext): Promise<Array<{ code: string; name: string; country: string }>> {
  const relations = expectOk(await ctx.world.backOffice.relations(DIVISION), 'Reading the relations in Exact Online');
  return relations
    .map(({ code, name, country }) => ({ code: code.trim(), name, country: country ?? 'none' }))
    .sort((a, b) => Number(a.code) - Number(b.code));
}

/** The bell: the unread notifications' texts, oldest first (R15). */
export function bell(ctx: ScenarioContext): string[] {
  return ctx.world.focus.unreadNotifications().map((n) => n.message);
}

/** "2026/3 (1003), 2026/4 (none)" or "none": rows as a person reads them off the overview. */
export function rowsInWords(rows: readonly OverviewRow[]): string {
  return rows.length ? rows.map((r) => `${r.number ?? '(draft)'} (${r.bookingNumber ?? 'no booking number'})`).join(', ') : 'none';
}

/** "1001 2026/1, 1002 2026/2" or "no entries": a journal's entries as a person reads them. */
export function entriesInWords(entries: readonly JournalEntryRow[]): string {
  return entries.length ? entries.map((e) => `${e.entryNumber} ${e.yourRef ?? '(no reference)'}`).join(', ') : 'no entries';
}
