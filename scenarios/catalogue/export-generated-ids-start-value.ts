import { comparableName, DEFAULT_EXTERNAL_ID_START, readCustomerCsv, setExternalId, type ExportPeriod } from '../../core/index.js';
import { book, company, doc, expectOk, line } from '../actions.js';
import {
  ADMIN,
  buyCredits,
  downloadedCsv,
  downloadedCustomerIds,
  expectFileMatchesFocus,
  expectOutcome,
  exportPeriod,
  importPackageCustomers,
  setUpLedgerAccounts,
  sharedExternalIds,
  turnOnManuallyEditable,
} from '../export-actions.js';
import { defineScenario, step, StepFailure, type ScenarioContext } from '../scenario.js';

const PERIOD: ExportPeriod = { from: '2026-01-01', to: '2026-02-28' };

/** The start value the admin picks because the package numbers its customers from 1. */
const LOWERED_START = 3;

/** A small package that numbers its customers 1, 2, 3, … */
const PACKAGE_CSV = [
  'Number;Name;VAT number;Country',
  '1;Brouwerij De Kroon;BE0412345614;BE',
  '2;Atelier Lumière;BE0876543270;BE',
  '3;Delta Logistics BV;NL123456789B01;NL',
  '4;Café Het Anker;BE0456789034;BE',
].join('\n');

/** Customers won since, added in Focus: not in the package, no external ID. */
const NEW_CUSTOMERS = ['Garage Peeters', 'Bakkerij Vermeulen'] as const;

/** One invoice per customer: date and customer. */
const INVOICES = [
  { date: '2026-01-09', customer: 'Brouwerij De Kroon' },
  { date: '2026-01-16', customer: 'Atelier Lumière' },
  { date: '2026-01-23', customer: 'Delta Logistics BV' },
  { date: '2026-02-04', customer: 'Café Het Anker' },
  { date: '2026-02-11', customer: 'Garage Peeters' },
  { date: '2026-02-18', customer: 'Bakkerij Vermeulen' },
] as const;

const packageRows = () => expectOk(readCustomerCsv(PACKAGE_CSV), "Reading the accountant's file");

const idsOf = (names: readonly string[], ctx: ScenarioContext) => names.map((name) => `${name} (${company(ctx, name).externalId ?? 'none'})`).join(', ');

/**
 * Article 004, "Managing external IDs": "Teamleader Focus will create the external IDs sequentially, beginning at a
 * start value that you specify. For security reasons, this value is 100000 by default. First consult your accountant
 * before lowering this value, or you run the risk that existing customers from your accounting package are
 * overwritten!" The admin lowers it to 3 and confirms the warning: two customers now share an ID.
 */
