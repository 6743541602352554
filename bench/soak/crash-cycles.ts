import { join } from 'node:path';
import { DEMO_DIVISIONS, isoDate } from '../../mock-accounting/index.js';
import { startServeCli, type ServedCli } from '../../test/support/cli.js';
import { formatCount } from '../format.js';
import type { Figures, SectionContext } from '../section.js';
import { openDemoSession, type DemoSession } from '../mock-server/demo-session.js';

/** Bookers posting at once while the server is killed. */
const BOOKERS = 12;
/** How long bookings run before the kill: a random time in this range, so kills land in every phase of a commit. */
const RUN_MS = [200, 1_200] as const;
const DIVISION = DEMO_DIVISIONS.main;

/** A booking the server answered 201: what a restart must still have. */
interface Acknowledged {
  entryNumber: number;
  yourRef: string;
}

/** What the soak counted. */
interface Tally {
  acknowledged: Map<string, Acknowledged>;
  refused: number;
  unanswered: Set<string>;
  restarts: number;
  failedRestarts: string[];
  droppedWrites: number;
  lost: number;
  duplicated: number;
  keptUnanswered: number;
  listed: number;
}

/**
 * N cycles of: start `booklab serve` on one data file, let concurrent bookers post, SIGKILL it mid-stream. Every
 * restart checks that each booking answered 201 is there with its number, that no booking is there twice, and
 * that no number is given twice.
 */
export async function crashCycles({ cleanup, progress }: SectionContext, dir: string, cycles: number): Promise<Figures> {
  const file = join(dir, 'soak.json');
  const tally: Tally = {
    acknowledged: new Map(),
    refused: 0,
    unanswered: new Set(),
    restarts: 0,
    failedRestarts: [],
    droppedWrites: 0,
    lost: 0,
    duplicated: 0,
    keptUnanswered: 0,
    listed: 0,
  };
  for (let cycle = 0; cycle <= cycles; cycle += 1) {
    const served = await start(file, tally, cleanup);
    if (!served) break;
    await verify(served.url, tally);
    if (cycle === cycles) {
      served.child.kill('SIGTERM');
      await served.exited;
      break;
    }
    if (cycle % 10 === 0)
      progress(
        `cycle ${cycle + 1} of ${cycles}: ${formatCount(tally.acknowledged.size)} acknowledged, ${tally.lost} lost, ${tally.duplicated} duplicated`,
      );
    await bookUntilKilled(served, await openDemoSession(served.url, DIVISION), cycle, tally);
  }
  return {
    tables: [table(tally, cycles)],
    aims: aims(tally),
    notes: [...notes(), ...tally.failedRestarts.map((reason) => `failed restart: ${reason}`)],
  };
}

/** Starts the server; a start that fails is counted and tried once more, else the soak stops there. */
async function start(file: string, tally: Tally, cleanup: SectionContext['cleanup']): Promise<ServedCli | undefined> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    tally.restarts += 1;
    try {
      const served = await startServeCli(['--port', '0', '--data', file], { timeoutMs: 30_000 });
      cleanup.defer(() => served.child.kill('SIGKILL'));
      tally.droppedWrites += (served.stderr().match(/dropped the unfinished last write/g) ?? []).length;
      return served;
    } catch (error) {
      tally.failedRestarts.push((error as Error).message.split('\n')[0]!);
    }
  }
  return undefined;
}

