import { kindWord } from '../messages/document-kinds.js';
import type { WorldView } from '../invariants/types.js';
import { bookedDocumentsOf } from '../invariants/words.js';
import type { DocumentRef, Finding, FindingCode } from './finding.js';
import { planFromDate, type FromDateInput } from './plan-from-date.js';
import type { Procedure, RepairPlan } from './plan.js';
import { journalOfKind } from './refs.js';
import { advice, creditProcedure, deleteInFocusOnly, editsInExact, orphansDeleted, setNextNumber } from './plan-single.js';
import { paymentStatusAgain, reconnectFirst, syncAgain } from './plan-integration.js';

/** What planning needs besides the world and the findings. */
export interface PlanOptions {
  /** Today (ISO day): the date of a credit note the plan books. */
  today: string;
}

/** A finding a from-date procedure (P-delete, P-twice, P-samenumber) starts from, with its article's choices. */
interface FromDateCause {
  finding: Finding;
  id: FromDateInput['id'];
  article: string;
  rule: FromDateInput['rule'];
  because: string;
}

/**
 * The articles' procedures for the findings, every value filled in from the world (pure). Findings that an
 * article repairs from a date (000, 001, 002) share one procedure from the earliest of their dates; the others get a
 * procedure of their own or advice. The plan is the articles' as written: see {@link completeRepair}.
 */
export function planRepair(view: WorldView, findings: readonly Finding[], options: PlanOptions): RepairPlan {
  return buildPlan(view, findings, options, false) ?? { procedures: [], unrepaired: [], kind: 'article' };
}

/**
 * booklab's completed plan: the article's plan with the one step the article implies but does not spell out (the
 * delink date moved back to a document dated earlier whose booking Exact no longer holds for it, docs/rules.md);
 * every value then follows from the moved date, and each number written down is above every booking kept.
 * Null when the article's plan needs no completing step.
 */
export function completeRepair(view: WorldView, findings: readonly Finding[], options: PlanOptions): RepairPlan | null {
  return buildPlan(view, findings, options, true);
}

function buildPlan(view: WorldView, findings: readonly Finding[], { today }: PlanOptions, complete: boolean): RepairPlan | null {
  const connected = view.focus.integration !== null;
  // Without the right journals there is nothing to delete, check or book again: no from-date procedure can be planned.
  const journalsKnown = !findings.some((f) => f.code === 'journal-missing' || f.code === 'wrong-journal');
  const of = (code: FindingCode) => findings.filter((f) => f.code === code);
  const causes = connected && journalsKnown ? fromDateCauses(findings) : [];
  const accidental = of('accidental-booking');
  const procedures: Procedure[] = [];
  const covered = new Set<Finding>();
  // A deactivated integration is connected again first: every procedure after it deactivates or syncs.
  for (const f of of('integration-inactive')) {
    procedures.push(reconnectFirst(view, f));
    covered.add(f);
  }
  let completed = false;
  if (causes.length) {
    const first = [...causes].sort((a, b) => a.finding.date!.localeCompare(b.finding.date!))[0]!;
    const date = first.finding.date!;
    const deleteInFocus = accidental.filter((f) => f.last).map((f) => f.documents[0]!);
    const late = of('payment-status-stale').find((f) => f.date! < view.focus.integration!.settings.startDate);
    const moveBack = complete ? earlierGone(view, date) : undefined;
    if (complete && !moveBack) return null;
    completed = moveBack !== undefined;
    const merged = [...new Set(causes.map((c) => c.finding))];
    const collide = of('next-number-will-collide');
    const notSynced = of('not-synced').filter((f) => f.reason?.code !== 'draft' && f.reason?.code !== 'before-start-date');
    // A document in a collision that lost its booking is repaired with the collision (and by the completing step).
    const lostInCollision = of('booking-deleted-in-exact').filter((f) => !causes.some((c) => c.finding === f));
    for (const f of [...merged, ...lostInCollision, ...accidental.filter((a) => a.last), ...collide, ...notSynced, ...(late ? [late] : [])])
      covered.add(f);
    procedures.push(
      planFromDate(view, {
        id: first.id,
        article: first.article,
        title: titleOf(first, merged.length + (late ? 1 : 0)),
        repairs: [...new Set([...covered].map((f) => f.code))],
        date,
        because: first.because,
        rule: first.rule,
        doubles: of('same-booking-number').map((f) => ({
          kind: f.documents[0]!.kind,
          bookingNumber: f.bookingNumber!,
          numbers: f.documents.map((d) => d.number),
        })),
        deleteInFocus,
        ...(late ? { startDate: late.date! } : {}),
        ...(moveBack ? { moveBack } : {}),
      }),
    );
  } else if (complete) return null;
  for (const f of accidental.filter((a) => !covered.has(a))) {
    procedures.push(f.last ? deleteInFocusOnly(f) : creditProcedure(f, today, connected));
    covered.add(f);
  }
  const orphans = of('orphan-booking').filter(
    (f) => !procedures.some((p) => p.values.delinkDate !== null && f.date! >= p.values.delinkDate),
  );
  if (orphans.length) procedures.push(orphansDeleted(orphans));
  for (const f of of('orphan-booking')) covered.add(f);
  for (const f of of('next-number-will-collide').filter((c) => !covered.has(c))) {
    procedures.push(setNextNumber(view, f));
    covered.add(f);
  }
  for (const f of of('edited-after-sync')) {
    procedures.push(editsInExact(f));
    covered.add(f);
  }
  for (const f of of('payment-status-stale').filter((p) => !covered.has(p))) {
    procedures.push(paymentStatusAgain(view, f));
    covered.add(f);
  }
  const toSync = of('not-synced').filter((f) => !covered.has(f) && f.reason?.code !== 'draft' && f.reason?.code !== 'before-start-date');
  if (toSync.length) {
    procedures.push(syncAgain(toSync));
    for (const f of toSync) covered.add(f);
  }
  const told = findings.filter((f) => !covered.has(f));
  if (told.length) procedures.push(advice(told));
  const unrepaired = [
    ...new Set(
      told
        .filter(
          (f) =>
            f.code === 'duplicate-customers' ||
            f.code === 'journal-missing' ||
            f.code === 'wrong-journal' ||
            f.code === 'unexplained-violation',
        )
        .map((f) => f.code),
    ),
  ];
  return { procedures, unrepaired, kind: completed ? 'completed' : 'article' };
}

