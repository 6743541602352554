import { book, connectDemo, doc, errorInBell, expectOk, line, syncNow } from '../actions.js';
import { syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';

/**
 * Article 003, §1: the automatic sync at night "won't give you any notification", so its error goes unseen.
 * "Always start a manual sync first": its notification names the problem (an unlinked VAT rate).
 */
export default defineScenario({
  id: 'nightly-sync-is-silent',
  title: 'The nightly sync fails without a word',
  sources: ['003'],
  rules: ['R15', 'R17', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  symptom: {
    description: 'the invoice is not synced and the bell says nothing',
    present: (ctx) => doc(ctx, 'invoice').bookingNumber === null && ctx.world.focus.unreadNotifications().length === 0,
  },
  steps: [
    step('setup', 'Connect Exact Online with the nightly sync on, VAT rate 6 % not linked', 'The company connects Exact Online with start date 2026-01-01, journals 70 and 71, imports its customers once and switches the automatic sync at night on. VAT rates 0, 12 and 21 % are linked to Exact VAT codes; 6 % is not.', async (ctx) => {
      await connectDemo(ctx, { importContacts: true, nightlySync: true, vatMap: { '0': '0', '1200': '12', '2100': '21' } });
    }),
    step('reproduce', 'An invoice at 6 % VAT is booked', (ctx) => `Invoice ${doc(ctx, 'invoice').number} to Brouwerij De Kroon is booked with one line at 6 % VAT.`, (ctx) => {
      book(ctx, 'invoice', { date: '2026-02-27', lines: [line(50_000, { description: 'Catering', vatRateBp: 600 })] });
    }),
    step('reproduce', 'The night passes: the automatic sync fails silently', (ctx) => `At ${ctx.notes.night} the automatic sync runs and fails (${ctx.notes.nightlyError}), but "unlike the manual sync, this kind of synchronisation won't give you any notification".`, async (ctx) => {
      const [night] = await ctx.world.advance(86_400_000);
      if (!night?.errors.length) throw new StepFailure('The nightly sync did not run or did not fail.');
      Object.assign(ctx.notes, { night: new Date(ctx.world.focus.state.integration!.lastNightlyRun!).toISOString(), nightlyError: night.errors.join(' ') });
    }),
    step('symptom', 'The booking number stays empty and the bell is empty', (ctx) => `The next morning invoice ${doc(ctx, 'invoice').number} has no booking number, and the bell has ${ctx.world.focus.unreadNotifications().length} notifications.`, (ctx) => {
      if (ctx.world.focus.unreadNotifications().length > 0) throw new StepFailure('The bell has notifications after the nightly sync.');
    }),
    step('repair', 'Start a manual sync first', (ctx) => `"Always start a manual sync first if your invoices have not been synced." The two arrows are clicked; the bell says: "${ctx.notes.error}".`, async (ctx) => {
      await syncNow(ctx);
      ctx.notes.error = errorInBell(ctx) ?? '(no error shown)';
    }),
    step('repair', 'Link the VAT rate named in the bell to its Exact VAT code', (ctx) => `As the error says, go to Integrations › Exact Online › Settings and link the VAT codes: VAT rate ${ctx.notes.rate} % to Exact VAT code ${ctx.notes.vatCode}.`, (ctx) => {
      const rate = errorInBell(ctx)?.match(/VAT rate (\d+(?:\.\d+)?)%/)?.[1];
      if (!rate) throw new StepFailure('The bell names no VAT rate without a match, so there is nothing to link.');
      // The demo administration's VAT codes are named after their rate.
      Object.assign(ctx.notes, { rate, vatCode: rate });
      expectOk(ctx.world.updateSettings('admin', { vatMap: { [String(Number(rate) * 100)]: rate } }), 'Linking the VAT code');
    }),
    syncAgain(),
    step('verify', 'The invoice has a booking number', (ctx) => `Invoice ${doc(ctx, 'invoice').number} now carries booking number ${doc(ctx, 'invoice').bookingNumber} of journal 70.`, () => {}),
  ],
});
