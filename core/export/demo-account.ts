import type { Clock } from '../../primitives/index.js';
import { Focus, type LineInput } from '../focus/focus.js';
import { createLedgerAccount, setAutoSuggest, setDiscountAccount } from './ledger-accounts.js';
import { topUpWallet } from './wallet.js';

/** The demo customers: two imported from the package with their IDs, two added in Focus without one. */
const CUSTOMERS = [
  { name: 'Brouwerij De Kroon', vatNumber: 'BE0412345614', country: 'BE', externalId: '1001' },
  { name: 'Atelier Lumière', vatNumber: 'BE0876543270', country: 'BE', externalId: '1002' },
  { name: 'Delta Logistics BV', vatNumber: 'NL123456789B01', country: 'NL', externalId: null },
  { name: 'Café Het Anker', vatNumber: 'BE0456789034', country: 'BE', externalId: null },
] as const;

const line = (description: string, cents: number, vatRateBp: number, extra: Partial<LineInput> = {}): LineInput => ({
  description,
  quantity: 1,
  unitPriceCents: cents,
  vatRateBp,
  ...extra,
});

/** What the demo account booked this quarter: date, customer index, lines. */
const DOCUMENTS: ReadonlyArray<{ date: string; customer: number; lines: LineInput[] }> = [
  {
    date: '2026-01-14',
    customer: 0,
    lines: [line('Brewing consultancy', 80_000, 2100), line('Tasting glasses', 12_450, 2100, { quantity: 3 })],
  },
  { date: '2026-01-28', customer: 1, lines: [line('Lighting design', 45_000, 2100, { discountBp: 1000 })] },
  { date: '2026-02-09', customer: 2, lines: [line('Transport', 210_000, 2100), line('Customs forms', 2_900, 0)] },
  { date: '2026-02-18', customer: 3, lines: [line('Catering', 64_000, 1200), line('Drinks', 8_750, 2100, { quantity: 2 })] },
  { date: '2026-02-25', customer: 0, lines: [line('Brewing consultancy', 32_500, 2100)] },
];

/**
 * A Focus account that exports to its bookkeeping package one way (article 004): ledger accounts with
 * auto-suggestion per VAT rate and a discount account, customers with and without external IDs, five
 * booked invoices and a credit note this quarter, and EUR 5.00 in the wallet.
 */
export function createDemoExportAccount(clock: Clock): Focus {
  const focus = new Focus(clock);
  for (const [code, description] of [
    ['700000', 'Sales of services'],
    ['700100', 'Sales of goods'],
    ['708000', 'Discounts granted'],
  ] as const) {
    expectOk(createLedgerAccount(focus, 'admin', { code, description }));
  }
  for (const rate of [0, 600, 1200, 2100]) expectOk(setAutoSuggest(focus, 'admin', rate, rate === 1200 ? '700100' : '700000'));
  expectOk(setDiscountAccount(focus, 'admin', '708000'));
  const companies = CUSTOMERS.map((c) => focus.addCompany({ ...c }).id);
  const invoices = DOCUMENTS.map(({ date, customer, lines }) => {
    const draft = expectOk(focus.createDraft({ companyId: companies[customer]!, date, lines }));
    return expectOk(focus.book(draft.id));
  });
  expectOk(focus.credit(invoices[4]!.id, { date: '2026-02-27' }));
  expectOk(topUpWallet(focus, 500));
  return focus;
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; problem: { message: string } }): T {
  if (!result.ok) throw new Error(`[booklab] Cannot build the demo export account: ${result.problem.message}`);
  return result.value;
}
