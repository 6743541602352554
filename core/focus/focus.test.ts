import { describe, expect, it } from 'vitest';
import { createClock } from '../../primitives/index.js';
import { evaluateInvariants } from '../invariants/index.js';
import { Focus, type LineInput } from './focus.js';
import { emptyFocusState, type DocumentKind, type FocusDocument, type FocusState } from './state.js';

const LINE: LineInput = { description: 'Consulting', quantity: 1, unitPriceCents: 10_000, vatRateBp: 2100, ledgerAccount: '700000' };

/** A Focus on a frozen clock (2026-03-02 09:00 UTC) with one company. */
function newFocus(state?: FocusState): { focus: Focus; companyId: string } {
  const focus = new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }), state);
  const companyId = focus.addCompany({ name: 'Brouwerij De Kroon', vatNumber: 'BE0412345678' }).id;
  return { focus, companyId };
}

function draft(focus: Focus, companyId: string, date: string, kind: DocumentKind = 'invoice'): FocusDocument {
  const created = focus.createDraft({ kind, companyId, date, lines: [LINE] });
  if (!created.ok) throw new Error(created.problem.message);
  return created.value;
}

function booked(focus: Focus, companyId: string, date: string, kind: DocumentKind = 'invoice'): FocusDocument {
  const result = focus.book(draft(focus, companyId, date, kind).id);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

/** Marks a document as synced, as the integration does (booking number and link). */
function link(document: FocusDocument, bookingNumber: number): void {
  document.bookingNumber = bookingNumber;
  document.link = { division: 100001, journal: document.kind === 'invoice' ? '70' : '71', entryId: `entry-${bookingNumber}` };
}

const emptyAccounting = { division: 100001, journals: [], bookings: [], relations: [] };

describe('R1: drafts', () => {
  it('R1: a draft has no number and is not booked', () => {
    const { focus, companyId } = newFocus();
    const document = draft(focus, companyId, '2026-02-02');
    expect(document).toMatchObject({ status: 'draft', number: null, fiscalYear: null, sequence: null, bookingNumber: null, link: null });
  });

  it('R1: a draft defaults to today on the clock and a due date 30 days later', () => {
    const { focus, companyId } = newFocus();
    const created = focus.createDraft({ companyId, lines: [LINE] });
    expect(created.ok && [created.value.date, created.value.dueDate]).toEqual(['2026-03-02', '2026-04-01']);
  });

  it('R1: a draft for an unknown company, without lines or with a bad date is refused', () => {
    const { focus, companyId } = newFocus();
    expect(focus.createDraft({ companyId: 'company-99', lines: [LINE] })).toEqual({
      ok: false,
      problem: { code: 'not_found', entity: 'company', id: 'company-99', message: 'No company with id company-99.' },
    });
    expect(focus.createDraft({ companyId, lines: [] })).toEqual({
      ok: false,
      problem: { code: 'invalid', message: 'A document needs at least one line.' },
    });
    expect(focus.createDraft({ companyId, date: '2/3/2026', lines: [LINE] })).toEqual({
      ok: false,
      problem: { code: 'invalid', message: 'Dates must be existing days written YYYY-MM-DD.' },
    });
    expect(focus.createDraft({ companyId, date: '2026-02-30', lines: [LINE] }).ok).toBe(false);
  });

  it('R1: booking a document twice is refused', () => {
    const { focus, companyId } = newFocus();
    const invoice = booked(focus, companyId, '2026-02-02');
    expect(focus.book(invoice.id)).toEqual({
      ok: false,
      problem: { code: 'not_draft', documentId: invoice.id, message: 'Document 2026/1 is already booked.' },
    });
  });

  it('R1: marking a draft as sent does not book it', () => {
    const { focus, companyId } = newFocus();
    const document = draft(focus, companyId, '2026-02-02');
    expect(focus.markSent(document.id).ok).toBe(true);
    expect(focus.state.documents[document.id]).toMatchObject({ sent: true, status: 'draft', number: null });
  });
});

describe('R2, I7: numbering', () => {
  it('R2: booked invoices are numbered YYYY/N sequentially per fiscal year', () => {
    const { focus, companyId } = newFocus();
    const numbers = ['2026-01-05', '2026-01-06', '2026-02-01'].map((date) => booked(focus, companyId, date).number);
    expect(numbers).toEqual(['2026/1', '2026/2', '2026/3']);
    expect(focus.state.documents['invoice-3']).toMatchObject({ status: 'booked', fiscalYear: 2026, sequence: 3 });
  });

  it('R2: credit notes have their own series, independent of the invoices', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2026-01-05');
    booked(focus, companyId, '2026-01-06');
    const creditNote = booked(focus, companyId, '2026-01-07', 'credit_note');
    const invoice = booked(focus, companyId, '2026-01-08');
    expect([creditNote.number, invoice.number]).toEqual(['2026/1', '2026/3']);
  });

  it('R2: a new fiscal year restarts at 1, taken from the document date', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2025-12-30');
    booked(focus, companyId, '2025-12-31');
    expect(booked(focus, companyId, '2026-01-01').number).toBe('2026/1');
    expect(booked(focus, companyId, '2025-12-31').number).toBe('2025/3');
  });

  it('R2: a start number per fiscal year and series sets the first number', () => {
    const state = { ...emptyFocusState(), startNumbers: { '2026:invoice': 1001, '2026:credit_note': 501 } };
    const { focus, companyId } = newFocus(state);
    expect(booked(focus, companyId, '2026-01-05').number).toBe('2026/1001');
    expect(booked(focus, companyId, '2026-01-06').number).toBe('2026/1002');
    expect(booked(focus, companyId, '2026-01-06', 'credit_note').number).toBe('2026/501');
    expect(booked(focus, companyId, '2025-12-31').number).toBe('2025/1');
    expect(evaluateInvariants({ focus: focus.snapshot(), accounting: emptyAccounting })).toEqual([]);
  });
});

