import type { ExportPeriod } from '../../core/index.js';
import { book, expectSame, line } from '../actions.js';
import {
  downloadedCsv,
  downloadedCustomerIds,
  expectFileMatchesFocus,
  expectOutcome,
  exportPeriod,
  sharedExternalIds,
} from '../export-actions.js';
import {
  buyCredits,
  enterExternalId,
  externalIdSettings,
  importPackageCustomers,
  setUpLedgerAccounts,
  turnOnManuallyEditable,
  type PackageCustomer,
} from '../export-moves.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { companiesScreen } from '../screens.js';

const PERIOD: ExportPeriod = { from: '2026-01-01', to: '2026-02-28' };

/** A small package that numbers its customers 1, 2, 3, … */
const PACKAGE: PackageCustomer[] = [
  { number: '1', name: 'Brouwerij De Kroon', vatNumber: 'BE0412345614', country: 'BE' },
  { number: '2', name: 'Atelier Lumière', vatNumber: 'BE0876543270', country: 'BE' },
  { number: '3', name: 'Delta Logistics BV', vatNumber: 'NL123456789B01', country: 'NL' },
  { number: '4', name: 'Café Het Anker', vatNumber: 'BE0456789034', country: 'BE' },
];

/** One invoice per customer: date and customer; the last two are new customers, added in Focus only. */
const INVOICES = [
  { date: '2026-01-09', customer: 'Brouwerij De Kroon' },
  { date: '2026-01-16', customer: 'Atelier Lumière' },
  { date: '2026-01-23', customer: 'Delta Logistics BV' },
  { date: '2026-02-04', customer: 'Café Het Anker' },
  { date: '2026-02-11', customer: 'Garage Peeters' },
  { date: '2026-02-18', customer: 'Bakkerij Vermeulen' },
] as const;

/** CRM › Companies once each customer has an ID of its own: the package's keep theirs, the new ones from 100000. */
const COMPANIES_AFTER = [
  'Atelier Lumière 2',
  'Bakkerij Vermeulen 100001',
  'Brouwerij De Kroon 1',
  'Café Het Anker 4',
  'Delta Logistics BV 3',
  'Garage Peeters 100000',
];

/**
 * Article 004, "Managing external IDs": "Teamleader Focus will create the external IDs sequentially, beginning at a
 * start value that you specify. For security reasons, this value is 100000 by default. First consult your accountant
 * before lowering this value, or you run the risk that existing customers from your accounting package are
 * overwritten!" The admin lowers it to 3 and confirms the warning: Garage Peeters gets 3, the number of Delta Logistics
 * BV in the package, and Bakkerij Vermeulen 4, Café Het Anker's.
 */
