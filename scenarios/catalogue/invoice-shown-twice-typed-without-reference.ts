import { book, connectDemo, DIVISION, expectSame, line, syncNow } from '../actions.js';
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
import { checkerNames, DELINK_DATE, FROM_DELINK_DATE, repairFromDate } from '../procedures.js';
import { defineScenario, step, StepFailure, type ScenarioContext } from '../scenario.js';
import { bookedFrom, entriesInWords, journalScreen, overview, rowsInWords } from '../screens.js';

const SYNCED: Booked[] = [
  ['2025/1', null],
  ['2026/1', 1003],
  ['2026/2', 1004],
];
const AFTER: Booked[] = [
  ['2025/1', null],
  ['2026/1', 1002],
  ['2026/2', 1003],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '(no reference)'],
  [1002, '2026/1'],
  [1003, '2026/2'],
];

/** Journal 70's entries as the screen lists them: number, reference (or none), date and amount. */
async function journal70(ctx: ScenarioContext): Promise<string[]> {
  return (await journalScreen(ctx, '70')).entries.map((e) => `${e.entryNumber} ${e.yourRef ?? 'no reference'} ${e.date} ${e.amount}`);
}

/** Booking `entryNumber` of journal 70 as Exact's booking screen shows its dates: entry date and due date. */
async function bookingDates(ctx: ScenarioContext, entryNumber: number): Promise<string> {
  const bookings = await ctx.world.backOffice.bookings(DIVISION, '70');
  const found = bookings.ok ? bookings.value.find((b) => b.entryNumber === entryNumber) : undefined;
  return found ? `${found.entryDate} due ${found.dueDate ?? 'none'}` : 'no booking';
}

/**
 * Article 001 (R10), with a typed-in booking that names no invoice. The company books its first Focus invoice, 2025/1
 * of 18 December 2025, before connecting Exact Online; its accountant types the invoices into journal 70 by hand,
 * without Focus's number as reference: booking 1001 (18 December, Atelier Lumière) and booking 1002 (12 January 2026,
 * Brouwerij De Kroon, which Focus books as 2026/1). Focus is connected from 12 January, the date of the first 2026
 * invoice, so 2025/1 is not synced again, and the sync books 2026/1 as 1003. Without a reference the duplicate is seen
 * by its date and amount; the checker names booking 1002, dated on the start date, an orphan (I8), and leaves
 * booking 1001, before the start date, alone. P-twice deletes from 12 January, writes down 1002, the number that
 * follows 1001, the last booking kept, and syncs again: 2026/1 becomes 1002, falling due 30 days after its date.
 */