describe('R2: deleting a booked invoice', () => {
  it('R2: refuses to delete an invoice that is not the last one, naming the last and the alternatives', () => {
    const { focus, companyId } = newFocus();
    const first = booked(focus, companyId, '2026-02-02');
    booked(focus, companyId, '2026-02-03');
    booked(focus, companyId, '2026-02-04');
    expect(focus.deleteDocument(first.id)).toEqual({
      ok: false,
      problem: {
        code: 'not_last',
        documentId: first.id,
        lastNumber: '2026/3',
        message:
          'Invoice 2026/1 cannot be deleted: only the last invoice (2026/3) can be deleted, because numbers must stay sequential without gaps. ' +
          'Credit it with a credit note, or set its amount to zero.',
      },
    });
    expect(focus.state.documents[first.id]).toBeDefined();
  });

  it('R2: refuses to delete a credit note that is not the last of the credit note series', () => {
    const { focus, companyId } = newFocus();
    const first = booked(focus, companyId, '2026-02-02', 'credit_note');
    booked(focus, companyId, '2026-02-03', 'credit_note');
    booked(focus, companyId, '2026-02-04');
    const refused = focus.deleteDocument(first.id);
    expect(refused.ok === false && refused.problem).toMatchObject({ code: 'not_last', lastNumber: '2026/2' });
    expect(refused.ok === false && refused.problem.message).toMatch(
      /^Credit note 2026\/1 cannot be deleted: only the last credit note \(2026\/2\)/,
    );
  });

  it('R2: setting the amount to zero works on a booked invoice that is not the last one', () => {
    const { focus, companyId } = newFocus();
    const first = booked(focus, companyId, '2026-02-02');
    booked(focus, companyId, '2026-02-03');
    const zeroed = focus.setAmountToZero(first.id);
    expect(zeroed.ok).toBe(true);
    expect(focus.state.documents[first.id]!.lines.map((l) => [l.unitPriceCents, l.quantity, l.ledgerAccount])).toEqual([[0, 1, '700000']]);
    expect(focus.state.documents[first.id]).toMatchObject({ status: 'booked', number: '2026/1', editedAfterSync: false });
  });

  it('R2: deleting the last invoice frees its number for the next booking, so the series stays sequential (I7)', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2026-02-02');
    booked(focus, companyId, '2026-02-03');
    const last = booked(focus, companyId, '2026-02-04');
    const deleted = focus.deleteDocument(last.id);
    expect(deleted.ok && deleted.value.number).toBe('2026/3');
    expect(focus.state.documents[last.id]).toBeUndefined();
    expect(booked(focus, companyId, '2026-02-05').number).toBe('2026/3');
    expect(evaluateInvariants({ focus: focus.snapshot(), accounting: emptyAccounting })).toEqual([]);
  });

  it('R2: deleting every invoice from the highest number down is allowed', () => {
    const { focus, companyId } = newFocus();
    const ids = ['2026-02-02', '2026-02-03', '2026-02-04'].map((date) => booked(focus, companyId, date).id);
    expect([...ids].reverse().map((id) => focus.deleteDocument(id).ok)).toEqual([true, true, true]);
    expect(booked(focus, companyId, '2026-02-05').number).toBe('2026/1');
  });

  it('R2: an unknown document cannot be deleted', () => {
    const { focus } = newFocus();
    expect(focus.deleteDocument('invoice-7')).toEqual({
      ok: false,
      problem: { code: 'not_found', entity: 'document', id: 'invoice-7', message: 'No document with id invoice-7.' },
    });
  });
});

