import { describe, expect, it } from 'vitest';
import { createClock } from '../../primitives/index.js';
import { documentTotals } from '../focus/totals.js';
import { createDemoExportAccount } from './demo-account.js';
import { generateExternalIds, setExternalId, setManuallyEditable } from './external-ids.js';
import { readCsvPair } from './formats/csv-pair-reader.js';
import { ExportWizard, WizardStepError, WIZARD_STEPS } from './wizard.js';

const PERIOD = { from: '2026-01-01', to: '2026-03-31' };

/** The demo account (5 invoices, 1 credit note, 2 customers without external ID, EUR 5.00 in the wallet). */
function demo() {
  return createDemoExportAccount(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
}

/** A wizard walked up to the preview. */
function toPreview(focus = demo(), { generate = true, packageId = 'generic-csv', flagSharedExternalIds = false } = {}) {
  const wizard = new ExportWizard(focus, 'admin', { flagSharedExternalIds });
  expect(wizard.choosePeriod(PERIOD).ok).toBe(true);
  expect(wizard.choosePackage(packageId).ok).toBe(true);
  expect(wizard.manageExternalIds({ generate }).ok).toBe(true);
  expect(wizard.pay().ok).toBe(true);
  const preview = wizard.setParameters();
  return { focus, wizard, preview };
}

describe("R22: the export wizard walks period, package, external IDs and cost in the article's order", () => {
  it('R22: the steps are those of the article', () => {
    expect(WIZARD_STEPS).toEqual(['period', 'package', 'external-ids', 'cost', 'parameters', 'preview', 'file']);
  });

  it('R22: refuses an unknown package, naming the ones there are', () => {
    const wizard = new ExportWizard(demo(), 'admin');
    wizard.choosePeriod(PERIOD);
    expect(wizard.choosePackage('twinfield')).toMatchObject({
      ok: false,
      problem: { code: 'invalid', message: expect.stringContaining('generic-csv, peppol-ubl') },
    });
    expect(wizard.step).toBe('package');
  });

  it('R20: "generate automatically" gives only the selection\'s customers without one an ID from 100000', () => {
    const focus = demo();
    const wizard = new ExportWizard(focus, 'admin');
    wizard.choosePeriod(PERIOD);
    wizard.choosePackage('generic-csv');
    expect(wizard.manageExternalIds({ generate: true })).toEqual({ ok: true, value: { generated: 2, firstId: '100000', missing: 0 } });
    expect(Object.values(focus.state.companies).map((c) => c.externalId)).toEqual(['1001', '1002', '100000', '100001']);
  });

  it('R18: generating IDs needs an admin; without generating the customers without one are counted', () => {
    const wizard = new ExportWizard(demo(), 'sales');
    wizard.choosePeriod(PERIOD);
    wizard.choosePackage('generic-csv');
    expect(wizard.manageExternalIds({ generate: true })).toMatchObject({ ok: false, problem: { code: 'not_admin' } });
    expect(wizard.manageExternalIds({ generate: false })).toEqual({ ok: true, value: { generated: 0, firstId: null, missing: 2 } });
  });

  it('R22: a wallet too low for the fee is refused at the cost step and charges nothing; after a top-up it goes on', () => {
    const focus = demo();
    focus.state.bookkeepingExport.wallet.balanceCents = 71;
    const wizard = new ExportWizard(focus, 'admin');
    wizard.choosePeriod(PERIOD);
    wizard.choosePackage('generic-csv');
    wizard.manageExternalIds({ generate: false });
    expect(wizard.quote()).toMatchObject({ toCharge: 6, feeCents: 72, enough: false });
    expect(wizard.pay()).toMatchObject({ ok: false, problem: { code: 'insufficient_funds', neededCents: 72, balanceCents: 71 } });
    expect(focus.state.bookkeepingExport.wallet).toEqual({ balanceCents: 71, charged: {} });
    expect(wizard.step).toBe('cost');
    focus.state.bookkeepingExport.wallet.balanceCents = 72;
    expect(wizard.pay()).toMatchObject({ ok: true, value: { feeCents: 72 } });
    expect(focus.state.bookkeepingExport.wallet.balanceCents).toBe(0);
  });

  it('R22: a second export of the same period is free, so a failed export can be redone', () => {
    const { focus, wizard } = toPreview();
    expect(wizard.download().ok).toBe(true);
    const again = new ExportWizard(focus, 'admin');
    again.choosePeriod(PERIOD);
    again.choosePackage('peppol-ubl');
    again.manageExternalIds({ generate: false });
    expect(again.pay()).toMatchObject({ ok: true, value: { documents: 6, alreadyPaid: 6, toCharge: 0, feeCents: 0 } });
    expect(focus.state.bookkeepingExport.wallet.balanceCents).toBe(500 - 72);
  });

  it('R18: refuses a user Focus does not know before anything is selected or charged', () => {
    const focus = demo();
    const wizard = new ExportWizard(focus, 'nobody');
    expect(wizard.choosePeriod(PERIOD)).toMatchObject({ ok: false, problem: { code: 'not_found', message: 'No user with id nobody.' } });
    expect(wizard.step).toBe('period');
  });

  it('calling a step out of order is a bug of the caller and throws WizardStepError', () => {
    const wizard = new ExportWizard(demo(), 'admin');
    expect(() => wizard.pay()).toThrow(WizardStepError);
    expect(() => wizard.download()).toThrow(/at the period step, not at preview/);
  });
});

describe('R23: the export parameters', () => {
  it('R23: default to VAT on lines, customers exported, journals V1 and V2, and can be changed', () => {
    const { wizard } = toPreview();
    expect(wizard.parameters).toMatchObject({ vat: 'lines', exportCustomers: true, invoiceJournal: 'V1', creditNoteJournal: 'V2' });
    wizard.back();
    wizard.setParameters({ vat: 'total', exportCustomers: false, creditNoteJournal: 'V1' });
    expect(wizard.parameters).toMatchObject({ vat: 'total', exportCustomers: false, invoiceJournal: 'V1', creditNoteJournal: 'V1' });
    const files = wizard.download();
    expect(files.ok && files.value.map((f) => f.name)).toEqual(['invoice-lines.csv']);
  });

  it('R23: an empty journal is an error of the preview, not a silent default', () => {
    const { wizard } = toPreview();
    wizard.back();
    const preview = wizard.setParameters({ invoiceJournal: ' ', creditNoteJournal: '' });
    expect(preview.general).toEqual([
      expect.stringContaining('Fill in the invoice journal'),
      expect.stringContaining('Fill in the credit note journal'),
    ]);
    expect(wizard.download()).toMatchObject({ ok: false, problem: { code: 'preview_has_errors', errorCount: 2 } });
  });
});

describe('R24: the preview lists customers and invoices with their errors; only without errors is there a file', () => {
  it('R24: a clean preview lists every customer and document, and "Next" gives files whose totals equal Focus\'s', () => {
    const { focus, wizard, preview } = toPreview();
    expect(preview.errorCount).toBe(0);
    expect(preview.customers.map((c) => c.externalId)).toEqual(['1001', '1002', '100000', '100001']);
    expect(preview.documents.map((d) => d.number)).toEqual(['2026/1', '2026/2', '2026/3', '2026/4', '2026/5', '2026/1']);
    const files = wizard.download();
    if (!files.ok) throw new Error(files.problem.message);
    expect(wizard.step).toBe('file');
    expect(focus.state.bookkeepingExport.exports, 'recorded only once the files are saved').toEqual([]);
    wizard.recordExport();
    const read = readCsvPair(files.value);
    for (const row of preview.documents) {
      const document = focus.state.documents[row.documentId]!;
      const exported = read.documents.find((d) => d.number === document.number && d.kind === document.kind);
      expect(exported?.totalCents, `${row.kind} ${row.number}`).toBe(documentTotals(document).totalCents);
    }
    expect(focus.state.bookkeepingExport.exports).toEqual([
      {
        id: 'export-1',
        at: '2026-03-02T09:00:00.000Z',
        ...PERIOD,
        exporter: 'generic-csv',
        documentIds: preview.documents.map((d) => d.documentId),
        files: ['customers.csv', 'invoice-lines.csv'],
      },
    ]);
  });

  it('R24, R18: customers without an external ID are errors and "Next" makes no file', () => {
    const { focus, wizard, preview } = toPreview(demo(), { generate: false });
    expect(preview.errorCount).toBe(2);
    expect(preview.customers.filter((c) => c.errors.length).map((c) => c.name)).toEqual(['Delta Logistics BV', 'Café Het Anker']);
    expect(wizard.download()).toMatchObject({
      ok: false,
      problem: { code: 'preview_has_errors', message: expect.stringContaining('already paid for') },
    });
    expect(wizard.step).toBe('preview');
    expect(focus.state.bookkeepingExport.exports).toEqual([]);
  });

  it('R24, R18: a fix made while the preview is open shows on refresh, and then the file comes', () => {
    const { focus, wizard } = toPreview(demo(), { generate: false });
    setManuallyEditable(focus, 'admin', true);
    setExternalId(focus, 'admin', 'company-3', '2001');
    setExternalId(focus, 'admin', 'company-4', '2002');
    expect(wizard.refreshPreview().errorCount).toBe(0);
    expect(wizard.download().ok).toBe(true);
  });

  it('R20: two customers sharing an external ID (a confirmed low start value) still get a file, as in the product', () => {
    const { focus, wizard } = toPreview(demo(), { generate: false });
    expect(generateExternalIds(focus, 'admin', { startValue: 1002, confirmReuse: true }).ok).toBe(true);
    expect(wizard.refreshPreview().errorCount).toBe(0);
    const files = wizard.download();
    const customers = files.ok ? readCsvPair(files.value).customers : [];
    expect(customers.filter((c) => c.externalId === '1002').map((c) => c.name)).toEqual(['Atelier Lumière', 'Delta Logistics BV']);
  });

  it('R20, R24: the fix beside it (flagSharedExternalIds) lists both customers as errors and makes no file', () => {
    const { focus, wizard } = toPreview(demo(), { generate: false, flagSharedExternalIds: true });
    expect(generateExternalIds(focus, 'admin', { startValue: 1002, confirmReuse: true }).ok).toBe(true);
    const preview = wizard.refreshPreview();
    expect(preview.customers.filter((c) => c.errors.length).map((c) => [c.name, c.errors])).toEqual([
      ['Atelier Lumière', [expect.stringContaining('External ID 1002 is also used by Delta Logistics BV')]],
      ['Delta Logistics BV', [expect.stringContaining('External ID 1002 is also used by Atelier Lumière')]],
    ]);
    expect(wizard.download()).toMatchObject({ ok: false, problem: { code: 'preview_has_errors', errorCount: 2 } });
  });

  it('R24, R21: a line without ledger account, an invalid VAT number and an unpaid document are errors of their rows', () => {
    const { focus, wizard } = toPreview();
    const invoice = focus.state.documents['invoice-1']!;
    invoice.lines[0]!.ledgerAccount = null;
    focus.state.companies['company-2']!.vatNumber = 'BE12';
    delete focus.state.bookkeepingExport.wallet.charged['invoice-3'];
    const preview = wizard.refreshPreview();
    expect(preview.documents.find((d) => d.documentId === 'invoice-1')?.errors).toEqual([expect.stringMatching(/ledger account/i)]);
    expect(preview.documents.find((d) => d.documentId === 'invoice-3')?.errors).toEqual(['Not paid for yet: go back to the cost step.']);
    expect(preview.customers.find((c) => c.companyId === 'company-2')?.errors).toEqual([
      expect.stringContaining('Invalid VAT number BE12 of Atelier Lumière'),
    ]);
  });

  it("R24: the package's own checks show in the preview (Peppol needs a valid Belgian enterprise number)", () => {
    const focus = demo();
    focus.state.companies['company-1']!.vatNumber = 'BE0412345678';
    const { preview } = toPreview(focus, { packageId: 'peppol-ubl' });
    expect(preview.customers.find((c) => c.companyId === 'company-1')?.errors).toEqual([
      expect.stringContaining('not a valid Belgian enterprise number'),
    ]);
  });

  it('going back keeps the choices and paid documents stay paid', () => {
    const { focus, wizard } = toPreview();
    expect([wizard.back(), wizard.back(), wizard.back()]).toEqual(['parameters', 'cost', 'external-ids']);
    expect(wizard.exporter?.id).toBe('generic-csv');
    wizard.manageExternalIds({ generate: false });
    expect(wizard.pay()).toMatchObject({ ok: true, value: { feeCents: 0, alreadyPaid: 6 } });
    expect(focus.state.bookkeepingExport.wallet.balanceCents).toBe(500 - 72);
  });
});
