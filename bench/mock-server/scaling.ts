import { join } from 'node:path';
import { DEMO_DIVISIONS, isoDate } from '../../mock-accounting/index.js';
import { loadAlternately, type AlternateResult, type LoadTarget } from '../alternate.js';
import type { ChildServer } from '../child-server.js';
import { formatCount, formatMs, formatRatio } from '../format.js';
import type { LoadRequest } from '../load.js';
import type { Figures, SectionContext } from '../section.js';
import { summarize, type LatencySummary } from '../stats.js';
import { openDemoSession } from './demo-session.js';
import { startBooklab } from './servers.js';
import { writeBooklabStore } from './seed-store.js';
import { bookingBody, bookingRequest } from './workloads.js';

const SMALL = 100;
const LARGE = 10_000;
const WARMUP_BOOKINGS = 30;
const ROUNDS = 5;
const BOOKINGS_PER_ROUND = 60;

/** Booking latency, one booking at a time, on a store of 100 and on one of 10,000 bookings, in alternating rounds. */
export async function measureBookingScaling({ cleanup, progress }: SectionContext, dir: string): Promise<Figures> {
  progress(`seeding stores of ${formatCount(SMALL)} and ${formatCount(LARGE)} bookings`);
  const targets: LoadTarget[] = [];
  const servers: ChildServer[] = [];
  for (const stored of [SMALL, LARGE]) {
    const file = join(dir, `scaling-${stored}.json`);
    await writeBooklabStore(file, stored);
    const server = await startBooklab(file, cleanup);
    servers.push(server);
    targets.push({
      name: `booklab with ${formatCount(stored)} stored`,
      url: server.url,
      request: await bookingOn(server),
      cpuMs: server.cpuMs,
    });
  }
  progress(`${ROUNDS} rounds of ${BOOKINGS_PER_ROUND} bookings, alternating the stores`);
  const results = await loadAlternately(targets, {
    concurrency: 1,
    rounds: ROUNDS,
    warmup: { requests: WARMUP_BOOKINGS },
    perRound: { requests: BOOKINGS_PER_ROUND },
  });
  await Promise.all(servers.map((server) => server.stop()));
  const [small, large] = results.map(bookingFigures) as [BookingFigures, BookingFigures];
  return scalingFigures(small, large);
}

async function bookingOn(server: ChildServer): Promise<LoadRequest> {
  const division = DEMO_DIVISIONS.main;
  const session = await openDemoSession(server.url, division);
  return bookingRequest(session, division, bookingBody(session, isoDate(Date.now())));
}

/** Latency of the bookings on one store, and the server's CPU time per booking when it can be read. */
interface BookingFigures extends LatencySummary {
  cpuMs?: number;
}

function bookingFigures(result: AlternateResult): BookingFigures {
  return { ...summarize(result.samples), cpuMs: result.serverCpuMsPerRequest };
}

function scalingFigures(small: BookingFigures, large: BookingFigures): Figures {
  const of = (pick: (s: BookingFigures) => number | undefined) => formatRatio((pick(large) ?? NaN) / (pick(small) ?? NaN));
  const p50Ratio = large.p50Ms / small.p50Ms;
  return {
    tables: [
      {
        title: `Booking latency by store size: one at a time, ${ROUNDS} alternating rounds of ${BOOKINGS_PER_ROUND} after ${WARMUP_BOOKINGS} warm-up`,
        columns: ['stored bookings', 'mean', 'p50', 'p99', 'max', 'server CPU/booking'],
        rows: [
          [formatCount(SMALL), ...cells(small)],
          [formatCount(LARGE), ...cells(large)],
          [
            `ratio ${formatCount(LARGE)} / ${formatCount(SMALL)}`,
            of((s) => s.meanMs),
            of((s) => s.p50Ms),
            of((s) => s.p99Ms),
            of((s) => s.maxMs),
            of((s) => s.cpuMs),
          ],
        ],
      },
    ],
    aims: [
      {
        text: `2x bound: a booking at ${formatCount(LARGE)} stored no more than twice as slow as at ${formatCount(SMALL)} (p50)`,
        met: p50Ratio <= 2,
        figure: formatRatio(p50Ratio),
      },
    ],
    notes: [
      `each store grows by ${formatCount(WARMUP_BOOKINGS + ROUNDS * BOOKINGS_PER_ROUND)} bookings during the measurement.`,
      'the 2x aim reads the median: a busy machine or disk adds outliers that move the mean and p99 but are no cost of the store size; server CPU/booking is the cross-check.',
    ],
  };
}

function cells(figures: BookingFigures): string[] {
  const cpu = figures.cpuMs === undefined ? 'n/a' : formatMs(figures.cpuMs);
  return [formatMs(figures.meanMs), formatMs(figures.p50Ms), formatMs(figures.p99Ms), formatMs(figures.maxMs), cpu];
}
