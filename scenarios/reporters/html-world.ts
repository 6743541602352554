import { euros, isEmptyDiff, type EntityChange, type FieldChange, type WorldDiff } from '../../core/index.js';
import type { RecordedStep } from '../run-scenario.js';
import type { PictureDocument, PictureJournal, WorldPicture } from '../world-picture.js';
import { escapeXml as esc } from './junit.js';

// The HTML report's view of both systems around one step: what it changed, in words, and the Focus documents and
// Exact journals before and after it, the changed rows and cells marked with a glyph and a word besides a colour.

/** How each kind of change is shown: a glyph and a word, so colour is never the only signal. */
export const CHANGE_MARKS = { added: '+ added', removed: '− removed', changed: '✎ changed' } as const;

type Side = 'before' | 'after';

const FIELD_WORDS: Record<string, string> = {
  bookingNumber: 'booking number',
  paymentStatus: 'payment status',
  entryNumber: 'entry number',
  entryDate: 'date',
  yourRef: 'your ref',
  totalCents: 'total',
  outstandingCents: 'outstanding',
  nextBookingNumber: 'next booking number',
  accountingId: 'accounting id',
  startDate: 'start date',
  invoiceJournal: 'invoice journal',
  creditNoteJournal: 'credit note journal',
  nightlySync: 'nightly sync',
};

function value(field: string, v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'number' && field.endsWith('Cents')) return euros(v);
  return String(v);
}

const isScalar = (v: unknown) => v === null || v === undefined || typeof v !== 'object';

/** "booking number 1003 → 1004"; a field that holds more than a value (lines, a link) says only set, cleared or changed. */
function fieldWords({ field, before, after }: FieldChange): string {
  const name = FIELD_WORDS[field] ?? field;
  if (isScalar(before) && isScalar(after)) return `${name} ${value(field, before)} → ${value(field, after)}`;
  return `${name} ${before === null || before === undefined ? 'set' : after === null || after === undefined ? 'cleared' : 'changed'}`;
}

function documentName(d: PictureDocument | undefined): string | undefined {
  if (!d) return undefined;
  const kind = d.kind === 'invoice' ? 'Invoice' : 'Credit note';
  return d.number ? `${kind} ${d.number}` : `Draft ${kind.toLowerCase()} of ${d.date}`;
}

function entityLine(what: string, change: EntityChange, name = change.label): string {
  const fields = change.fields.map(fieldWords).join('; ');
  return `<li><span class="mark mark-${change.change}">${CHANGE_MARKS[change.change]}</span> ${esc(what)} ${esc(name)}${fields ? `: ${esc(fields)}` : ''}</li>`;
}

/** What a step changed, one line each: documents, bookings, journals, companies, relations, the bell and the integration. */
export function changeList(changes: WorldDiff, before: WorldPicture | undefined, after: WorldPicture): string {
  const docs = new Map([...(before?.documents ?? []), ...after.documents].map((d) => [d.id, d]));
  const lines = [
    ...changes.documents.map((c) => entityLine('Focus', c, documentName(docs.get(c.id)))),
    ...changes.bookings.map((c) => entityLine('Exact', c)),
    ...changes.journals.map((c) => entityLine('Exact', c)),
    ...changes.companies.map((c) => entityLine('Focus company', c)),
    ...changes.relations.map((c) => entityLine('Exact', c)),
    ...changes.notifications.map((n) => `<li><span class="mark mark-added">✉ bell</span> ${esc(n)}</li>`),
    ...changes.integration.map(
      (f) => `<li><span class="mark mark-changed">${CHANGE_MARKS.changed}</span> integration: ${esc(fieldWords(f))}</li>`,
    ),
  ];
  return `<ul class="changes">${lines.join('')}</ul>`;
}

const DOCUMENT_COLUMNS: Record<string, string> = {
  number: 'document',
  status: 'document',
  date: 'date',
  lines: 'total',
  bookingNumber: 'booking',
  link: 'booking',
};
const ENTRY_COLUMNS: Record<string, string> = {
  entryNumber: 'entry',
  yourRef: 'ref',
  entryDate: 'date',
  totalCents: 'amount',
  lines: 'amount',
};

