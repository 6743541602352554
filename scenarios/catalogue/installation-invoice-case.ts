import type { LineInput } from '../../core/index.js';
import { book, editInvoiceLines, line, syncNow } from '../actions.js';
import { editInExact } from '../exact-moves.js';
import { connectFirstTime } from '../procedures.js';
import { step, type ScenarioContext, type Step } from '../scenario.js';
import { journalEntry, overviewRow } from '../screens.js';

/**
 * The invoice article 003's edit stories start from: 2026/1 of 12 February to Van Dijk Installaties, installation
 * €1,000.00 and parts €250.00 (€1,512.50 with VAT), booked and synced as `booking` ("booking 1001").
 */
export function installationInvoiceSynced(booking: string): Step {
  return step(
    'setup',
    'Invoice 2026/1 is booked and synced',
    `Invoice 2026/1 of 12 February to Van Dijk Installaties (installation €1,000.00 and parts €250.00, €1,512.50 with VAT) is booked and synced: ${booking}.`,
    async (ctx) => {
      book(ctx, '2026/1', {
        date: '2026-02-12',
        customer: 'Van Dijk Installaties',
        lines: [line(100_000, { description: 'Installation' }), line(25_000, { description: 'Parts' })],
      });
      await syncNow(ctx);
    },
  );
}

/** An edit of invoice 2026/1 in Focus: each line named in `changes` (by description) changed so; `doing` names it in a refusal. */
export interface InvoiceEdit {
  title: string;
  narration: string;
  changes: Record<string, Partial<LineInput>>;
  doing: string;
}

/**
 * How article 003's Exact stories begin: Exact Online connected, invoice 2026/1 synced as booking 1001, then `edit` made
 * in Focus, and a manual sync that sends nothing (R11).
 */
export function invoiceEditedAfterSync({ title, narration, changes, doing }: InvoiceEdit): Step[] {
  return [
    connectFirstTime(),
    installationInvoiceSynced('booking 1001'),
    step('reproduce', title, narration, (ctx) => {
      editInvoiceLines(ctx, '2026/1', (l) => changes[l.description] ?? {}, doing);
    }),
    step('reproduce', 'A manual sync sends nothing', 'The two arrows are clicked; the bell says: "There are no changes".', async (ctx) => {
      await syncNow(ctx);
    }),
  ];
}

/** Booking 1001's lines as Exact's entry screen lists them: "Installation €1,000.00", with " VAT 21" when `vat` asks for the VAT code. */
export async function bookingLines(ctx: ScenarioContext, { vat = false }: { vat?: boolean } = {}): Promise<string[]> {
  return (await journalEntry(ctx, '70', 1001)).lines.map((l) => `${l.description} ${l.net}${vat ? ` VAT ${l.vatCode}` : ''}`);
}

/** Invoice 2026/1's total on Focus's overview and booking 1001's amount on Exact's entry screen. */
export async function invoiceAndBookingTotals(ctx: ScenarioContext): Promise<string[]> {
  return [overviewRow(ctx, 'invoice', '2026/1').total, (await journalEntry(ctx, '70', 1001)).amount];
}

/** The repair of article 003's note: booking 1001 of journal 70 opened in Exact Online and its lines typed in again, on 700000. */
export function bookingLinesRetyped(
  title: string,
  narration: string,
  lines: Array<{ description: string; amountCents: number; vatCode: string }>,
): Step {
  return step('repair', title, narration, async (ctx) => {
    await editInExact(
      ctx,
      '70',
      1001,
      lines.map(({ description, amountCents, vatCode }) => ({ glAccountCode: '700000', amountCents, vatCode, description })),
    );
  });
}
