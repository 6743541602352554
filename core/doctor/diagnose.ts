import { evaluateInvariants } from '../invariants/index.js';
import type { Violation, WorldView } from '../invariants/types.js';
import {
  accidentalBookings,
  duplicateCustomers,
  editedAfterSync,
  integrationInactive,
  notSynced,
  paymentStatusStale,
} from './diagnose-documents.js';
import {
  bookingDeletedInExact,
  missingJournals,
  nextNumberWillCollide,
  orphanBookings,
  sameBookingNumber,
  shownTwice,
  wrongJournal,
} from './diagnose-bookings.js';
import type { DiagnoseOptions, DoctorResult, Finding, FindingCode } from './finding.js';

/** The order findings are listed in: what an article repairs first, what only informs last. */
export const FINDING_ORDER: readonly FindingCode[] = [
  'integration-inactive',
  'same-booking-number',
  'booking-deleted-in-exact',
  'shown-twice',
  'accidental-booking',
  'orphan-booking',
  'next-number-will-collide',
  'edited-after-sync',
  'payment-status-stale',
  'not-synced',
  'duplicate-customers',
  'journal-missing',
  'wrong-journal',
  'unexplained-violation',
];

/**
 * Reads a world (both sides at one moment) the way a support agent reads a ticket and says what is wrong, naming the
 * article, rules, documents and bookings of each finding. Pure: the view is not changed. The invariant checker
 * and the sync's collision check are reused; a violation no finding explains is reported as it is.
 * @example const found = diagnose(await world.view(), { testDocuments: [{ kind: 'invoice', number: '2026/7' }] });
 */
export function diagnose(
  view: WorldView,
  { testDocuments = [], violations = evaluateInvariants(view) }: DiagnoseOptions = {},
): DoctorResult<Finding[]> {
  const accidental = accidentalBookings(view, testDocuments);
  if (!accidental.ok) return accidental;
  const twice = shownTwice(view);
  const findings = [
    ...integrationInactive(view),
    ...sameBookingNumber(view),
    ...bookingDeletedInExact(view),
    ...twice,
    ...accidental.value,
    ...orphanBookings(view, violations, twice),
    ...nextNumberWillCollide(view),
    ...editedAfterSync(view, violations),
    ...paymentStatusStale(view, violations),
    ...notSynced(view),
    ...duplicateCustomers(violations),
    ...missingJournals(view),
    ...wrongJournal(view),
  ];
  findings.push(...unexplained(violations, findings));
  const rank = (f: Finding) => FINDING_ORDER.indexOf(f.code);
  return { ok: true, value: findings.sort((a, b) => rank(a) - rank(b) || (a.date ?? '').localeCompare(b.date ?? '')) };
}

/** Violations that name no document or booking of a finding (nor a customer, for I4): reported as they are. */
function unexplained(violations: readonly Violation[], findings: readonly Finding[]): Finding[] {
  const documents = new Set(findings.flatMap((f) => f.documents.map((d) => d.number)));
  const bookings = new Set(
    findings.flatMap((f) => [
      ...f.bookings.map((b) => b.entryNumber),
      ...f.documents.flatMap((d) => (d.bookingNumber === null ? [] : [d.bookingNumber])),
    ]),
  );
  const covered = (v: Violation) =>
    v.invariant === 'I4' ||
    (v.invariant === 'I6' && findings.some((f) => f.code === 'payment-status-stale')) ||
    v.documents.some((d) => documents.has(d)) ||
    v.bookings.some((b) => bookings.has(b));
  return violations
    .filter((v) => !covered(v))
    .map((v) => ({
      code: 'unexplained-violation' as const,
      article: null,
      rules: [v.invariant],
      summary: v.message,
      documents: [],
      bookings: [],
    }));
}
