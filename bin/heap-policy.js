// How booklab's processes let V8 grow the heap. A world holds both systems in one process: during a sync every
// sales entry's request, reply and store commit lives across a few scavenges while its fsync is pending, so V8
// promotes it, and by default lets the old space grow to about twice what survived the last full collection before it
// collects again. For 10,000 invoices that was 219 MB resident for 40 MB of live state; a smaller growth step
// collects sooner: 13 full collections instead of 3 in that sync, at about the same CPU, and 171 MB resident (issue 16,
// bench `sync`).
import { setFlagsFromString } from 'node:v8';

/** The old space grows by 50 % of what survived a full collection before the next one (V8's default is up to 100 %). */
export const HEAP_GROWING_PERCENT = 50;

/** The options of `booklab` that do not open the dashboard, though the dashboard is the command run without one. */
const NOT_THE_DASHBOARD = ['-h', '--help', '-V', '--version'];

/** Whether `booklab` with these arguments opens the dashboard: `tui`, or no command at all (options of its own allowed). */
export function opensDashboard(args) {
  const [first] = args;
  return first === undefined || first === 'tui' || (first.startsWith('-') && !NOT_THE_DASHBOARD.includes(first));
}

/**
 * Applies booklab's heap policy to this process; called first thing by the `booklab` command and the sync bench.
 * With `dashboard`, the young generation also keeps its first size: the dashboard starts by reading a case, and nearly
 * all it allocates then lives on (the case, both views, the rows), which a young generation left to grow to its 16 MB
 * semi-spaces copies again and again before promoting it. Kept small, it promotes what lives on sooner: the first
 * frame of the 10,000-invoice case came about 90 ms sooner, in 20 alternating launches (issue 16).
 */
export function applyHeapPolicy({ dashboard = false } = {}) {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (dashboard) setFlagsFromString('--semi-space-growth-factor=1');
}
