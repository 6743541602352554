import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { invoiceShownTwice } from './shown-twice-case.js';

/**
 * P-twice with one mistake: the slider "import contacts and companies" is switched on when reconnecting.
 * The articles warn: "this will create doubles in your Teamleader Focus account" (R13). The rest of the
 * repair works, so the checker names I4 only.
 */
export default defineScenario({
  id: 'mistake-import-contacts-on-reconnect',
  title: 'Mistake: importing contacts and companies when reconnecting',
  sources: ['001', '000', '002'],
  rules: ['R13', 'P-twice', 'I4'],
  expected: ['I4'],
  symptomInvariants: ['I1'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice(), { writeDown: 'after-last-kept', importContacts: true }),
    step('verify', 'Focus has every customer twice', (ctx) => {
      const names = Object.values(ctx.world.focus.state.companies).map((c) => c.name);
      return `The invoices are synced once each again, but the import added every relation of Exact Online as a new company: Focus now has ${names.length} companies for ${new Set(names).size} customers. The checker names I4.`;
    }, () => {}),
  ],
});
