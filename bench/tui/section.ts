import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState } from '../../bin/build-state.js';
import { saveCaseFile } from '../../core/index.js';
import { TmuxSession } from '../../test/support/tmux.js';
import type { Cleanup } from '../cleanup.js';
import { formatCount, formatMs } from '../format.js';
import { TmuxControl } from './control-client.js';
import { readInProcessTiming, TIMING_ENV, TIMING_PRELOAD, type InProcessTiming } from './in-process.js';
import { worldWithInvoices } from '../invoices-world.js';
import type { Figures, Section, SectionContext } from '../section.js';
import { peakRssOfTree } from '../process-memory.js';
import { percentile } from '../stats.js';
import { tempDir } from '../temp-dir.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INVOICES = 10_000;
/** Launches measured for the first frame (the first one may also pay for a cold file cache). */
const LAUNCHES = 3;
/** Keys measured per kind. */
const J_KEYS = 20;
const EDGE_KEYS = 10;
const AIM_FIRST_FRAME_MS = 1_000;
/** Issue 16's aims for a key: a frame within one 60 Hz refresh at the median, two at the 95th percentile. */
const AIM_KEY_MEDIAN_MS = 16;
const AIM_KEY_P95_MS = 33;
/** How long a launch or a key may take before the bench gives up on it. */
const LAUNCH_TIMEOUT_MS = 60_000;
const KEY_TIMEOUT_MS = 5_000;

/** Builds a case file with 10,000 booked invoices, synced to Exact so both panes hold 10,000 rows. */
async function buildCaseFile(ctx: SectionContext, dir: string): Promise<string> {
  ctx.progress(`booking ${formatCount(INVOICES)} invoices in Focus`);
  const world = await worldWithInvoices(INVOICES);
  try {
    ctx.progress(`syncing them to Exact (about 20 s)`);
    const report = await world.sync('manual');
    if (report.invoicesBooked !== INVOICES)
      throw new Error(`only ${report.invoicesBooked} invoices were synced: ${report.errors.join('; ')}`);
    const path = join(dir, 'ten-thousand.case.json');
    await saveCaseFile(world, path, { title: `${formatCount(INVOICES)} invoices`, notes: 'bench: dashboard responsiveness' });
    return path;
  } finally {
    await world.close();
  }
}

/** The dashboard is drawn: both pane titles and invoice rows on screen. */
function dashboardShown(screen: string): boolean {
  return /Focus/.test(screen) && /Exact/.test(screen) && /\b2026\/\d+/.test(screen);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Starts the dashboard on the case, with the preload that times input and output inside it into `timingFile`. */
async function start(cleanup: Cleanup, caseFile: string, timingFile: string): Promise<TmuxSession> {
  const session = await TmuxSession.start({
    command: `node --import '${TIMING_PRELOAD}' bin/booklab.js tui --case '${caseFile}'`,
    cwd: ROOT,
    columns: 100,
    rows: 30,
    env: { [TIMING_ENV]: timingFile },
  });
  cleanup.defer(() => session.stop());
  return session;
}

/** Quits the dashboard with q (the preload writes its timings as the process exits) and reads them. */
async function quitAndReadTiming(session: TmuxSession, timingFile: string): Promise<InProcessTiming> {
  await session.sendKey('q');
  await session.waitForExit({ timeoutMs: LAUNCH_TIMEOUT_MS });
  return readInProcessTiming(timingFile);
}

/** How often the pipe-pane copy's size is looked at while waiting (a stat: no process is started). */
const STAT_EVERY_MS = 1;
/** The longest the screen goes without a capture while nothing new was written (a frame tmux copied late). */
const CAPTURE_AT_LEAST_EVERY_MS = 25;

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
async function measureLaunch(session: TmuxSession): Promise<{ firstByte: number; frameWritten: number; frameOnScreen: number }> {
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

/** Everything but the header line (its flash and clock change on their own). */
function body(screen: string): string {
  return screen.split('\n').slice(1).join('\n');
}

/**
 * Sends one key and measures until the program writes output and until the screen body changes: through a tmux client
 * started per key and per capture, or through `control`, one control-mode client that starts no process.
 */
async function measureKey(session: TmuxSession, key: string, control?: TmuxControl): Promise<{ written: number; onScreen: number }> {
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
function spread(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 };
}

/** How long one capture-pane round trip takes: the resolution of every on-screen figure. */
async function captureCost(session: TmuxSession): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    await session.capture();
    samples.push(performance.now() - started);
  }
  return spread(samples).median;
}

