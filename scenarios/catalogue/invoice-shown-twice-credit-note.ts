import { book, DIVISION, expectRefused, line, syncNow } from '../actions.js';
import { bookByHand } from '../exact-moves.js';
import {
  bookedInWords,
  expectBell,
  expectBooked,
  expectJournal,
  expectReproduced,
  journalInWords,
  type Booked,
  type Entry,
} from '../expectations.js';
import { checkerNames, connectFirstTime, noteDateShownTwice, repairFromDate, shownTwiceInExact } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

const INVOICES: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
];
const CREDIT_NOTES: Booked[] = [
  ['2026/1', 8002],
  ['2026/2', 8003],
];
const CREDIT_NOTES_AFTER: Booked[] = [
  ['2026/1', 8001],
  ['2026/2', 8002],
];
const JOURNAL_70_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1003, '2026/3'],
];
const JOURNAL_71_AFTER: Entry[] = [
  [8001, '2026/1'],
  [8002, '2026/2'],
];

/**
 * Article 001 for a credit note: credit note 2026/1 (10 February, Van Dijk Installaties, -€605.00) was typed into
 * journal 71 by hand as booking 8001 before Focus was connected, and Focus syncs it too as 8002. P-twice with the
 * words swapped: every credit note from 10 February on is deleted in Exact, and invoice 2026/3 (17 February), found
 * when checking the invoices from that date, is deleted there too; all of them come back with the sync.
 */
export default defineScenario({
  id: 'invoice-shown-twice-credit-note',
  title: 'My credit note is shown twice in Exact Online',
  sources: ['001'],
  rules: ['R4', 'R5', 'R7', 'R8', 'R10', 'R12', 'R13', 'P-twice', 'I1', 'I8'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I8'],
  doctor: {
    finding: 'shown-twice',
    article: '001',
    procedure: 'P-twice',
    delinkDate: '2026-02-10',
    deleteInExact: ['70/1003', '71/8003', '71/8002', '71/8001'],
    writeDown: ['70: 1003', '71: 8001'],
    nextBookingNumbers: ['70: Exact says 1003, as written down', '71: Exact says 8001, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    step(
      'setup',
      'The accountant enters credit note 2026/1 by hand in Exact Online',
      'Before the integration is connected, the accountant books credit note 2026/1 of 10 February to Van Dijk Installaties (-€605.00) by hand in journal 71: booking 8001.',
      async (ctx) => {
        await bookByHand(ctx, '71', {
          customerCode: '2',
          entryDate: '2026-02-10',
          yourRef: '2026/1',
          description: 'Credit note 2026/1 Van Dijk Installaties',
          lines: [{ glAccountCode: '700000', amountCents: -50_000, vatCode: '21', description: 'Services' }],
        });
      },
    ),
    connectFirstTime(),
    step(
      'setup',
      'Book invoices 2026/1 to 2026/3 and credit notes 2026/1 and 2026/2 in Focus',
      'Focus holds invoices 2026/1 (15 January), 2026/2 (3 February) and 2026/3 (17 February), the same credit note 2026/1 of 10 February and credit note 2026/2 of 20 February (Atelier Lumière, -€242.00).',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-17', customer: 'Atelier Lumière' });
        book(ctx, '2026/1', { date: '2026-02-10', customer: 'Van Dijk Installaties', kind: 'credit_note', lines: [line(50_000)] });
        book(ctx, '2026/2', { date: '2026-02-20', customer: 'Atelier Lumière', kind: 'credit_note', lines: [line(20_000)] });
      },
    ),
    step(
      'reproduce',
      'Focus syncs, credit note 2026/1 included',
      `The sync sends the invoices, ${bookedInWords(INVOICES)}, and the credit notes, ${bookedInWords(CREDIT_NOTES)}.`,
      async (ctx) => {
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', INVOICES);
          expectBooked(ctx, 'credit_note', CREDIT_NOTES);
        });
      },
    ),
    shownTwiceInExact('credit_note', '71', '2026/1', [8001, 8002], 'Credit note 2026/1 Van Dijk Installaties'),
    {
      ...step(
        'symptom',
        'The salesperson who noticed it cannot repair it: the integration needs an admin',
        '"Do mind that you need admin rights in Teamleader Focus to do this." Sam, who sells, tries to deactivate the integration and to connect it: Focus refuses both, only an admin can change the integration settings.',
        async (ctx) => {
          expectRefused(ctx.world.deactivate('sales', { delinkDate: '2026-02-10' }), 'Deactivating as Sam', 'not_admin', ['Only an admin']);
          const connecting = { division: DIVISION, startDate: '2026-01-01', invoiceJournal: '70', creditNoteJournal: '71' };
          expectRefused(await ctx.world.connect('sales', connecting), 'Connecting as Sam', 'not_admin', ['Only an admin']);
        },
      ),
      outlivesRepair: 'The repair is done by an admin: Sam, who sells, still may not change the integration settings (R4).',
    },
    checkerNames(
      [
        ['I1', ['2026/1'], [8001, 8002]],
        ['I8', ['2026/1'], [8001]],
      ],
      'credit note 2026/1 stands twice in journal 71, and booking 8001, typed in by hand, stands for no document linked to it',
    ),
    ...repairFromDate(noteDateShownTwice('credit_note'), { kind: 'credit_note', writeDown: 'after-last-kept' }),
    step(
      'verify',
      'Every credit note and invoice stands once in Exact Online',
      `Credit notes now: ${bookedInWords(CREDIT_NOTES_AFTER)}; journal 71 holds ${journalInWords(JOURNAL_71_AFTER, 8003)}. Invoice 2026/3 is back as 1003: journal 70 holds ${journalInWords(JOURNAL_70_AFTER, 1004)}. ` +
        'The bell says "Synchronisation finished: 0 customers, 1 invoice and 2 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'credit_note', CREDIT_NOTES_AFTER);
        expectBooked(ctx, 'invoice', INVOICES);
        await expectJournal(ctx, '71', JOURNAL_71_AFTER, 8003);
        await expectJournal(ctx, '70', JOURNAL_70_AFTER, 1004);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 2 credit notes synced');
      },
    ),
  ],
});
