import type { DocumentKind, FocusDocument } from '../focus/state.js';
import { FOCUS_OVERVIEW_COLUMNS } from './columns.js';
import { badAmount, badCell as bad, badDate } from './cell-problems.js';
import { readCsvTable } from './csv-table.js';
import type { InputResult } from './problems.js';
import { readTextFile } from './read-text-file.js';
import { parseAmountCents, parseDay, parseDocumentNumber, parsePositiveWhole } from './values.js';

/** A row of Focus's invoice or credit note overview. */
export interface FocusOverviewRow {
  kind: DocumentKind;
  /** `2026/7`; null for a draft. */
  number: string | null;
  fiscalYear: number | null;
  sequence: number | null;
  date: string;
  dueDate: string | null;
  customer: string;
  /** The total incl. VAT in cents, positive for credit notes too (as Focus shows them). */
  totalCents: number;
  status: FocusDocument['status'];
  paymentStatus: FocusDocument['paymentStatus'];
  paidCents: number;
  bookingNumber: number | null;
  /** Where the row stands, for messages. */
  file: string;
  line: number;
  /** The column of the document number. */
  numberColumn: number;
}

/** Focus's statuses in English and Dutch, as the overview shows them. */
const STATUSES: Record<string, Pick<FocusOverviewRow, 'status' | 'paymentStatus'>> = {};
for (const [words, status, paymentStatus] of [
  [['draft', 'concept'], 'draft', 'unpaid'],
  [
    [
      'booked',
      'sent',
      'outstanding',
      'open',
      'unpaid',
      'overdue',
      'expired',
      'geboekt',
      'verzonden',
      'openstaand',
      'onbetaald',
      'vervallen',
      'te laat',
    ],
    'booked',
    'unpaid',
  ],
  [['partially paid', 'partly paid', 'gedeeltelijk betaald', 'deels betaald'], 'booked', 'partially_paid'],
  [['paid', 'betaald'], 'booked', 'paid'],
] as const) {
  for (const word of words) STATUSES[word] = { status, paymentStatus };
}

/** Reads a Focus overview export (invoices or credit notes) from a file. */
export async function readFocusOverview(path: string, kind: DocumentKind): Promise<InputResult<FocusOverviewRow[]>> {
  const text = await readTextFile(path, overviewName(kind));
  return text.ok ? parseFocusOverview(text.value, path, kind) : text;
}

/** Parses a Focus overview export; the first bad value is refused with its file, line and column. */
export function parseFocusOverview(text: string, file: string, kind: DocumentKind): InputResult<FocusOverviewRow[]> {
  const what = overviewName(kind);
  const table = readCsvTable(text, file, what, FOCUS_OVERVIEW_COLUMNS);
  if (!table.ok) return table;
  const rows: FocusOverviewRow[] = [];
  for (const { line, cells } of table.value) {
    const status = STATUSES[cells.status!.text.toLowerCase().replace(/\s+/g, ' ')];
    if (!status)
      return bad(
        'bad-status',
        cells.status!,
        `"${cells.status!.text}" is not a Focus status. Use Draft/Concept, Outstanding/Openstaand, Partially paid/Gedeeltelijk betaald or Paid/Betaald.`,
      );
    const number = cells.number!.text === '' ? null : parseDocumentNumber(cells.number!.text);
    if (number === null && (cells.number!.text !== '' || status.status === 'booked')) {
      return bad(
        'bad-number',
        cells.number!,
        `"${cells.number!.text}" is not a Focus document number. Booked documents are numbered YEAR/NUMBER, e.g. 2026/7; only a draft has none.`,
      );
    }
    const date = parseDay(cells.date!.text);
    if (!date) return bad('bad-date', cells.date!, badDate(cells.date!.text));
    const dueDate = cells.dueDate && cells.dueDate.text !== '' ? parseDay(cells.dueDate.text) : null;
    if (cells.dueDate && cells.dueDate.text !== '' && !dueDate) return bad('bad-date', cells.dueDate, badDate(cells.dueDate.text));
    const total = parseAmountCents(cells.total!.text);
    if (total === null) return bad('bad-amount', cells.total!, badAmount(cells.total!.text));
    const paid = cells.paid && cells.paid.text !== '' ? parseAmountCents(cells.paid.text) : null;
    if (cells.paid && cells.paid.text !== '' && paid === null) return bad('bad-amount', cells.paid, badAmount(cells.paid.text));
    const bookingNumber = cells.bookingNumber!.text === '' ? null : parsePositiveWhole(cells.bookingNumber!.text);
    if (cells.bookingNumber!.text !== '' && bookingNumber === null) {
      return bad(
        'bad-number',
        cells.bookingNumber!,
        `"${cells.bookingNumber!.text}" is not a booking number: Focus stores booking numbers as whole numbers without letters or signs (e.g. 1005). Leave it empty for a document that was never synced.`,
      );
    }
    const totalCents = Math.abs(total);
    rows.push({
      kind,
      number: number ? `${number.fiscalYear}/${number.sequence}` : null,
      fiscalYear: number?.fiscalYear ?? null,
      sequence: number?.sequence ?? null,
      date,
      dueDate,
      customer: cells.customer!.text,
      totalCents,
      ...status,
      paidCents: status.paymentStatus === 'paid' ? totalCents : status.paymentStatus === 'partially_paid' ? Math.abs(paid ?? 0) : 0,
      bookingNumber,
      file,
      line,
      numberColumn: cells.number!.column,
    });
  }
  return { ok: true, value: rows };
}

/** "invoice overview" / "credit note overview". */
function overviewName(kind: DocumentKind): string {
  return kind === 'invoice' ? 'Focus invoice overview' : 'Focus credit note overview';
}
