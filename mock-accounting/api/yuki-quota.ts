import { utcDayStart } from '../../primitives/index.js';
import type { Ledger } from '../domain/ledger.js';

/** Yuki's default daily quota of API calls per domain (support.yuki.be; Apideck: 1,000 calls a day). */
export const DEFAULT_YUKI_DAILY_CALLS = 1000;

/**
 * Counts one API call against the domain's quota for today (the UTC day of the server clock), shared by every
 * administration on the domain; false, and not counted, when today's quota is already used up. The count
 * lives in the state, so a walkthrough stepping back restores it exactly and a restart does not reset it.
 */
export async function takeYukiCall(ledger: Ledger, domain: string, dailyCalls: number): Promise<boolean> {
  const dayStart = utcDayStart(ledger.clock.now());
  const today = ledger.store.state.quotaUsage[domain];
  const calls = today && today.dayStart === dayStart ? today.calls : 0;
  if (calls >= dailyCalls) return false;
  await ledger.store.write((tx) => tx.put('quotaUsage', domain, { dayStart, calls: calls + 1 }));
  return true;
}
