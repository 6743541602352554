import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportWizard, type World } from '../core/index.js';
import { App } from '../tui/app.js';
import { DashboardController } from '../tui/dashboard-controller.js';
import { createDemoWorld } from '../tui/demo-world.js';
import { CATALOGUE } from '../scenarios/catalogue/index.js';
import { previewLines } from '../tui/export-preview-lines.js';
import { fitColumns, rowTexts } from '../tui/row-text.js';
import { EXACT_COLUMNS, exactRows, focusRows } from '../tui/rows.js';
import { KEYS, press, waitForFrame } from './support/ink.js';

// The small things a newcomer saw in the dashboard in the first hour (issue 13): counts said in good English, money
// with its €, a Paid column that says the same thing at every width, no key in the footer that does nothing there,
// no help heading without its keys, and a credit note with one sign wherever it is shown.

let world: World | undefined;
let controller: DashboardController | undefined;
let app: ReturnType<typeof render> | undefined;
afterEach(async () => {
  app?.unmount();
  await controller?.close();
  await world?.close();
  app = controller = world = undefined;
});

async function openDashboard(size: { columns: number; rows: number }) {
  controller = await DashboardController.create({ world: await createDemoWorld() });
  app = render(<App controller={controller} size={size} scenarios={CATALOGUE} onQuit={() => {}} />);
  await waitForFrame(app, (f) => f.includes('1 Focus · Invoices'), { what: 'the first frame' });
  return { app, controller };
}

const footerOf = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('the dashboard says counts and money properly', () => {
  it('says "1 notification read", not "1 notifications"', async () => {
    const { controller } = await openDashboard({ columns: 100, rows: 30 });
    expect(await controller.readNotifications()).toEqual({ ok: true, value: '1 notification read.' });
  });

  it('says the outstanding amount after a payment in euros: "outstanding now €0.00"', async () => {
    const { controller } = await openDashboard({ columns: 100, rows: 30 });
    expect(await controller.registerPayment('70', 1001)).toEqual({
      ok: true,
      value: 'Payment registered on booking 1001; outstanding now €0.00.',
    });
  });
});

describe("Exact's Paid column", () => {
  it('shows a word at every width: paid, and part paid (part when narrow), never an amount at one width and a word at another', async () => {
    world = await createDemoWorld();
    expect((await world.backOffice.registerPayment(world.division, '70', 1001)).ok).toBe(true);
    expect((await world.backOffice.registerPayment(world.division, '70', 1002, { amountCents: 50_000 })).ok).toBe(true);
    const rows = exactRows(await world.view());
    const paidCell = (entry: string, width: number) => {
      const row = rows.find((r) => r.cells[0]?.text === entry)!;
      return rowTexts(row, EXACT_COLUMNS, fitColumns(EXACT_COLUMNS, width)).at(-1)!.trim();
    };
    expect([paidCell('1001', 60), paidCell('1001', 36)]).toEqual(['paid', 'paid']);
    expect([paidCell('1002', 60), paidCell('1002', 36)]).toEqual(['part paid', 'part']);
    expect([paidCell('1003', 60), paidCell('1003', 36)]).toEqual(['', '']);
  });
});

describe('the footer and the help follow what is on screen', () => {
  it('shows "enter choose" in the scenario picker, where enter chooses, and not in the help or the alerts', async () => {
    const { app } = await openDashboard({ columns: 100, rows: 30 });
    await press(app, '?');
    expect(footerOf(await waitForFrame(app, (f) => f.includes('Everywhere'), { what: 'the help' }))).toBe(' ? help  q/ctrl+c quit');
    await press(app, KEYS.esc, 'n');
    expect(footerOf(await waitForFrame(app, (f) => f.includes('Notifications'), { what: 'the alerts' }))).toBe(' ? help  q/ctrl+c quit');
    await press(app, KEYS.esc, 'p');
    expect(footerOf(await waitForFrame(app, (f) => f.includes('same-booking-number'), { what: 'the picker' }))).toBe(
      ' enter choose  ? help  q/ctrl+c quit',
    );
  });

  it('shows whole help groups at 80×24: "Lists" with its keys under it, and says where the rest are', async () => {
    const { app } = await openDashboard({ columns: 80, rows: 24 });
    await press(app, '?');
    const lines = (await waitForFrame(app, (f) => f.includes('Everywhere'), { what: 'the help' })).split('\n');
    const lists = lines.findIndex((l) => l.includes(' Lists '));
    expect(lists).toBeGreaterThan(0);
    expect(lines[lists + 1]).toMatch(/│ q\/ctrl\+c +quit +j\/↓ +move down +│/);
    expect(lines.join('\n')).not.toContain('Hand actions');
    expect(lines.join('\n')).toContain('more keys in a larger terminal (100×30) or in the README');
  });
});

describe('a credit note has one sign wherever it is shown', () => {
  it('is -€544.50 in the Focus pane and in the export preview', async () => {
    world = await createDemoWorld();
    const focusTotal = focusRows(await world.view()).find((r) => r.cells[0]!.text === 'CN 2026/1')!.cells[3]!.text;
    expect(focusTotal).toBe('-€544.50');
    const wizard = new ExportWizard(world.focus, 'admin');
    expect(wizard.choosePeriod({ from: '2026-01-01', to: '2026-03-02' }).ok).toBe(true);
    expect(wizard.choosePackage('generic-csv').ok).toBe(true);
    expect(wizard.manageExternalIds({ generate: true }).ok).toBe(true);
    expect(wizard.pay().ok).toBe(true);
    const line = previewLines(wizard.setParameters(), 80).find((l) => l.text.includes('  credit note  '))!;
    expect(line.text).toBe('✓ 2026/1  2026-02-20  credit note  Atelier Lumière  -€544.50');
  });
});
