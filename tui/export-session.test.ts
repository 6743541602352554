import { afterEach, describe, expect, it, vi } from 'vitest';
import type { World } from '../core/index.js';
import { createDemoWorld } from './demo-world.js';
import { ExportSession } from './export-session.js';
import type { ExportWriter } from './export-writer.js';

let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(setUp: (world: World) => void = () => undefined) {
  world = await createDemoWorld();
  setUp(world);
  const write = vi.fn<ExportWriter>(async (files, base) => ({
    ok: true,
    value: { dir: `${base}/export-1`, paths: files.map((f) => `${base}/export-1/${f.name}`) },
  }));
  const session = new ExportSession({ dir: '/out', write });
  session.open(world.focus);
  return { world, session, write, state: () => session.getSnapshot()! };
}

/** Confirms steps until the wizard is at `step` (or a refusal stops it). */
async function nextUntil(session: ExportSession, step: string) {
  for (let i = 0; i < 7 && session.getSnapshot()!.step !== step; i++) {
    const before = session.getSnapshot()!.step;
    await session.next();
    if (session.getSnapshot()!.step === before) break;
  }
  return session.getSnapshot()!;
}

describe('export screen session (R20, R22–R24)', () => {
  it('R22: opens on the period from 1 January to today, and a period without documents is refused on the step', async () => {
    const { session, state } = await start();
    expect(state().form.period).toEqual({ from: '2026-01-01', to: '2026-03-02' });
    session.setField('from', '2025-01-01');
    session.move(1, { width: 60, height: 10 });
    session.setField('to', '2025-12-31');
    await session.next();
    expect(state().step).toBe('period');
    expect(state().message).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('There are no booked invoices or credit notes between 2025-01-01 and 2025-12-31'),
    });
  });

  it('R24: with customers lacking external IDs the preview lists the errors and "Next" makes no file', async () => {
    const { session, state, write } = await start();
    const preview = await nextUntil(session, 'preview');
    expect(preview.missingIds).toBe(4);
    expect(preview.preview?.errorCount).toBe(4);
    expect(preview.preview?.customers.every((c) => c.errors[0]?.startsWith('No external ID'))).toBe(true);
    await session.next();
    expect(state().step).toBe('preview');
    expect(state().message?.text).toContain('The preview shows 4 errors: no file was made.');
    expect(write).not.toHaveBeenCalled();
  });

  it('R20, R24: going back to generate external IDs makes the preview clean and writes the files; R22: the second pass is free', async () => {
    const { world, session, state, write } = await start();
    await nextUntil(session, 'preview');
    expect(session.back()).toBe('parameters');
    expect(session.back()).toBe('cost');
    expect(session.back()).toBe('external-ids');
    expect(state().missingIds).toBe(4);
    session.change();
    expect(state().form.ids.generate).toBe(true);
    await session.next();
    expect(state().message?.text).toBe('Generated 4 external IDs from 100000.');
    expect(state().cost).toMatchObject({ documents: 7, alreadyPaid: 7, feeCents: 0 });
    await nextUntil(session, 'file');
    expect(write).toHaveBeenCalledTimes(1);
    expect(state().files.map((f) => f.path)).toEqual(['/out/export-1/customers.csv', '/out/export-1/invoice-lines.csv']);
    expect(world.focus.state.bookkeepingExport.wallet.balanceCents).toBe(500 - 7 * 12);
    expect(await session.next()).toBe('closed');
  });

  it('R22: a wallet too low for the fee is refused on the cost step and nothing is charged; a top-up lets it through', async () => {
    const { world, session, state } = await start((w) => {
      w.focus.state.bookkeepingExport.wallet.balanceCents = 50;
    });
    const cost = await nextUntil(session, 'cost');
    expect(cost.cost).toMatchObject({ feeCents: 84, balanceCents: 50, enough: false });
    await session.next();
    expect(state().step).toBe('cost');
    expect(state().message?.text).toContain('The export costs €0.84 but the wallet holds €0.50: nothing was charged.');
    expect(world.focus.state.bookkeepingExport.wallet).toEqual({ balanceCents: 50, charged: {} });
    session.topUp();
    expect(state().cost).toMatchObject({ balanceCents: 550, enough: true });
    await session.next();
    expect(state().step).toBe('parameters');
    expect(world.focus.state.bookkeepingExport.wallet.balanceCents).toBe(550 - 84);
  });

  it('R20: a start value that would reuse IDs is refused until the reuse is confirmed; a start value that is no number is refused', async () => {
    const { session, state } = await start();
    session.setField('from', '2026-01-01');
    session.setField('to', '2026-01-31');
    await session.next();
    await session.next();
    session.change();
    await session.next();
    expect(state().message?.text).toBe('Generated 2 external IDs from 100000.');

    session.open(world!.focus);
    await nextUntil(session, 'external-ids');
    session.change();
    session.setField('startValue', 'abc');
    await session.next();
    expect(state().message?.text).toContain('The start value "abc" is not a whole number above 0');
    session.setField('startValue', '99999');
    await session.next();
    expect(state().step).toBe('external-ids');
    expect(state().message?.text).toContain('Start value 99999 would give out external IDs that customers already have (100000)');
    session.move(2, { width: 60, height: 10 });
    session.change();
    await session.next();
    expect(state().step).toBe('cost');
  });

  it('esc goes back one step at a time and closes on the first', async () => {
    const { session } = await start();
    await nextUntil(session, 'external-ids');
    expect(session.back()).toBe('package');
    expect(session.getSnapshot()!.selected).toBe(0);
    expect(session.back()).toBe('period');
    expect(session.back()).toBe('closed');
  });
});
