import { join } from 'node:path';
import { HEAP_GROWING_PERCENT } from '../../bin/heap-policy.js';
import { formatCount, formatMs } from '../format.js';
import type { Section } from '../section.js';
import { tempDir } from '../temp-dir.js';
import { compileChild, runChild } from './compiled-child.js';
import type { SyncMeasurement } from './sync-process.js';

const INVOICES = 10_000;
const AIM_MS = 5_000;
const AIM_RSS_MB = 200;
/** Sales entries on their way at once: pipelined in order on one keep-alive connection. */
const OVERLAP = 32;

/** A manual sync of 10,000 booked invoices over HTTP into a file-backed mock server (issue 3). */
export const syncSection: Section = {
  name: 'sync',
  description: 'manual sync of 10,000 booked invoices over HTTP into a file-backed accounting server',
  async run(ctx) {
    const dir = await tempDir(ctx.cleanup);
    ctx.progress('compiling the measurement');
    const script = await compileChild('bench/sync/sync-process.ts');
    ctx.progress(`booking ${formatCount(INVOICES)} invoices in Focus and syncing them, in a process of its own`);
    const output = await runChild(script, [join(dir, 'accounting.json'), String(INVOICES), String(OVERLAP)]);
    const { elapsedMs: elapsed, cpuMs, rssBefore, peakRss, peakHeap, ...report } = JSON.parse(output) as SyncMeasurement;
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
            ['CPU time of the process during the sync', formatMs(cpuMs)],
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
        'client (Focus) and server (the mock, file storage with fdatasync per commit) share one process, as in a World; it runs compiled code of its own (bench/sync/sync-process.ts), not inside the bench',
        `that process applies the heap policy of the booklab command (bin/heap-policy.js: the old space grows by ${HEAP_GROWING_PERCENT} % between full collections)`,
        `invoices are posted in document order (booking numbers depend on it), up to ${OVERLAP} on their way at once on one connection, so the store's group commit batches their fsyncs; the outcome is the one of one-by-one posting (docs/sync-overlap.md)`,
      ],
    };
  },
};