export default defineScenario({
  id: 'export-generated-ids-start-value',
  title: 'A lowered start value gives new customers the IDs of existing ones',
  sources: ['004'],
  rules: ['R20', 'R18', 'R24'],
  expected: 'fixed',
  symptom: {
    description:
      'the downloaded customers.csv gives two customers the same external ID, so importing it overwrites one customer with the other in the package',
    present: (ctx) => {
      const ids = downloadedCustomerIds(ctx);
      return new Set(ids).size < ids.length;
    },
  },
  steps: [
    importPackageCustomers(PACKAGE),
    step(
      'setup',
      'Two new customers are added in Focus',
      'Garage Peeters and Bakkerij Vermeulen are added under CRM > Companies; they are not in the accounting package and have no external ID.',
      (ctx) => {
        for (const name of ['Garage Peeters', 'Bakkerij Vermeulen']) ctx.world.focus.addCompany({ name, country: 'BE' });
      },
    ),
    setUpLedgerAccounts(),
    step(
      'setup',
      'An invoice for each customer is booked',
      'Invoices 2026/1 to 2026/6 are booked in January and February, one per customer.',
      (ctx) => {
        INVOICES.forEach(({ date, customer }, i) => book(ctx, `2026/${i + 1}`, { date, customer, lines: [line(30_000 + 5_000 * i)] }));
      },
    ),
    buyCredits('setup', 500),
    step(
      'reproduce',
      'Lower the start value to 3 and generate',
      'Bookkeeping export of January and February; under Manage external IDs the start value shows 100000, the default. The admin chooses "Generate automatically" and lowers it to 3, as the package numbers its customers from 1. Focus warns that start value 3 would give out IDs customers already have (3, 4), and to consult the accountant before lowering it below 100000.',
      (ctx) => {
        expectSame(externalIdSettings(ctx).startValue, 100000, 'The start value under Manage external IDs');
        expectOutcome(exportPeriod(ctx, PERIOD, { generate: true, startValue: 3 }), 'start-value-warning', [
          'Start value 3',
          '(3, 4)',
          'below 100000',
        ]);
        expectSame(
          companiesScreen(ctx).filter((c) => c.startsWith('Garage') || c.startsWith('Bakkerij')),
          ['Bakkerij Vermeulen (no external ID)', 'Garage Peeters (no external ID)'],
          'The new customers after the warning',
        );
      },
    ),
    step(
      'reproduce',
      'Confirm the lower start value anyway',
      (ctx) =>
        'Without consulting the accountant, the admin confirms: Garage Peeters gets 3, Bakkerij Vermeulen 4. The cost step is paid, ' +
        (ctx.strategy === 'safe'
          ? 'and the preview (with the fix) stops the file.'
          : 'the preview shows no errors and "Next" downloads the file for the accountant.'),
      (ctx) => {
        expectOutcome(
          exportPeriod(ctx, PERIOD, { generate: true, startValue: 3, confirmReuse: true }),
          ctx.strategy === 'safe' ? 'preview-has-errors' : 'downloaded',
        );
        expectSame(
          companiesScreen(ctx).filter((c) => c.startsWith('Garage') || c.startsWith('Bakkerij')),
          ['Bakkerij Vermeulen 4', 'Garage Peeters 3'],
          'The new customers',
        );
      },
    ),
    step(
      'symptom',
      'Two customers share an external ID',
      'External ID 3: Delta Logistics BV and Garage Peeters; external ID 4: Café Het Anker and Bakkerij Vermeulen, in Focus and in customers.csv (Brouwerij De Kroon 1, Atelier Lumière 2, Delta Logistics BV 3, Café Het Anker 4, Garage Peeters 3, Bakkerij Vermeulen 4). Imported into the package, each new customer overwrites the existing one with its number.',
      (ctx) => {
        expectSame(
          sharedExternalIds(ctx),
          [
            { externalId: '3', names: ['Delta Logistics BV', 'Garage Peeters'] },
            { externalId: '4', names: ['Café Het Anker', 'Bakkerij Vermeulen'] },
          ],
          'The shared external IDs',
        );
        expectSame(
          downloadedCsv(ctx).customers.map((c) => `${c.name} ${c.externalId}`),
          [
            'Brouwerij De Kroon 1',
            'Atelier Lumière 2',
            'Delta Logistics BV 3',
            'Café Het Anker 4',
            'Garage Peeters 3',
            'Bakkerij Vermeulen 4',
          ],
          'The customers of customers.csv',
        );
      },
    ),
    turnOnManuallyEditable(),
    step(
      'repair',
      'Clear the IDs generated from start value 3',
      "The accountant's file says 3 is Delta Logistics BV and 4 is Café Het Anker: the admin empties the External ID of the other holders, Garage Peeters (was 3) and Bakkerij Vermeulen (was 4).",
      (ctx) => {
        for (const { externalId, names } of sharedExternalIds(ctx)) {
          const owner = PACKAGE.find((c) => c.number === externalId);
          if (!owner) throw new StepFailure(`The accountant's file has no customer ${externalId}.`);
          for (const name of names.filter((n) => n !== owner.name)) enterExternalId(ctx, name, null);
        }
      },
    ),
    step(
      'repair',
      'Export again, generating from 100000',
      'The export again, with "Generate automatically" and the start value set back to 100000: Garage Peeters gets 100000, Bakkerij Vermeulen 100001. The cost step: 6 invoices already paid; the preview shows no errors and the file is downloaded.',
      (ctx) => {
        expectSame(
          expectOutcome(exportPeriod(ctx, PERIOD, { generate: true, startValue: 100000 }), 'downloaded').generated,
          2,
          'External IDs generated',
        );
      },
    ),
    step(
      'verify',
      'Every customer has an external ID of its own',
      `CRM > Companies lists ${COMPANIES_AFTER.join(', ')}: the package's customers keep their numbers; the new ones have IDs from 100000.`,
      (ctx) => {
        expectSame(companiesScreen(ctx), COMPANIES_AFTER, 'CRM › Companies');
      },
    ),
    step(
      'verify',
      "The file's customer IDs are unique",
      "customers.csv lists Brouwerij De Kroon (1), Atelier Lumière (2), Delta Logistics BV (3), Café Het Anker (4), Garage Peeters (100000) and Bakkerij Vermeulen (100001), each number once; the invoices add up to Focus's totals, €3,085.50.",
      (ctx) => {
        expectSame(
          downloadedCsv(ctx).customers.map((c) => `${c.name} (${c.externalId})`),
          [
            'Brouwerij De Kroon (1)',
            'Atelier Lumière (2)',
            'Delta Logistics BV (3)',
            'Café Het Anker (4)',
            'Garage Peeters (100000)',
            'Bakkerij Vermeulen (100001)',
          ],
          'The customers of customers.csv',
        );
        expectSame(expectFileMatchesFocus(ctx, PERIOD), '€3,085.50', 'The total of invoice-lines.csv');
      },
    ),
  ],
});
