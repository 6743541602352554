import { join } from 'node:path';
import { worldWithInvoices } from '../invoices-world.js';
import { formatCount, formatMs } from '../format.js';
import type { Section } from '../section.js';
import { tempDir } from '../temp-dir.js';

const INVOICES = 10_000;
const AIM_MS = 5_000;
const AIM_RSS_MB = 200;
/** Sales entries on their way at once: pipelined in order on one keep-alive connection. */
const OVERLAP = 32;

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

/** A manual sync of 10,000 booked invoices over HTTP into a file-backed mock server (issue 3). */
export const syncSection: Section = {
  name: 'sync',
  description: 'manual sync of 10,000 booked invoices over HTTP into a file-backed accounting server',
  async run(ctx) {
    const dir = await tempDir(ctx.cleanup);
    ctx.progress(`booking ${formatCount(INVOICES)} invoices in Focus`);
    const world = await worldWithInvoices(INVOICES, { file: join(dir, 'accounting.json'), overlap: OVERLAP });
    ctx.cleanup.defer(() => world.close());
    ctx.progress('syncing');
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const { result: report, peakRss, peakHeap } = await withPeakMemory(() => world.sync());
    const elapsed = performance.now() - started;
    if (report.invoicesBooked !== INVOICES)
      throw new Error(`only ${report.invoicesBooked} invoices were synced: ${report.errors.join('; ')}`);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    return {
      tables: [
        {
          title: `Manual sync of ${formatCount(INVOICES)} booked invoices (2 lines each), one POST each, up to ${OVERLAP} pipelined, over HTTP on 127.0.0.1`,
          columns: ['figure', 'value'],
          rows: [
            ['time to sync', formatMs(elapsed)],
            ['invoices per second', formatCount((INVOICES / elapsed) * 1000)],
            ['time per invoice', formatMs(elapsed / INVOICES)],
            ['peak resident memory (process)', mb(peakRss)],
            ['resident memory growth during the sync', mb(Math.max(0, peakRss - rssBefore))],
            ['peak JS heap', mb(peakHeap)],
          ],
        },
      ],
      aims: [
        { text: `sync ${formatCount(INVOICES)} invoices in under ${AIM_MS / 1000} s`, met: elapsed < AIM_MS, figure: formatMs(elapsed) },
        { text: `peak resident memory under ${AIM_RSS_MB} MB`, met: peakRss < AIM_RSS_MB * 1024 * 1024, figure: mb(peakRss) },
      ],
      headlines: [
        {
          figure: `sync of ${formatCount(INVOICES)} invoices over loopback HTTP`,
          value: formatMs(elapsed),
          aim: `under ${AIM_MS / 1000} s`,
          met: elapsed < AIM_MS,
        },
        {
          figure: `sync of ${formatCount(INVOICES)} invoices, peak RSS`,
          value: mb(peakRss),
          aim: `under ${AIM_RSS_MB} MB`,
          met: peakRss < AIM_RSS_MB * 1024 * 1024,
        },
      ],
      notes: [
        'client (Focus) and server (the mock, file storage with fdatasync per commit) share this process, as in a World',
        `invoices are posted in document order (booking numbers depend on it), up to ${OVERLAP} on their way at once on one connection, so the store's group commit batches their fsyncs; the outcome is the one of one-by-one posting (docs/sync-overlap.md)`,
      ],
    };
  },
};
