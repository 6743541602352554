import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmuxSessions } from './support/tmux-sessions.js';
import type { TmuxSession } from './support/tmux.js';

// A trainer's walkthrough in a real terminal (a private tmux server): every step of three repairs, first at 100×30,
// then (the window resized, the walkthrough restarted) at 80×24. At each step the whole narration must be readable
// on screen, scrolling with the documented key where the pane is too short; walking back, each step must show the
// very screen it showed going forward. The narrations expected are the reviewed transcripts in test/transcripts/.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIRST_FRAME_MS = 30_000;
const KEY_MS = 10_000;
/** The key the keymap documents for "more narration" (its help and footer say `]`). */
const MORE = ']';

const sessions = tmuxSessions();

/** The narration of every step, as the transcript has it (the indented line under each `[phase] title`). */
async function transcriptNarrations(id: string): Promise<string[]> {
  const text = await readFile(new URL(`transcripts/${id}.txt`, import.meta.url), 'utf8');
  const lines = text.split('\n');
  const narrations: string[] = [];
  lines.forEach((line, i) => {
    if (/^\[(setup|reproduce|symptom|repair|verify)\] /.test(line)) narrations.push((lines[i + 1] ?? '').trim());
  });
  return narrations;
}

/** Text compared whitespace aside (and without the ⚠ a warning line starts with). */
function squeeze(text: string): string {
  return text.replace(/[\s⚠]+/g, '');
}

function counter(screen: string): { position: number; total: number } | undefined {
  const match = /│step (\d+)\/(\d+)/.exec(screen);
  return match ? { position: Number(match[1]), total: Number(match[2]) } : undefined;
}

/** Step `position` is on screen and nothing is running any more (the header shows no `↻`). */
function settledAt(position: number) {
  return Object.defineProperty(
    (screen: string) => counter(screen)?.position === position && !(screen.split('\n')[0] ?? '').includes('↻'),
    'name',
    {
      value: `step ${position} on screen, settled`,
    },
  );
}

/** How long the screen must stay the same to count as drawn: a frame can reach tmux in more than one write. */
const STILL_MS = 150;

/** Waits for `match`, then until the screen stops changing, and returns that screen. */
async function settled(session: TmuxSession, match: (screen: string) => boolean, what?: string): Promise<string> {
  let screen = await session.waitFor(match, { timeoutMs: KEY_MS, what });
  for (let tries = 0; tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, STILL_MS));
    const again = await session.capture();
    if (again === screen && match(again)) return again;
    screen = again;
  }
  throw new Error(`[booklab e2e] the screen kept changing while waiting for ${what ?? match.name}:\n${screen}`);
}

/**
 * The walkthrough's lines on screen: the bottom panel from the step line down to its border, each cut at the left
 * edge of the invariants beside it (standard layout), without the `▼`/`▲` line that says how much is left.
 */
function narrationOnScreen(screen: string): string[] {
  const lines = screen.split('\n');
  const top = lines.findIndex((line) => /^│step \d+\/\d+/.test(line));
  if (top < 0) return [];
  const bottom = lines.findIndex((line, i) => i > top && line.startsWith('╰'));
  const invariants = lines[top]!.search(/ {2}I1 [✓✗]/);
  const right = invariants > 0 ? invariants : lines[top]!.lastIndexOf('│');
  const panel = lines.slice(top, bottom < 0 ? undefined : bottom).map((line) => line.slice(1, right));
  // The `▼`/`▲` line ends what scrolls; below it (80×24) come the checks.
  const more = panel.findIndex((line) => /^\s*[▼▲] /.test(line));
  return more < 0 ? panel : panel.slice(0, more);
}

/** Lines read at successive scroll positions, joined where they overlap (the step's heading, on every page, counted once). */
function joinScrolled(pages: string[][]): string[] {
  const first = pages[0] ?? [];
  const all = [...first];
  for (const whole of pages.slice(1)) {
    let heading = 0;
    while (heading < whole.length && whole[heading] === first[heading]) heading += 1;
    const page = whole.slice(heading);
    let overlap = Math.min(all.length, page.length);
    while (overlap > 0 && all.slice(all.length - overlap).join('\n') !== page.slice(0, overlap).join('\n')) overlap -= 1;
    all.push(...page.slice(overlap));
  }
  return all;
}

