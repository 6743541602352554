import { createClock, DEMO_DIVISIONS, demoState, openStore, resolveOptions, type SalesEntry } from '../../mock-accounting/index.js';
import { createLedger } from '../../mock-accounting/domain/ledger.js';
import { findGLAccount } from '../../mock-accounting/domain/lookups.js';
import { createSalesEntry } from '../../mock-accounting/domain/sales-entries.js';

/**
 * Writes a booklab data file holding the demo company plus `count` bookings in journal 70 of the main
 * division, and returns those bookings. They are booked through the domain rules in memory rather than
 * over HTTP, which would take minutes for 10,000 bookings with an fdatasync each.
 */
export async function writeBooklabStore(file: string, count: number): Promise<SalesEntry[]> {
  const clock = createClock();
  const division = DEMO_DIVISIONS.main;
  const memory = await openStore({ initial: () => demoState(clock) });
  const { numbering, deletion } = resolveOptions();
  const ledger = createLedger(memory, clock, numbering, deletion);
  const glAccount = findGLAccount(memory.state, division, { code: '700000' })!;
  const customers = Object.values(memory.state.accounts).filter((account) => account.division === division);
  const year = clock.today().slice(0, 4);
  for (let i = 0; i < count; i += 1) {
    const booked = await memory.attempt((tx) =>
      createSalesEntry(tx, ledger, division, {
        journalCode: '70',
        customer: { id: customers[i % customers.length]!.id },
        entryDate: clock.today(),
        yourRef: `${year}/${i + 1}`,
        lines: [{ glAccount: { id: glAccount.id }, amountCents: 10_000 + (i % 50) * 100, vatCode: '21' }],
      }),
    );
    if (!booked.ok) throw new Error(`[bench] seeding booking ${i + 1} failed: ${JSON.stringify(booked.problem)}`);
  }
  const fileStore = await openStore({ file, initial: () => memory.state });
  await fileStore.close();
  return Object.values(memory.state.salesEntries);
}
