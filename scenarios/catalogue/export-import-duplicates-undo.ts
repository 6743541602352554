import type { ExportPeriod } from '../../core/index.js';
import { book, expectSame, line } from '../actions.js';
import { downloadedCsv, expectFileMatchesFocus, expectOutcome, exportPeriod } from '../export-actions.js';
import {
  buyCredits,
  enterExternalId,
  importFromPackage,
  packageCsv,
  segmentWithoutExternalId,
  setUpLedgerAccounts,
  turnOnManuallyEditable,
  undoLastImport,
  type PackageCustomer,
} from '../export-moves.js';
import { note } from '../notes.js';
import { defineScenario, step } from '../scenario.js';
import { companiesScreen } from '../screens.js';

const PERIOD: ExportPeriod = { from: '2026-01-01', to: '2026-02-28' };

/** The companies Focus has had for a year, typed by hand, without external IDs, and the date of each one's invoice. */
const CUSTOMERS = [
  { name: 'Brouwerij De Kroon', vatNumber: 'BE0412345614', country: 'BE', invoice: '2026-01-12' },
  { name: 'Atelier Lumière', vatNumber: 'BE0876543270', country: 'BE', invoice: '2026-01-26' },
  { name: 'Delta Logistics BV', vatNumber: 'NL123456789B01', country: 'NL', invoice: '2026-02-09' },
  { name: 'Café Het Anker', vatNumber: 'BE0456789034', country: 'BE', invoice: '2026-02-20' },
] as const;

/** The package's customer list: the same customers, not all spelt as in Focus; Café Het Anker is not in the package. */
const PACKAGE: PackageCustomer[] = [
  { number: '1001', name: 'Brouwerij De Kroon NV', vatNumber: 'BE0412345614', country: 'BE' },
  { number: '1002', name: 'Atelier Lumière', vatNumber: 'BE0876543270', country: 'BE' },
  { number: '1003', name: 'DELTA LOGISTICS BV', vatNumber: 'NL123456789B01', country: 'NL' },
];

/** What the person reads in the accountant's file for the companies of the segment (the names differ a little). */
const LOOKED_UP: Readonly<Record<string, string>> = { 'Brouwerij De Kroon': '1001', 'Delta Logistics BV': '1003' };

/** CRM › Companies once every customer is in Focus once with the number the package knows it by. */
const COMPANIES_AFTER = ['Atelier Lumière 1002', 'Brouwerij De Kroon 1001', 'Café Het Anker 100000', 'Delta Logistics BV 1003'];

/** The segment "External ID is not filled out", as the person made it. */
const SEGMENT = note<string[]>('the segment "External ID is not filled out"');

/**
 * Article 004, "Managing external IDs": "You may already have imported your companies and now there are duplicates
 * in your database (because the company names were not exactly the same). You can remove the duplicate records by
 * undoing the import … Next, you can go over the other companies manually and enter the external ID", found with the
 * segment "External ID" is not filled out.
 */
