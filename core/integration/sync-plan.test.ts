import { describe, expect, it } from 'vitest';
import { createClock } from '../../mock-accounting/index.js';
import { Focus } from '../focus/focus.js';
import type { FocusState } from '../focus/state.js';
import type { ExistingBookings } from './safe-strategy.js';
import { planSync, type SyncStep } from './sync-plan.js';

const REFERENCES = { glAccountIds: new Map([['700000', 'gl-700000']]), vatCodes: new Set(['21']) };

/** A connected Focus: Acme (valid VAT number) and Bad VAT (invalid), and five booked documents. */
function connectedFocus(): Focus {
  const focus = new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
  focus.integration.open({
    tool: 'exact',
    division: 1,
    startDate: '2026-01-01',
    invoiceJournal: '70',
    creditNoteJournal: '71',
    nightlySync: false,
    ledgerMap: {},
    vatMap: { '2100': '21' },
    strategy: 'faithful',
  });
  focus.integration.activate();
  const acme = focus.addCompany({ name: 'Acme', vatNumber: 'BE0123456749' }).id;
  const bad = focus.addCompany({ name: 'Bad VAT', vatNumber: 'BE123' }).id;
  const line = { description: 'Work', quantity: 1, unitPriceCents: 10_000, vatRateBp: 2100, ledgerAccount: '700000' };
  for (const [companyId, lines] of [
    [acme, [line]],
    [bad, [line]],
    [bad, [line]],
    [acme, [{ ...line, ledgerAccount: null }]],
  ] as const) {
    const draft = focus.createDraft({ companyId, date: '2026-02-01', lines: [...lines] });
    if (!draft.ok) throw new Error(draft.problem.message);
    focus.book(draft.value.id);
  }
  const credit = focus.credit('invoice-1', { date: '2026-02-02' });
  if (!credit.ok) throw new Error(credit.problem.message);
  return focus;
}

/** Freezes a whole state, so any write into it throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A step in short: what, for which document (or the message), at which place. */
const brief = (step: SyncStep) => [step.action, step.index, 'document' in step ? step.document.number : step.message];

describe('the sync plan decides without writing (one writer: Focus records the outcomes)', () => {
  it('plans every document of a frozen state: posts, one VAT line per company, lines that cannot be posted', () => {
    const state: FocusState = deepFreeze(connectedFocus().snapshot());
    const plan = planSync(state, REFERENCES, undefined, new Set());
    expect(plan.sending).toBe(5);
    expect(plan.steps.map(brief)).toEqual([
      ['post', 0, '2026/1'],
      ['refuse-vat-number', 1, 'Invalid VAT number BE123 of Bad VAT: use the format BE0999999999.'],
      ['refuse-lines', 3, '2026/4'],
      ['post', 4, '2026/1'],
    ]);
    const creditNote = plan.steps[3] as Extract<SyncStep, { action: 'post' }>;
    expect([creditNote.document.kind, creditNote.journal, creditNote.lines]).toEqual([
      'credit_note',
      '71',
      [{ GLAccount: 'gl-700000', AmountFC: -100, VATCode: '21', Description: 'Work', Quantity: 1 }],
    ]);
  });

  it('links a booking the safe strategy found instead of posting, and leaves a blocked kind waiting', () => {
    const state = deepFreeze(connectedFocus().snapshot());
    const existing: ExistingBookings = {
      unlinked: [],
      find: (document, journal) =>
        document.number === '2026/1' && journal === '70'
          ? { EntryID: 'entry-9', EntryNumber: 26700009, Journal: '70', YourRef: '2026/1' }
          : undefined,
    };
    const plan = planSync(state, REFERENCES, existing, new Set(['credit_note']));
    expect(plan.sending).toBe(4);
    expect(plan.steps[0]).toMatchObject({
      action: 'link-existing',
      bookingNumber: 26700009,
      link: { division: 1, journal: '70', entryId: 'entry-9' },
    });
    expect(plan.steps.map(brief).at(-1)).toEqual(['refuse-lines', 3, '2026/4']);
  });
});
