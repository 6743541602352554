import { describe, expect, it } from 'vitest';
import { cleanView, viewBooking, viewDocument, viewJournal } from '../../test/support/views.js';
import { completeRepair, diagnose, planRepair } from './index.js';
import type { Finding } from './finding.js';

// diagnose and planRepair on hand-built views: pure, no server.

function found(view = cleanView(), testDocuments: Parameters<typeof diagnose>[1] = {}): Finding[] {
  const result = diagnose(view, testDocuments);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

describe('diagnose', () => {
  it('finds nothing in a consistent world', () => {
    expect(found()).toEqual([]);
  });

  it('R9: two invoices with one booking number, the deleted booking and the date of the most recent', () => {
    const view = cleanView();
    view.focus.documents['invoice-3'] = viewDocument({
      id: 'invoice-3',
      kind: 'invoice',
      sequence: 3,
      date: '2026-02-05',
      bookingNumber: 1002,
    });
    view.accounting.bookings = view.accounting.bookings.filter((b) => b.entryNumber !== 1002);
    view.accounting.bookings.push(
      viewBooking({ id: 'entry-1002b', journal: '70', entryNumber: 1002, yourRef: '2026/3', entryDate: '2026-02-05' }),
    );
    view.focus.documents['invoice-3']!.link = { division: 100001, journal: '70', entryId: 'entry-1002b' };
    const findings = found(view);
    expect(findings.map((f) => [f.code, f.article, f.date, f.documents.map((d) => d.number)])).toEqual([
      ['same-booking-number', '002', '2026-02-05', ['2026/2', '2026/3']],
      ['booking-deleted-in-exact', '002', '2026-02-03', ['2026/2']],
    ]);
    const plan = planRepair(view, findings, { today: '2026-03-02' });
    expect(plan.procedures.map((p) => p.id)).toEqual(['P-samenumber']);
    expect(plan.procedures[0]!.values.writeDown.map((w) => w.value)).toEqual([1003]);
    // 2026/2 (3 February) lost its booking before the delink date 5 February: the completed plan moves back to it.
    expect(completeRepair(view, findings, { today: '2026-03-02' })!.procedures[0]!.values.delinkDate).toBe('2026-02-03');
  });

  it('next-number-will-collide: a journal about to hand out a number Focus holds', () => {
    const view = cleanView();
    view.accounting.journals = [viewJournal('70', 1002), viewJournal('71', 8002)];
    const finding = found(view).find((f) => f.code === 'next-number-will-collide')!;
    expect([finding.bookingNumber, finding.documents.map((d) => d.number)]).toEqual([1002, ['2026/2']]);
    expect(planRepair(view, [finding], { today: '2026-03-02' }).procedures[0]!.steps[0]!.action).toEqual({
      do: 'set-next-booking-number',
      journal: '70',
      value: 1003,
    });
  });

  it('accidental-booking: the last is deleted with P-delete, one that is not the last is credited', () => {
    const last = found(cleanView(), { testDocuments: [{ kind: 'invoice', number: '2026/2' }] })[0]!;
    expect([last.code, last.last]).toEqual(['accidental-booking', true]);
    const notLast = found(cleanView(), { testDocuments: [{ kind: 'invoice', number: '2026/1' }] })[0]!;
    expect(notLast.last).toBe(false);
    expect(planRepair(cleanView(), [notLast], { today: '2026-03-02' }).procedures[0]!.steps.map((s) => s.action.do)).toEqual([
      'credit',
      'sync',
    ]);
    expect(diagnose(cleanView(), { testDocuments: [{ kind: 'invoice', number: '2026/9' }] })).toMatchObject({
      ok: false,
      problem: { code: 'unknown-document' },
    });
  });

  it('not-synced: a draft, a document before the start date, and one Exact refused, each with its reason', () => {
    const view = cleanView();
    view.focus.documents['draft-1'] = {
      ...viewDocument({ id: 'draft-1', kind: 'invoice', sequence: null, date: '2026-02-06' }),
      status: 'draft',
      number: null,
      fiscalYear: null,
    };
    view.focus.documents['invoice-0'] = viewDocument({
      id: 'invoice-0',
      kind: 'invoice',
      sequence: 1,
      fiscalYear: 2025,
      date: '2025-12-30',
    });
    view.focus.documents['invoice-3'] = viewDocument({ id: 'invoice-3', kind: 'invoice', sequence: 3, date: '2026-02-07' });
    view.focus.bell.notifications.push({
      id: 'n1',
      at: '2026-02-07T10:00:00Z',
      kind: 'sync_error',
      message: 'Invoice 2026/3 could not be synced: The account number 999999 could not be found',
      read: false,
    });
    const reasons = found(view)
      .filter((f) => f.code === 'not-synced')
      .map((f) => f.reason);
    expect(reasons).toEqual([
      { code: 'draft' },
      { code: 'before-start-date', startDate: '2026-01-01' },
      { code: 'refused', message: 'The account number 999999 could not be found' },
    ]);
  });

  it('edited-after-sync and payment-status-stale come from I5 and I6', () => {
    const view = cleanView();
    view.focus.documents['invoice-1']!.lines[0]!.unitPriceCents = 20_000;
    view.focus.documents['invoice-2']!.paymentStatus = 'paid';
    const codes = found(view).map((f) => f.code);
    expect(codes).toEqual(['edited-after-sync', 'payment-status-stale']);
  });

  it('integration-inactive: the plan connects again before anything else', () => {
    const view = cleanView();
    view.focus.integration!.active = false;
    const findings = found(view);
    expect(findings.map((f) => f.code)).toEqual(['integration-inactive']);
    expect(planRepair(view, findings, { today: '2026-03-02' }).procedures[0]!.steps.map((s) => s.action.do)).toEqual(['reconnect']);
  });

  it('shown-twice: a booking typed in without reference stands for the booked document of its date and amount (R10)', () => {
    const view = cleanView();
    view.accounting.bookings.push(viewBooking({ journal: '70', entryNumber: 1003, entryDate: '2026-02-02' }));
    view.accounting.journals = [viewJournal('70', 1004), viewJournal('71', 8002)];
    const findings = found(view);
    expect(findings.map((f) => [f.code, f.documents.map((d) => d.number), f.bookings.map((b) => b.entryNumber)])).toEqual([
      ['shown-twice', ['2026/1'], [1001, 1003]],
    ]);
    expect(planRepair(view, findings, { today: '2026-03-02' }).procedures.map((p) => [p.id, p.values.delinkDate])).toEqual([
      ['P-twice', '2026-02-02'],
    ]);
  });

  it('a booking typed in without reference of another amount names no document: an orphan, not a second booking', () => {
    const view = cleanView();
    view.accounting.bookings.push(viewBooking({ journal: '70', entryNumber: 1003, entryDate: '2026-02-02', totalCents: 60_500 }));
    view.accounting.journals = [viewJournal('70', 1004), viewJournal('71', 8002)];
    expect(found(view).map((f) => [f.code, f.bookings.map((b) => b.entryNumber)])).toEqual([['orphan-booking', [1003]]]);
  });

  it('bookings a tool links without references are no typed-in ones: two invoices of one date and amount are not shown twice', () => {
    const view = cleanView();
    view.focus.documents['invoice-2']!.date = '2026-02-02';
    for (const booking of view.accounting.bookings) {
      booking.yourRef = null;
      booking.entryDate = '2026-02-02';
    }
    expect(found(view).map((f) => f.code)).not.toContain('shown-twice');
  });

  it('findings that share a repair are merged into one procedure from the earliest date', () => {
    const view = cleanView();
    // Invoice 2026/1 (2 February) typed in by hand as well: shown twice. Invoice 2026/3 (5 February) got 1002 again.
    view.accounting.bookings.push(viewBooking({ journal: '70', entryNumber: 1003, yourRef: '2026/1', entryDate: '2026-02-02' }));
    view.focus.documents['invoice-3'] = viewDocument({
      id: 'invoice-3',
      kind: 'invoice',
      sequence: 3,
      date: '2026-02-05',
      bookingNumber: 1002,
    });
    const findings = found(view);
    expect(findings.map((f) => f.code)).toContain('shown-twice');
    expect(findings.map((f) => f.code)).toContain('same-booking-number');
    const [procedure, ...others] = planRepair(view, findings, { today: '2026-03-02' }).procedures;
    expect([procedure!.id, procedure!.values.delinkDate]).toEqual(['P-twice', '2026-02-02']);
    expect(procedure!.repairs).toEqual(expect.arrayContaining(['shown-twice', 'same-booking-number']));
    expect(others.map((p) => p.id)).not.toContain('P-samenumber');
  });

  it('wrong-journal: invoices in two journals after reconnecting with the journals swapped, with the advice and no plan proven', () => {
    const view = cleanView();
    // Reconnected with 71 as invoice journal and 70 as credit note journal; the next sync booked 2026/3 in journal 71.
    view.focus.integration!.settings = { ...view.focus.integration!.settings, invoiceJournal: '71', creditNoteJournal: '70' };
    view.focus.documents['invoice-3'] = viewDocument({
      id: 'invoice-3',
      kind: 'invoice',
      sequence: 3,
      date: '2026-02-05',
      bookingNumber: 8002,
      link: { division: 100001, journal: '71', entryId: 'entry-8002' },
    });
    view.accounting.bookings.push(
      viewBooking({
        journal: '71',
        entryNumber: 8002,
        yourRef: '2026/3',
        entryDate: '2026-02-05',
        netCents: 10_000,
        vatCents: 2_100,
        totalCents: 12_100,
        outstandingCents: 12_100,
        lines: [{ lineNumber: 1, description: 'Consulting', glAccount: '700000', netCents: 10_000, vatCode: '21', vatCents: 2_100 }],
      }),
    );
    view.accounting.journals = [viewJournal('70', 1003), viewJournal('71', 8003)];
    const findings = found(view);
    const wrong = findings.filter((f) => f.code === 'wrong-journal');
    expect(wrong.map((f) => [f.article, f.date, f.summary])).toEqual([
      [
        '001',
        '2026-02-02',
        'Invoices stand in journals 70 (2026/1 and 2026/2) and 71 (2026/3), but the integration books invoices in journal 71 and credit notes in journal 70: the invoice and credit note journals look swapped since the last reconnect (R13).',
      ],
      [
        '001',
        '2026-02-04',
        'Credit notes stand in journal 71 (2026/1), but the integration books invoices in journal 71 and credit notes in journal 70: the invoice and credit note journals look swapped since the last reconnect (R13).',
      ],
    ]);
    expect(wrong[0]!.bookings.map((b) => `${b.journal}/${b.entryNumber}`)).toEqual(['70/1001', '70/1002', '71/8002']);
    expect(findings.map((f) => f.code)).not.toContain('unexplained-violation');
    const plan = planRepair(view, findings, { today: '2026-03-02' });
    expect(plan.procedures.map((p) => p.id)).toEqual(['advice']);
    expect(plan.procedures[0]!.steps[0]!.title).toContain('"Fill in the correct journals and connect" (001)');
    expect(plan.unrepaired).toEqual(['wrong-journal']);
  });
});