export default defineScenario({
  id: 'export-generated-ids-start-value',
  title: 'A lowered start value gives new customers the IDs of existing ones',
  sources: ['004'],
  rules: ['R20', 'R18', 'R24'],
  expected: 'fixed',
  symptom: {
    description: 'the downloaded customers.csv gives two customers the same external ID, so importing it overwrites one customer with the other in the package',
    present: (ctx) => {
      const ids = downloadedCustomerIds(ctx);
      return new Set(ids).size < ids.length;
    },
  },
  steps: [
    importPackageCustomers(PACKAGE_CSV),
    step('setup', 'Two new customers are added in Focus', `${NEW_CUSTOMERS.join(' and ')} are added under CRM > Companies; they are not in the accounting package and have no external ID.`, (ctx) => {
      for (const name of NEW_CUSTOMERS) ctx.world.focus.addCompany({ name, country: 'BE' });
    }),
    setUpLedgerAccounts(),
    step('setup', 'An invoice for each customer is booked', (ctx) => `Invoices ${INVOICES.map((_, i) => doc(ctx, `invoice ${i + 1}`).number).join(', ')} are booked in January and February.`, (ctx) => {
      INVOICES.forEach(({ date, customer }, i) => book(ctx, `invoice ${i + 1}`, { date, customer, lines: [line(30_000 + 5_000 * i)] }));
    }),
    buyCredits('setup', 500),
    step('reproduce', `Lower the start value to ${LOWERED_START} and generate`, (ctx) => `Bookkeeping export of January and February; under Manage external IDs the admin chooses "Generate automatically" and lowers the start value from ${DEFAULT_EXTERNAL_ID_START} to ${LOWERED_START}, as the package numbers its customers from 1. Focus warns: "${ctx.notes.warning}"`, (ctx) => {
      ctx.notes.warning = expectOutcome(exportPeriod(ctx, PERIOD, { generate: true, startValue: LOWERED_START }), 'start-value-warning').message!;
      const given = NEW_CUSTOMERS.filter((name) => company(ctx, name).externalId !== null);
      if (given.length > 0) throw new StepFailure(`The warning came after ${given.join(', ')} got an ID.`);
    }),
    step('reproduce', 'Confirm the lower start value anyway', (ctx) => `Without consulting the accountant, the admin confirms: ${idsOf(NEW_CUSTOMERS, ctx)}. The cost step is paid, ${ctx.strategy === 'safe' ? `and the preview (with the fix) stops the file: ${ctx.notes.refusal}` : 'the preview shows no errors and "Next" downloads the file for the accountant.'}`, (ctx) => {
      const attempt = exportPeriod(ctx, PERIOD, { generate: true, startValue: LOWERED_START, confirmReuse: true });
      ctx.notes.refusal = expectOutcome(attempt, ctx.strategy === 'safe' ? 'preview-has-errors' : 'downloaded').message ?? '';
    }),
    step('symptom', 'Two customers share an external ID', (ctx) => `${ctx.notes.shared}, in Focus and in customers.csv (${ctx.notes.fileCustomers}). Imported into the package, each new customer overwrites the existing one with its number.`, (ctx) => {
      const shared = sharedExternalIds(ctx);
      ctx.notes.shared = shared.map(({ externalId, names }) => `External ID ${externalId}: ${names.join(' and ')}`).join('; ');
      if (shared.length !== NEW_CUSTOMERS.length) throw new StepFailure(`Expected ${NEW_CUSTOMERS.length} shared IDs, found: ${ctx.notes.shared || 'none'}.`);
      const customers = downloadedCsv(ctx).customers;
      const repeated = shared.filter(({ externalId }) => customers.filter((c) => c.externalId === externalId).length > 1);
      if (repeated.length !== shared.length) throw new StepFailure(`customers.csv should repeat the shared IDs, but repeats only ${repeated.map((r) => r.externalId).join(', ') || 'none'}.`);
      ctx.notes.fileCustomers = customers.map((c) => `${c.name} ${c.externalId}`).join(', ');
    }),
    turnOnManuallyEditable(),
    step('repair', `Clear the IDs generated from start value ${LOWERED_START}`, (ctx) => `The accountant's file says which customer each number belongs to; the admin empties the External ID of ${ctx.notes.cleared}.`, (ctx) => {
      const cleared: string[] = [];
      for (const { externalId } of sharedExternalIds(ctx)) {
        const owner = packageRows().find((row) => row.externalId === externalId);
        for (const holder of Object.values(ctx.world.focus.state.companies).filter((c) => c.externalId === externalId && comparableName(c.name) !== comparableName(owner?.name ?? ''))) {
          expectOk(setExternalId(ctx.world.focus, ADMIN, holder.id, null), `Clearing the external ID of ${holder.name}`);
          cleared.push(`${holder.name} (was ${externalId})`);
        }
      }
      ctx.notes.cleared = cleared.join(', ') || 'nobody';
    }),
    step('repair', `Export again, generating from ${DEFAULT_EXTERNAL_ID_START}`, (ctx) => `The export again, with "Generate automatically" and the start value back at ${DEFAULT_EXTERNAL_ID_START}: ${idsOf(NEW_CUSTOMERS, ctx)}. The cost step: ${ctx.notes.alreadyPaid} invoices already paid; the preview shows no errors and the file is downloaded.`, (ctx) => {
      const attempt = expectOutcome(exportPeriod(ctx, PERIOD, { generate: true, startValue: DEFAULT_EXTERNAL_ID_START }), 'downloaded');
      ctx.notes.alreadyPaid = attempt.cost!.alreadyPaid;
    }),
    step('verify', 'Every customer has an external ID of its own', (ctx) => `The package's customers keep their numbers (${idsOf(packageRows().map((r) => r.name), ctx)}); the new ones have IDs from ${DEFAULT_EXTERNAL_ID_START}.`, (ctx) => {
      if (sharedExternalIds(ctx).length > 0) throw new StepFailure(`Still shared: ${sharedExternalIds(ctx).map((s) => s.externalId).join(', ')}.`);
      for (const row of packageRows()) {
        if (company(ctx, row.name).externalId !== row.externalId) throw new StepFailure(`${row.name} has external ID ${company(ctx, row.name).externalId ?? 'none'}, not ${row.externalId} as in the package.`);
      }
      const low = NEW_CUSTOMERS.filter((name) => Number(company(ctx, name).externalId) < DEFAULT_EXTERNAL_ID_START);
      if (low.length > 0) throw new StepFailure(`${idsOf(low, ctx)} still have an ID below ${DEFAULT_EXTERNAL_ID_START}.`);
    }),
    step('verify', "The file's customer IDs are unique", (ctx) => `customers.csv lists ${ctx.notes.fileCustomers}, each number once; the invoices add up to Focus's totals.`, (ctx) => {
      const customers = downloadedCsv(ctx).customers;
      const ids = customers.map((c) => c.externalId);
      if (new Set(ids).size !== ids.length) throw new StepFailure(`customers.csv repeats an external ID: ${ids.join(', ')}.`);
      ctx.notes.fileCustomers = customers.map((c) => `${c.name} (${c.externalId})`).join(', ');
      expectFileMatchesFocus(ctx, PERIOD);
    }),
  ],
});
