// The sync bench's measurement, run in a process of its own from compiled code (see ./compiled-child.ts): the
// resident memory of a process that only builds the world and syncs it, with the heap policy of the `booklab`
// command, not that of the bench's own process (tsx's compiler and every other section's modules).
import { applyHeapPolicy } from '../../bin/heap-policy.js';
import { worldWithInvoices } from '../invoices-world.js';

/** What the child prints as its one line of JSON. */
export interface SyncMeasurement {
  elapsedMs: number;
  cpuMs: number;
  rssBefore: number;
  peakRss: number;
  peakHeap: number;
  invoicesBooked: number;
  errors: string[];
}

/** Samples the process's resident memory while `work` runs; returns its result and the peak. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number; peakHeap: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  try {
    const result = await work();
    return { result, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

async function measure(file: string, invoices: number, overlap: number): Promise<SyncMeasurement> {
  applyHeapPolicy();
  const world = await worldWithInvoices(invoices, { file, overlap });
  try {
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const { result: report, peakRss, peakHeap } = await withPeakMemory(() => world.sync());
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      elapsedMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBefore,
      peakRss,
      peakHeap,
      invoicesBooked: report.invoicesBooked,
      errors: report.errors,
    };
  } finally {
    await world.close();
  }
}

const [file, invoices, overlap] = process.argv.slice(2);
if (!file || !invoices || !overlap) {
  console.error('usage: sync-process <accounting file> <invoices> <overlap>');
  process.exit(2);
}
console.log(JSON.stringify(await measure(file, Number(invoices), Number(overlap))));