export default defineScenario({
  id: 'invoice-shown-twice-typed-without-reference',
  title: 'My invoice is shown twice in Exact Online: typed in there without its number',
  sources: ['001'],
  rules: ['R5', 'R7', 'R8', 'R10', 'R12', 'R13', 'P-twice', 'I8'],
  expected: 'fixed',
  symptomInvariants: ['I8'],
  doctor: {
    finding: 'shown-twice',
    article: '001',
    procedure: 'P-twice',
    delinkDate: '2026-01-12',
    deleteInExact: ['70/1004', '70/1003', '70/1002'],
    writeDown: ['70: 1002'],
    nextBookingNumbers: ['70: Exact says 1002, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-12',
    journals: ['70', '71'],
  },
  steps: [
    step(
      'setup',
      'The accountant types the invoices of 18 December and 12 January into Exact Online',
      'Before Focus is connected, the accountant types two invoices into journal 70 by hand, without a reference: the one of 18 December 2025 to Atelier Lumière (€605.00), booking 1001, and the one of 12 January 2026 to Brouwerij De Kroon (€1,210.00), booking 1002.',
      async (ctx) => {
        const typed = [
          { customerCode: '3', entryDate: '2025-12-18', description: 'Atelier Lumière December', amountCents: 50_000 },
          { customerCode: '1', entryDate: '2026-01-12', description: 'Brouwerij De Kroon January', amountCents: 100_000 },
        ];
        for (const { amountCents, ...booking } of typed)
          await bookByHand(ctx, '70', {
            ...booking,
            lines: [{ glAccountCode: '700000', amountCents, vatCode: '21', description: 'Services' }],
          });
      },
    ),
    step(
      'setup',
      'Connect Exact Online from 12 January and import the customers',
      'The company connects Exact Online with start date 2026-01-12, the date of its first invoice of 2026, so that invoice 2025/1, already typed in, is not synced again; journal 70 for invoices and 71 for credit notes, and imports its customers once.',
      async (ctx) => {
        await connectDemo(ctx, { startDate: '2026-01-12', importContacts: true });
      },
    ),
    step(
      'reproduce',
      'Focus books 2025/1 to 2026/2 and syncs from the start date',
      `Focus holds the same two invoices, 2025/1 (18 December, Atelier Lumière, €605.00) and 2026/1 (12 January, Brouwerij De Kroon), and 2026/2 (26 January, Van Dijk Installaties); the sync sends those from the start date on: ${bookedInWords(SYNCED)}.`,
      async (ctx) => {
        book(ctx, '2025/1', { date: '2025-12-18', customer: 'Atelier Lumière', lines: [line(50_000)] });
        book(ctx, '2026/1', { date: '2026-01-12' });
        book(ctx, '2026/2', { date: '2026-01-26', customer: 'Van Dijk Installaties' });
        await syncNow(ctx);
        await expectReproduced(ctx, () => expectBooked(ctx, 'invoice', SYNCED));
      },
    ),
    step(
      'symptom',
      "Exact Online shows Brouwerij De Kroon's invoice of 12 January twice",
      'Journal 70 lists 1001 (no reference, 2025-12-18, €605.00), 1002 (no reference, 2026-01-12, €1,210.00), 1003 (2026/1, 2026-01-12, €1,210.00) and 1004 (2026/2, 2026-01-26, €1,210.00): 1002 and 1003 are the same invoice.',
      async (ctx) => {
        expectSame(
          await journal70(ctx),
          [
            '1001 no reference 2025-12-18 €605.00',
            '1002 no reference 2026-01-12 €1,210.00',
            '1003 2026/1 2026-01-12 €1,210.00',
            '1004 2026/2 2026-01-26 €1,210.00',
          ],
          'Journal 70',
        );
      },
    ),
    checkerNames(
      [['I8', [], [1002]]],
      'booking 1002, typed in without a reference on the start date, names no Focus document; booking 1001 is dated before the start date, so it is not the integration’s',
    ),
    ...repairFromDate(
      step(
        'repair',
        'Write down the date of the invoice shown twice in Exact Online',
        (ctx) =>
          `In Exact Online invoice ${ctx.notes.read(FROM_DELINK_DATE.invoice)[0]?.number ?? '?'} stands beside a booking typed in without reference of the same date and amount; the overview dates it ${ctx.notes.read(DELINK_DATE)}. ` +
          `All invoices from that date up till now will have to be deleted in Exact Online: ${rowsInWords(ctx.notes.read(FROM_DELINK_DATE.invoice))}.`,
        async (ctx) => {
          const typedIn = (await journalScreen(ctx, '70')).entries.filter((e) => e.yourRef === null);
          const twice = overview(ctx, 'invoice').filter(
            (r) => r.bookingNumber !== null && typedIn.some((e) => e.date === r.date && e.amount === r.total),
          );
          const [oldest] = twice.sort((a, b) => a.date.localeCompare(b.date));
          if (!oldest) throw new StepFailure(`No invoice stands beside a booking typed in without reference: ${entriesInWords(typedIn)}.`);
          ctx.notes.write(DELINK_DATE, oldest.date);
          ctx.notes.write(FROM_DELINK_DATE.invoice, bookedFrom(ctx, 'invoice', oldest.date));
        },
      ),
      { kind: 'invoice', writeDown: 'after-last-kept' },
    ),
    step(
      'verify',
      'Every invoice stands once in Exact Online, December kept',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1004)}. Booking 1002 of 12 January falls due on 11 February, 30 days later. The bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1004);
        expectSame(await bookingDates(ctx, 1002), '2026-01-12 due 2026-02-11', 'Booking 1002 of journal 70');
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
