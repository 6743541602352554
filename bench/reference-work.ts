import { percentile } from './stats.js';

/** Objects the reference work builds, writes as JSON, parses back and sorts. */
const OBJECTS = 20_000;
const ROUNDS = 7;

/** The fixed work: the kinds booklab's figures are made of (objects, JSON, strings, a sort), the same in every run. */
function work(): number {
  const items = Array.from({ length: OBJECTS }, (_, i) => ({
    id: `id-${(i * 7919) % OBJECTS}`,
    date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    lines: [
      { cents: i * 3, vat: 2100 },
      { cents: i, vat: 900 },
    ],
  }));
  const parsed = JSON.parse(JSON.stringify(items)) as typeof items;
  parsed.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return parsed.reduce((sum, item) => sum + item.lines[0]!.cents, 0);
}

/**
 * The median time of a fixed piece of work in this process, in ms. This machine's speed changes over the day (other
 * machines share its CPUs): `booklab --help`, whose code had not changed, took 152 ms in one run and 239 ms in a run two
 * hours later, at about the same load average. Printed at the start and the end of a run, it says which runs are comparable.
 */
export function referenceWorkMs(): number {
  work(); // warm-up: the first round also compiles
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return percentile(
    samples.sort((a, b) => a - b),
    50,
  );
}

/** The line a run prints: the reference work's time and what it is. */
export function referenceWorkLine(): string {
  return `reference work ${referenceWorkMs().toFixed(0)} ms (the same fixed work in every run: ${OBJECTS.toLocaleString('en-US')} objects built, written as JSON, parsed and sorted, median of ${ROUNDS}; a slower machine makes it and every figure slower)`;
}
