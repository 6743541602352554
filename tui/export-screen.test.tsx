import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDashboard, temporaryDirectory } from '../test/support/dashboard.js';
import { frameOf, KEYS, press, waitForFrame, type RenderedApp } from '../test/support/ink.js';
import { createDemoWorld } from './demo-world.js';
import type { TerminalSize } from './layout.js';

const SPACE = ' ';
const BACKSPACE = '\u007F';

/** The dashboard on the demo world, its export screen writing into a temporary directory. */
async function open(size: TerminalSize, { walletCents }: { walletCents?: number } = {}) {
  const world = await createDemoWorld();
  if (walletCents !== undefined) world.focus.state.bookkeepingExport.wallet.balanceCents = walletCents;
  const dir = await temporaryDirectory('booklab-export-');
  const { app } = await renderDashboard({ world, size, exportOptions: { dir } });
  await waitForFrame(app, (f) => f.includes('1 Focus · Invoices'), { what: 'the dashboard' });
  return { app, world, dir };
}

/** The right-hand pane's text as one line: the frame's borders, the step list and the line breaks removed. */
function unwrapped(frame: string): string {
  return frame
    .split('\n')
    .map((line) =>
      line
        .replace(/^│.{19}/, '')
        .replace(/│$/, '')
        .trim(),
    )
    .join(' ');
}

/** Presses a key and waits until the screen shows step `n`. */
async function toStep(app: RenderedApp, key: string, n: number, title: string): Promise<string> {
  await press(app, key);
  return waitForFrame(app, (f) => f.includes(`step ${n}/7 · ${title}`), { what: `step ${n} (${title})` });
}

/** From the dashboard to the preview, keeping the external IDs as they are. */
async function walkToPreview(app: RenderedApp): Promise<string> {
  await toStep(app, 'e', 1, 'Period');
  await toStep(app, KEYS.enter, 2, 'Package');
  await toStep(app, KEYS.enter, 3, 'External IDs');
  await toStep(app, KEYS.enter, 4, 'Cost');
  await toStep(app, KEYS.enter, 5, 'Parameters');
  return toStep(app, KEYS.enter, 6, 'Preview');
}

