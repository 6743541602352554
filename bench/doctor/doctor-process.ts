// The doctor bench's measurement, run in a process of its own from compiled code (see ../sync/compiled-child.ts), as
// `booklab doctor` runs its build with the command's heap policy: the case is built and its world closed first, then
// examine() is timed alone.
import { applyHeapPolicy } from '../../bin/heap-policy.js';
import type { World } from '../../core/index.js';
import { caseOfWorld, type DoctorCase } from '../../scenarios/doctor/doctor-case.js';
import { examine } from '../../scenarios/doctor/examine.js';
import { connectedDemoWorld } from '../invoices-world.js';

/** What the child prints as its one line of JSON. */
export interface DoctorMeasurement {
  readMs: number;
  diagnoseMs: number;
  planMs: number;
  proveMs: number;
  totalMs: number;
  cpuMs: number;
  findings: string[];
  delinkDate: string | null;
  bookingsDeleted: number;
  writtenDown: number[];
  verdict: string;
  holds: boolean;
}

const INVOICES = 10_000;
const PER_DAY = 100;

/** The day of invoice `i` (0-based): 100 a day from 2 January 2026, so dates rise with the numbers. */
function dayOf(i: number): string {
  return new Date(Date.UTC(2026, 0, 2) + Math.floor(i / PER_DAY) * 86_400_000).toISOString().slice(0, 10);
}

/** Books invoices `from`..`to` (0-based, exclusive), dated `day` or each on its own day, and syncs them. */
async function bookAndSync(world: World, from: number, to: number, day?: string): Promise<void> {
  const companies = Object.values(world.focus.state.companies);
  for (let i = from; i < to; i += 1) {
    const draft = world.focus.createDraft({
      companyId: companies[i % companies.length]!.id,
      date: day ?? dayOf(i),
      lines: [{ description: 'Consulting', quantity: 1 + (i % 3), unitPriceCents: 12_345, vatRateBp: 2100, ledgerAccount: '700000' }],
    });
    if (!draft.ok) throw new Error(draft.problem.message);
    world.focus.book(draft.value.id);
  }
  const report = await world.sync();
  if (report.invoicesBooked !== to - from)
    throw new Error(`only ${report.invoicesBooked} of ${to - from} invoices were synced: ${report.errors.join('; ')}`);
}

/**
 * A ticket of 10,000 invoices with article 002's collision in the middle: invoices 2026/1 to 2026/5000 are synced,
 * booking 6000 of 2026/5000 is deleted in Exact, 2026/5001 (the same day) gets 6000 again, and 4,999 more follow.
 */
async function collisionInTheMiddle(invoices = INVOICES): Promise<World> {
  const world = await connectedDemoWorld({ transport: 'in-process', clock: '2026-06-01T09:00:00Z' });
  const half = invoices / 2;
  await bookAndSync(world, 0, half);
  const last = Object.values(world.focus.state.documents).find((d) => d.sequence === half)!;
  const deleted = await world.backOffice.deleteBooking(world.division, '70', last.bookingNumber!);
  if (!deleted.ok) throw new Error(deleted.problem.message);
  await bookAndSync(world, half, half + 1, last.date);
  await bookAndSync(world, half + 1, invoices);
  return world;
}

/**
 * The collision's world as a case, the world closed and let go: `booklab doctor` holds only the case it read, and a
 * bench process that kept the source world's 10,000 invoices on both sides alive would make every full collection of
 * the doctor's heap mark them too.
 */
async function collisionCase(): Promise<DoctorCase> {
  const world = await collisionInTheMiddle();
  try {
    return await caseOfWorld(world, `${INVOICES} invoices, a collision in the middle`);
  } finally {
    await world.close();
  }
}

async function measure(): Promise<DoctorMeasurement> {
  applyHeapPolicy();
  const doctorCase = await collisionCase();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const examined = await examine(doctorCase);
  const totalMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!examined.ok) throw new Error(examined.problem.message);
  const { findings, article, verdict, timings } = examined.value;
  const samenumber = article?.plan.procedures.find((p) => p.id === 'P-samenumber');
  return {
    ...timings,
    totalMs,
    cpuMs: (used.user + used.system) / 1000,
    findings: findings.map((f) => f.code),
    delinkDate: samenumber?.values.delinkDate ?? null,
    bookingsDeleted: samenumber?.values.deleteInExact.length ?? 0,
    writtenDown: samenumber?.values.writeDown.map((w) => w.value) ?? [],
    verdict,
    holds: article?.proof.holds ?? false,
  };
}

console.log(JSON.stringify(await measure()));
