import { book, company, ERROR_SHOWN, errorInBell, expectOk, expectSame, line, noteErrorShown, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { checkerNames, connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { relationsScreen } from '../screens.js';

/** The VAT number as it was typed on Brasserie Nova's page: one digit short. */
const TYPED = 'BE047712345';

/** The bell's text, word for word (focus-side.md §1a: "Invalid VAT number", wrong format, Belgian format BE0999999999). */
const INVALID_VAT = 'Invalid VAT number BE047712345 of Brasserie Nova: use the format BE0999999999.';

/**
 * Article 003 §3 ("start a manual sync to receive a notification via the bell") with the Exact Online troubleshooting
 * article (focus-side.md §1a): "Invalid VAT number", caused by a wrong format. A new customer, Brasserie Nova, was
 * entered in Focus with VAT number BE047712345 (nine digits, a Belgian one has ten); its first three invoices are not
 * synced, the bell names the VAT number once for all three, and the customer is not created in Exact. Correcting the
 * VAT number to BE0477123456 lets them through: the bell then counts 1 customer and 3 invoices.
 */
export default defineScenario({
  id: 'exact-invalid-vat-number',
  title: "A new customer's invoice is not synced: Invalid VAT number",
  sources: ['003'],
  rules: ['R5', 'R6', 'R15', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'A new customer, Brasserie Nova, is added in Focus',
      `Brasserie Nova, a new customer not in Exact Online yet, is added in Focus with VAT number ${TYPED}.`,
      (ctx) => {
        ctx.world.focus.addCompany({ name: 'Brasserie Nova', vatNumber: TYPED, country: 'BE', email: 'boekhouding@nova.be' });
      },
    ),
    step(
      'reproduce',
      'Its first invoices, 2026/1 to 2026/3, are booked and the two arrows are clicked',
      'Invoice 2026/1 of 3 March to Brasserie Nova (beer tasting, €800.00, €968.00 with VAT), invoice 2026/2 of 4 March (glassware, €150.00) and invoice 2026/3 of 5 March (a tap, €400.00) are booked; a manual sync follows.',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-03-03', customer: 'Brasserie Nova', lines: [line(80_000, { description: 'Beer tasting' })] });
        book(ctx, '2026/2', { date: '2026-03-04', customer: 'Brasserie Nova', lines: [line(15_000, { description: 'Glassware' })] });
        book(ctx, '2026/3', { date: '2026-03-05', customer: 'Brasserie Nova', lines: [line(40_000, { description: 'Tap' })] });
        await syncNow(ctx);
        noteErrorShown(ctx);
      },
    ),
    step(
      'symptom',
      'Invoices 2026/1 to 2026/3 have no booking number; the bell says "Invalid VAT number" once',
      `Invoices 2026/1, 2026/2 and 2026/3 have no booking number, Exact Online has no relation Brasserie Nova, and the bell says, once for all three: "${INVALID_VAT}"`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', null],
          ['2026/2', null],
          ['2026/3', null],
        ]);
        expectSame(errorInBell(ctx), INVALID_VAT, "The bell's error");
        const names = (await relationsScreen(ctx)).map((r) => r.name);
        if (names.includes('Brasserie Nova')) throw new StepFailure('Exact Online already has a relation Brasserie Nova.');
      },
    ),
    checkerNames(
      [
        ['I1', ['2026/1'], []],
        ['I1', ['2026/2'], []],
        ['I1', ['2026/3'], []],
      ],
      'invoices 2026/1, 2026/2 and 2026/3 are booked but have no booking in journal 70',
    ),
    step(
      'repair',
      'Correct the VAT number of Brasserie Nova in Focus',
      'The bell names the format, BE0999999999: ten digits after BE. On the customer page of Brasserie Nova the VAT number is corrected to BE0477123456, as on its letterhead.',
      (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== INVALID_VAT)
          throw new StepFailure(`The bell shows "${ctx.notes.read(ERROR_SHOWN)}", not that the VAT number of Brasserie Nova is invalid.`);
        expectOk(ctx.world.focus.setVatNumber(company(ctx, 'Brasserie Nova').id, 'BE0477123456'), 'Correcting the VAT number');
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Brasserie Nova is a relation in Exact Online and invoices 2026/1 to 2026/3 have booking numbers 1001 to 1003',
      'The sync created Brasserie Nova in Exact Online once and booked invoices 2026/1, 2026/2 and 2026/3 as 1001, 1002 and 1003 in journal 70; the bell says "Synchronisation finished: 1 customer, 3 invoices and 0 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1001],
          ['2026/2', 1002],
          ['2026/3', 1003],
        ]);
        expectBell(ctx, 'Synchronisation finished: 1 customer, 3 invoices and 0 credit notes synced');
        const names = (await relationsScreen(ctx)).map((r) => r.name);
        expectSame(names.filter((n) => n === 'Brasserie Nova').length, 1, 'Relations named Brasserie Nova in Exact Online');
      },
    ),
  ],
});
