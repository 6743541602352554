import type { MockState } from '../../mock-accounting/index.js';
import { createClock, DAY_MS, DEMO_DIVISIONS, guidFor, isoDate } from '../../primitives/index.js';
import { emptySeed } from '../testbed/index.js';
import type { TokenSet } from '../focus/state.js';

/** Exact's token lifetimes: an access token lives 600 s, an unused refresh token 30 days. */
const ACCESS_TOKEN_MS = 600_000;
const REFRESH_TOKEN_MS = 30 * DAY_MS;

/**
 * The accounting side a reader fills in: booklab's master data (the Focus app, a user, G/L accounts, VAT codes,
 * periods) for one administration, numbered `division`, with no journals, relations or bookings yet.
 * Periods cover every year from `firstYear` up to the clock's, so a replayed sync finds its period.
 */
export function accountingBase(now: number, division: number, firstYear: number): MockState {
  const state = emptySeed(createClock({ start: now, frozen: true }));
  const main = DEMO_DIVISIONS.main;
  for (const collection of ['divisions', 'journals', 'glAccounts', 'vatCodes', 'periods'] as const) {
    const records = state[collection] as Record<string, { division?: number; code?: number }>;
    for (const [key, record] of Object.entries(records)) {
      const of = collection === 'divisions' ? record.code : record.division;
      if (of !== main || collection === 'journals') delete records[key];
    }
  }
  const [divisionRecord] = Object.values(state.divisions);
  delete state.divisions[String(main)];
  state.divisions[String(division)] = {
    ...divisionRecord!,
    code: division,
    hid: String(division),
    description: `Administration ${division}`,
  };
  for (const collection of ['glAccounts', 'vatCodes', 'periods'] as const) {
    for (const record of Object.values(state[collection])) record.division = division;
  }
  for (const user of Object.values(state.users)) Object.assign(user, { divisions: [division], currentDivision: division });
  addPeriods(state, division, firstYear, new Date(now).getUTCFullYear());
  return state;
}

/** A fresh GUID from the state's own counter, so later ids of the server follow on without colliding. */
export function nextGuid(state: MockState): string {
  state.meta.ids = (state.meta.ids ?? 0) + 1;
  return guidFor(state.meta.ids);
}

/** The next row version (sync timestamp) of the state. */
export function nextRowVersion(state: MockState): number {
  state.meta.rowVersion = (state.meta.rowVersion ?? 0) + 1;
  return state.meta.rowVersion;
}

/** The id of the G/L account with this code in the division (the seed's chart has 400000 and 700000). */
export function glAccountId(state: MockState, division: number, code: string): string {
  const found = Object.values(state.glAccounts).find((g) => g.division === division && g.code === code);
  if (!found) throw new Error(`[booklab] The administration ${division} has no G/L account ${code}.`);
  return found.id;
}

/** Adds monthly periods for the years the state does not have yet. */
function addPeriods(state: MockState, division: number, firstYear: number, lastYear: number): void {
  const years = new Set(Object.values(state.periods).map((p) => p.finYear));
  for (let finYear = Math.min(firstYear, lastYear); finYear <= lastYear; finYear += 1) {
    if (years.has(finYear)) continue;
    for (let month = 1; month <= 12; month += 1) {
      const id = nextGuid(state);
      const startDate = `${finYear}-${String(month).padStart(2, '0')}-01`;
      state.periods[id] = {
        id,
        division,
        finYear,
        finPeriod: month,
        startDate,
        endDate: isoDate(Date.UTC(finYear, month, 0)),
        closed: false,
      };
    }
  }
}

/**
 * Signs the Focus app in on the case's own server, as a connected integration is: an access token and a refresh
 * token of the seed's user, stored in the state, for Focus to keep. Tokens of the ticket's real server are never
 * valid on the copy the doctor plays on, and a plan that only syncs must be able to.
 */
export function signInFocusApp(state: MockState, now: number): TokenSet {
  const client = Object.values(state.clients)[0];
  const user = Object.values(state.users)[0];
  if (!client || !user) throw new Error('[booklab] The case has no app or user to sign in with.');
  const accessToken = `doctor-access-${nextGuid(state)}`;
  const refreshToken = `doctor-refresh-${nextGuid(state)}`;
  const expiresAt = now + ACCESS_TOKEN_MS;
  state.accessTokens[accessToken] = { token: accessToken, clientId: client.id, userId: user.id, issuedAt: now, expiresAt };
  state.refreshTokens[refreshToken] = {
    token: refreshToken,
    clientId: client.id,
    userId: user.id,
    expiresAt: now + REFRESH_TOKEN_MS,
    usedAt: null,
  };
  return { accessToken, refreshToken, expiresAt };
}
