import type { SalesEntry, Transaction } from '../store/index.js';
import type { Ledger } from './ledger.js';
import { fail, ok, type Result } from './result.js';
import { outstandingCents } from './entry-totals.js';
import { touchEntry } from './row-version.js';

/** Registers a full or partial payment on a booking (what the bank reconciliation does in Exact). */
export function registerPayment(
  tx: Transaction,
  ledger: Ledger,
  entry: SalesEntry,
  { amountCents, date = ledger.clock.today() }: { amountCents?: number; date?: string },
): Result<SalesEntry> {
  const outstanding = outstandingCents(entry);
  const amount = amountCents ?? outstanding;
  if (amount === 0 || Math.sign(amount) !== Math.sign(outstanding) || Math.abs(amount) > Math.abs(outstanding)) {
    return fail({
      code: 'bad_request',
      message: `A payment of ${amount} cents does not fit booking ${entry.entryNumber}: ${outstanding} cents are outstanding. Pay at most the outstanding amount, with the same sign.`,
    });
  }
  const updated = touchEntry(tx, { ...entry, payments: [...entry.payments, { date, amountCents: amount }], modified: ledger.clock.now() });
  tx.put('salesEntries', entry.id, updated);
  return ok(updated);
}
