import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The preload that records input and output inside the dashboard (`node --import` it, name the file in the env). */
export const TIMING_PRELOAD = fileURLToPath(new URL('./timing-preload.js', import.meta.url));
export const TIMING_ENV = 'BOOKLAB_FRAME_TIMING';

/** What timing-preload.js recorded: [kind, ms since the process started, bytes written, CPU ms used so far]. */
type TimingEvent = ['write' | 'input', number, number, number];

/** Ink brackets each frame with the terminal's synchronised-update marks (8 bytes each): a frame is more than that. */
const MARK_BYTES = 8;
/** A key's 'readable' and 'data' events come together; inputs further apart are separate keys. */
const SAME_KEY_MS = 5;
/** The dashboard's first frame is a whole screen, kilobytes; what comes before it (alternate screen, marks) is not. */
const FIRST_FRAME_BYTES = 1_000;

/** Inside the process: when the first frame was written, and for each key, input → its frame written. */
export interface InProcessTiming {
  /** Ms since the process started, and the CPU ms it had used by then. */
  firstFrame: { ms: number; cpuMs: number } | undefined;
  /** One per key that changed the screen, in order: wall ms and CPU ms from its input to its frame's write (a key that changed nothing has none). */
  keys: Array<{ ms: number; cpuMs: number }>;
}

export async function readInProcessTiming(path: string): Promise<InProcessTiming> {
  const events = JSON.parse(await readFile(path, 'utf8')) as TimingEvent[];
  const first = events.find(([kind, , bytes]) => kind === 'write' && bytes > FIRST_FRAME_BYTES);
  const keys: InProcessTiming['keys'] = [];
  for (let i = 0; i < events.length; i += 1) {
    const [kind, at, , cpu] = events[i]!;
    const before = events[i - 1];
    if (kind !== 'input' || (before?.[0] === 'input' && at - before[1] < SAME_KEY_MS)) continue;
    let j = i + 1;
    while (events[j]?.[0] === 'input' && events[j]![1] - at < SAME_KEY_MS) j += 1;
    for (; j < events.length && events[j]![0] === 'write'; j += 1) {
      const [, writtenAt, bytes, cpuThen] = events[j]!;
      if (bytes <= MARK_BYTES) continue;
      keys.push({ ms: writtenAt - at, cpuMs: cpuThen - cpu });
      break;
    }
  }
  return { firstFrame: first && { ms: first[1], cpuMs: first[3] }, keys };
}
