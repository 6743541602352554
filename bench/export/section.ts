import {
  createLedgerAccount,
  ExportWizard,
  Focus,
  setAutoSuggest,
  setDiscountAccount,
  topUpWallet,
  type ExportFile,
} from '../../core/index.js';
import { createClock } from '../../mock-accounting/index.js';
import { formatBytes, formatCount, formatMs } from '../format.js';
import type { Section } from '../section.js';

const INVOICES = 10_000;
const CUSTOMERS = 500;

/** A one-way export account with `count` booked invoices (3 lines, one discounted) over 500 customers with external IDs. */
function accountWithInvoices(count: number): Focus {
  const focus = new Focus(createClock({ start: '2026-04-01T09:00:00Z', frozen: true }));
  const must = <T>(result: { ok: true; value: T } | { ok: false; problem: { message: string } }): T => {
    if (!result.ok) throw new Error(result.problem.message);
    return result.value;
  };
  for (const [code, description] of [
    ['700000', 'Services'],
    ['700100', 'Goods'],
    ['708000', 'Discounts'],
  ] as const)
    must(createLedgerAccount(focus, 'admin', { code, description }));
  must(setAutoSuggest(focus, 'admin', 2100, '700000'));
  must(setAutoSuggest(focus, 'admin', 600, '700100'));
  must(setDiscountAccount(focus, 'admin', '708000'));
  must(topUpWallet(focus, count * 12));
  const companies = Array.from(
    { length: CUSTOMERS },
    (_, i) => focus.addCompany({ name: `Customer ${i + 1}`, vatNumber: 'BE0412345614', externalId: String(1000 + i) }).id,
  );
  for (let i = 0; i < count; i += 1) {
    const draft = must(
      focus.createDraft({
        companyId: companies[i % CUSTOMERS]!,
        date: `2026-${String(1 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        lines: [
          { description: 'Consulting', quantity: 1 + (i % 3), unitPriceCents: 12_345, vatRateBp: 2100 },
          { description: 'Parts', quantity: 0.29, unitPriceCents: 750, vatRateBp: 600 },
          { description: 'Licence', quantity: 1, unitPriceCents: 9_999, vatRateBp: 2100, discountBp: 1000 },
        ],
      }),
    );
    must(focus.book(draft.id));
  }
  return focus;
}

/** Times one export through the wizard: every step up to the files. */
function timeExport(focus: Focus, packageId: string): { steps: Array<[string, number]>; files: ExportFile[] } {
  const wizard = new ExportWizard(focus, 'admin');
  const steps: Array<[string, number]> = [];
  const time = <T>(label: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    steps.push([label, performance.now() - started]);
    return result;
  };
  time('period (select the documents)', () => wizard.choosePeriod({ from: '2026-01-01', to: '2026-03-31' }));
  wizard.choosePackage(packageId);
  wizard.manageExternalIds({ generate: false });
  time('cost (charge the wallet)', () => wizard.pay());
  const preview = time('parameters + preview', () => wizard.setParameters());
  if (preview.errorCount > 0) throw new Error(`the bench account has ${preview.errorCount} preview errors`);
  const files = time('file (preview again, then write)', () => wizard.download());
  if (!files.ok) throw new Error(files.problem.message);
  return { steps, files: files.value };
}

/** The one-way export of 10,000 invoices through the wizard, as CSV and as UBL (issue 6). */
export const exportSection: Section = {
  name: 'export',
  description: 'one-way export of 10,000 invoices through the wizard: generic CSV and Peppol UBL',
  async run(ctx) {
    ctx.progress(`booking ${formatCount(INVOICES)} invoices in Focus`);
    const focus = accountWithInvoices(INVOICES);
    const tables = [];
    for (const packageId of ['generic-csv', 'peppol-ubl']) {
      ctx.progress(`exporting as ${packageId}`);
      const started = performance.now();
      const { steps, files } = timeExport(focus, packageId);
      const total = performance.now() - started;
      const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
      tables.push({
        title: `${packageId}: ${formatCount(INVOICES)} invoices (3 lines each) of ${formatCount(CUSTOMERS)} customers`,
        columns: ['figure', 'value'],
        rows: [
          ...steps.map(([label, ms]) => [label, formatMs(ms)]),
          ['whole export', formatMs(total)],
          ['per invoice', formatMs(total / INVOICES)],
          ['files', `${formatCount(files.length)} (${formatBytes(bytes)})`],
        ],
      });
    }
    return {
      tables,
      notes: [
        'in memory, no files written: the figures are the wizard and the formats, not the disk',
        'the second export of the same period is free (each invoice is charged once), so its cost step only checks',
      ],
    };
  },
};
