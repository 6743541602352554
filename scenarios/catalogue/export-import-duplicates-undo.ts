import {
  companiesWithoutExternalId,
  comparableName,
  findDuplicateCompanies,
  readCustomerCsv,
  setExternalId,
  undoImport,
  type ExportPeriod,
} from '../../core/index.js';
import { book, company, doc, expectOk, line } from '../actions.js';
import {
  ADMIN,
  buyCredits,
  downloadedCsv,
  expectFileMatchesFocus,
  expectOutcome,
  exportPeriod,
  importFromPackage,
  setUpLedgerAccounts,
  turnOnManuallyEditable,
} from '../export-actions.js';
import { defineScenario, step, StepFailure, type ScenarioContext } from '../scenario.js';

const PERIOD: ExportPeriod = { from: '2026-01-01', to: '2026-02-28' };

/** The companies Focus has had for a year, typed by hand, without external IDs. */
const CUSTOMERS = [
  { name: 'Brouwerij De Kroon', vatNumber: 'BE0412345614', country: 'BE' },
  { name: 'Atelier Lumière', vatNumber: 'BE0876543270', country: 'BE' },
  { name: 'Delta Logistics BV', vatNumber: 'NL123456789B01', country: 'NL' },
  { name: 'Café Het Anker', vatNumber: 'BE0456789034', country: 'BE' },
] as const;

/** The date of each customer's invoice, in January and February. */
const INVOICE_DATES = ['2026-01-12', '2026-01-26', '2026-02-09', '2026-02-20'] as const;

/** The package's customer list: the same customers, not all spelt as in Focus; Café Het Anker is not in the package. */
const PACKAGE_CSV = [
  'Number;Name;VAT number;Country',
  '1001;Brouwerij De Kroon NV;BE0412345614;BE',
  '1002;Atelier Lumière;BE0876543270;BE',
  '1003;DELTA LOGISTICS BV;NL123456789B01;NL',
].join('\n');

/** The rows of the accountant's file, as a person reads them. */
const packageRows = () => expectOk(readCustomerCsv(PACKAGE_CSV), "Reading the accountant's file");

const names = (companies: { name: string }[]) => companies.map((c) => c.name).join(', ') || 'none';

/** Each customer of the package that is not in Focus exactly once with its number, and what is wrong with it. */
function packageCustomerProblems(ctx: ScenarioContext): string[] {
  return packageRows().flatMap((row) => {
    const same = Object.values(ctx.world.focus.state.companies).filter((c) => comparableName(c.name) === comparableName(row.name));
    if (same.length !== 1) return [`${row.name} is in Focus ${same.length} times (${same.map((c) => `${c.name}: ${c.externalId ?? 'no ID'}`).join(', ')})`];
    return same[0]!.externalId === row.externalId ? [] : [`${same[0]!.name} has external ID ${same[0]!.externalId ?? 'none'}, not ${row.externalId}`];
  });
}

/**
 * Article 004, "Managing external IDs": "You may already have imported your companies and now there are duplicates
 * in your database (because the company names were not exactly the same). You can remove the duplicate records by
 * undoing the import … Next, you can go over the other companies manually and enter the external ID", found with
 * the segment "External ID" is not filled out.
 */
