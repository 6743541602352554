import { DEMO_CLIENT, DEMO_DIVISIONS, isoDate, OCTOPUS_SALES_TYPE } from '../../primitives/index.js';
import type { Flavour } from '../store/index.js';
import type { SeedBuilder } from './builder.js';
import { LOCAL_REDIRECT_HOSTS } from './builder.js';

/** Belgian VAT rates, in basis points. */
const VAT_RATES = [0, 600, 1200, 2100];

/** G/L accounts of a Belgian chart: revenue accounts start with 70 (type 110); the rest are for contrast. */
const GL_ACCOUNTS = [
  { code: '400000', description: 'Customers', type: 20, balanceType: 'B', vatCode: null },
  { code: '451000', description: 'VAT payable', type: 24, balanceType: 'B', vatCode: null },
  { code: '604000', description: 'Purchases of goods', type: 111, balanceType: 'W', vatCode: '21' },
  { code: '700000', description: 'Sales of goods', type: 110, balanceType: 'W', vatCode: '21' },
  { code: '705000', description: 'Sales of services', type: 110, balanceType: 'W', vatCode: '21' },
  { code: '708000', description: 'Discounts granted', type: 110, balanceType: 'W', vatCode: '21' },
] as const;

/** The Yuki domain the demo's administrations share, so that they share one daily call quota. */
export const DEMO_YUKI_DOMAIN = 'booklab-demo';

/** The sales journals of each flavour: Octopus names them V1 and V2 (type 'Sales bookings'), the others 70 and 71. */
const SALES_JOURNALS: Record<Flavour, ReadonlyArray<readonly [code: string, description: string, first: number]>> = {
  exact: [
    ['70', 'Sales invoices', 1001],
    ['71', 'Sales credit notes', 8001],
  ],
  yuki: [
    ['70', 'Sales invoices', 1001],
    ['71', 'Sales credit notes', 8001],
  ],
  octopus: [
    ['V1', 'Sales invoices', 1],
    ['V2', 'Sales credit notes', 1],
  ],
};

/**
 * The master data every booklab administration starts with: the demo OAuth app, one user with two
 * divisions, and per division an invoice journal (70) and a credit note journal (71), both of type
 * Sales, G/L accounts, the Belgian VAT codes and monthly periods for the previous and current year.
 * With another flavour the divisions imitate Octopus (journals V1 and V2) or Yuki (one shared domain).
 */
export function addMasterData(b: SeedBuilder, flavour: Flavour = 'exact'): void {
  const { state } = b;
  const now = b.clock.now();
  state.clients[DEMO_CLIENT.id] = { ...DEMO_CLIENT, name: 'booklab demo app', redirectHosts: LOCAL_REDIRECT_HOSTS };
  const userId = b.guid();
  state.users[userId] = {
    id: userId,
    userName: 'demo@booklab.test',
    fullName: 'Demo Accountant',
    email: 'demo@booklab.test',
    languageCode: 'en-BE',
    divisions: [DEMO_DIVISIONS.main, DEMO_DIVISIONS.other],
    currentDivision: DEMO_DIVISIONS.main,
  };
  const names = { [DEMO_DIVISIONS.main]: 'Booklab Demo BV', [DEMO_DIVISIONS.other]: 'Second Administration BV' };
  for (const division of [DEMO_DIVISIONS.main, DEMO_DIVISIONS.other]) {
    state.divisions[String(division)] = {
      code: division,
      description: names[division]!,
      hid: String(division),
      status: 1,
      flavour,
      ...(flavour === 'yuki' ? { domain: DEMO_YUKI_DOMAIN } : {}),
      created: now,
    };
    const glIds: Record<string, string> = {};
    for (const gl of GL_ACCOUNTS) {
      const id = b.guid();
      glIds[gl.code] = id;
      state.glAccounts[id] = { id, division, ...gl, isBlocked: false };
    }
    for (const rateBp of VAT_RATES) {
      const id = b.guid();
      const percent = rateBp / 100;
      state.vatCodes[id] = {
        id,
        division,
        code: String(percent),
        description: `VAT ${percent}%`,
        rateBp,
        type: 'E',
        vatTransactionType: 'S',
      };
    }
    for (const [code, description, first] of SALES_JOURNALS[flavour]) {
      const id = b.guid();
      state.journals[id] = {
        id,
        division,
        code,
        description,
        type: 20,
        glAccountId: glIds['400000']!,
        isBlocked: false,
        firstEntryNumber: first,
        nextEntryNumber: first,
        nextEntryNumberByYear: {},
        ...(flavour === 'octopus' ? { typeName: OCTOPUS_SALES_TYPE } : {}),
      };
    }
    const year = new Date(now).getUTCFullYear();
    for (const finYear of [year - 1, year]) {
      for (let month = 1; month <= 12; month += 1) {
        const id = b.guid();
        const start = `${finYear}-${String(month).padStart(2, '0')}-01`;
        const end = isoDate(Date.UTC(finYear, month, 0));
        state.periods[id] = { id, division, finYear, finPeriod: month, startDate: start, endDate: end, closed: false };
      }
    }
  }
}