/** Posts bookings from {@link BOOKERS} loops until the server is killed at a random moment. */
async function bookUntilKilled(served: ServedCli, session: DemoSession, cycle: number, tally: Tally): Promise<void> {
  const url = `${served.url}/api/v1/${DIVISION}/salesentry/SalesEntries`;
  const headers = { Authorization: `Bearer ${session.accessToken}`, Accept: 'application/json', 'Content-Type': 'application/json' };
  let killed = false;
  const booker = async (id: number) => {
    for (let i = 0; !killed; i += 1) {
      const yourRef = `soak-${cycle}-${id}-${i}`;
      const body = JSON.stringify({
        Journal: '70',
        Customer: session.customerId,
        EntryDate: isoDate(Date.now()),
        YourRef: yourRef,
        SalesEntryLines: [{ GLAccount: session.glAccountId, AmountFC: 100, VATCode: '21' }],
      });
      tally.unanswered.add(yourRef);
      try {
        const response = await fetch(url, { method: 'POST', headers, body });
        const text = await response.text();
        tally.unanswered.delete(yourRef);
        if (response.status !== 201) {
          tally.refused += 1;
          continue;
        }
        const d = (JSON.parse(text) as { d: { EntryID: string; EntryNumber: number } }).d;
        tally.acknowledged.set(d.EntryID, { entryNumber: d.EntryNumber, yourRef });
      } catch {
        return; // the connection died with the server: this booking stays unanswered
      }
    }
  };
  const running = Array.from({ length: BOOKERS }, (_, id) => booker(id));
  await new Promise((resolve) => setTimeout(resolve, RUN_MS[0] + Math.random() * (RUN_MS[1] - RUN_MS[0])));
  killed = true;
  served.child.kill('SIGKILL');
  await served.exited;
  await Promise.all(running);
}

/** Compares what a fresh start serves with what was answered. Reads through the back office, which writes nothing. */
async function verify(url: string, tally: Tally): Promise<void> {
  const response = await fetch(`${url}/__mock/divisions/${DIVISION}/journals/70/entries`);
  const bookings = (await response.json()) as Array<{ id: string; entryNumber: number; yourRef: string | null }>;
  const byId = new Map(bookings.map((b) => [b.id, b]));
  tally.lost = [...tally.acknowledged].filter(([id, a]) => byId.get(id)?.entryNumber !== a.entryNumber).length;
  const refs = bookings.flatMap((b) => (b.yourRef?.startsWith('soak-') ? [b.yourRef] : []));
  const numbers = bookings.map((b) => b.entryNumber);
  tally.duplicated = refs.length - new Set(refs).size + (numbers.length - new Set(numbers).size);
  const kept = new Set<string | null>(refs);
  tally.keptUnanswered = [...tally.unanswered].filter((ref) => kept.has(ref)).length;
  tally.listed = bookings.length;
}

function table(tally: Tally, cycles: number) {
  return {
    title: `Crash soak: ${cycles} cycles of booklab serve on one data file, ${BOOKERS} concurrent bookers, SIGKILL after ${RUN_MS[0]}-${RUN_MS[1]} ms`,
    columns: ['figure', 'value'],
    rows: [
      ['bookings acknowledged (201)', formatCount(tally.acknowledged.size)],
      ['acknowledged and lost (missing or renumbered after a restart)', formatCount(tally.lost)],
      ['duplicated (a booking twice, or a number twice)', formatCount(tally.duplicated)],
      ['refused (answered, not 201)', formatCount(tally.refused)],
      ['unanswered (in flight at a kill)', formatCount(tally.unanswered.size)],
      ['  of which kept anyway', formatCount(tally.keptUnanswered)],
      ['bookings the last restart serves', formatCount(tally.listed)],
      ['restarts', formatCount(tally.restarts)],
      ['failed restarts', formatCount(tally.failedRestarts.length)],
      ['restarts that dropped an unfinished write (and said so)', formatCount(tally.droppedWrites)],
    ],
  };
}

function aims(tally: Tally) {
  return [
    { text: 'no acknowledged booking lost', met: tally.lost === 0, figure: formatCount(tally.lost) },
    { text: 'no booking or number duplicated', met: tally.duplicated === 0, figure: formatCount(tally.duplicated) },
    { text: 'every restart starts', met: tally.failedRestarts.length === 0, figure: formatCount(tally.failedRestarts.length) },
  ];
}

function notes() {
  return [
    'An unanswered booking may or may not be kept: it was never acknowledged, so either is right (as in SQLite or PostgreSQL).',
    'Each restart is verified against every booking acknowledged since the first cycle, through the back office (which writes nothing).',
  ];
}
