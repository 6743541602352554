import { expectSame } from '../actions.js';
import { expectBell, expectNamed } from '../expectations.js';
import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { relationsScreen } from '../screens.js';
import { invoiceShownTwice } from './shown-twice-case.js';

/**
 * P-twice with one mistake: "do NOT delink the contacts and companies" is ignored when deactivating (R12). The
 * companies lose their link to Exact's relations, so the sync creates the customers of the invoices it sends again:
 * Exact Online has Van Dijk Installaties and Atelier Lumière twice, and the checker names I4.
 */
export default defineScenario({
  id: 'mistake-delink-contacts',
  title: 'Mistake: delinking contacts and companies when deactivating',
  sources: ['001', '000', '002'],
  rules: ['R12', 'P-twice', 'I4'],
  expected: ['I4'],
  symptomInvariants: ['I1', 'I8'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept', delinkContacts: true }),
    step(
      'verify',
      'Exact Online has the customers of the synced invoices twice',
      'The sync created relations again for the customers it sent invoices of, with the country Focus holds for each: Van Dijk Installaties (codes 2 and 5, both NL) and Atelier Lumière (codes 3 and 6, both BE). The bell says "Synchronisation finished: 2 customers, 2 invoices and 0 credit notes synced". The checker names I4 twice, once per doubled relation, neither for a document or a booking.',
      async (ctx) => {
        const relations = (await relationsScreen(ctx)).map((r) => `${r.code} ${r.name} ${r.country}`);
        expectSame(
          relations,
          [
            '1 Brouwerij De Kroon BE',
            '2 Van Dijk Installaties NL',
            '3 Atelier Lumière BE',
            '4 Delta Logistics BE',
            '5 Van Dijk Installaties NL',
            '6 Atelier Lumière BE',
          ],
          "Exact Online's relations",
        );
        expectBell(ctx, 'Synchronisation finished: 2 customers, 2 invoices and 0 credit notes synced');
        await expectNamed(ctx, [
          ['I4', [], []],
          ['I4', [], []],
        ]);
      },
    ),
  ],
});
