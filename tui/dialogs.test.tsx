import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaseFile } from '../core/index.js';
import sameBookingNumber from '../scenarios/catalogue/same-booking-number.js';
import { renderDashboard, temporaryDirectory } from '../test/support/dashboard.js';
import { KEYS, press, tick, waitForFrame } from '../test/support/ink.js';
import type { DashboardController } from './dashboard-controller.js';
import type { TerminalSize } from './layout.js';

// The detail view, the save dialog and text fields, driven with keys as a person types them.

const BACKSPACE = '\u007F';

let controller: DashboardController | undefined;

async function open(size: TerminalSize) {
  const opened = await renderDashboard({ size, onQuit: () => undefined });
  controller = opened.controller;
  await waitForFrame(opened.app, (f) => f.length > 0, { what: 'a first frame' });
  return opened.app;
}

/** The frame with its box borders and line breaks taken out, so wrapped text reads as one line. */
function flat(frame: string): string {
  return frame.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
}

describe('detail view', () => {
  it('enter on a broken check opens its whole text, which the row cuts; esc closes it', async () => {
    const app = await open({ columns: 100, rows: 30 });
    await controller!.startScenario(sameBookingNumber);
    for (let i = 0; i < 5; i++) await controller!.forward();
    const symptom = await waitForFrame(app, (f) => f.includes('step 5/18'), { what: 'the symptom step' });
    // The row is cut at this width; the whole sentence is only in the detail.
    expect(symptom).not.toContain('2026/3 and 2026/4 carry the same booking number 1003 (journal 70).');
    await press(app, '3', 'j', KEYS.enter);
    const detail = await waitForFrame(app, (f) => f.includes('I2 ✗ broken'), { what: 'the detail of I2' });
    expect(flat(detail)).toContain('2026/3 and 2026/4 carry the same booking number 1003 (journal 70).');
    expect(detail).not.toContain('1 Focus · Invoices');
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('1 Focus · Invoices') && f.includes('step 5/18'), { what: 'the dashboard back' });
  });

  it('at 80×24 the checks line follows the selected check, and enter opens it whole', async () => {
    const app = await open({ columns: 80, rows: 24 });
    await controller!.startScenario(sameBookingNumber);
    for (let i = 0; i < 5; i++) await controller!.forward();
    await waitForFrame(app, (f) => f.includes('step 5/18'), { what: 'the symptom step' });
    await press(app, '3', 'j');
    await waitForFrame(app, (f) => /│I2: 2026\/3 and 2026\/4 carry the same booking number/.test(f), { what: 'I2 on the checks line' });
    await press(app, KEYS.enter);
    const detail = await waitForFrame(app, (f) => f.includes('I2 ✗ broken'), { what: 'the detail of I2' });
    expect(flat(detail)).toContain('2026/3 and 2026/4 carry the same booking number 1003 (journal 70).');
  });

  it("m opens the header's message whole at 80×24, and enter on an alert opens the alert whole", async () => {
    const app = await open({ columns: 80, rows: 24 });
    await press(app, 'D');
    const refused = await waitForFrame(app, (f) => f.split('\n')[0]!.includes('✗'), { what: 'the refusal in the header' });
    expect(refused.split('\n')[0]).not.toContain('set its amount to zero');
    await press(app, 'm');
    const message = await waitForFrame(app, (f) => f.includes('The header message'), { what: 'the message whole' });
    expect(flat(message)).toContain('Invoice 2026/1 cannot be deleted: only the last invoice (2026/6) can be deleted');
    expect(flat(message)).toContain('Credit it with a credit note, or set its amount to zero.');
    await press(app, KEYS.esc, 'n');
    await waitForFrame(app, (f) => f.includes('Notifications (1)'), { what: 'the bell' });
    await press(app, KEYS.enter);
    const alert = await waitForFrame(app, (f) => f.includes('🔔 ✓ 2026-03-02 09:00'), { what: 'the alert whole' });
    expect(flat(alert)).toContain('Synchronisation finished: 0 customers, 6 invoices and 1 credit note synced');
    // esc goes back to the bell it came from.
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('Notifications (1)'), { what: 'back in the bell' });
  });
});

