// A real terminal for end-to-end tests and the TUI bench: a private tmux server (its own socket) runs one
// command in a 100×30 pane. Keys go in one per send-keys, the screen comes back with capture-pane, and the
// raw bytes the program wrote (escape sequences included) are copied to a file with pipe-pane.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** How long a single tmux call may take before it counts as hung. */
const TMUX_CALL_MS = 5_000;
/** How long the screen may lag behind the end of the command. */
const EXITED_GRACE_MS = 1_000;
/** The session each private tmux server runs. */
export const TMUX_SESSION = 'e2e';
/** Its one pane. */
export const TMUX_PANE = `${TMUX_SESSION}:0.0`;

/** What capture-pane printed, as the tests read a screen: lines trimmed on the right, no trailing blank lines. */
export function screenText(captured: string): string {
  return captured
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

/** The message a missing tmux gives, so the fix is in the failure. */
export const TMUX_MISSING =
  '[booklab e2e] tmux is not installed, and the dashboard end-to-end test needs it as its pseudo-terminal. ' +
  'Install it (Debian/Ubuntu: `apt-get install -y tmux`; macOS: `brew install tmux`) and run the tests again.';

/** Whether tmux can be run. */
export async function hasTmux(): Promise<boolean> {
  try {
    await exec('tmux', ['-V'], { timeout: TMUX_CALL_MS });
    return true;
  } catch {
    return false;
  }
}

/** Options of {@link startTmux}. */
export interface TmuxOptions {
  /** The shell command line to run in the pane (run by `sh -c`). */
  command: string;
  /** Working directory of the command. */
  cwd: string;
  columns?: number;
  rows?: number;
  /** Extra environment for the command; `undefined` unsets a variable. */
  env?: Record<string, string | undefined>;
  /** Leave the pane waiting: the command starts at {@link TmuxSession.release} (a watcher can attach first). */
  hold?: boolean;
}

/** What a {@link TmuxSession.waitFor} accepts: text that must appear on screen, or a test of the whole screen. */
export type ScreenMatch = string | RegExp | ((screen: string) => boolean);

/** Variables that make Ink (is-in-ci) or the program believe they run in CI, or tie the pane to an outer tmux. */
const UNSET = [
  'CI',
  'CONTINUOUS_INTEGRATION',
  'BUILD_NUMBER',
  'RUN_ID',
  'TMUX',
  'TMUX_PANE',
  'NO_COLOR',
  'FORCE_COLOR',
  'VITEST',
  'VITEST_POOL_ID',
  'VITEST_WORKER_ID',
  'NODE_ENV',
  'TEST',
];

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function describeMatch(match: ScreenMatch): string {
  return typeof match === 'function' ? match.name || 'a screen predicate' : JSON.stringify(String(match));
}

function matches(screen: string, match: ScreenMatch): boolean {
  if (typeof match === 'string') return screen.includes(match);
  if (match instanceof RegExp) return match.test(screen);
  return match(screen);
}

/** tmux's names for keys that are not a single printable character. */
const KEY_NAMES: Record<string, string> = {
  enter: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  tab: 'Tab',
  'shift+tab': 'BTab',
  space: 'Space',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  home: 'Home',
  end: 'End',
  backspace: 'BSpace',
  'ctrl+c': 'C-c',
};

/** One command running in a private tmux server. */
export class TmuxSession {
  /** When the command was released into the pane (performance.now()). */
  startedAt = 0;
  private stopped = false;

  private constructor(
    /** The `-L` socket name: private to this session. */
    readonly socket: string,
    /** A temp dir holding the launcher, the raw output and the exit code. */
    readonly dir: string,
  ) {}

  /** The file that gets every byte the program writes to the terminal. */
  get rawFile(): string {
    return join(this.dir, 'raw.out');
  }

  private get exitFile(): string {
    return join(this.dir, 'exit-code');
  }

  /**
   * Starts a private tmux server whose one pane runs `command`. The pane waits until raw-output capture
   * and remain-on-exit are in place, so no byte of the program's output is missed.
   * Throws {@link TMUX_MISSING} when tmux is not installed.
   */
  static async start({ command, cwd, columns = 100, rows = 30, env = {}, hold = false }: TmuxOptions): Promise<TmuxSession> {
    if (!(await hasTmux())) throw new Error(TMUX_MISSING);
    const dir = await mkdtemp(join(tmpdir(), 'booklab-tmux-'));
    const session = new TmuxSession(`booklab-e2e-${process.pid}-${randomBytes(4).toString('hex')}`, dir);
    const settings = { TERM: 'xterm-256color', ...env };
    const exports = Object.entries(settings).map(([key, value]) =>
      value === undefined ? `unset ${key}` : `export ${key}=${shellQuote(value)}`,
    );
    const launcher = [
      `unset ${UNSET.join(' ')}`,
      ...exports,
      `cd ${shellQuote(cwd)}`,
      `while [ ! -e ${shellQuote(session.goFile)} ]; do sleep 0.01; done`,
      `sh -c ${shellQuote(command)}`,
      'code=$?',
      'echo "EXIT:$code"',
      `echo "$code" > ${shellQuote(session.exitFile)}`,
    ].join('\n');
    await writeFile(join(dir, 'run.sh'), `${launcher}\n`, 'utf8');
    const serverEnv: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    for (const key of UNSET) delete serverEnv[key];
    try {
      await session.tmux(
        [
          '-f',
          '/dev/null',
          'new-session',
          '-d',
          '-s',
          TMUX_SESSION,
          '-x',
          String(columns),
          '-y',
          String(rows),
          '-c',
          cwd,
          `sh ${shellQuote(join(dir, 'run.sh'))}`,
        ],
        serverEnv,
      );
      await session.tmux(['set-option', '-t', TMUX_SESSION, 'remain-on-exit', 'on']);
      await session.tmux(['set-option', '-g', 'status', 'off']);
      await session.tmux(['resize-window', '-t', TMUX_SESSION, '-x', String(columns), '-y', String(rows)]);
      await session.tmux(['pipe-pane', '-o', '-t', TMUX_PANE, `cat >> ${shellQuote(session.rawFile)}`]);
    } catch (error) {
      await session.stop();
      throw error;
    }
    if (!hold) await session.release();
    return session;
  }

  /** Lets the pane run its command (at once, unless started with `hold`); `startedAt` counts from here. */
  async release(): Promise<void> {
    await writeFile(this.goFile, '', 'utf8');
    this.startedAt = performance.now();
  }

  private get goFile(): string {
    return join(this.dir, 'go');
  }

  /** The pid of the pane's shell (the program runs beneath it), for reading its memory from /proc. */
  async panePid(): Promise<number> {
    return Number((await this.tmux(['display-message', '-p', '-t', TMUX_PANE, '#{pane_pid}'])).trim());
  }

  /** Runs one tmux command against this session's server. */
  async tmux(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
    const { stdout } = await exec('tmux', ['-L', this.socket, ...args], {
      timeout: TMUX_CALL_MS,
      encoding: 'utf8',
      ...(env ? { env } : {}),
    });
    return stdout;
  }

  /** The visible screen as text (no colours), lines trimmed on the right; with `scrollback`, the lines scrolled off above it too. */
  async capture({ scrollback = false }: { scrollback?: boolean } = {}): Promise<string> {
    return screenText(await this.tmux(['capture-pane', '-p', ...(scrollback ? ['-S', '-'] : []), '-t', TMUX_PANE]));
  }

  /**
   * Sends one key: a single character literally, or a name (`enter`, `esc`, `right`, `left`, `space`, `tab`,
   * `up`, `down`, `pageup`, `ctrl+c`…). One key per call, so the program never sees a paste.
   */
  async sendKey(key: string): Promise<void> {
    const name = KEY_NAMES[key.toLowerCase()];
    if (name) await this.tmux(['send-keys', '-t', TMUX_PANE, name]);
    else if ([...key].length === 1) await this.tmux(['send-keys', '-t', TMUX_PANE, '-l', key]);
    else throw new Error(`sendKey takes one key, not ${JSON.stringify(key)}`);
  }

  /**
   * Polls the screen every `intervalMs` until `match` holds and returns that screen. On timeout it throws
   * with what it waited for and the last screen it saw.
   */
  async waitFor(
    match: ScreenMatch,
    {
      timeoutMs = 10_000,
      intervalMs = 50,
      what,
      scrollback = false,
    }: { timeoutMs?: number; intervalMs?: number; what?: string; scrollback?: boolean } = {},
  ): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    let exitedAt: number | undefined;
    for (;;) {
      const last = await this.capture({ scrollback });
      if (matches(last, match)) return last;
      // Once the command has ended the screen can only catch up with its last output: fail soon, not at the deadline.
      const code = await this.exitCode();
      if (code !== undefined) exitedAt ??= performance.now();
      if (code !== undefined && performance.now() - exitedAt! > EXITED_GRACE_MS) {
        throw new Error(
          `[booklab e2e] the program exited with code ${code} while waiting for ${what ?? describeMatch(match)}; the last screen was:\n${'-'.repeat(40)}\n${last}\n${'-'.repeat(40)}`,
        );
      }
      if (performance.now() > deadline) {
        throw new Error(
          `[booklab e2e] waited ${timeoutMs} ms for ${what ?? describeMatch(match)}; the last screen was:\n${'-'.repeat(40)}\n${last}\n${'-'.repeat(40)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** The exit code of the command once it has ended, or undefined while it runs. */
  async exitCode(): Promise<number | undefined> {
    if (!existsSync(this.exitFile)) return undefined;
    const text = (await readFile(this.exitFile, 'utf8')).trim();
    return text === '' ? undefined : Number(text);
  }

  /** Waits for the command to end and returns its exit code; throws with the last screen on timeout. */
  async waitForExit({ timeoutMs = 10_000, intervalMs = 50 } = {}): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const code = await this.exitCode();
      if (code !== undefined) return code;
      if (performance.now() > deadline)
        throw new Error(
          `[booklab e2e] the program did not exit within ${timeoutMs} ms; the last screen was:\n${await this.capture().catch(() => '(no screen)')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** Every byte the program wrote so far (escape sequences included). */
  async raw(): Promise<string> {
    return existsSync(this.rawFile) ? readFile(this.rawFile, 'utf8') : '';
  }

  /** Kills the private tmux server (and with it the program) and removes the temp dir. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.tmux(['kill-server']).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
