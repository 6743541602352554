import { kindTitle, kindWord } from '../messages/document-kinds.js';
import type { FocusDocument } from '../focus/state.js';
import { documentsToSyncIn } from '../integration/sync-plan.js';
import type { Violation, WorldView } from '../invariants/types.js';
import { bookedDocumentsOf } from '../invariants/words.js';
import { joinWords, plural } from '../words.js';
import type { DoctorResult, Finding, NotSyncedReason, TestDocument } from './finding.js';
import { documentRef, documentsByNumber, documentsInWords } from './refs.js';

// The findings about single documents: article 000 (booked by accident), 003 (not synced, edited after the sync),
// R14 (payment status) and R13 (duplicate customers).

/** Article 000: the documents the user marks as test bookings; unknown numbers are refused. */
export function accidentalBookings(view: WorldView, tests: readonly TestDocument[]): DoctorResult<Finding[]> {
  const byNumber = documentsByNumber(view);
  const marked = new Set(tests.map((t) => `${t.kind}|${t.number}`));
  const findings: Finding[] = [];
  for (const test of tests) {
    const d = byNumber.get(`${test.kind}|${test.number}`);
    if (!d)
      return {
        ok: false,
        problem: {
          code: 'unknown-document',
          message: `Focus has no booked ${kindWord(test.kind)} ${test.number}. Give the number as the overview shows it (2026/7).`,
        },
      };
    const later = bookedDocumentsOf(view).filter(
      (o) => o.kind === d.kind && o.fiscalYear === d.fiscalYear && (o.sequence ?? 0) > (d.sequence ?? 0),
    );
    const last = later.every((o) => marked.has(`${o.kind}|${o.number}`));
    const synced = d.bookingNumber !== null;
    const what = last
      ? synced
        ? `It is the last ${kindWord(d.kind)} and carries booking number ${d.bookingNumber}, so Focus refuses to delete it until its booking number is reset (R3): P-delete removes it from Exact Online and Focus.`
        : `It is the last ${kindWord(d.kind)} and has no booking number: it can simply be deleted in Focus (R2).`
      : `It is not the last ${kindWord(d.kind)} (${documentsInWords(later.map(documentRef))} ${later.length === 1 ? 'follows' : 'follow'}), so it cannot be deleted (R2): credit it with a credit note, or set its amount to zero.`;
    findings.push({
      code: 'accidental-booking',
      article: '000',
      rules: last ? ['R2', 'R3', 'P-delete'] : ['R2', 'R11'],
      summary: `${kindTitle(d.kind)} ${d.number} (${d.date}) was booked by accident. ${what}`,
      documents: [documentRef(d)],
      bookings: [],
      date: d.date,
      last,
    });
  }
  return { ok: true, value: findings };
}

/** Article 003: what is not synced and why (draft, before the start date, refused, hidden behind a full bell). */
export function notSynced(view: WorldView): Finding[] {
  const { focus } = view;
  const findings: Finding[] = [];
  const drafts = Object.values(focus.documents).filter((d) => d.status === 'draft');
  if (drafts.length) {
    findings.push({
      code: 'not-synced',
      article: '003',
      rules: ['R1'],
      summary: `${plural(drafts.length, 'draft')} ${drafts.length === 1 ? 'is' : 'are'} not synced (dated ${joinWords([...new Set(drafts.map((d) => d.date))].sort())}): only booked invoices and credit notes are synced, sending one does not book it.`,
      documents: drafts.map(documentRef),
      bookings: [],
      reason: { code: 'draft' },
    });
  }
  const settings = focus.integration?.settings;
  if (!settings) return findings;
  const unlinked = bookedDocumentsOf(view).filter((d) => d.link === null);
  const before = unlinked.filter((d) => d.date < settings.startDate);
  if (before.length) {
    findings.push({
      code: 'not-synced',
      article: '003',
      rules: ['R5'],
      summary: `${documentsInWords(before.map(documentRef))} ${before.length === 1 ? 'is' : 'are'} dated before the start date ${settings.startDate}: a sync never sends ${before.length === 1 ? 'it' : 'them'} (R5).`,
      documents: before.map(documentRef),
      bookings: [],
      reason: { code: 'before-start-date', startDate: settings.startDate },
    });
  }
  // What the next sync would send: the sync's own rule (R1, R5).
  for (const d of documentsToSyncIn(focus)) {
    const reason = whyNotSynced(view, d);
    const told =
      reason.code === 'refused'
        ? `Exact Online refused it: "${reason.message}"`
        : reason.code === 'bell-full'
          ? `the sync's error could not be shown because the bell was full (R16): "${reason.message}"`
          : 'no sync has sent it yet';
    findings.push({
      code: 'not-synced',
      article: '003',
      rules: reason.code === 'bell-full' ? ['R15', 'R16', 'I1'] : ['R5', 'R15', 'I1'],
      summary: `${kindTitle(d.kind)} ${d.number} (${d.date}) is booked but not synced: ${told}.`,
      documents: [documentRef(d)],
      bookings: [],
      date: d.date,
      reason,
    });
  }
  return findings;
}

