import type { FocusDocument } from '../focus/state.js';
import type { ExactResult } from '../exact-client/index.js';
import type { IntegrationContext } from './context.js';

interface Receivable {
  TransactionEntryID: string;
  IsFullyPaid: boolean;
  /** The booking's total in the accounting package (negative for a credit note). */
  AmountDC: number;
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
    $select: 'TransactionEntryID,IsFullyPaid,AmountDC,JournalCode,EntryNumber,YourRef',
  });
  if (!receivables.ok) return receivables;
  const openItems = await ctx.exact.getAll<OpenItem>(division, 'read/financial/ReceivablesList', {
    $select: 'JournalCode,EntryNumber,YourRef,Amount',
  });
  if (!openItems.ok) return openItems;
  const byEntry = new Map(receivables.value.map((r) => [r.TransactionEntryID, r]));
  const openKey = (item: Pick<OpenItem, 'JournalCode' | 'EntryNumber' | 'YourRef'>) =>
    `${item.JournalCode}|${item.EntryNumber}|${item.YourRef ?? ''}`;
  const openByKey = new Map(openItems.value.map((o) => [openKey(o), o]));
  let changed = 0;
  for (const document of documents) {
    const receivable = byEntry.get(document.link!.entryId);
    if (!receivable) continue;
    const open = openByKey.get(openKey(receivable));
    const next = status(receivable, open);
    if (next.paymentStatus !== document.paymentStatus || next.paidCents !== document.paidCents) {
      ctx.focus.integration.recordPaymentStatus(document.id, next);
      changed += 1;
    }
  }
  return { ok: true, value: changed };
}

/** The status as the accounting package has it: paid is its booking's total less what is still open there. */
function status(receivable: Receivable, open: OpenItem | undefined): Pick<FocusDocument, 'paymentStatus' | 'paidCents'> {
  const total = cents(receivable.AmountDC);
  if (receivable.IsFullyPaid || !open) return { paymentStatus: 'paid', paidCents: total };
  const paid = total - cents(open.Amount);
  return paid > 0 ? { paymentStatus: 'partially_paid', paidCents: paid } : { paymentStatus: 'unpaid', paidCents: 0 };
}

/** An amount of the accounting package in whole cents, without its sign. */
function cents(amount: number): number {
  return Math.round(Math.abs(amount) * 100);
}