/** The findings an article repairs from a date, each with its article's way of writing the number down. */
function fromDateCauses(findings: readonly Finding[]): FromDateCause[] {
  const doubles = findings.filter((f) => f.code === 'same-booking-number');
  const inCollision = (d: DocumentRef) => doubles.some((f) => f.documents.some((o) => o.kind === d.kind && o.number === d.number));
  return findings.flatMap((finding): FromDateCause[] => {
    const names = finding.documents.map((d) => `${kindWord(d.kind)} ${d.number}`).join(' and ');
    switch (finding.code) {
      case 'same-booking-number':
        return [
          {
            finding,
            id: 'P-samenumber',
            article: '002',
            rule: 'one-higher-if-double',
            because: `The most recent ${kindWord(finding.documents[0]!.kind)} with the double booking number ${finding.bookingNumber} (${names}) is dated ${finding.date}.`,
          },
        ];
      case 'booking-deleted-in-exact':
        return inCollision(finding.documents[0]!)
          ? []
          : [
              {
                finding,
                id: 'P-samenumber',
                article: '002',
                rule: 'one-higher-if-double',
                because: `${names} lost its booking in Exact Online; it is dated ${finding.date}.`,
              },
            ];
      case 'shown-twice':
        return [
          {
            finding,
            id: 'P-twice',
            article: '001',
            rule: 'after-last-kept',
            because: `${names} is shown twice in Exact Online; it is dated ${finding.date}.`,
          },
        ];
      case 'accidental-booking':
        return finding.last && finding.documents[0]!.bookingNumber !== null
          ? [
              {
                finding,
                id: 'P-delete',
                article: '000',
                rule: 'as-booked',
                because: `${names} needs to be deleted; it is dated ${finding.date}.`,
              },
            ]
          : [];
      default:
        return [];
    }
  });
}

function titleOf(first: FromDateCause, merged: number): string {
  const names: Record<FromDateCause['id'], string> = {
    'P-samenumber': 'The same booking number (article 002)',
    'P-twice': 'Shown twice in Exact Online (article 001)',
    'P-delete': 'Deleting a document already synced (article 000)',
  };
  return merged > 1 ? `${names[first.id]}, one procedure for ${merged} findings from ${first.finding.date}` : names[first.id];
}

/** Documents dated before `date` whose booking number Exact's journal no longer holds for them: where the delink date moves back to. */
function earlierGone(view: WorldView, date: string): { to: string; because: string[] } | undefined {
  const gone = bookedDocumentsOf(view).filter((d) => {
    if (d.date >= date || d.bookingNumber === null) return false;
    const journal = journalOfKind(view.focus, d.kind);
    return !view.accounting.bookings.some((b) => b.journal === journal && b.entryNumber === d.bookingNumber && b.yourRef === d.number);
  });
  if (!gone.length) return undefined;
  const because = gone.map(
    (d) =>
      `${kindWord(d.kind)} ${d.number} (${d.date}) shows booking number ${d.bookingNumber}, which journal ${journalOfKind(view.focus, d.kind)} no longer holds for it`,
  );
  return { to: gone.map((d) => d.date).sort()[0]!, because };
}