describe('R3: deleting a document with a booking number', () => {
  it('R3: refuses to delete the last invoice while it has a booking number, naming the number and the delink date', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2026-02-02');
    const last = booked(focus, companyId, '2026-02-04');
    link(last, 1003);
    expect(focus.deleteDocument(last.id)).toEqual({
      ok: false,
      problem: {
        code: 'has_booking_number',
        documentId: last.id,
        bookingNumber: 1003,
        message:
          'Invoice 2026/2 cannot be deleted: it has booking number 1003 from the bookkeeping tool. ' +
          'Delete the booking there first, then deactivate the integration with a delink date on or before 2026-02-04 to reset the booking number. ' +
          'Deleting an invoice can have legal implications: a credit note is usually the better way.',
      },
    });
    expect(focus.state.documents[last.id]).toBeDefined();
  });

  it('R3: refuses a credit note with a booking number in the same way', () => {
    const { focus, companyId } = newFocus();
    const creditNote = booked(focus, companyId, '2026-02-10', 'credit_note');
    link(creditNote, 8001);
    const refused = focus.deleteDocument(creditNote.id);
    expect(refused.ok === false && refused.problem).toMatchObject({ code: 'has_booking_number', bookingNumber: 8001 });
    expect(refused.ok === false && refused.problem.message).toMatch(/^Credit note 2026\/1 cannot be deleted: it has booking number 8001 /);
  });

  it('R3: once the booking number is reset (delinked) the last invoice can be deleted', () => {
    const { focus, companyId } = newFocus();
    const last = booked(focus, companyId, '2026-02-04');
    link(last, 1001);
    Object.assign(last, { bookingNumber: null, link: null });
    expect(focus.deleteDocument(last.id).ok).toBe(true);
  });

  it('R3: drafts can always be deleted, even between booked invoices', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2026-02-02');
    const pending = draft(focus, companyId, '2026-02-03');
    booked(focus, companyId, '2026-02-04');
    const deleted = focus.deleteDocument(pending.id);
    expect(deleted.ok && deleted.value.id).toBe(pending.id);
    expect(Object.keys(focus.state.documents)).toEqual(['invoice-1', 'invoice-3']);
  });
});

