import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCaseFile } from '../core/index.js';
import { killLeftoverChildren, runCli } from './support/cli.js';
import { bookInvoice, connectedWorld } from './support/world.js';

// `booklab tui --case FILE` reads the file while the dashboard's code loads (tui/case-bytes.ts, issue 16): what it
// shows, and what it says of a file it cannot read, are those of a case read afterwards.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-tui-case-'));
});
afterAll(async () => {
  killLeftoverChildren();
  await rm(dir, { recursive: true, force: true });
});

describe('booklab tui --case', () => {
  it('shows the case it read (plain, stdout not a terminal)', { timeout: 60_000 }, async () => {
    const world = await connectedWorld();
    bookInvoice(world, '2026-02-02');
    bookInvoice(world, '2026-02-03');
    await world.sync();
    const file = join(dir, 'two-invoices.case.json');
    await saveCaseFile(world, file, { title: 'two invoices' });
    await world.close();
    const run = await runCli(['tui', '--case', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`case ${file}`);
    expect(run.stdout).toMatch(/2026\/2 +2026-02-03/);
    expect(run.stdout).toMatch(/1002 +2026\/2/);
  });

  it('says it cannot read a file that is not there, and what to give instead, without a stack trace', { timeout: 60_000 }, async () => {
    const missing = join(dir, 'missing.case.json');
    const run = await runCli(['tui', '--case', missing]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`Cannot read the case file ${missing}: ENOENT`);
    expect(run.stderr).toContain('Give the path of a file saved by booklab.');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
