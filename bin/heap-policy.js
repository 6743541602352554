// How booklab's processes let V8 grow the heap. A world holds both systems in one process: during a sync every
// sales entry's request, reply and store commit lives across a few scavenges while its fsync is pending, so V8
// promotes it, and by default lets the old space grow to about twice what survived the last full collection before it
// collects again. For 10,000 invoices that was 219 MB resident for 40 MB of live state; a smaller growth step
// collects sooner: 13 full collections instead of 3 in that sync, at about the same CPU, and 171 MB resident (issue 16,
// bench `sync`).
import { setFlagsFromString } from 'node:v8';

/** The old space grows by 50 % of what survived a full collection before the next one (V8's default is up to 100 %). */
export const HEAP_GROWING_PERCENT = 50;

/** Applies booklab's heap policy to this process; called first thing by the `booklab` command and the sync bench. */
export function applyHeapPolicy() {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
