import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameOf, KEYS, press, waitForFrame } from '../test/support/ink.js';
import { App } from './app.js';
import { DashboardController } from './dashboard-controller.js';
import { createDemoWorld } from './demo-world.js';
import type { TerminalSize } from './layout.js';
import { HELP_GROUPS, KEYMAP } from './keymap.js';
import accidentalBookingNotLast from '../scenarios/catalogue/accidental-booking-not-last.js';
import sameBookingNumber from '../scenarios/catalogue/same-booking-number.js';
import { CATALOGUE } from '../scenarios/catalogue/index.js';

let controller: DashboardController | undefined;
let app: ReturnType<typeof render> | undefined;

afterEach(async () => {
  app?.unmount();
  await controller?.close();
  app = undefined;
  controller = undefined;
});

async function open(size: TerminalSize, onQuit = vi.fn()) {
  controller = await DashboardController.create({ world: await createDemoWorld() });
  // The picker offers the catalogue, as `runTui` gives it.
  app = render(<App controller={controller} size={size} scenarios={CATALOGUE} onQuit={onQuit} />);
  await waitForFrame(app, (f) => f.length > 0, { what: 'a first frame' });
  return { app, onQuit };
}

describe('dashboard views', () => {
  it('shows both panes, the invariants and the footer at 100×30, within rows - 1', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    const frame = frameOf(app);
    expect(frame).toContain('1 Focus · Invoices');
    expect(frame).toContain('2 Exact · Journals');
    expect(frame).toContain('70 Sales invoices · next 1007');
    expect(frame).toMatch(/2026\/1 .*1001/);
    expect(frame).toContain('I7 ✓');
    expect(frame).toContain('I8 ✓ Every booking from the start date stands for a booked document linked to it; no orphans');
    expect(frame).toContain('q/ctrl+c quit');
    expect(frame.split('\n').length).toBeLessThanOrEqual(29);
  });

  it('draws the panes before the checker has run when told to check later, then shows its findings', async () => {
    controller = await DashboardController.create({ world: await createDemoWorld(), checkLater: true });
    app = render(<App controller={controller} size={{ columns: 100, rows: 30 }} onQuit={vi.fn()} />);
    const first = await waitForFrame(app, (f) => f.length > 0, { what: 'a first frame' });
    expect(first).toMatch(/2026\/1 .*1001/);
    expect(first).toContain('I1 I2 I3 I4 I5 I6 I7 I8: checking…');
    expect(first).not.toContain('I7 ✓');
    await controller.checkNow();
    const checked = await waitForFrame(app, (f) => f.includes('I7 ✓'), { what: 'the checks filled in' });
    expect(checked).toContain('I8 ✓ Every booking from the start date stands for a booked document linked to it; no orphans');
    expect(checked).not.toContain('checking…');
  });

  it('shows one system pane at a time at 80×24 and swaps it with tab', async () => {
    const { app } = await open({ columns: 80, rows: 24 });
    let frame = frameOf(app);
    expect(frame).toContain('[Focus|Exact]');
    expect(frame).toContain('1 Focus · Invoices');
    expect(frame).not.toContain('2 Exact · Journals');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    await press(app, KEYS.tab);
    frame = await waitForFrame(app, (f) => f.includes('2 Exact · Journals'), { what: 'the Exact pane after tab' });
    expect(frame).not.toContain('1 Focus · Invoices');
  });

  it('says the terminal is too small below 80×24, and q still quits', async () => {
    const { app, onQuit } = await open({ columns: 70, rows: 20 });
    expect(frameOf(app)).toContain('Terminal too small: 70×20 — needs 80×24');
    await press(app, 's', 'q');
    expect(onQuit).toHaveBeenCalledTimes(1);
  });

  it('syncs with s and shows the outcome and the sync time in the header', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    await press(app, 's');
    const frame = await waitForFrame(app, (f) => /synced \d\d:\d\d/.test(f), { what: 'synced HH:MM' });
    expect(frame.split('\n')[0]).toContain('There are no changes');
  });

  it('moves the selection with j, jumps from an invoice to its booking with enter, and filters with /', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    await press(app, 'j', 'j', KEYS.enter);
    await waitForFrame(app, (f) => /▸ +1003 2026\/3/.test(f), { what: 'booking 1003 selected in Exact' });
    await press(app, '1', '/', 'd', 'e', 'l', 't', 'a', KEYS.enter);
    const frame = await waitForFrame(app, (f) => f.includes('/delta') && f.includes('1–2 of 2'), { what: 'the filtered Focus pane' });
    expect(frame).not.toContain('Brouwerij');
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('1–9 of 9'), { what: 'the filter cleared' });
  });

  it('opens the help from the keymap and closes it with esc', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    await press(app, '?');
    const frame = await waitForFrame(app, (f) => f.includes('Hand actions') && f.includes('Walkthrough'), { what: 'the help' });
    expect(frame).toContain("set a journal's next number");
    expect(frame).not.toContain('1 Focus · Invoices');
    // Every group and every key fits a 100×30 terminal: nothing of the keymap is cut off at the bottom.
    for (const { title } of HELP_GROUPS.filter(({ context }) => KEYMAP.some((b) => b.context === context))) expect(frame).toContain(title);
    for (const binding of KEYMAP) expect(frame).toContain(binding.description);
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('1 Focus · Invoices'), { what: 'the panes back' });
  });

  it('flashes the core refusal when deleting an invoice that is not the last', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    await press(app, 'D');
    const frame = await waitForFrame(app, (f) => f.split('\n')[0]!.includes('✗'), { what: 'a refusal in the header' });
    expect(frame.split('\n')[0]).toMatch(/2026\/1/);
  });

  it('marks the notifications read when the bell overlay closes', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    expect(frameOf(app).split('\n')[0]).toContain('🔔 1');
    await press(app, 'n');
    await waitForFrame(app, (f) => f.includes('Synchronisation finished'), { what: 'the notification' });
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.split('\n')[0]!.includes('🔔 0'), { what: 'the bell at 0' });
  });
});

