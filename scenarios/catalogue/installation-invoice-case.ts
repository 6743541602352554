import { book, line, syncNow } from '../actions.js';
import { step, type Step } from '../scenario.js';

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

/** After an edit in Focus, the two arrows are clicked and the sync sends nothing (R11). */
export function manualSyncSendsNothing(): Step {
  return step(
    'reproduce',
    'A manual sync sends nothing',
    'The two arrows are clicked; the bell says: "There are no changes".',
    async (ctx) => {
      await syncNow(ctx);
    },
  );
}