/** A row of a table; an added row is only in the picture after the step and a removed one only in the picture before. */
function row(
  head: string,
  cells: Array<[column: string, text: string]>,
  change: EntityChange | undefined,
  columns: Record<string, string>,
): string {
  const shown = change?.change;
  const marked = new Set(shown === 'changed' ? change!.fields.map((f) => columns[f.field]) : []);
  const cell = ([column, text]: [string, string]) => `<td>${marked.has(column) ? `<mark>${esc(text)}</mark>` : esc(text)}</td>`;
  const headText = marked.has('document') || marked.has('entry') ? `<mark>${esc(head)}</mark>` : esc(head);
  const mark = shown ? `<span class="mark mark-${shown}">${CHANGE_MARKS[shown]}</span>` : '';
  return `<tr${shown ? ` class="row-${shown}"` : ''}><th scope="row">${headText}</th>${cells.map(cell).join('')}<td>${mark}</td></tr>`;
}

function documentsTable(picture: WorldPicture, changes: Map<string, EntityChange>): string {
  if (!picture.documents.length) return '<p class="empty">Focus: no invoices or credit notes.</p>';
  const rows = picture.documents.map((d) =>
    row(
      documentName(d)!,
      [
        ['date', d.date],
        ['customer', d.customer],
        ['total', d.total],
        ['booking', d.bookingNumber === null ? '— none' : String(d.bookingNumber)],
      ],
      changes.get(d.id),
      DOCUMENT_COLUMNS,
    ),
  );
  return `<div class="scroll"><table class="picture"><caption>Focus: invoices and credit notes</caption><thead><tr><th scope="col">Document</th><th scope="col">Date</th><th scope="col">Customer</th><th scope="col">Total</th><th scope="col">Booking number</th><th scope="col">Change</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function journalTable(
  journal: PictureJournal,
  changes: Map<string, EntityChange>,
  journalChange: EntityChange | undefined,
  side: Side,
): string {
  const next = journalChange?.fields.find((f) => f.field === 'nextBookingNumber');
  const nextText = next
    ? `<mark>${journal.nextBookingNumber}</mark> (${side === 'after' ? `was ${esc(value('', next.before))}` : `becomes ${esc(value('', next.after))}`}; ${CHANGE_MARKS.changed})`
    : String(journal.nextBookingNumber);
  const rows = journal.entries.map((e) =>
    row(
      String(e.entryNumber),
      [
        ['date', e.date],
        ['ref', e.yourRef ?? '—'],
        ['amount', e.amount],
      ],
      changes.get(e.id),
      ENTRY_COLUMNS,
    ),
  );
  const body = rows.length ? rows.join('') : '<tr><td colspan="5">No entries.</td></tr>';
  return `<div class="scroll"><table class="picture"><caption>Exact journal ${esc(journal.code)}, next booking number ${nextText}</caption><thead><tr><th scope="col">Entry</th><th scope="col">Date</th><th scope="col">Your ref</th><th scope="col">Amount</th><th scope="col">Change</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Both systems on one side of a step: the Focus documents, then each Exact journal. */
function pictureHtml(picture: WorldPicture, changes: WorldDiff | undefined, side: Side): string {
  const byId = (list: EntityChange[] = []) => new Map(list.map((c) => [c.id, c]));
  const documents = byId(changes?.documents);
  const bookings = byId(changes?.bookings);
  const journals = byId(changes?.journals);
  const tables = picture.journals.map((j) => journalTable(j, bookings, journals.get(j.code), side));
  return (
    documentsTable(picture, documents) + (tables.length ? tables.join('') : '<p class="empty">Exact: no journals (not connected).</p>')
  );
}

/** A step's part of the report: what it changed and both systems before and after it; unrecorded steps show nothing. */
export function stepWorldHtml(before: WorldPicture | undefined, step: RecordedStep): string {
  if (!step.world || !step.changes) return '';
  if (isEmptyDiff(step.changes)) {
    return `<p class="no-change">○ Nothing this report shows changed (documents, bookings, journals, customers, the bell, the integration).</p><details class="world"><summary>Both systems at this step</summary>${pictureHtml(step.world, undefined, 'after')}</details>`;
  }
  const beforeHtml = before ? pictureHtml(before, step.changes, 'before') : '<p class="empty">Not recorded.</p>';
  return (
    `<h4>What changed</h4>${changeList(step.changes, before, step.world)}` +
    `<div class="before-after"><section><h4>Before</h4>${beforeHtml}</section><section><h4>After</h4>${pictureHtml(step.world, step.changes, 'after')}</section></div>`
  );
}
