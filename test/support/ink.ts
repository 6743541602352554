// Helpers for ink-testing-library: ANSI-free frames, a tick around key writes, and waiting for a frame.

import { stripVTControlCharacters } from 'node:util';

/** A rendered app as ink-testing-library returns it. */
export interface RenderedApp {
  lastFrame(): string | undefined;
  stdin: { write(data: string): void };
}

/** Key codes as a terminal sends them. */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  esc: '\u001B',
  enter: '\r',
  tab: '\t',
  shiftTab: '\u001B[Z',
} as const;

/** Waits one macrotask, so Ink subscribes to stdin and renders. */
export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The last frame, ANSI stripped. */
export function frameOf(app: RenderedApp): string {
  return stripVTControlCharacters(app.lastFrame() ?? '');
}

/** Writes keys one at a time, with a tick before and after each. */
export async function press(app: RenderedApp, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await tick();
    app.stdin.write(key);
    await tick();
  }
}

/** Waits until the last frame satisfies `predicate`; on timeout it fails with the last frame seen. */
export async function waitForFrame(
  app: RenderedApp,
  predicate: (frame: string) => boolean,
  { timeoutMs = 5000, what = 'the expected frame' } = {},
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = frameOf(app);
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last frame:\n${frame}`);
    await tick(20);
  }
}