/** The bell's latest line naming the document, shown or hidden; else the latest sync error at all. */
function whyNotSynced(view: WorldView, d: FocusDocument): NotSyncedReason {
  const { bell } = view.focus;
  const errors = (list: typeof bell.notifications) => list.filter((n) => n.kind === 'sync_error').map((n) => n.message);
  const prefix = `${kindTitle(d.kind)} ${d.number} could not be synced: `;
  const naming = (messages: string[]) => messages.flatMap((m) => m.split('\n')).findLast((line) => line.startsWith(prefix));
  const shown = naming(errors(bell.notifications));
  if (shown) return { code: 'refused', message: shown.slice(prefix.length) };
  const hiddenErrors = errors(bell.hidden);
  if (hiddenErrors.length) return { code: 'bell-full', message: naming(hiddenErrors) ?? hiddenErrors.at(-1)! };
  const latest = errors(bell.notifications).at(-1);
  return latest === undefined ? { code: 'not-synced-yet' } : { code: 'refused', message: latest };
}

/** Article 003 (R11): bookings whose amounts differ from their document's, from the I5 check. */
export function editedAfterSync(view: WorldView, violations: readonly Violation[]): Finding[] {
  const linked = bookedDocumentsOf(view).filter((d) => d.bookingNumber !== null);
  return violations
    .filter((v) => v.invariant === 'I5')
    .flatMap((v) => {
      const d = linked.find((l) => l.number === v.documents[0] && l.bookingNumber === v.bookings[0]);
      if (!d) return [];
      return [
        {
          code: 'edited-after-sync' as const,
          article: '003',
          rules: ['R11', 'I5'],
          summary: `${v.message} Edits made in Focus after the sync are not sent to Exact Online (R11): the booking is edited in Exact by hand.`,
          documents: [documentRef(d)],
          bookings: [{ journal: d.link!.journal, entryNumber: d.bookingNumber!, date: d.date, yourRef: d.number }],
        },
      ];
    });
}

/** R14: a start date later than the first synced document, and every payment status that differs (I6). */
export function paymentStatusStale(view: WorldView, violations: readonly Violation[]): Finding[] {
  const settings = view.focus.integration?.settings;
  if (!settings) return [];
  const linkedBefore = bookedDocumentsOf(view).filter((d) => d.link !== null && d.date < settings.startDate);
  const differing = violations.filter((v) => v.invariant === 'I6');
  if (linkedBefore.length === 0 && differing.length === 0) return [];
  const byNumber = bookedDocumentsOf(view).filter((d) => d.link !== null);
  const documents = [
    ...new Set([
      ...linkedBefore,
      ...differing.flatMap((v) => byNumber.filter((d) => d.number === v.documents[0] && d.bookingNumber === v.bookings[0])),
    ]),
  ];
  const firstSynced = byNumber.map((d) => d.date).sort()[0]!;
  const late = linkedBefore.length
    ? `The start date ${settings.startDate} is later than ${firstSynced}, the date of the first document synced: the payment status of ${documentsInWords(linkedBefore.map(documentRef))} is no longer fetched (R14). `
    : '';
  return [
    {
      code: 'payment-status-stale',
      article: '002',
      rules: ['R14', 'I6'],
      summary: `${late}${differing.map((v) => v.message).join(' ')}`.trim(),
      documents: documents.map(documentRef),
      bookings: [],
      date: firstSynced,
    },
  ];
}

/** R13 (I4): companies or relations that stand twice, typically from importing contacts when reconnecting. */
export function duplicateCustomers(violations: readonly Violation[]): Finding[] {
  return violations
    .filter((v) => v.invariant === 'I4')
    .map((v) => ({
      code: 'duplicate-customers' as const,
      article: '002',
      rules: ['R13', 'I4'],
      summary: `${v.message} Importing contacts and companies when reconnecting creates doubles (R13).`,
      documents: [],
      bookings: [],
    }));
}

/** R12, R13: a deactivated integration syncs nothing until it is connected again. */
export function integrationInactive(view: WorldView): Finding[] {
  const integration = view.focus.integration;
  if (!integration || integration.active) return [];
  const { startDate, invoiceJournal, creditNoteJournal } = integration.settings;
  return [
    {
      code: 'integration-inactive',
      article: null,
      rules: ['R12', 'R13', 'R5'],
      summary: `The Exact Online integration is deactivated (start date ${startDate}, journals ${invoiceJournal} and ${creditNoteJournal}): nothing is synced and no payment status is fetched until it is connected again.`,
      documents: [],
      bookings: [],
    },
  ];
}
