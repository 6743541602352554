import { expectSame } from '../actions.js';
import { expectBooked, expectJournal, expectNamed } from '../expectations.js';
import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { companiesScreen } from '../screens.js';
import { invoiceShownTwice } from './shown-twice-case.js';

const CUSTOMERS = ['Atelier Lumière', 'Brouwerij De Kroon', 'Delta Logistics', 'Van Dijk Installaties'];

/**
 * P-twice with one mistake: the slider "import contacts and companies" is switched on when reconnecting. The
 * articles warn: "this will create doubles in your Teamleader Focus account" (R13). The rest of the repair works, so
 * the checker names I4 only.
 */
export default defineScenario({
  id: 'mistake-import-contacts-on-reconnect',
  title: 'Mistake: importing contacts and companies when reconnecting',
  sources: ['001', '000', '002'],
  rules: ['R13', 'P-twice', 'I4'],
  expected: ['I4'],
  symptomInvariants: ['I1', 'I8'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept', importContacts: true }),
    step(
      'verify',
      'Focus has every customer twice',
      'The invoices are synced once each again (2026/1 1002, 2026/2 1003, 2026/3 1004), but the import added every relation of Exact Online as a new company: CRM › Companies lists Atelier Lumière, Brouwerij De Kroon, Delta Logistics and Van Dijk Installaties twice each, 8 companies for 4 customers. The checker names I4 four times, once per doubled company, none of them for a document or a booking.',
      async (ctx) => {
        expectSame(
          companiesScreen(ctx),
          CUSTOMERS.flatMap((name) => [name, name]).map((name) => `${name} (no external ID)`),
          'CRM › Companies',
        );
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1002],
          ['2026/2', 1003],
          ['2026/3', 1004],
        ]);
        await expectJournal(
          ctx,
          '70',
          [
            [1002, '2026/1'],
            [1003, '2026/2'],
            [1004, '2026/3'],
          ],
          1005,
        );
        await expectNamed(ctx, [
          ['I4', [], []],
          ['I4', [], []],
          ['I4', [], []],
          ['I4', [], []],
        ]);
      },
    ),
  ],
});
