import { documentTotals } from '../focus/totals.js';
import type { FocusDocument } from '../focus/state.js';
import type { ExactResult } from '../exact-client/index.js';
import type { IntegrationContext } from './context.js';

interface Receivable {
  TransactionEntryID: string;
  IsFullyPaid: boolean;
  JournalCode: string;
  EntryNumber: number;
  YourRef: string | null;
}

interface OpenItem {
  JournalCode: string;
  EntryNumber: number;
  YourRef: string | null;
  Amount: number;
}

/**
 * Fetches payment status from the accounting package for linked documents dated on or after the start
 * date only (R14): a later start date silently stops updates for older documents.
 * Returns how many documents changed.
 */
export async function fetchPaymentStatus(ctx: IntegrationContext, division: number, startDate: string): Promise<ExactResult<number>> {
  const documents = Object.values(ctx.focus.state.documents).filter((d) => d.link && d.date >= startDate);
  if (documents.length === 0) return { ok: true, value: 0 };
  const receivables = await ctx.exact.getAll<Receivable>(division, 'cashflow/Receivables', {
    $select: 'TransactionEntryID,IsFullyPaid,JournalCode,EntryNumber,YourRef',
  });
  if (!receivables.ok) return receivables;
  const openItems = await ctx.exact.getAll<OpenItem>(division, 'read/financial/ReceivablesList', {
    $select: 'JournalCode,EntryNumber,YourRef,Amount',
  });
  if (!openItems.ok) return openItems;
  const byEntry = new Map(receivables.value.map((r) => [r.TransactionEntryID, r]));
  let changed = 0;
  for (const document of documents) {
    const receivable = byEntry.get(document.link!.entryId);
    if (!receivable) continue;
    const open = openItems.value.find(
      (o) => o.JournalCode === receivable.JournalCode && o.EntryNumber === receivable.EntryNumber && o.YourRef === receivable.YourRef,
    );
    const next = status(document, receivable.IsFullyPaid, open);
    if (next.paymentStatus !== document.paymentStatus || next.paidCents !== document.paidCents) {
      Object.assign(document, next);
      changed += 1;
    }
  }
  return { ok: true, value: changed };
}

function status(document: FocusDocument, fullyPaid: boolean, open: OpenItem | undefined): Pick<FocusDocument, 'paymentStatus' | 'paidCents'> {
  const total = documentTotals(document).totalCents;
  if (fullyPaid || !open) return { paymentStatus: 'paid', paidCents: total };
  const paid = total - Math.round(Math.abs(open.Amount) * 100);
  return paid > 0 ? { paymentStatus: 'partially_paid', paidCents: paid } : { paymentStatus: 'unpaid', paidCents: 0 };
}
