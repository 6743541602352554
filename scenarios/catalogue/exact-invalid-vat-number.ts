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
 * entered in Focus with VAT number BE047712345 (nine digits, a Belgian one has ten); its first invoice is not synced
 * and the customer is not created in Exact. Correcting the VAT number to BE0477123456 lets both through: the bell
 * then counts 1 customer and 1 invoice.
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
      'Its first invoice, 2026/1, is booked and the two arrows are clicked',
      'Invoice 2026/1 of 3 March to Brasserie Nova (beer tasting, €800.00, €968.00 with VAT) is booked; a manual sync follows.',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-03-03', customer: 'Brasserie Nova', lines: [line(80_000, { description: 'Beer tasting' })] });
        await syncNow(ctx);
        noteErrorShown(ctx);
      },
    ),
    step(
      'symptom',
      'Invoice 2026/1 has no booking number; the bell says "Invalid VAT number"',
      `Invoice 2026/1 has no booking number, Exact Online has no relation Brasserie Nova, and the bell says: "${INVALID_VAT}"`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', null]]);
        expectSame(errorInBell(ctx), INVALID_VAT, "The bell's error");
        const names = (await relationsScreen(ctx)).map((r) => r.name);
        if (names.includes('Brasserie Nova')) throw new StepFailure('Exact Online already has a relation Brasserie Nova.');
      },
    ),
    checkerNames([['I1', ['2026/1'], []]], 'invoice 2026/1 is booked but has no booking in journal 70'),
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
      'Brasserie Nova is a relation in Exact Online and invoice 2026/1 has booking number 1001',
      'The sync created Brasserie Nova in Exact Online and booked invoice 2026/1 as 1001 in journal 70; the bell says "Synchronisation finished: 1 customer, 1 invoice and 0 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', 1001]]);
        expectBell(ctx, 'Synchronisation finished: 1 customer, 1 invoice and 0 credit notes synced');
        const names = (await relationsScreen(ctx)).map((r) => r.name);
        expectSame(names.filter((n) => n === 'Brasserie Nova').length, 1, 'Relations named Brasserie Nova in Exact Online');
      },
    ),
  ],
});