describe('credit notes and edits', () => {
  it('R2: credit() makes a booked credit note with the same lines in the credit note series', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2026-02-02');
    const invoice = booked(focus, companyId, '2026-02-03');
    const credited = focus.credit(invoice.id, { date: '2026-02-20' });
    expect(credited.ok).toBe(true);
    const creditNote = credited.ok ? credited.value : undefined;
    expect(creditNote).toMatchObject({
      kind: 'credit_note',
      status: 'booked',
      number: '2026/1',
      date: '2026-02-20',
      companyId,
      creditedInvoiceId: invoice.id,
      bookingNumber: null,
    });
    expect(creditNote?.lines).toEqual(invoice.lines);
    expect(creditNote?.lines).not.toBe(invoice.lines);
    expect(focus.credit(invoice.id).ok && focus.state.documents['credit-note-2']).toMatchObject({ number: '2026/2', date: '2026-03-02' });
  });

  it('R2: credit() refuses a draft and a credit note', () => {
    const { focus, companyId } = newFocus();
    const pending = draft(focus, companyId, '2026-02-02');
    const creditNote = booked(focus, companyId, '2026-02-02', 'credit_note');
    expect(focus.credit(pending.id)).toEqual({
      ok: false,
      problem: { code: 'not_booked', documentId: pending.id, message: `Document ${pending.id} is a draft: book it first.` },
    });
    expect(focus.credit(creditNote.id)).toEqual({
      ok: false,
      problem: { code: 'not_found', entity: 'invoice', id: creditNote.id, message: `No invoice with id ${creditNote.id}.` },
    });
  });

  it('R11: editLines marks a linked document as edited after sync', () => {
    const { focus, companyId } = newFocus();
    const invoice = booked(focus, companyId, '2026-02-02');
    link(invoice, 1001);
    const edited = focus.editLines(invoice.id, [{ ...LINE, unitPriceCents: 20_000 }]);
    expect(edited.ok && edited.value).toMatchObject({ editedAfterSync: true, bookingNumber: 1001 });
    expect(focus.state.documents[invoice.id]!.lines[0]).toEqual({ ...LINE, unitPriceCents: 20_000, discountBp: 0, costCentre: null });
  });

  it('R11: editLines does not mark a booked document that is not linked, nor a draft', () => {
    const { focus, companyId } = newFocus();
    const invoice = booked(focus, companyId, '2026-02-02');
    const pending = draft(focus, companyId, '2026-02-03');
    expect(focus.editLines(invoice.id, [{ ...LINE, quantity: 2 }]).ok).toBe(true);
    expect(focus.editLines(pending.id, [{ ...LINE, quantity: 3 }]).ok).toBe(true);
    expect([focus.state.documents[invoice.id]!.editedAfterSync, focus.state.documents[pending.id]!.editedAfterSync]).toEqual([
      false,
      false,
    ]);
  });

  it('R11: editLines returns the cost-centre warning only when the sync will push the edit: synced, an active Octopus integration, dated from its start date', () => {
    const { focus, companyId } = newFocus();
    const invoice = booked(focus, companyId, '2026-02-02');
    const pending = draft(focus, companyId, '2026-02-03');
    const edit = (document: FocusDocument) => focus.editLines(document.id, [{ ...LINE, quantity: 2 }]);
    const connect = (tool: 'exact' | 'octopus' | 'yuki', active = true, startDate = '2026-01-01') => {
      focus.state.integration = {
        active,
        settings: {
          tool,
          division: 100001,
          startDate,
          invoiceJournal: 'V1',
          creditNoteJournal: 'V2',
          nightlySync: false,
          ledgerMap: {},
          vatMap: {},
          strategy: 'faithful',
        },
        tokens: null,
        lastNightlyRun: null,
      };
    };
    connect('octopus');
    expect(edit(invoice)).toEqual({ ok: true, value: invoice });
    link(invoice, 1);
    expect(edit(invoice)).toEqual({
      ok: true,
      value: invoice,
      warnings: ['The cost centres of invoice 2026/1 will be reset after the sync.'],
    });
    expect(edit(pending)).toEqual({ ok: true, value: pending });
    for (const [tool, active, startDate] of [
      ['exact', true, '2026-01-01'],
      ['yuki', true, '2026-01-01'],
      ['octopus', false, '2026-01-01'],
      ['octopus', true, '2026-03-01'],
    ] as const) {
      connect(tool, active, startDate);
      expect(edit(invoice), `${tool}, ${active ? 'active' : 'deactivated'}, from ${startDate}`).toEqual({ ok: true, value: invoice });
    }
  });

  it('R11: setAmountToZero on a synced invoice is an edit after sync', () => {
    const { focus, companyId } = newFocus();
    const invoice = booked(focus, companyId, '2026-02-02');
    link(invoice, 1001);
    expect(focus.setAmountToZero(invoice.id).ok && focus.state.documents[invoice.id]!.editedAfterSync).toBe(true);
  });

  it('R11: editLines refuses an empty line list and keeps the lines', () => {
    const { focus, companyId } = newFocus();
    const invoice = booked(focus, companyId, '2026-02-02');
    expect(focus.editLines(invoice.id, [])).toEqual({
      ok: false,
      problem: { code: 'invalid', message: 'A document needs at least one line.' },
    });
    expect(focus.state.documents[invoice.id]!.lines).toHaveLength(1);
  });
});

