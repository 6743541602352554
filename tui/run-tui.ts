// `booklab tui`: the dashboard in a terminal, or a plain rendering of the world when there is none.

import { render } from 'ink';
import { createElement } from 'react';
import { DEMOS, loadCaseFile, World } from '../core/index.js';
import { loadCatalogue, type Scenario } from '../scenarios/index.js';
import { App } from './app.js';
import { DashboardController } from './dashboard-controller.js';
import { createDemoWorld } from './demo-world.js';
import { plainRendering } from './plain-rendering.js';
import { pickTheme } from './theme.js';
import { letYoungGenerationGrow } from './young-generation.js';

/** Options of `booklab tui`. */
export interface TuiOptions {
  server?: string;
  case?: string;
  scenario?: string;
  /** `--scenario-file`: the path; the command reads it into `scenarioFromFile`. */
  scenarioFile?: string;
  /** The scenario of a file, read and validated, to open straight into. */
  scenarioFromFile?: Scenario;
  /** The bytes of the `case` file, being read since the command started (see tuiCommand). */
  caseBytes?: Promise<Buffer>;
  /** Commander's `--no-color` sets `color: false`. */
  color?: boolean;
}

const ALT_SCREEN_ON = '\x1b[?1049h';
const ALT_SCREEN_OFF = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
/** Ink's frame rate cap: a frame at most every 8 ms. */
const MAX_FPS = 120;

/** True when the dashboard can be interactive: both ends are terminals and this is not CI. */
export function isInteractive({ stdin = process.stdin, stdout = process.stdout, env = process.env } = {}): boolean {
  return Boolean(stdin.isTTY && stdout.isTTY) && !env.CI;
}

/**
 * Builds the controller for the options: a case file, an attached server, or the demo world; then the scenario.
 * With `checkLater` the home world's invariants wait for `controller.checkNow()` (after the first frame).
 */
export async function openDashboard(
  { server, case: caseFile, caseBytes, scenario, scenarioFromFile }: TuiOptions = {},
  { checkLater = false } = {},
): Promise<DashboardController> {
  const found = scenario === undefined ? scenarioFromFile : (await loadCatalogue()).find((s) => s.id === scenario);
  if (scenario !== undefined && !found) {
    throw new Error(`[booklab] No scenario ${scenario}. Run \`booklab scenarios list\` for the ids.`);
  }
  let world: World;
  let title = 'demo world';
  if (caseFile) {
    // A case of its own is served in this process without a socket; `--server` stays HTTP.
    const loaded = await loadCaseFile(caseFile, { bytes: caseBytes, ...(server ? { serverUrl: server } : { transport: 'in-process' }) });
    if (!loaded.ok) throw new Error(`[booklab] ${loaded.problem.message}`);
    world = loaded.value;
    title = `case ${caseFile}`;
  } else if (server) {
    world = await World.create({ serverUrl: server });
    title = `server ${server}`;
  } else {
    world = await createDemoWorld();
  }
  const controller = await DashboardController.create({ world, title, checkLater });
  if (found) {
    const started = await controller.startScenario(found);
    if (!started.ok) throw new Error(`[booklab] ${started.problem.message}`);
  }
  return controller;
}

/** Restores the terminal: main screen, visible cursor. Safe to call twice. */
function restoreTerminal(): void {
  process.stdout.write(SHOW_CURSOR + ALT_SCREEN_OFF);
}

/** Runs the dashboard: interactive in a terminal, else a plain rendering; returns the exit code. */
export async function runTui(options: TuiOptions = {}): Promise<number> {
  const interactive = isInteractive();
  const controller = await openDashboard(options, { checkLater: interactive });
  const theme = pickTheme({ isTTY: process.stdout.isTTY, noColorFlag: options.color === false });
  try {
    if (!interactive) {
      process.stdout.write(`${plainRendering(controller.getSnapshot())}\n`);
      if (!options.case && !options.server) process.stdout.write(`\nOn ${DEMOS.tui}.\n`);
      return 0;
    }
    process.stdout.write(ALT_SCREEN_ON);
    process.once('exit', restoreTerminal);
    try {
      // Ink holds a frame back until 1000/maxFps ms after the last one (30 fps: up to 33 ms after a key). A frame of the
      // dashboard costs a few ms, so a short hold lets each key show at once while a burst still shares frames.
      const instance = render(createElement(App, { controller, theme }), {
        exitOnCtrlC: false,
        patchConsole: false,
        maxFps: MAX_FPS,
      });
      // Ink drew the first frame as it rendered; the checker's findings follow in the next, and the scenario picker
      // gets the catalogue after that: neither holds the first frame back.
      letYoungGenerationGrow();
      void controller.checkNow();
      // A catalogue that cannot load is a bug: it ends the dashboard with its error, as it did when loaded first.
      // Once the person has quit, a catalogue that arrives late draws nothing: rendering again would mount the
      // dashboard anew on a terminal given back, its input held open so that the process never ends.
      let quit = false;
      loadCatalogue().then(
        (scenarios) => {
          if (!quit) instance.rerender(createElement(App, { controller, theme, scenarios }));
        },
        (error: unknown) => instance.unmount(error instanceof Error ? error : new Error(String(error))),
      );
      await instance.waitUntilExit().finally(() => {
        quit = true;
      });
    } finally {
      restoreTerminal();
      process.removeListener('exit', restoreTerminal);
    }
    return 0;
  } finally {
    await controller.close();
  }
}