/** Reads the step on screen: its first screen, and the whole narration after scrolling with `]` as far as needed. */
async function readStep(session: TmuxSession, position: number, narration: string): Promise<{ screen: string; scrolled: number }> {
  const screen = await settled(session, settledAt(position));
  const pages = [narrationOnScreen(screen)];
  let scrolled = 0;
  let last = screen;
  while (!squeeze(joinScrolled(pages).join(' ')).includes(squeeze(narration)) && last.includes(`▼ `)) {
    await session.sendKey(MORE);
    scrolled += 1;
    const before = last;
    last = await settled(session, (s) => s !== before, `the narration of step ${position} scrolled by ${MORE}`);
    pages.push(narrationOnScreen(last));
    expect(scrolled, `step ${position}: ${MORE} pressed too often`).toBeLessThan(20);
  }
  expect(squeeze(joinScrolled(pages).join(' ')), `step ${position}: the whole narration can be read on screen`).toContain(
    squeeze(narration),
  );
  return { screen, scrolled };
}

/**
 * The screen below the header, and the header's right end (bell, sync state, date): before the first step the header's
 * message is the scenario's opening message, and back at step 0 it is "Step 0/n", which also cuts the title differently.
 */
function withoutMessage(screen: string): string {
  const [header = '', ...rest] = screen.split('\n');
  return [header.slice(header.indexOf('🔔')), ...rest].join('\n');
}

/** Walks every step forward, reading each narration whole, then back, comparing each screen with the forward one. */
async function walk(session: TmuxSession, narrations: string[], size: string): Promise<number> {
  await session.waitFor(settledAt(0), { timeoutMs: FIRST_FRAME_MS, what: `step 0 at ${size}` });
  const first = await settled(session, settledAt(0));
  expect(counter(first)?.total, `${size}: the transcript's steps`).toBe(narrations.length);
  const forward = [first];
  let scrolls = 0;
  for (let position = 1; position <= narrations.length; position++) {
    await session.sendKey('right');
    const { screen, scrolled } = await readStep(session, position, narrations[position - 1]!);
    forward.push(screen);
    scrolls += scrolled;
  }
  for (let position = narrations.length - 1; position >= 0; position--) {
    await session.sendKey('left');
    const back = await settled(session, settledAt(position));
    if (position === 0) expect(withoutMessage(back), `${size}: back at step 0`).toEqual(withoutMessage(forward[0]!));
    else expect(back, `${size}: back at step ${position}`).toEqual(forward[position]);
  }
  return scrolls;
}

describe('walkthroughs in a real terminal: every narration whole, every back-step as shown going forward', () => {
  for (const id of ['accidental-booking-last-invoice', 'invoice-shown-twice', 'same-booking-number']) {
    it(`${id} at 100×30, then at 80×24`, async () => {
      const narrations = await transcriptNarrations(id);
      expect(narrations.length).toBeGreaterThan(10);
      const tmux = await sessions.start({ command: `node bin/booklab.js tui --scenario ${id}`, cwd: ROOT, columns: 100, rows: 30 });
      await walk(tmux, narrations, '100×30');

      await tmux.tmux(['resize-window', '-t', 'e2e', '-x', '80', '-y', '24']);
      await tmux.waitFor((s) => s.split('\n')[0]!.includes('[Focus|Exact]'), { timeoutMs: KEY_MS, what: 'the compact layout at 80×24' });
      const compactScrolls = await walk(tmux, narrations, '80×24');
      // At 80×24 some narrations are longer than the pane can grow: the scroll key is exercised, not just present.
      if (id === 'invoice-shown-twice') expect(compactScrolls).toBeGreaterThan(0);

      await tmux.sendKey('q');
      expect(await tmux.waitForExit({ timeoutMs: KEY_MS })).toBe(0);
    }, 240_000);
  }
});