export default defineScenario({
  id: 'export-import-duplicates-undo',
  title: "The package's customer import makes duplicates; undo it and enter the IDs by hand",
  sources: ['004'],
  rules: ['R18', 'R19', 'R20', 'I4'],
  expected: 'fixed',
  symptomInvariants: ['I4'],
  symptom: {
    description:
      "the package's customers are not in Focus once with their number: the import's copies carry it, the companies with the invoices do not",
    present: (ctx) => JSON.stringify(companiesScreen(ctx)) !== JSON.stringify(COMPANIES_AFTER),
  },
  steps: [
    step(
      'setup',
      'The customers were typed into Focus by hand',
      'Over the past year Brouwerij De Kroon, Atelier Lumière, Delta Logistics BV and Café Het Anker were added under CRM > Companies; none has an external ID.',
      (ctx) => {
        for (const { invoice: _, ...customer } of CUSTOMERS) ctx.world.focus.addCompany(customer);
      },
    ),
    setUpLedgerAccounts(),
    step(
      'setup',
      'An invoice for each customer is booked',
      'Invoices 2026/1 to 2026/4 are booked in January and February, one per customer.',
      (ctx) => {
        CUSTOMERS.forEach(({ name, invoice }, i) =>
          book(ctx, `2026/${i + 1}`, { date: invoice, customer: name, lines: [line(40_000 + 12_500 * i)] }),
        );
      },
    ),
    buyCredits('setup', 500),
    step(
      'reproduce',
      "Import the package's customer list",
      'The accountant\'s list is imported, matching the field "External ID". Created: Brouwerij De Kroon NV and DELTA LOGISTICS BV. Given an ID: Atelier Lumière (1002).',
      (ctx) => {
        const report = importFromPackage(ctx, packageCsv(PACKAGE));
        expectSame(
          [report.created.map((c) => c.name), report.matched.map((c) => `${c.name} ${c.externalId}`)],
          [['Brouwerij De Kroon NV', 'DELTA LOGISTICS BV'], ['Atelier Lumière 1002']],
          'What the import created and matched',
        );
      },
    ),
    step(
      'symptom',
      'Customers are in Focus twice',
      'CRM > Companies shows Brouwerij De Kroon without ID beside Brouwerij De Kroon NV (1001), and Delta Logistics BV without ID beside DELTA LOGISTICS BV (1003). The invoices stay with the companies that have no external ID.',
      (ctx) => {
        expectSame(
          companiesScreen(ctx),
          [
            'Atelier Lumière 1002',
            'Brouwerij De Kroon (no external ID)',
            'Brouwerij De Kroon NV 1001',
            'Café Het Anker (no external ID)',
            'DELTA LOGISTICS BV 1003',
            'Delta Logistics BV (no external ID)',
          ],
          'CRM › Companies',
        );
      },
    ),
    step(
      'repair',
      'Undo the import',
      '"You can remove the duplicate records by undoing the import (only new companies will be deleted; those companies for which an external ID had already been entered, will not be deleted)." Removed: Brouwerij De Kroon NV and DELTA LOGISTICS BV. Kept: Atelier Lumière, which keeps external ID 1002.',
      (ctx) => {
        const report = undoLastImport(ctx);
        expectSame(
          [report.removed.map((c) => c.name), report.kept.map((c) => c.name)],
          [['Brouwerij De Kroon NV', 'DELTA LOGISTICS BV'], ['Atelier Lumière']],
          'What undoing removed and kept',
        );
      },
    ),
    turnOnManuallyEditable(),
    step(
      'repair',
      'Make the segment "External ID is not filled out"',
      (ctx) =>
        `CRM > Companies > dropdown menu next to the looking glass > Create new segment, with the rule "External ID" is not filled out: ${ctx.notes.read(SEGMENT).join(', ')}.`,
      (ctx) => {
        ctx.notes.write(SEGMENT, segmentWithoutExternalId(ctx));
      },
    ),
    step(
      'repair',
      "Enter each company's external ID from the accountant's file",
      '"You must enter the external ID per customer manually by looking up the external ID in the file of your accountant": for each company of the segment, Brouwerij De Kroon → 1001 and Delta Logistics BV → 1003. Café Het Anker is not in the file; it gets a new ID with the export.',
      (ctx) => {
        for (const name of ctx.notes.read(SEGMENT)) {
          const number = LOOKED_UP[name];
          if (number !== undefined) enterExternalId(ctx, name, number);
        }
      },
    ),
    step(
      'repair',
      'Export January and February, generating IDs for new customers',
      '"Once all external IDs are imported from your accounting package, you can indicate that the new external IDs should be created automatically with the export": "Generate automatically", from the default start value, gives Café Het Anker 100000; the preview is clean and the file is downloaded.',
      (ctx) => {
        expectSame(expectOutcome(exportPeriod(ctx, PERIOD, { generate: true }), 'downloaded').generated, 1, 'External IDs generated');
      },
    ),
    step(
      'verify',
      'Every customer is in Focus once, with the number the package knows it by',
      `CRM > Companies lists ${COMPANIES_AFTER.join(', ')}: no company twice, each customer of the package with its number from the file.`,
      (ctx) => {
        expectSame(companiesScreen(ctx), COMPANIES_AFTER, 'CRM › Companies');
      },
    ),
    step(
      'verify',
      "The file's customers carry the package's numbers",
      "customers.csv lists Brouwerij De Kroon (1001), Atelier Lumière (1002), Delta Logistics BV (1003) and Café Het Anker (100000); the invoices add up to Focus's totals, €2,843.50.",
      (ctx) => {
        expectSame(
          downloadedCsv(ctx).customers.map((c) => `${c.name} (${c.externalId})`),
          ['Brouwerij De Kroon (1001)', 'Atelier Lumière (1002)', 'Delta Logistics BV (1003)', 'Café Het Anker (100000)'],
          'The customers of customers.csv',
        );
        expectSame(expectFileMatchesFocus(ctx, PERIOD), '€2,843.50', 'The total of invoice-lines.csv');
      },
    ),
  ],
});