describe('dashboard export screen (R20, R22–R24)', () => {
  it('R22–R24: walks period → package → external IDs → cost → parameters → preview, showing each step', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    let frame = await toStep(app, 'e', 1, 'Period');
    expect(frame).toMatch(/▸ 1 Period/);
    expect(frame).toMatch(/From +2026-01-01/);
    expect(frame).toMatch(/To +2026-03-02/);
    expect(frame).toContain('enter next / confirm');
    frame = await toStep(app, KEYS.enter, 2, 'Package');
    expect(frame).toMatch(/✓ 1 Period/);
    expect(frame).toContain('7 documents');
    expect(frame).toContain('generic CSV');
    expect(frame).toContain('Peppol');
    frame = await toStep(app, KEYS.enter, 3, 'External IDs');
    expect(frame).toContain('4 customers in the selection; ! 4 without an external ID');
    frame = await toStep(app, KEYS.enter, 4, 'Cost');
    expect(frame).toMatch(/Documents in the period +7/);
    expect(frame).toMatch(/Already paid \(free\) +0/);
    expect(frame).toMatch(/Fee +€0\.84/);
    expect(frame).toMatch(/Wallet +€5\.00 ✓/);
    frame = await toStep(app, KEYS.enter, 5, 'Parameters');
    expect(frame).toContain('✓ Paid €0.84 for 7 documents');
    expect(frame).toMatch(/VAT +\(•\) lines {2}\( \) total/);
    expect(frame).toMatch(/Invoice journal +V1/);
    await press(app, SPACE);
    await waitForFrame(app, (f) => /VAT +\( \) lines {2}\(•\) total/.test(f), { what: 'VAT on total after space' });
  });

  it('R24: the preview lists the customers with ✗ and their errors, and enter makes no file; R20: after generating IDs the file step lists the files', async () => {
    const { app, dir } = await open({ columns: 100, rows: 30 });
    let frame = await walkToPreview(app);
    expect(frame).toContain('✗ 4 errors: enter makes no file until they are fixed');
    expect(frame).toMatch(/✗ Brouwerij De Kroon {2}no external ID/);
    expect(frame).toContain('✗ No external ID: enter it under Manage external IDs');
    await press(app, KEYS.enter);
    frame = await waitForFrame(app, (f) => f.includes('The preview shows 4 errors: no file was made.'), { what: 'the download refusal' });
    expect(frame).toContain('step 6/7 · Preview');
    expect(await readdir(dir)).toEqual([]);

    await toStep(app, KEYS.esc, 5, 'Parameters');
    await toStep(app, KEYS.esc, 4, 'Cost');
    await toStep(app, KEYS.esc, 3, 'External IDs');
    await press(app, SPACE);
    await waitForFrame(app, (f) => /▸ Generate missing IDs +\[x\]/.test(f), { what: 'generate ticked' });
    frame = await toStep(app, KEYS.enter, 4, 'Cost');
    expect(frame).toContain('✓ Generated 4 external IDs from 100000.');
    expect(frame).toMatch(/Already paid \(free\) +7/);
    expect(frame).toMatch(/Fee +€0\.00/);
    await toStep(app, KEYS.enter, 5, 'Parameters');
    frame = await toStep(app, KEYS.enter, 6, 'Preview');
    expect(frame).toContain('✓ no errors: enter makes the file');
    expect(frame).toMatch(/✓ Brouwerij De Kroon {2}ID 1000\d\d/);
    await toStep(app, KEYS.enter, 7, 'File');
    frame = await waitForFrame(app, (f) => f.includes('Wrote 2 files'), { what: 'the files written' });
    expect(frame).toContain('✓ customers.csv');
    expect(frame).toContain('✓ invoice-lines.csv');
    expect(await readdir(dir)).toEqual(['export-1']);
    expect((await readdir(join(dir, 'export-1'))).sort()).toEqual(['customers.csv', 'invoice-lines.csv']);
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('1 Focus · Invoices'), { what: 'the dashboard again' });
  });

  it('R22: a wallet too low shows the refusal on the cost step and charges nothing; t tops it up', async () => {
    const { app, world } = await open({ columns: 100, rows: 30 }, { walletCents: 50 });
    await toStep(app, 'e', 1, 'Period');
    await toStep(app, KEYS.enter, 2, 'Package');
    await toStep(app, KEYS.enter, 3, 'External IDs');
    let frame = await toStep(app, KEYS.enter, 4, 'Cost');
    expect(frame).toMatch(/Wallet +€0\.50 ✗ too little/);
    await press(app, KEYS.enter);
    // The refusal wraps in the pane: its words are checked without the line breaks.
    frame = await waitForFrame(
      app,
      (f) => unwrapped(f).includes('✗ The export costs €0.84 but the wallet holds €0.50: nothing was charged. Top up the wallet'),
      { what: 'the refusal' },
    );
    expect(frame).toContain('step 4/7 · Cost');
    expect(world.focus.state.bookkeepingExport.wallet).toEqual({ balanceCents: 50, charged: {} });
    await press(app, 't');
    await waitForFrame(app, (f) => /Wallet +€5\.50 ✓/.test(f), { what: 'the topped-up wallet' });
    await toStep(app, KEYS.enter, 5, 'Parameters');
    expect(world.focus.state.bookkeepingExport.wallet.balanceCents).toBe(550 - 84);
  });

  it('edits the period in its row, and esc on the first step closes the screen', async () => {
    const { app } = await open({ columns: 100, rows: 30 });
    await toStep(app, 'e', 1, 'Period');
    await press(app, SPACE);
    const editing = await waitForFrame(app, (f) => /From +2026-01-01 +✓/.test(f), { what: 'From edited in its row' });
    // The footer only says how editing ends; the value is typed in the row.
    expect(editing.split('\n').at(-1)).toContain('editing From:  enter ok  esc cancel');
    expect(editing.split('\n').at(-1)).not.toContain('2026-01-01');
    await press(app, ...Array.from({ length: 5 }, () => BACKSPACE), '0', '2', '-', '0', '1');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => /From +2026-02-01/.test(f) && f.includes('step 1/7 · Period'), { what: 'the new From' });
    const frame = await toStep(app, KEYS.enter, 2, 'Package');
    expect(frame).toContain('5 documents');
    await toStep(app, KEYS.esc, 1, 'Period');
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('1 Focus · Invoices'), { what: 'the dashboard again' });
  });

  it('fits 80×24: the steps, the windowed preview that j scrolls, and the footer, within rows - 1', async () => {
    const { app } = await open({ columns: 80, rows: 24 });
    let frame = await walkToPreview(app);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(frame).toMatch(/▸ 6 Preview/);
    expect(frame).toContain('enter next / confirm');
    const position = frame.match(/1–(\d+) of (\d+)/);
    expect(position, frame).not.toBeNull();
    expect(Number(position![1])).toBeLessThan(Number(position![2]));
    await press(app, 'j', 'j');
    frame = await waitForFrame(app, (f) => /3–\d+ of \d+/.test(f), { what: 'the preview scrolled by two' });
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(frameOf(app)).not.toContain('Customers (4)');
  });
});
