import type { MockState } from '../../mock-accounting/index.js';
import { addDays } from '../../primitives/index.js';
import { accountingBase, glAccountId, nextGuid, nextRowVersion } from './accounting-base.js';
import { badCell } from './cell-problems.js';
import type { ExactEntryRow } from './exact-entries.js';
import type { FocusOverviewRow } from './focus-overview.js';
import type { JournalNextNumber } from './next-numbers.js';
import type { InputResult } from './problems.js';

/** What Exact's exports say, with the integration's journals (to name them) and who each Focus number belongs to. */
export interface ExactExports {
  now: number;
  division: number;
  entries: ExactEntryRow[];
  nextNumbers: JournalNextNumber[];
  invoiceJournal: string;
  creditNoteJournal: string;
  /** The Focus document an entry stands for, for what the export lacks (its customer, what is paid). */
  documentOf: (entry: ExactEntryRow) => FocusOverviewRow | undefined;
  /** The first year the data needs periods for. */
  firstYear: number;
}

/** The relation an entry gets when neither the export nor Focus names its customer. */
export const UNKNOWN_RELATION = 'Unknown relation (not in the exports)';

/**
 * Builds the accounting side from Exact's exports: one journal per next booking number, each entry as a booking
 * with one line holding its total (the exports carry no VAT split), relations by name, and payments from the
 * outstanding amount (without that column, as Focus shows them: the export then tells nothing to compare).
 * An entry in a journal without a next booking number is refused: the doctor cannot predict a journal's numbering
 * without its counter. An integration journal without one is read as a journal Exact does not have, for the
 * doctor to diagnose.
 */
export function accountingFromExports(input: ExactExports): InputResult<MockState> {
  const { now, division, entries, nextNumbers, invoiceJournal, creditNoteJournal, documentOf, firstYear } = input;
  const known = nextNumbers.map((n) => n.journal).join(', ');
  const stray = entries.find((e) => !nextNumbers.some((n) => n.journal === e.journal));
  if (stray) {
    return badCell(
      'unknown-journal',
      stray.journalCell,
      `Entry ${stray.entryNumber} stands in journal ${stray.journal}, which has no next booking number (known: ${known}). Add journal ${stray.journal} to --next-numbers, or check the export.`,
    );
  }
  const state = accountingBase(now, division, firstYear);
  const receivables = glAccountId(state, division, '400000');
  const revenue = glAccountId(state, division, '700000');
  for (const { journal, nextNumber, description } of nextNumbers) {
    const id = nextGuid(state);
    const numbers = entries.filter((e) => e.journal === journal).map((e) => e.entryNumber);
    state.journals[id] = {
      id,
      division,
      code: journal,
      description:
        description ??
        (journal === invoiceJournal ? 'Sales invoices' : journal === creditNoteJournal ? 'Sales credit notes' : `Journal ${journal}`),
      type: 20,
      glAccountId: receivables,
      isBlocked: false,
      firstEntryNumber: Math.min(nextNumber, ...numbers),
      nextEntryNumber: nextNumber,
      nextEntryNumberByYear: {},
    };
  }
  const relations = new Map<string, string>();
  const relationOf = (name: string): string => {
    const existing = relations.get(name);
    if (existing) return existing;
    const id = nextGuid(state);
    const timestamp = nextRowVersion(state);
    state.accounts[id] = {
      id,
      division,
      code: String(relations.size + 1),
      name,
      status: 'C',
      isSupplier: false,
      vatNumber: null,
      chamberOfCommerce: null,
      email: null,
      country: null,
      blocked: false,
      searchCode: null,
      created: now,
      modified: now,
      timestamp,
    };
    relations.set(name, id);
    return id;
  };
  for (const entry of entries) {
    const id = nextGuid(state);
    const document = documentOf(entry);
    const customer = entry.customer ?? document?.customer ?? UNKNOWN_RELATION;
    const paid =
      entry.outstandingCents !== null
        ? entry.amountCents - entry.outstandingCents
        : Math.sign(entry.amountCents) * (document?.paidCents ?? 0);
    state.meta.hid = (state.meta.hid ?? 0) + 1;
    state.salesEntries[id] = {
      id,
      division,
      journalCode: entry.journal,
      entryNumber: entry.entryNumber,
      entryDate: entry.date,
      dueDate: addDays(entry.date, 30),
      customerId: relationOf(customer),
      yourRef: entry.yourRef,
      description: entry.description,
      currency: 'EUR',
      reportingYear: Number(entry.date.slice(0, 4)),
      reportingPeriod: Number(entry.date.slice(5, 7)),
      paymentCondition: null,
      paymentReference: null,
      orderNumber: null,
      document: null,
      lines: [
        {
          id: nextGuid(state),
          lineNumber: 1,
          description: 'Total from the export (VAT not split)',
          quantity: 1,
          glAccountId: revenue,
          amountCents: entry.amountCents,
          vatCode: '0',
          vatRateBp: 0,
          vatAmountCents: 0,
          costCenter: null,
          costUnit: null,
        },
      ],
      type: entry.amountCents < 0 ? 21 : 20,
      status: 20,
      payments: paid === 0 ? [] : [{ date: entry.date, amountCents: paid }],
      hid: state.meta.hid,
      created: now,
      modified: now,
      timestamp: nextRowVersion(state),
    };
  }
  return { ok: true, value: state };
}
