// How the TUI bench starts the dashboard in a tmux pane and watches its screen: launches (polled, or watched through a
// control-mode client), keys, and the resolution of a capture.

import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TmuxSession } from '../../test/support/tmux.js';
import type { Cleanup } from '../cleanup.js';
import { percentile } from '../stats.js';
import { TmuxControl } from './control-client.js';
import { readInProcessTiming, TIMING_ENV, TIMING_PRELOAD, type InProcessTiming } from './in-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** How long a launch or a key may take before the bench gives up on it. */
export const LAUNCH_TIMEOUT_MS = 60_000;
const KEY_TIMEOUT_MS = 5_000;

/** The dashboard is drawn: both pane titles and invoice rows on screen. */
export function dashboardShown(screen: string): boolean {
  return /Focus/.test(screen) && /Exact/.test(screen) && /\b2026\/\d+/.test(screen);
}

export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Starts the dashboard on the case, with the preload that times input and output inside it into `timingFile`; with
 * `hold`, the pane waits for `session.release()`.
 */
export async function start(cleanup: Cleanup, caseFile: string, timingFile: string, { hold = false } = {}): Promise<TmuxSession> {
  const session = await TmuxSession.start({
    command: `node --import '${TIMING_PRELOAD}' bin/booklab.js tui --case '${caseFile}'`,
    cwd: ROOT,
    columns: 100,
    rows: 30,
    env: { [TIMING_ENV]: timingFile },
    hold,
  });
  cleanup.defer(() => session.stop());
  return session;
}

/** Quits the dashboard with q (the preload writes its timings as the process exits) and reads them. */
export async function quitAndReadTiming(session: TmuxSession, timingFile: string): Promise<InProcessTiming> {
  await session.sendKey('q');
  await session.waitForExit({ timeoutMs: LAUNCH_TIMEOUT_MS });
  return readInProcessTiming(timingFile);
}

/** How often the pipe-pane copy's size is looked at while waiting (a stat: no process is started). */
export const STAT_EVERY_MS = 1;
/** The longest the screen goes without a capture while nothing new was written (a frame tmux copied late). */
export const CAPTURE_AT_LEAST_EVERY_MS = 25;

/**
 * Watches the screen of a session for a moment: each `next()` waits until the program wrote more bytes (or
 * CAPTURE_AT_LEAST_EVERY_MS passed) and then captures the screen. Capturing back to back started a tmux client
 * hundreds of times a second, on a 2-core machine CPU taken from the dashboard being measured; a stat of the
 * pipe-pane copy costs next to nothing and a capture follows each write as closely as before.
 */
function screenWatcher(session: TmuxSession, capture: () => Promise<string> = () => session.capture()) {
  let capturedSize = -1;
  let capturedAt = -Infinity;
  return {
    /** The screen, the size of the output when it was captured, and when that size was seen (before the capture). */
    async next(): Promise<{ screen: string; size: number; seenAt: number }> {
      for (;;) {
        const size = fileSize(session.rawFile);
        const seenAt = performance.now();
        if (size !== capturedSize || performance.now() - capturedAt >= CAPTURE_AT_LEAST_EVERY_MS) {
          capturedSize = size;
          capturedAt = seenAt;
          return { screen: await capture(), size, seenAt };
        }
        await new Promise((resolve) => setTimeout(resolve, STAT_EVERY_MS));
      }
    },
  };
}

/** One launch: spawn → first output byte, → first dashboard bytes written, → dashboard on screen (captured after each write). */
export async function measureLaunch(session: TmuxSession): Promise<{ firstByte: number; frameWritten: number; frameOnScreen: number }> {
  const deadline = session.startedAt + LAUNCH_TIMEOUT_MS;
  const watcher = screenWatcher(session);
  let firstByte = NaN;
  let frameWritten = NaN;
  let rawSize = 0;
  for (;;) {
    const { screen, size, seenAt } = await watcher.next();
    const now = performance.now();
    if (Number.isNaN(firstByte) && size > 0) firstByte = seenAt - session.startedAt;
    if (Number.isNaN(frameWritten) && size > rawSize) {
      rawSize = size;
      if (/Focus[\s\S]*Exact|Exact[\s\S]*Focus/.test(await session.raw())) frameWritten = seenAt - session.startedAt;
    }
    if (dashboardShown(screen)) {
      const onScreen = performance.now() - session.startedAt;
      return { firstByte, frameWritten: Number.isNaN(frameWritten) ? onScreen : frameWritten, frameOnScreen: onScreen };
    }
    if (now > deadline) throw new Error(`the dashboard did not show within ${LAUNCH_TIMEOUT_MS} ms; the last screen was:\n${screen}`);
  }
}