export default defineScenario({
  id: 'export-import-duplicates-undo',
  title: "The package's customer import makes duplicates; undo it and enter the IDs by hand",
  sources: ['004'],
  rules: ['R18', 'R19', 'R20', 'I4'],
  expected: 'fixed',
  symptomInvariants: ['I4'],
  symptom: {
    description: "the package's customers are not in Focus once with their number: the import's copies carry it, the companies with the invoices do not",
    present: (ctx) => findDuplicateCompanies(ctx.world.focus).length > 0 || packageCustomerProblems(ctx).length > 0,
  },
  steps: [
    step('setup', 'The customers were typed into Focus by hand', `Over the past year ${names([...CUSTOMERS])} were added under CRM > Companies; none has an external ID.`, (ctx) => {
      for (const customer of CUSTOMERS) ctx.world.focus.addCompany({ ...customer });
    }),
    setUpLedgerAccounts(),
    step('setup', 'An invoice for each customer is booked', (ctx) => `Invoices ${CUSTOMERS.map((_, i) => doc(ctx, `invoice ${i + 1}`).number).join(', ')} are booked in January and February, one per customer.`, (ctx) => {
      CUSTOMERS.forEach(({ name }, i) => book(ctx, `invoice ${i + 1}`, { date: INVOICE_DATES[i]!, customer: name, lines: [line(40_000 + 12_500 * i)] }));
    }),
    buyCredits('setup', 500),
    step('reproduce', "Import the package's customer list", (ctx) => `The accountant's list is imported, matching the field "External ID". Created: ${ctx.notes.created}. Given an ID: ${ctx.notes.matched}.`, (ctx) => {
      const report = importFromPackage(ctx, PACKAGE_CSV);
      ctx.refs.import = report.importId;
      Object.assign(ctx.notes, { created: names(report.created), matched: report.matched.map((c) => `${c.name} (${c.externalId})`).join(', ') || 'none' });
    }),
    step('symptom', 'Customers are in Focus twice', (ctx) => `CRM > Companies shows ${ctx.notes.duplicates}. The invoices stay with the companies that have no external ID.`, (ctx) => {
      const groups = findDuplicateCompanies(ctx.world.focus);
      ctx.notes.duplicates = groups.map((group) => names(group)).join('; ');
      if (groups.length !== 2) throw new StepFailure(`Expected Brouwerij De Kroon and Delta Logistics BV twice, found ${ctx.notes.duplicates || 'no duplicates'}.`);
    }),
    step('repair', 'Undo the import', (ctx) => `"You can remove the duplicate records by undoing the import (only new companies will be deleted; those companies for which an external ID had already been entered, will not be deleted)." Removed: ${ctx.notes.removed}. Kept: ${ctx.notes.kept}.`, (ctx) => {
      const report = expectOk(undoImport(ctx.world.focus, ADMIN, ctx.refs.import!), 'Undoing the import');
      Object.assign(ctx.notes, { removed: names(report.removed), kept: report.kept.map((k) => `${k.name} (${k.reason})`).join(', ') || 'none' });
      if (company(ctx, 'Atelier Lumière').externalId !== '1002') throw new StepFailure('Undoing the import took Atelier Lumière its external ID 1002.');
    }),
    turnOnManuallyEditable(),
    step('repair', 'Make the segment "External ID is not filled out"', (ctx) => `CRM > Companies > dropdown menu next to the looking glass > Create new segment, with the rule "External ID" is not filled out: ${ctx.notes.segment}.`, (ctx) => {
      ctx.notes.segment = names(companiesWithoutExternalId(ctx.world.focus));
    }),
    step('repair', "Enter each company's external ID from the accountant's file", (ctx) => `"You must enter the external ID per customer manually by looking up the external ID in the file of your accountant": ${ctx.notes.entered}. Not in the file: ${ctx.notes.notInPackage}; it gets a new ID with the export.`, (ctx) => {
      const entered: string[] = [];
      const notInPackage: string[] = [];
      for (const segmentCompany of companiesWithoutExternalId(ctx.world.focus)) {
        const row = packageRows().find((r) => comparableName(r.name) === comparableName(segmentCompany.name));
        if (!row) {
          notInPackage.push(segmentCompany.name);
          continue;
        }
        expectOk(setExternalId(ctx.world.focus, ADMIN, segmentCompany.id, row.externalId), `Entering external ID ${row.externalId} for ${segmentCompany.name}`);
        entered.push(`${segmentCompany.name} → ${row.externalId}`);
      }
      Object.assign(ctx.notes, { entered: entered.join(', ') || 'none', notInPackage: notInPackage.join(', ') || 'none' });
    }),
    step('repair', 'Export January and February, generating IDs for new customers', (ctx) => `"Once all external IDs are imported from your accounting package, you can indicate that the new external IDs should be created automatically with the export": Generate automatically from 100000 gives ${ctx.notes.generated} customer a new ID; the preview is clean and the file is downloaded.`, (ctx) => {
      ctx.notes.generated = expectOutcome(exportPeriod(ctx, PERIOD, { generate: true }), 'downloaded').generated;
    }),
    step('verify', 'Every customer is in Focus once, with the number the package knows it by', 'No company is in Focus twice, and each customer of the package carries its number from the file.', (ctx) => {
      const groups = findDuplicateCompanies(ctx.world.focus);
      if (groups.length > 0) throw new StepFailure(`Still in Focus twice: ${groups.map((g) => names(g)).join('; ')}.`);
      const problems = packageCustomerProblems(ctx);
      if (problems.length > 0) throw new StepFailure(`${problems.join('; ')}.`);
    }),
    step('verify', "The file's customers carry the package's numbers", (ctx) => `customers.csv lists ${ctx.notes.fileCustomers}; the invoices add up to Focus's totals.`, (ctx) => {
      const customers = downloadedCsv(ctx).customers;
      for (const row of packageRows()) {
        const inFile = customers.filter((c) => c.externalId === row.externalId);
        if (inFile.length !== 1 || comparableName(inFile[0]!.name) !== comparableName(row.name)) throw new StepFailure(`customers.csv should list ${row.name} once as ${row.externalId}; it lists ${names(inFile)} under that number.`);
      }
      ctx.notes.fileCustomers = customers.map((c) => `${c.name} (${c.externalId})`).join(', ');
      expectFileMatchesFocus(ctx, PERIOD);
    }),
  ],
});