describe('walkthrough', () => {
  it('opens from the picker, steps forward with highlights, back to the earlier state, and restarts', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    await press(app, 'p', 'j', 'j', 'j', 'j');
    await waitForFrame(app, (f) => /▸ same-booking-number /.test(f), { what: 'same-booking-number selected' });
    await press(app, KEYS.enter);
    let frame = await waitForFrame(app, (f) => f.includes('step 0/18'), { what: 'the walkthrough at step 0', timeoutMs: 10_000 });
    expect(frame).toContain('The invoices X and Y have the same booking number');
    await press(app, KEYS.right);
    const step1 = await waitForFrame(app, (f) => f.includes('step 1/18'), { what: 'step 1' });
    expect(step1).toContain('Connect Exact Online from 1 January');
    await press(app, 'l');
    frame = await waitForFrame(app, (f) => f.includes('step 2/18'), { what: 'step 2' });
    expect(frame).toMatch(/2026\/3 .*1003 +◆/);
    expect(frame).toContain('Changed: 2026/1 added');
    await press(app, KEYS.left);
    frame = await waitForFrame(app, (f) => f.includes('step 1/18') && !f.includes('↻'), { what: 'back at step 1' });
    // Step 1 is shown again as it was going forward: its own highlights and "Changed:" line, not step 2's.
    expect(frame).toContain('Changed: Brouwerij De Kroon added');
    expect(frame).not.toContain('Changed: 2026/1 added');
    expect(frame).not.toMatch(/2026\/1 +01-15/);
    await press(app, 'l', 'l');
    await waitForFrame(app, (f) => f.includes('step 3/18'), { what: 'step 3' });
    await press(app, 'r');
    frame = await waitForFrame(app, (f) => f.includes('step 0/18'), { what: 'restarted' });
    expect(frame).toContain('1 Focus · Invoices');
  });

  it('shows the check of the next booking number, then its correction as a step of its own, a narration-only step marked so, and the I8 row', async () => {
    const { app } = await open({ columns: 120, rows: 40 });
    await press(app, 'p', 'j', 'j', 'j', 'j', KEYS.enter);
    await waitForFrame(app, (f) => f.includes('step 0/18'), { what: 'same-booking-number at step 0', timeoutMs: 10_000 });
    expect(frameOf(app)).toMatch(/I8 ✓ Every booking from the start date/);
    await press(app, ...Array<string>(7).fill(KEYS.right));
    let frame = await waitForFrame(app, (f) => f.includes('step 7/18'), { what: 'the column step' });
    expect(walkthroughText(frame)).toContain("step 7/18 repair ○ narration only · Add the 'booking number' column");
    await press(app, ...Array<string>(5).fill(KEYS.right));
    frame = await waitForFrame(app, (f) => f.includes('step 12/18'), { what: 'the check step', timeoutMs: 10_000 });
    expect(walkthroughText(frame)).toContain("step 12/18 repair · Check the journals' next booking number in Exact Online");
    expect(walkthroughText(frame)).toMatch(/journal 70: Exact says 1003, you wrote down 1004;? they differ/);
    expect(frame).toContain('70 Sales invoices · next 1003');
    await press(app, KEYS.right);
    frame = await waitForFrame(app, (f) => f.includes('step 13/18'), { what: 'the correction step' });
    expect(walkthroughText(frame)).toContain('step 13/18 repair · Correct the next booking number where Exact differs');
    expect(walkthroughText(frame)).toContain(
      'Exact says 1003, you wrote down 1004: correct the next booking number of journal 70 to 1004.',
    );
    expect(frame).not.toContain('narration only');
    expect(frame).toMatch(/70 Sales invoices · next 1004/);
    expect(frame).toContain('Changed: journal 70 nextBookingNumber 1003 → 1004');
  });
});

