import { afterEach, describe, expect, it } from 'vitest';
import { diffViews, type World } from '../core/index.js';
import { createDemoWorld } from './demo-world.js';
import { fitColumns, rowTexts } from './row-text.js';
import { exactRows, filterRows, FOCUS_COLUMNS, focusRows } from './rows.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('rows', () => {
  it('lists invoices, credit notes and drafts with their booking numbers, and journals with their next number', async () => {
    world = await createDemoWorld();
    const view = await world.view();
    const focus = focusRows(view);
    expect(focus.map((r) => r.cells[0]!.text)).toEqual([
      '2026/1',
      '2026/2',
      '2026/3',
      '2026/4',
      '2026/5',
      '2026/6',
      'CN 2026/1',
      '(draft)',
      '(draft)',
    ]);
    expect(focus[0]!.cells.map((c) => c.text)).toEqual(['2026/1', '2026-01-12', 'Brouwerij De Kroon', '€968.00', 'booked', '1001']);
    expect(focus.at(-1)!.cells[5]!.text).toBe('');
    const exact = exactRows(view);
    expect(exact[0]!.cells[0]!.text).toBe('70 Sales invoices · next 1007');
    expect(exact.filter((r) => r.ref.kind === 'journal')).toHaveLength(2);
    expect(exact.some((r) => r.conflict || r.changed) || focus.some((r) => r.conflict || r.changed)).toBe(false);
  });

  it('marks both invoices whose booking number collides, and what the sync changed', async () => {
    world = await createDemoWorld();
    const before = await world.view();
    await world.backOffice.deleteBooking(world.division, '70', 1006);
    const draft = Object.values(world.focus.state.documents).find((d) => d.status === 'draft')!;
    world.focus.book(draft.id);
    await world.sync('manual');
    const after = await world.view();
    const focus = focusRows(after, diffViews(before, after));
    expect(focus.filter((r) => r.conflict).map((r) => r.cells[0]!.text)).toEqual(['2026/6', '2026/7']);
    const seventh = focus.find((r) => r.cells[0]!.text === '2026/7')!;
    expect(seventh.changed).toBe(true);
    expect(seventh.cells[5]).toMatchObject({ text: '1006', changed: true });
    const journal = exactRows(after, diffViews(before, after)).find((r) => r.key === 'journal:70')!;
    expect(journal.cells[0]!.changed).toBe(false);
  });

  it('marks a booking that stands twice for one invoice in Exact', async () => {
    world = await createDemoWorld();
    await world.backOffice.book(world.division, '70', {
      customerCode: '1',
      yourRef: '2026/1',
      lines: [{ glAccountCode: '700000', amountCents: 80_000, vatCode: '21' }],
    });
    const rows = exactRows(await world.view());
    expect(rows.filter((r) => r.conflict).map((r) => r.cells[1]!.text)).toEqual(['2026/1', '2026/1']);
  });

  it('filters rows but keeps journal headings, and fits columns to a narrow pane', async () => {
    world = await createDemoWorld();
    const view = await world.view();
    expect(filterRows(focusRows(view), 'delta').map((r) => r.cells[0]!.text)).toEqual(['2026/4', '(draft)']);
    expect(filterRows(exactRows(view), '2026/3').map((r) => (r.key.startsWith('journal:') ? r.key : r.cells[1]!.text))).toEqual([
      'journal:70',
      '2026/3',
      'journal:71',
    ]);
    const fit = fitColumns(FOCUS_COLUMNS, 50);
    expect(fit.narrow).toBe(true);
    const texts = rowTexts(focusRows(view)[0]!, FOCUS_COLUMNS, fit);
    expect(texts.join(' ').length).toBeLessThanOrEqual(50);
    expect(texts[1]).toBe('01-12');
  });
});
