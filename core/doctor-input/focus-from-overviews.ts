import type { MockState } from '../../mock-accounting/index.js';
import { addDays } from '../../primitives/index.js';
import { DEFAULT_VAT_MAP } from '../integration/index.js';
import { seriesKey } from '../focus/numbering.js';
import { emptyFocusState, type Company, type FocusDocument, type FocusState } from '../focus/state.js';
import type { FocusOverviewRow } from './focus-overview.js';
import { signInFocusApp } from './accounting-base.js';
import { linkDocuments, type NumberedDocument } from './link-documents.js';
import { problemAt, type InputResult } from './problems.js';

/** The integration's settings as support reads them in Focus (they are not in the exports). */
export interface IntegrationInput {
  division: number;
  startDate: string;
  invoiceJournal: string;
  creditNoteJournal: string;
}

/**
 * Builds Focus's side from its overviews: a company per customer name (linked to the Exact relation of the same
 * name), a document per row with one line holding its total (VAT not split, as the overview shows no split),
 * its booking number and the link reconstructed from Exact's entries, and the active integration with the given
 * settings, signed in on the case's server. A document linked to a booking whose amount differs is marked as edited after the sync (R11): that
 * is the only way Focus and Exact come to differ. A number listed twice in one series is refused.
 */
export function focusFromOverviews(
  rows: readonly FocusOverviewRow[],
  integration: IntegrationInput,
  accounting: MockState,
  now: number,
): InputResult<FocusState> {
  const state = emptyFocusState();
  const { division } = integration;
  const seen = new Map<string, FocusOverviewRow>();
  for (const row of rows) {
    if (row.number === null) continue;
    const key = `${row.kind}|${row.number}`;
    const first = seen.get(key);
    if (first) {
      return problemAt(
        'duplicate-entry',
        { file: row.file, line: row.line, column: row.numberColumn },
        `${row.number} is listed twice (also at ${first.file}:${first.line}). Focus numbers each document once: export the overview again.`,
      );
    }
    seen.set(key, row);
  }
  const revenue =
    Object.values(accounting.glAccounts)
      .filter((g) => g.division === division && g.type === 110)
      .sort((a, b) => a.code.localeCompare(b.code))[0]?.code ?? '700000';
  // The lines hold totals at 0 % VAT: they must map to the administration's own 0 % code for a replayed sync.
  const zeroRateCode =
    Object.values(accounting.vatCodes).find((v) => v.division === division && v.rateBp === 0)?.code ?? DEFAULT_VAT_MAP['0']!;
  const companies = new Map<string, Company>();
  const companyOf = (name: string): Company => {
    const existing = companies.get(name);
    if (existing) return existing;
    const relation = Object.values(accounting.accounts).find((a) => a.division === division && a.name.trim() === name);
    const id = nextId(state, 'company');
    const company: Company = {
      id,
      name,
      vatNumber: relation?.vatNumber ?? null,
      country: relation?.country ?? 'BE',
      email: null,
      externalId: null,
      accountingId: relation?.id ?? null,
      accountingCode: relation?.code ?? null,
      origin: 'import',
    };
    state.companies[id] = company;
    companies.set(name, company);
    return company;
  };
  const journalOf = (row: FocusOverviewRow) => (row.kind === 'invoice' ? integration.invoiceJournal : integration.creditNoteJournal);
  const numbered = new Map<FocusOverviewRow, NumberedDocument>();
  for (const row of rows) {
    if (row.status !== 'booked' || row.bookingNumber === null) continue;
    numbered.set(row, {
      number: row.number!,
      sequence: row.sequence!,
      fiscalYear: row.fiscalYear!,
      journal: journalOf(row),
      bookingNumber: row.bookingNumber,
    });
  }
  const links = linkDocuments(accounting, division, [...numbered.values()]);
  for (const row of rows) {
    const id = nextId(state, row.kind === 'invoice' ? 'invoice' : 'credit-note');
    const link = numbered.has(row) ? links.get(numbered.get(row)!)! : null;
    const booking = link ? accounting.salesEntries[link.entryId] : undefined;
    const bookedCents = booking?.lines.reduce((sum, l) => sum + l.amountCents + l.vatAmountCents, 0);
    const document: FocusDocument = {
      id,
      kind: row.kind,
      status: row.status,
      number: row.number,
      fiscalYear: row.fiscalYear,
      sequence: row.sequence,
      date: row.date,
      dueDate: row.dueDate ?? addDays(row.date, 30),
      companyId: companyOf(row.customer).id,
      lines: [
        {
          description: 'Total from the overview (VAT not split)',
          quantity: 1,
          unitPriceCents: row.totalCents,
          vatRateBp: 0,
          ledgerAccount: revenue,
          discountBp: 0,
          costCentre: null,
        },
      ],
      bookingNumber: row.status === 'booked' ? row.bookingNumber : null,
      link,
      paymentStatus: row.paymentStatus,
      paidCents: row.paidCents,
      creditedInvoiceId: null,
      editedAfterSync: bookedCents !== undefined && bookedCents !== (row.kind === 'credit_note' ? -row.totalCents : row.totalCents),
      sent: row.status === 'booked',
    };
    state.documents[id] = document;
    if (row.fiscalYear !== null && row.sequence !== null) {
      const key = seriesKey(row.fiscalYear, row.kind);
      state.startNumbers[key] = Math.min(state.startNumbers[key] ?? row.sequence, row.sequence);
    }
  }
  state.integration = {
    active: true,
    settings: {
      tool: 'exact',
      division,
      startDate: integration.startDate,
      invoiceJournal: integration.invoiceJournal,
      creditNoteJournal: integration.creditNoteJournal,
      nightlySync: true,
      ledgerMap: {},
      vatMap: { ...DEFAULT_VAT_MAP, '0': zeroRateCode },
      strategy: 'faithful',
    },
    tokens: signInFocusApp(accounting, now),
    lastNightlyRun: null,
  };
  return { ok: true, value: state };
}

/** Focus's own id form (`invoice-3`), from its counters. */
function nextId(state: FocusState, prefix: string): string {
  state.counters[prefix] = (state.counters[prefix] ?? 0) + 1;
  return `${prefix}-${state.counters[prefix]}`;
}
