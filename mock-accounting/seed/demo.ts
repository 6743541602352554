import { DEMO_DIVISIONS, type Clock } from '../../primitives/index.js';
import type { Flavour, MockState } from '../store/index.js';
import { FIRST_ROW_VERSION, seedBuilder } from './builder.js';
import { addMasterData } from './master-data.js';

/** The demo company's relations in Exact (codes 1–4). */
export const DEMO_CUSTOMERS = [
  { code: '1', name: 'Brouwerij De Kroon', vatNumber: 'BE0412345678', country: 'BE', email: 'boekhouding@dekroon.be' },
  { code: '2', name: 'Van Dijk Installaties', vatNumber: 'NL812345678B01', country: 'NL', email: 'finance@vandijk.nl' },
  { code: '3', name: 'Atelier Lumière', vatNumber: 'BE0876543210', country: 'BE', email: 'compta@lumiere.be' },
  { code: '4', name: 'Delta Logistics', vatNumber: 'BE0455667788', country: 'BE', email: 'ap@delta-logistics.be' },
] as const;

/**
 * What the demo seed holds, in one sentence for `booklab serve` to say when it starts from it: the company, its
 * customers, no bookings yet. The dashboard's demo world (`booklab tui`) starts from the same seed.
 */
export const DEMO_SEED_DESCRIPTION =
  `the demo seed: Booklab Demo BV's administration (division ${DEMO_DIVISIONS.main}) with its customers ` +
  `${DEMO_CUSTOMERS.map((c) => c.name).join(', ')}, the sales journals 70 and 71 and no bookings yet, on the real clock`;

/** The demo seed: master data plus a few customers in the main division and one in the second. */
export function demoState(clock: Clock, flavour: Flavour = 'exact'): MockState {
  const b = seedBuilder(clock);
  addMasterData(b, flavour);
  const now = clock.now();
  const customers = [
    ...DEMO_CUSTOMERS.map((c) => ({ ...c, division: DEMO_DIVISIONS.main })),
    { code: '1', name: 'Isolation Check NV', vatNumber: 'BE0999888777', country: 'BE', email: null, division: DEMO_DIVISIONS.other },
  ];
  customers.forEach((customer, i) => {
    const id = b.guid();
    b.state.accounts[id] = {
      id,
      ...customer,
      status: 'C',
      isSupplier: false,
      chamberOfCommerce: null,
      blocked: false,
      searchCode: null,
      created: now,
      modified: now,
      timestamp: FIRST_ROW_VERSION + i + 1,
    };
  });
  b.state.meta.rowVersion = FIRST_ROW_VERSION + customers.length;
  return b.done();
}

/** The demo seed with both divisions imitating Octopus or Yuki (`booklab serve --seed octopus`). */
export function flavouredDemoSeed(flavour: Flavour): (clock: Clock) => MockState {
  return (clock) => demoState(clock, flavour);
}