describe('R16: the bell', () => {
  it('R16: the bell hides a notification when its unread list is full', () => {
    const { focus } = newFocus();
    const shown = Array.from({ length: 10 }, (_, i) => focus.notify('info', `note ${i + 1}`));
    expect(shown).toEqual(Array(10).fill(true));
    expect(focus.notify('sync_error', 'The invoices 2026/3 and 2026/4 have the same booking number')).toBe(false);
    expect(focus.unreadNotifications().map((n) => n.message)).toEqual(Array.from({ length: 10 }, (_, i) => `note ${i + 1}`));
    expect(focus.state.bell.hidden).toEqual([
      {
        id: 'notification-11',
        at: '2026-03-02T09:00:00.000Z',
        kind: 'sync_error',
        message: 'The invoices 2026/3 and 2026/4 have the same booking number',
        read: false,
      },
    ]);
  });

  it('R16: clearNotifications makes room, so the next notification is shown', () => {
    const { focus } = newFocus();
    for (let i = 0; i < 10; i += 1) focus.notify('info', `note ${i + 1}`);
    expect(focus.notify('sync_error', 'hidden')).toBe(false);
    expect(focus.clearNotifications()).toBe(10);
    expect(focus.unreadNotifications()).toEqual([]);
    expect(focus.notify('sync_error', 'shown')).toBe(true);
    expect(focus.unreadNotifications().map((n) => [n.kind, n.message])).toEqual([['sync_error', 'shown']]);
  });

  it('R16: the capacity comes from the state', () => {
    const state = emptyFocusState();
    state.bell.capacity = 2;
    const { focus } = newFocus(state);
    expect(['a', 'b', 'c'].map((m) => focus.notify('info', m))).toEqual([true, true, false]);
  });
});

describe('snapshot and restore', () => {
  it('snapshot is a deep copy and restore brings the state back exactly', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2026-02-02');
    focus.notify('info', 'hello');
    const snapshot = focus.snapshot();
    const copy = structuredClone(snapshot);
    booked(focus, companyId, '2026-02-03');
    focus.state.companies[companyId]!.name = 'Renamed';
    expect(snapshot).toEqual(copy);

    expect(focus.restore(snapshot)).toEqual({ ok: true, value: undefined });
    expect(focus.state).toEqual(copy);
    snapshot.companies[companyId]!.name = 'Changed after restore';
    expect(focus.state.companies[companyId]!.name).toBe('Brouwerij De Kroon');
    expect(booked(focus, companyId, '2026-02-03')).toMatchObject({ id: 'invoice-2', number: '2026/2' });
  });

  it('restore refuses garbage and keeps the current state', () => {
    const { focus, companyId } = newFocus();
    booked(focus, companyId, '2026-02-02');
    const before = focus.snapshot();
    const wrongSchema = focus.restore({ ...before, schema: 2 });
    expect(wrongSchema.ok === false && wrongSchema.problem.code).toBe('invalid');
    expect(wrongSchema.ok === false && wrongSchema.problem.message).toMatch(/^Not a Focus state: schema /);
    const badDocument = structuredClone(before);
    badDocument.documents['invoice-1']!.date = '02/02/2026';
    const refused = focus.restore(badDocument);
    expect(refused.ok === false && refused.problem.message).toMatch(/^Not a Focus state: documents\.invoice-1\.date /);
    expect(focus.restore('garbage').ok).toBe(false);
    expect(focus.restore(null).ok).toBe(false);
    expect(focus.state).toEqual(before);
  });
});

describe('a company page', () => {
  it('corrects a VAT number the bookkeeping tool refused; an unknown company is refused by code', () => {
    const { focus, companyId } = newFocus();
    const corrected = focus.setVatNumber(companyId, 'BE0412345679');
    expect(corrected.ok && corrected.value.vatNumber).toBe('BE0412345679');
    expect(focus.state.companies[companyId]!.vatNumber).toBe('BE0412345679');
    const unknown = focus.setVatNumber('company-99', 'BE0412345679');
    expect(unknown.ok ? 'accepted' : unknown.problem.code).toBe('not_found');
  });
});
