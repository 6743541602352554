import { DIVISION, expectOk } from '../actions.js';
import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { invoiceShownTwice } from './shown-twice-case.js';

/**
 * P-twice with one mistake: "do NOT delink the contacts and companies" is ignored when deactivating (R12).
 * The companies lose their link to Exact's relations, so the sync creates the customers of the invoices it
 * sends again: Exact Online has them twice, and the checker names I4.
 */
export default defineScenario({
  id: 'mistake-delink-contacts',
  title: 'Mistake: delinking contacts and companies when deactivating',
  sources: ['001', '000', '002'],
  rules: ['R12', 'P-twice', 'I4'],
  expected: ['I4'],
  symptomInvariants: ['I1'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice(), { writeDown: 'after-last-kept', delinkContacts: true }),
    step('verify', 'Exact Online has the customers of the synced invoices twice', (ctx) => `The sync created relations again for the customers it sent invoices of: ${ctx.notes.relations}. The checker names I4.`, async (ctx) => {
      const relations = expectOk(await ctx.world.backOffice.relations(DIVISION), 'Reading the relations');
      const codes = (name: string) => relations.filter((r) => r.name === name).map((r) => r.code);
      ctx.notes.relations = [...new Set(relations.map((r) => r.name))]
        .filter((name) => codes(name).length > 1)
        .map((name) => `${name} (codes ${codes(name).join(' and ')})`)
        .join(', ');
    }),
  ],
});
