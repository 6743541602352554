import { expectBooked, expectJournal, expectNamed, journalInWords, type Entry } from '../expectations.js';
import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { invoiceShownTwice } from './shown-twice-case.js';

const JOURNAL_70: Entry[] = [[1002, '2026/1']];
const JOURNAL_71: Entry[] = [
  [8001, '2026/2'],
  [8002, '2026/3'],
];

/**
 * P-twice with one mistake: when reconnecting, the invoice journal (70) is filled in as credit note journal and the
 * credit note journal (71) as invoice journal. The sync books invoices 2026/2 and 2026/3 in journal 71, the credit
 * notes' journal, with its numbers (8001, 8002), while 2026/1 stays in journal 70: the invoices now stand in two
 * journals, and the checker names I1 for the invoice that is not in the journal the integration books invoices in.
 */
export default defineScenario({
  id: 'mistake-swapped-journals',
  title: 'Mistake: reconnecting with the invoice and credit note journals swapped',
  sources: ['001', '000', '002'],
  rules: ['R5', 'R13', 'P-twice', 'I1'],
  expected: ['I1'],
  symptomInvariants: ['I1', 'I8'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept', swapJournals: true }),
    step(
      'verify',
      'Invoices 2026/2 and 2026/3 are booked in the credit notes journal',
      `Journal 71, the journal for credit notes, now holds invoices: ${journalInWords(JOURNAL_71, 8003)}. Invoice 2026/1 stays in journal 70 (${journalInWords(JOURNAL_70, 1003)}). Focus shows 2026/1 (1002), 2026/2 (8001), 2026/3 (8002).`,
      async (ctx) => {
        await expectJournal(ctx, '71', JOURNAL_71, 8003);
        await expectJournal(ctx, '70', JOURNAL_70, 1003);
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1002],
          ['2026/2', 8001],
          ['2026/3', 8002],
        ]);
      },
    ),
    step(
      'verify',
      'The checker names invoice 2026/1 and its booking 1002',
      'The checker names I1 for 2026/1 (1002): invoice 2026/1 is linked to booking 1002 in journal 70, but the integration now books invoices in journal 71, so the invoices stand in two journals. Nothing else is named.',
      (ctx) => expectNamed(ctx, [['I1', ['2026/1'], [1002]]]),
    ),
  ],
});