describe('save dialog', () => {
  it('w saves the world as a case file at the path typed in the dialog; a file that exists is overwritten only after y', async () => {
    const dir = await temporaryDirectory('booklab-save-');
    const path = join(dir, 'ticket-4711.json');
    await writeFile(path, 'keep me\n', 'utf8');
    const app = await open({ columns: 100, rows: 30 });

    await press(app, 'w');
    let frame = await waitForFrame(app, (f) => f.includes('Save the world as a case file'), { what: 'the save dialog' });
    expect(frame).toContain('File: booklab-case.json');
    // The field is edited in the dialog, not in the footer.
    expect(frame.split('\n').at(-1)).not.toContain('booklab-case.json');
    await press(app, ...Array<string>('booklab-case.json'.length).fill(BACKSPACE), path, KEYS.enter);
    frame = await waitForFrame(app, (f) => f.includes('already exists. Overwrite it?'), { what: 'the question' });
    expect(flat(frame)).toContain(`${path} already exists`);
    await press(app, 'n');
    await waitForFrame(app, (f) => f.includes(`File: ${path}`) && !f.includes('Overwrite it?'), { what: 'the path to edit again' });
    expect(await readFile(path, 'utf8')).toBe('keep me\n');

    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('Overwrite it?'), { what: 'the question again' });
    await press(app, 'y');
    await waitForFrame(app, (f) => f.includes('1 Focus · Invoices') && f.split('\n')[0]!.includes('Saved'), { what: 'saved' });
    const saved = await readCaseFile(path);
    expect(saved.ok).toBe(true);
    if (saved.ok)
      expect(
        Object.values(saved.value.snapshot.focus.documents)
          .map((d) => d.number)
          .filter(Boolean),
      ).toContain('2026/6');
  });

  it('says at once what is wrong with a folder typed as the file, and esc leaves without saving', async () => {
    const app = await open({ columns: 80, rows: 24 });
    await press(app, 'w', ...Array<string>('booklab-case.json'.length).fill(BACKSPACE), 'cases/');
    await waitForFrame(app, (f) => f.includes('✗ that is a folder'), { what: 'the folder flagged' });
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('1 Focus · Invoices'), { what: 'the dashboard back' });
  });
});

describe('text input', () => {
  it('edits the delink date in its row, flags a bad date at once, and takes a good one', async () => {
    const app = await open({ columns: 100, rows: 30 });
    await press(app, 'i', KEYS.enter);
    const frame = await waitForFrame(app, (f) => /Delink date +2026-03-02 +✓/.test(f), { what: 'the delink date in edit' });
    expect(frame.split('\n').at(-2)).not.toContain('Delink date:');
    await press(app, BACKSPACE, BACKSPACE, BACKSPACE, '1', '3');
    await waitForFrame(app, (f) => f.includes('✗ "2026-0313" is not a date'), { what: 'the bad date flagged' });
    await press(app, KEYS.enter);
    // Enter on a bad date keeps the field open.
    await waitForFrame(app, (f) => f.split('\n')[0]!.includes('Delink date: "2026-0313" is not a date'), { what: 'enter refused' });
    await press(app, BACKSPACE, BACKSPACE, '-', '1', '9');
    await waitForFrame(app, (f) => /Delink date +2026-03-19 +✓/.test(f), { what: 'a good date' });
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => /Delink date +2026-03-19\s/.test(f) && !f.includes('2026-03-19 ✓'), { what: 'the date taken' });
  });

  it('loses no key when keys come faster than frames: each key sees what the keys before it did', async () => {
    const app = await open({ columns: 100, rows: 30 });
    await tick();
    // No tick between the writes: `i` opens the settings, enter edits the first field, ten backspaces clear it,
    // then a date and enter, all before the dashboard has drawn a frame in between.
    for (const key of ['i', KEYS.enter, ...Array<string>(10).fill(BACKSPACE), ...'2026-02-19', KEYS.enter]) app.stdin.write(key);
    await waitForFrame(app, (f) => /Delink date +2026-02-19\s/.test(f) && f.includes('Integration settings'), {
      what: 'the date typed in full and taken',
    });
  });

  it('takes a date and the enter after it typed as one burst', async () => {
    const app = await open({ columns: 100, rows: 30 });
    await press(app, 'i', KEYS.enter);
    await waitForFrame(app, (f) => /Delink date +2026-03-02 +✓/.test(f), { what: 'the field in edit' });
    await press(app, BACKSPACE.repeat(10));
    await press(app, '2026-02-19\rj');
    // The date is set, and the j after the enter moved the selection down to the next row.
    await waitForFrame(app, (f) => /Delink date +2026-02-19\s/.test(f) && /▸ Also delink contacts/.test(f), {
      what: 'the date set and the selection moved',
    });
  });
});
