import { book, connectDemo, ERROR_SHOWN, expectOk, line, noteErrorShown, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { note } from '../notes.js';
import { checkerNames, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { bell, overviewRow } from '../screens.js';

/** The nightly sync's error, which nobody sees. */
const NIGHTLY_ERROR = note<string>("the nightly sync's error");

/** The bell's text for a VAT rate without an Exact VAT code (focus-side.md §1a). */
const NO_MATCH = 'No match was found in Exact Online for the VAT rate 6%. Link the VAT codes to Exact Online in the integration settings.';

/**
 * Article 003, §1: the automatic sync at night "won't give you any notification", so its error goes unseen.
 * "Always start a manual sync first": its notification names the problem (VAT rate 6 % is not linked to an Exact VAT
 * code), and linking it lets invoice 2026/1 through.
 */
export default defineScenario({
  id: 'nightly-sync-is-silent',
  title: 'The nightly sync fails without a word',
  sources: ['003'],
  rules: ['R15', 'R17', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  symptom: {
    description: 'invoice 2026/1 is not synced and the bell says nothing',
    present: (ctx) => overviewRow(ctx, 'invoice', '2026/1').bookingNumber === null && bell(ctx).length === 0,
  },
  steps: [
    step(
      'setup',
      'Connect Exact Online with the nightly sync on, VAT rate 6 % not linked',
      'The company connects Exact Online with start date 2026-01-01, journals 70 and 71, imports its customers once and switches the automatic sync at night on. VAT rates 0, 12 and 21 % are linked to Exact VAT codes; 6 % is not.',
      async (ctx) => {
        await connectDemo(ctx, { importContacts: true, nightlySync: true, vatMap: { '0': '0', '1200': '12', '2100': '21' } });
      },
    ),
    step(
      'reproduce',
      'Invoice 2026/1 at 6 % VAT is booked',
      'Invoice 2026/1 of 27 February to Brouwerij De Kroon is booked with one line of catering at 6 % VAT (€530.00).',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-02-27', lines: [line(50_000, { description: 'Catering', vatRateBp: 600 })] });
      },
    ),
    step(
      'reproduce',
      'The night passes: the automatic sync fails silently',
      (ctx) =>
        `At 02:00 on 3 March the automatic sync runs and fails ("${ctx.notes.read(NIGHTLY_ERROR)}"), but "unlike the manual sync, this kind of synchronisation won't give you any notification".`,
      async (ctx) => {
        const [night] = await ctx.world.advance(86_400_000);
        if (!night?.errors.length) throw new StepFailure('The nightly sync did not run or did not fail.');
        ctx.notes.write(NIGHTLY_ERROR, night.errors.join(' '));
      },
    ),
    step(
      'symptom',
      'The booking number stays empty and the bell is empty',
      'The next morning invoice 2026/1 has no booking number, and the bell has no notification.',
      (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', null]]);
        if (bell(ctx).length > 0) throw new StepFailure(`The bell has notifications after the nightly sync: ${bell(ctx).join(' | ')}`);
      },
    ),
    checkerNames([['I1', ['2026/1'], []]], 'invoice 2026/1 is booked but has no booking in journal 70'),
    step(
      'repair',
      'Start a manual sync first',
      (ctx) =>
        `"Always start a manual sync first if your invoices have not been synced." The two arrows are clicked; the bell says: "${ctx.notes.read(ERROR_SHOWN)}".`,
      async (ctx) => {
        await syncNow(ctx);
        noteErrorShown(ctx);
      },
    ),
    step(
      'repair',
      'Link VAT rate 6 % to Exact VAT code 6',
      'As the error says, go to Integrations › Exact Online › Settings and link the VAT codes: VAT rate 6 % to Exact VAT code 6.',
      (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== NO_MATCH)
          throw new StepFailure(
            `The bell shows "${ctx.notes.read(ERROR_SHOWN)}", not that VAT rate 6% has no match: there is nothing to link.`,
          );
        expectOk(ctx.world.updateSettings('admin', { vatMap: { '600': '6' } }), 'Linking the VAT code');
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoice 2026/1 has booking number 1001',
      'Invoice 2026/1 now carries booking number 1001 of journal 70; the bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', 1001]]);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