/** The longest a watched launch waits for tmux to tell of output before it looks at the screen anyway. */
const WATCHED_LOOK_AT_LEAST_EVERY_MS = 100;

/**
 * One launch watched through a control-mode client attached while the pane still waits: the screen is captured (a
 * command to that client) each time tmux tells that the pane wrote, so while the dashboard loads nothing polls and no
 * process starts, where {@link measureLaunch} stats a file every millisecond and starts a tmux client per capture.
 * Returns spawn → first dashboard frame on screen.
 */
async function measureWatchedLaunch(session: TmuxSession, control: TmuxControl): Promise<number> {
  let wrote = false;
  let wake: (() => void) | undefined;
  const stopListening = control.onOutput(() => {
    wrote = true;
    wake?.();
  });
  try {
    await session.release();
    const deadline = session.startedAt + LAUNCH_TIMEOUT_MS;
    for (;;) {
      if (!wrote)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, WATCHED_LOOK_AT_LEAST_EVERY_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wrote = false;
      const screen = await control.capture();
      if (dashboardShown(screen)) return performance.now() - session.startedAt;
      if (performance.now() > deadline)
        throw new Error(`the dashboard did not show within ${LAUNCH_TIMEOUT_MS} ms; the last screen was:\n${screen}`);
    }
  } finally {
    stopListening();
  }
}

/** A launch watched through a control-mode client (see measureWatchedLaunch), quit after: on screen, and inside the process. */
export async function watchedLaunch(
  cleanup: Cleanup,
  caseFile: string,
  timingFile: string,
): Promise<{ onScreen: number; inProcess: InProcessTiming }> {
  const session = await start(cleanup, caseFile, timingFile, { hold: true });
  try {
    const control = await TmuxControl.attach(session.socket, { output: true });
    let onScreen: number;
    try {
      onScreen = await measureWatchedLaunch(session, control);
    } finally {
      await control.close();
    }
    return { onScreen, inProcess: await quitAndReadTiming(session, timingFile) };
  } finally {
    await session.stop();
  }
}

/** Everything but the header line (its flash and clock change on their own). */
function body(screen: string): string {
  return screen.split('\n').slice(1).join('\n');
}

/**
 * Sends one key and measures until the program writes output and until the screen body changes: through a tmux client
 * started per key and per capture, or through `control`, one control-mode client that starts no process.
 */
export async function measureKey(session: TmuxSession, key: string, control?: TmuxControl): Promise<{ written: number; onScreen: number }> {
  const capture = control ? () => control.capture() : () => session.capture();
  const before = body(await capture());
  const size = fileSize(session.rawFile);
  const watcher = screenWatcher(session, capture);
  const sent = performance.now();
  await (control ? control.sendKey(key) : session.sendKey(key));
  let written = NaN;
  for (;;) {
    const { screen, size: now, seenAt } = await watcher.next();
    const elapsed = performance.now() - sent;
    if (Number.isNaN(written) && now > size) written = seenAt - sent;
    if (body(screen) !== before) {
      const onScreen = performance.now() - sent;
      return { written: Number.isNaN(written) ? onScreen : written, onScreen };
    }
    if (elapsed > KEY_TIMEOUT_MS)
      throw new Error(`key ${key}: the screen did not change within ${KEY_TIMEOUT_MS} ms; the last screen was:\n${screen}`);
  }
}

/** The median and p95 of samples, formatted. */
export function spread(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 };
}

/** How long one capture-pane round trip takes: the resolution of every on-screen figure. */
export async function captureCost(session: TmuxSession): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    await session.capture();
    samples.push(performance.now() - started);
  }
  return spread(samples).median;
}