/** The dashboard with 10,000 invoices: first frame and key-to-frame latency in a real terminal (issue 5). */
export const tuiSection: Section = {
  name: 'tui',
  description: 'dashboard with 10,000 invoices in a tmux pane: spawn to first frame, key to frame',
  async run(ctx): Promise<Figures> {
    // The launcher runs the sources through tsx when the build is missing or stale: figures of another program.
    const build = buildState(ROOT).state;
    if (build !== 'fresh')
      throw new Error(
        `the build in dist/ is ${build === 'none' ? 'missing' : 'older than the sources'}: run \`npm run build\` first, so the figures are the build's.`,
      );
    const dir = await tempDir(ctx.cleanup);
    const caseFile = await buildCaseFile(ctx, dir);
    const caseSize = fileSize(caseFile);
    const loadBefore = loadavg()[0]!;

    const launches: Array<{ firstByte: number; frameWritten: number; frameOnScreen: number }> = [];
    const inProcess: InProcessTiming[] = [];
    let session: TmuxSession | undefined;
    const timingFile = (i: number) => join(dir, `timing-${i}.json`);
    for (let i = 0; i < LAUNCHES; i += 1) {
      ctx.progress(`launch ${i + 1}/${LAUNCHES}: node bin/booklab.js tui --case …`);
      if (session) {
        inProcess.push(await quitAndReadTiming(session, timingFile(i - 1)));
        await session.stop();
      }
      session = await start(ctx.cleanup, caseFile, timingFile(i));
      launches.push(await measureLaunch(session));
    }
    const live = session!;
    const resolution = await captureCost(live);

    ctx.progress(`key to frame: ${J_KEYS}× j, ${EDGE_KEYS}× G/g`);
    const j: Array<{ written: number; onScreen: number }> = [];
    for (let i = 0; i < J_KEYS; i += 1) j.push(await measureKey(live, 'j'));
    const edges: Array<{ written: number; onScreen: number }> = [];
    for (let i = 0; i < EDGE_KEYS; i += 1) edges.push(await measureKey(live, i % 2 === 0 ? 'G' : 'g'));
    const all = [...j, ...edges];
    ctx.progress(`the same keys again through one tmux control-mode client`);
    // A second way of looking, beside the figures above: where it cannot finish, the section still reports them.
    const controlled: Array<{ written: number; onScreen: number }> = [];
    let controlProblem: string | undefined;
    let control: TmuxControl | undefined;
    try {
      control = await TmuxControl.attach(live.socket);
      for (let i = 0; i < J_KEYS; i += 1) controlled.push(await measureKey(live, 'j', control));
      for (let i = 0; i < EDGE_KEYS; i += 1) controlled.push(await measureKey(live, i % 2 === 0 ? 'G' : 'g', control));
    } catch (error) {
      controlProblem = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    } finally {
      await control?.close();
    }
    const peakRss = peakRssOfTree(await live.panePid());
    const rss = peakRss === undefined ? 'unknown (no /proc)' : `${(peakRss / 1024 / 1024).toFixed(0)} MB`;
    inProcess.push(await quitAndReadTiming(live, timingFile(LAUNCHES - 1)));
    // The last launch's keys, in the order sent: each changed the screen, so each has one frame.
    const ownKeys = inProcess[LAUNCHES - 1]!.keys.slice(0, all.length);
    const ownControlled = inProcess[LAUNCHES - 1]!.keys.slice(all.length, all.length + controlled.length);

    const launchRow = (label: string, pick: (l: (typeof launches)[number]) => number) => [label, ...launches.map((l) => formatMs(pick(l)))];
    const keyRow = (label: string, samples: number[]) => {
      const s = spread(samples);
      return [label, String(samples.length), formatMs(s.median), formatMs(s.p95), formatMs(s.max)];
    };
    const first = spread(launches.map((l) => l.frameOnScreen));
    const keys = spread(all.map((k) => k.onScreen));
    const own = spread(ownKeys.map((k) => k.ms));
    const viaControl = spread(controlled.length > 0 ? controlled.map((k) => k.onScreen) : [NaN]);
    return {
      tables: [
        {
          title: `Spawn to first frame, ${formatCount(INVOICES)} synced invoices (case file ${(caseSize / 1024 / 1024).toFixed(1)} MB), 100×30 tmux pane`,
          columns: ['figure', ...launches.map((_, i) => `launch ${i + 1}`)],
          rows: [
            launchRow('spawn → first byte (world loaded, alt screen entered)', (l) => l.firstByte),
            launchRow('spawn → first dashboard frame written (raw output)', (l) => l.frameWritten),
            launchRow('spawn → first dashboard frame on screen (capture-pane)', (l) => l.frameOnScreen),
            launchRow('first render: alt screen entered → frame written', (l) => l.frameWritten - l.firstByte),
            ['inside the process: node start → first frame written', ...inProcess.map((t) => formatMs(t.firstFrame?.ms ?? NaN))],
            ['inside the process: CPU used by then', ...inProcess.map((t) => formatMs(t.firstFrame?.cpuMs ?? NaN))],
          ],
        },
        {
          title: 'Key to frame (time from send-keys until the screen body differs)',
          columns: ['keys', 'count', 'median', 'p95', 'max'],
          rows: [
            keyRow(
              'j (move down), on screen',
              j.map((k) => k.onScreen),
            ),
            keyRow(
              'G / g (last / first of 10,000), on screen',
              edges.map((k) => k.onScreen),
            ),
            keyRow(
              'all keys, on screen',
              all.map((k) => k.onScreen),
            ),
            keyRow(
              'all keys, first output byte written',
              all.map((k) => k.written),
            ),
            ...(controlled.length > 0
              ? [
                  keyRow(
                    'all keys again, on screen, through one tmux control-mode client',
                    controlled.map((k) => k.onScreen),
                  ),
                  keyRow(
                    'those keys, inside the process: input → frame written',
                    ownControlled.map((k) => k.ms),
                  ),
                ]
              : []),
            keyRow(
              'all keys, inside the process: input → frame written',
              ownKeys.map((k) => k.ms),
            ),
            keyRow(
              'all keys, inside the process: CPU from input to frame',
              ownKeys.map((k) => k.cpuMs),
            ),
          ],
        },
        {
          title: 'Memory of the dashboard process',
          columns: ['figure', 'value'],
          rows: [['peak resident memory (VmHWM) after the launch and every key above', rss]],
        },
      ],
      headlines: [
        {
          figure: `dashboard, spawn to first frame, ${formatCount(INVOICES)}-invoice case`,
          value: formatMs(first.median),
          aim: `under ${AIM_FIRST_FRAME_MS / 1000} s`,
          met: first.median < AIM_FIRST_FRAME_MS,
        },
        {
          figure: 'dashboard, key to frame (median)',
          value: formatMs(keys.median),
          aim: `under ${AIM_KEY_MEDIAN_MS} ms`,
          met: keys.median < AIM_KEY_MEDIAN_MS,
        },
        {
          figure: 'dashboard, key to frame (p95)',
          value: formatMs(keys.p95),
          aim: `under ${AIM_KEY_P95_MS} ms`,
          met: keys.p95 < AIM_KEY_P95_MS,
        },
        {
          figure: 'dashboard, key to frame inside the process (median / p95)',
          value: `${formatMs(own.median)} / ${formatMs(own.p95)}`,
          aim: `under ${AIM_KEY_MEDIAN_MS} / ${AIM_KEY_P95_MS} ms`,
          met: ownKeys.length === all.length && own.median < AIM_KEY_MEDIAN_MS && own.p95 < AIM_KEY_P95_MS,
        },
        {
          figure: 'dashboard, key to frame on screen through a tmux control-mode client (median / p95)',
          value: controlProblem ? `n/a (${controlProblem})` : `${formatMs(viaControl.median)} / ${formatMs(viaControl.p95)}`,
          aim: `under ${AIM_KEY_MEDIAN_MS} / ${AIM_KEY_P95_MS} ms`,
          met: !controlProblem && viaControl.median < AIM_KEY_MEDIAN_MS && viaControl.p95 < AIM_KEY_P95_MS,
        },
        { figure: `dashboard, peak RSS, ${formatCount(INVOICES)}-invoice case`, value: rss, aim: 'reported', met: peakRss !== undefined },
      ],
      aims: [
        {
          text: `first frame under ${AIM_FIRST_FRAME_MS} ms (median of ${LAUNCHES} launches, on screen)`,
          met: first.median < AIM_FIRST_FRAME_MS,
          figure: formatMs(first.median),
        },
        {
          text: `key to frame under ${AIM_KEY_MEDIAN_MS} ms (median)`,
          met: keys.median < AIM_KEY_MEDIAN_MS,
          figure: formatMs(keys.median),
        },
        { text: `key to frame under ${AIM_KEY_P95_MS} ms (p95)`, met: keys.p95 < AIM_KEY_P95_MS, figure: formatMs(keys.p95) },
        // The program's own share: the on-screen figures add a tmux send-keys and a capture round trip to every key.
        {
          text: `key to frame inside the process under ${AIM_KEY_MEDIAN_MS} ms (median)`,
          met: ownKeys.length === all.length && own.median < AIM_KEY_MEDIAN_MS,
          figure: formatMs(own.median),
        },
        {
          text: `key to frame inside the process under ${AIM_KEY_P95_MS} ms (p95)`,
          met: ownKeys.length === all.length && own.p95 < AIM_KEY_P95_MS,
          figure: formatMs(own.p95),
        },
      ],
      notes: [
        `resolution: the screen is captured (capture-pane) as soon as the program's output grew (its pipe-pane copy is stat'ed every ${STAT_EVERY_MS} ms, and captured at least every ${CAPTURE_AT_LEAST_EVERY_MS} ms); one capture round trip takes about ${formatMs(resolution)}, so figures are upper bounds by up to that much`,
        "key timings start before the send-keys call, so they include one tmux client round trip (a few ms) and Ink's render throttle",
        'the headline "key to frame" figures keep their meaning: each key is a `tmux send-keys` and each look a `tmux capture-pane`, a tmux client process started each time (a capture alone takes the round trip given above); "through one tmux control-mode client" sends the same keys and captures through one `tmux -C attach` client (commands written to its stdin, bench/tui/control-client.ts), which starts no process, so it is closer to what a person sees',
        `"inside the process" is recorded by a preload (bench/tui/timing-preload.js, \`node --import\`): from the key's arrival on stdin to the write of its frame, and from node's start to the first frame's write, with the CPU time the process used; it leaves out tmux's send-keys and capture round trips and the terminal's own work`,
        '"written" is when the program\'s output reached the pipe-pane copy (file size polled), "on screen" when capture-pane showed it',
        'the program writes nothing before the world is loaded (`openDashboard` runs before the alt screen is entered), so "first byte" is node + loading the case (parsed and validated once, handed to an in-process server) + the controller\'s first view, and "first render" is Ink\'s own first render (App mount, the order and markers of 10,000 rows with the cells of the visible ones only, layout, write); the invariant check and the scenario catalogue come after that frame',
        'spawn counts from the moment the pane was released to run `node bin/booklab.js tui --case FILE`: node start, loading the bundled build (dist/bundle/, made by `npm run build`), loading the case into an embedded server, first render',
        `machine load (1-min average) ${loadBefore.toFixed(2)} before the launches, ${loadavg()[0]!.toFixed(2)} after the keys, on ${availableParallelism()} CPUs: other work on the machine inflates every figure here`,
        `the case file is built first: ${formatCount(INVOICES)} invoices booked in Focus and synced to Exact (about 20 s, not measured), so both panes hold ${formatCount(INVOICES)} rows`,
      ],
    };
  },
};
