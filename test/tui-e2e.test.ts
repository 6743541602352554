import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmuxSessions } from './support/tmux-sessions.js';

// The dashboard as a person uses it: `node bin/booklab.js` in a real 100×30 terminal (a private tmux
// server per test), driven one key at a time, read back from the screen. Every wait polls the screen
// with a deadline and fails with the last screen; no step relies on a sleep.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** tsx compiles the program on the fly and the demo world starts its own server: allow for a slow first frame. */
const FIRST_FRAME_MS = 20_000;
const KEY_MS = 10_000;

const sessions = tmuxSessions();

/** The `n/m` step counter of the walkthrough panel, or undefined when none is on screen. */
function stepCounter(screen: string): { position: number; total: number } | undefined {
  const match = /step (\d+)\/(\d+)/.exec(screen);
  return match ? { position: Number(match[1]), total: Number(match[2]) } : undefined;
}

function atStep(position: number) {
  return Object.defineProperty((screen: string) => stepCounter(screen)?.position === position, 'name', {
    value: `step ${position}/… on screen`,
  });
}

describe('booklab dashboard in a real terminal', () => {
  it('shows both systems, books and syncs a draft, walks a scenario forward and back, and quits restoring the terminal', async () => {
    const tmux = await sessions.start({ command: 'node bin/booklab.js', cwd: ROOT, columns: 100, rows: 30 });

    // Both panes side by side at 100×30: Focus with its invoices, Exact with its journals and bookings.
    const first = await tmux.waitFor((s) => s.includes('Focus · Invoices') && s.includes('Exact · Journals') && /2026\/\d/.test(s), {
      timeoutMs: FIRST_FRAME_MS,
      what: 'both panes with their rows',
    });
    const firstLine = (screen: string, text: string) => screen.split('\n').findIndex((line) => line.includes(text));
    expect(firstLine(first, 'Focus · Invoices')).toBe(firstLine(first, 'Exact · Journals')); // side by side
    expect(first).toMatch(/2026\/1 .*Brouwerij/); // a Focus invoice row
    expect(first).toMatch(/70 Sales invoices · next \d+/); // an Exact journal with its next booking number
    expect(first).toMatch(/1001 2026\/1/); // an Exact booking: entry number and YourRef
    expect(first).toMatch(/\(draft\) +02-27 Atelier/); // the demo's first draft, not booked yet
    expect(header(first)).not.toMatch(/synced \d\d:\d\d/);

    // Book the first draft by hand (x, then B): it becomes 2026/7, booked in Focus but without a booking number.
    await tmux.sendKey('x');
    await tmux.waitFor('Hand actions', { timeoutMs: KEY_MS, what: 'the hand actions overlay' });
    await tmux.sendKey('B');
    const booked = await tmux.waitFor(/2026\/7 +02-27 .*booked +[◆ ]?│/, {
      timeoutMs: KEY_MS,
      what: '2026/7 booked in Focus without a booking number',
    });
    expect(booked).toMatch(/70 Sales invoices · next 1007/);
    expect(booked).not.toMatch(/1007 2026\/7/);

    // A manual sync (s): 2026/7 gets booking number 1007 on both sides, the journal moves on to 1008, and the
    // header says when it synced.
    await tmux.sendKey('s');
    const synced = await tmux.waitFor((s) => /synced \d\d:\d\d/.test(header(s)) && /2026\/7 +02-27 .*booked +1007/.test(s), {
      timeoutMs: KEY_MS,
      what: '"synced HH:MM" in the header and booking number 1007 on 2026/7 after s',
    });
    expect(synced).toMatch(/1007 2026\/7 +02-27/); // the booking in Exact, YourRef 2026/7
    expect(synced).toMatch(/70 Sales invoices · next 1008/);

    // The scenario picker lists the catalogue after the home world; move to the first scenario and open it.
    await tmux.sendKey('p');
    await tmux.waitFor((s) => s.includes('Scenarios') && /▸ home\b/.test(s), {
      timeoutMs: KEY_MS,
      what: 'the scenario picker with "home" selected',
    });
    await tmux.sendKey('j');
    const picker = await tmux.waitFor(/▸ accidental-booking-last-invoice\b/, {
      timeoutMs: KEY_MS,
      what: 'the first scenario selected in the picker',
    });
    expect(picker).not.toContain('Focus · Invoices'); // the overlay replaces the body
    await tmux.sendKey('enter');
    const step0 = await tmux.waitFor(atStep(0), { timeoutMs: FIRST_FRAME_MS, what: 'the walkthrough at step 0' });
    expect(header(step0)).toContain('Deleting a test invoice');
    const total = stepCounter(step0)!.total;
    expect(total).toBeGreaterThanOrEqual(3);

    // Forward twice (→ then l), back once (←): the counter and the step title follow, and back restores the world.
    await tmux.sendKey('right');
    const step1 = await tmux.waitFor(atStep(1), { timeoutMs: KEY_MS });
    await tmux.sendKey('l');
    const step2 = await tmux.waitFor(atStep(2), { timeoutMs: KEY_MS });
    expect(stepTitle(step2)).not.toEqual(stepTitle(step1));
    expect(step2).toMatch(/2026\/1 .*booked +1001/); // step 2 books and syncs 2026/1 as booking 1001
    await tmux.sendKey('left');
    const back = await tmux.waitFor(atStep(1), { timeoutMs: KEY_MS });
    expect(stepCounter(back)).toEqual({ position: 1, total });
    expect(stepTitle(back)).toEqual(stepTitle(step1));
    expect(panes(back)).toEqual(panes(step1));

    // Quit: exit code 0, the alternate screen left and the cursor shown again.
    await tmux.sendKey('q');
    expect(await tmux.waitForExit({ timeoutMs: KEY_MS })).toBe(0);
    // The shell's line lands on the main screen again (it may have scrolled into the pane's history).
    await tmux.waitFor(/^EXIT:0$/m, { timeoutMs: KEY_MS, scrollback: true, what: "the shell's EXIT:0 line on the main screen" });
    const raw = await tmux.raw();
    expect(raw).toContain('\x1b[?1049h');
    expect(raw.lastIndexOf('\x1b[?1049l'), 'the program never left the alternate screen (\\x1b[?1049l)').toBeGreaterThan(
      raw.lastIndexOf('\x1b[?1049h'),
    );
    expect(raw.lastIndexOf('\x1b[?25h'), 'the cursor was not shown again (\\x1b[?25h)').toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
  }, 90_000);

  it('quits when q is typed before the first frame, the scenario catalogue still on its way', async () => {
    // The catalogue loads after the first frame; arriving after the quit, it used to draw the dashboard again on the
    // terminal just given back and hold its input open, so the process never ended. A q typed at once waits in the
    // terminal and is read with the first frame, well before the catalogue arrives.
    const tmux = await sessions.start({ command: 'node bin/booklab.js', cwd: ROOT, columns: 100, rows: 30 });
    await tmux.sendKey('q');
    expect(await tmux.waitForExit({ timeoutMs: KEY_MS })).toBe(0);
  });

  it('R22, R24: walks the bookkeeping export to a preview with errors, and back out with esc', async () => {
    const tmux = await sessions.start({ command: 'node bin/booklab.js', cwd: ROOT, columns: 100, rows: 30 });
    await tmux.waitFor('Focus · Invoices', { timeoutMs: FIRST_FRAME_MS, what: 'the dashboard' });
    await tmux.sendKey('e');
    await tmux.waitFor('step 1/7 · Period', { timeoutMs: KEY_MS, what: 'the export screen at the period step' });
    for (const step of ['2/7 · Package', '3/7 · External IDs', '4/7 · Cost', '5/7 · Parameters', '6/7 · Preview']) {
      await tmux.sendKey('enter');
      await tmux.waitFor(`step ${step}`, { timeoutMs: KEY_MS, what: `the export at step ${step}` });
    }
    // The demo's customers have no external ID: the preview names the errors and "Next" makes no file.
    const preview = await tmux.waitFor(/✗ \d+ errors/, { timeoutMs: KEY_MS, what: 'the preview with its errors' });
    expect(preview).toContain('No external ID');
    await tmux.sendKey('enter');
    await tmux.waitFor('no file was made', { timeoutMs: KEY_MS, what: 'the refusal of the file' });
    await tmux.sendKey('esc');
    await tmux.waitFor('step 5/7 · Parameters', { timeoutMs: KEY_MS, what: 'back at the parameters' });
    await tmux.sendKey('q');
    expect(await tmux.waitForExit({ timeoutMs: KEY_MS })).toBe(0);
  }, 90_000);
});

/** The header line. */
function header(screen: string): string {
  return screen.split('\n')[0] ?? '';
}

/** The step line's title (`setup · Connect Exact Online…`), without the counter. */
function stepTitle(screen: string): string {
  return /step \d+\/\d+ +(.*?)(?: {2,}|│|$)/m.exec(screen)?.[1] ?? '';
}

/** The two system panes: the lines between the header and the walkthrough panel. */
function panes(screen: string): string {
  const lines = screen.split('\n');
  const step = lines.findIndex((line) => /step \d+\/\d+/.test(line));
  return lines.slice(1, Math.max(1, step - 1)).join('\n');
}
