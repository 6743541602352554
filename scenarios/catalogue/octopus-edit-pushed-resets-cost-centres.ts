import { documentTotals, euros, type Booking } from '../../core/index.js';
import { book, bookings, connectOctopus, DIVISION, doc, expectOk, line, syncNow } from '../actions.js';
import { defineScenario, step, StepFailure, type ScenarioContext } from '../scenario.js';

/** The cost centres the accountant assigns in Octopus, per line description. */
const COST_CENTRES: Record<string, string> = { Installation: 'INSTALL', Parts: 'STOCK' };

/** The booking of the invoice in Octopus's journal V1. */
async function invoiceBooking(ctx: ScenarioContext): Promise<Booking> {
  const found = (await bookings(ctx, 'V1')).find((b) => b.entryNumber === doc(ctx, 'invoice').bookingNumber);
  if (!found) throw new StepFailure(`Journal V1 has no booking ${doc(ctx, 'invoice').bookingNumber}.`);
  return found;
}

/** The lines' cost centres: "INSTALL, STOCK" ("none" for a line without one). */
const costCentresOf = (booking: Booking) => booking.lines.map((l) => l.costCenter ?? 'none').join(', ');

/** The accountant types the booking's lines again with their cost centres (Octopus's booking screen). */
async function assignCostCentres(ctx: ScenarioContext): Promise<Booking> {
  const booking = await invoiceBooking(ctx);
  const lines = booking.lines.map((l) => ({
    glAccountCode: l.glAccount,
    amountCents: l.netCents,
    vatCode: l.vatCode ?? undefined,
    description: l.description ?? undefined,
    costCenter: COST_CENTRES[l.description ?? ''],
  }));
  return expectOk(await ctx.world.backOffice.editLines(DIVISION, 'V1', booking.entryNumber, lines), 'Assigning the cost centres');
}

/**
 * Article 003, note: "When using Octopus, the changes will be pushed to the bookkeeping software. While
 * editing the invoice, you will get a notification that the cost centres will be reset after the sync."
 * The accountant's cost centres are gone after the edit is synced, and must be assigned again in Octopus.
 */
export default defineScenario({
  id: 'octopus-edit-pushed-resets-cost-centres',
  title: 'An invoice edited after its sync to Octopus loses its cost centres there',
  sources: ['003'],
  rules: ['R11', 'R15', 'I5'],
  expected: 'fixed',
  symptom: {
    description: 'the booking in Octopus has lost the cost centres the accountant assigned',
    present: async (ctx) => (await invoiceBooking(ctx)).lines.every((l) => !l.costCenter),
  },
  world: { seed: 'octopus' },
  steps: [
    connectOctopus(),
    step('setup', 'An invoice is booked and synced', (ctx) => `Invoice ${doc(ctx, 'invoice').number} to Van Dijk Installaties (${euros(documentTotals(doc(ctx, 'invoice')).totalCents)}) is booked and synced: booking ${doc(ctx, 'invoice').bookingNumber} in journal V1.`, async (ctx) => {
      book(ctx, 'invoice', { date: '2026-02-12', customer: 'Van Dijk Installaties', lines: [line(100_000, { description: 'Installation' }), line(25_000, { description: 'Parts' })] });
      await syncNow(ctx);
    }),
    step('setup', 'The accountant assigns cost centres in Octopus', (ctx) => `In Octopus the accountant opens booking ${doc(ctx, 'invoice').bookingNumber} of journal V1 and assigns cost centre INSTALL to the installation and STOCK to the parts: its lines now carry ${ctx.notes.assigned}.`, async (ctx) => {
      ctx.notes.assigned = costCentresOf(await assignCostCentres(ctx));
    }),
    step('reproduce', 'The price of a line is changed in Focus; Focus warns about the cost centres', (ctx) => `The installation is billed at €1,200.00 instead of €1,000.00. While editing, Focus warns: "${ctx.notes.warning}"`, (ctx) => {
      const invoice = doc(ctx, 'invoice');
      const edited = ctx.world.focus.editLines(invoice.id, invoice.lines.map((l) => (l.description === 'Installation' ? { ...l, unitPriceCents: 120_000 } : l)));
      expectOk(edited, 'Changing the price');
      const warning = edited.ok ? edited.warnings?.[0] : undefined;
      if (!warning) throw new StepFailure('Focus gave no warning with the edit of the synced invoice.');
      ctx.notes.warning = warning;
    }),
    step('reproduce', 'A manual sync pushes the edit to Octopus', (ctx) => `The two arrows are clicked; the bell says: "${ctx.notes.lastNotification}".`, async (ctx) => {
      ctx.notes.lastNotification = (await syncNow(ctx)).notification?.message ?? '(no notification)';
    }),
    step('symptom', 'Octopus has the new amount, but the cost centres are gone', (ctx) => `In Octopus booking ${doc(ctx, 'invoice').bookingNumber} now totals ${euros(Number(ctx.notes.octopusTotal))}, as in Focus, but its lines carry cost centres ${ctx.notes.afterSync}.`, async (ctx) => {
      const booking = await invoiceBooking(ctx);
      Object.assign(ctx.notes, { octopusTotal: booking.totalCents, afterSync: costCentresOf(booking) });
      if (booking.totalCents !== documentTotals(doc(ctx, 'invoice')).totalCents) throw new StepFailure('The edit did not reach Octopus.');
    }),
    step('repair', 'Assign the cost centres again in Octopus', (ctx) => `As the warning said, the sync reset them: in Octopus the accountant opens booking ${doc(ctx, 'invoice').bookingNumber} of journal V1 again and assigns INSTALL and STOCK to its lines (${ctx.notes.reassigned}).`, async (ctx) => {
      ctx.notes.reassigned = costCentresOf(await assignCostCentres(ctx));
    }),
    step('verify', 'Octopus shows the new amount with its cost centres', (ctx) => `Invoice ${doc(ctx, 'invoice').number} and booking ${doc(ctx, 'invoice').bookingNumber} both total ${euros(documentTotals(doc(ctx, 'invoice')).totalCents)}, and the booking's lines carry ${ctx.notes.verified} again.`, async (ctx) => {
      const booking = await invoiceBooking(ctx);
      ctx.notes.verified = costCentresOf(booking);
      if (booking.totalCents !== documentTotals(doc(ctx, 'invoice')).totalCents) throw new StepFailure(`Booking ${booking.entryNumber} totals ${euros(booking.totalCents)}, not the invoice's ${euros(documentTotals(doc(ctx, 'invoice')).totalCents)}.`);
      const expected = booking.lines.map((l) => COST_CENTRES[l.description ?? ''] ?? 'none').join(', ');
      if (ctx.notes.verified !== expected || ctx.notes.verified !== ctx.notes.assigned) {
        throw new StepFailure(`The booking's lines carry cost centres ${ctx.notes.verified}, not ${ctx.notes.assigned} as the accountant assigned them.`);
      }
    }),
  ],
});