describe('article 000, not the last invoice', () => {
  it('ends with test invoice 2026/2 at zero and paid on both sides: Focus status and Exact Paid column agree', async () => {
    const { app } = await open({ columns: 120, rows: 40 });
    await controller!.startScenario(accidentalBookingNotLast);
    while (!controller!.walkthroughDone) await controller!.forward();
    const frame = await waitForFrame(app, (f) => f.includes('step 8/8'), { what: 'the last step' });
    expect(frame).toMatch(/2026\/2 +2026-02-04 +Delta Logis\S* +€0\.00 +paid +1002/);
    expect(frame).toMatch(/1002 +2026\/2 +02-04 +€0\.00 +paid/);
  });
});

describe('walkthrough at 80×24', () => {
  it("says in the header when a step's change is on the hidden pane, and the integration panel shows the delink date in force", async () => {
    const { app } = await open({ columns: 80, rows: 24 });
    await controller!.startScenario(sameBookingNumber);
    for (let i = 0; i < 3; i++) await controller!.forward();
    // Step 3 deletes booking 1003 in Exact; the Focus pane is the one shown.
    let frame = await waitForFrame(app, (f) => f.includes('step 3/18'), { what: 'step 3' });
    expect(frame.split('\n')[0]).toContain('[Focus|Exact]  ◆ Exact changed: tab');
    await press(app, KEYS.tab);
    frame = await waitForFrame(app, (f) => f.includes('2 Exact · Journals'), { what: 'the Exact pane' });
    expect(frame.split('\n')[0]).not.toContain('changed: tab');
    while ((controller!.getSnapshot().walkthrough?.position ?? 0) < 15) await controller!.forward();
    await waitForFrame(app, (f) => f.includes('step 15/18'), { what: 'the deactivation step' });
    await press(app, 'i');
    frame = await waitForFrame(app, (f) => f.includes('Integration settings'), { what: 'the integration panel' });
    expect(frame).toContain('Exact Online: deactivated · start date 2026-01-01 · delink date 2026-02-10');
  });
});

/** The walkthrough's text with its wrapped lines joined: the bottom panel left of the invariants, from the step line on. */
function walkthroughText(frame: string): string {
  const lines = frame.split('\n');
  const start = lines.findIndex((line) => /step \d+\/\d+/.test(line));
  return lines
    .slice(start)
    .map((line) => line.replace(/^│/, '').replace(/ {2,}I\d [✓✗].*$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ');
}
