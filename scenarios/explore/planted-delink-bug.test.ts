import { afterEach, describe, expect, it, vi } from 'vitest';
import { World } from '../../core/index.js';
import { explore } from './explore.js';

// A planted bug (must-show 3 of issue 12): deactivating delinks the invoices from the delink date but not the credit
// notes. Planted through a test-only seam (a spy on World.deactivate that puts the credit notes' links back), so the
// product code stays as it is. The doctor's plans deactivate and reconnect; with the bug they leave the credit notes
// linked to bookings the plan deleted, and the explorer must report repairs that fail, shrunk to a short history
// that holds a credit note.

const deactivate = World.prototype.deactivate;

function plantDelinkBug(): void {
  vi.spyOn(World.prototype, 'deactivate').mockImplementation(function (this: World, userId, input) {
    const creditNotes = Object.values(this.focus.state.documents).filter((d) => d.kind === 'credit_note');
    const kept = creditNotes.map((d) => ({ link: d.link, bookingNumber: d.bookingNumber }));
    const report = deactivate.call(this, userId, input);
    creditNotes.forEach((d, i) => Object.assign(d, kept[i]));
    return report;
  });
}

const OPTIONS = { runs: 10, seed: 7, maxSteps: 8, strategy: 'faithful' } as const;

function holdsCreditNote(actions: ReadonlyArray<{ do: string; kind?: string }>): boolean {
  return actions.some((a) => a.do === 'credit' || (a.do === 'book' && a.kind === 'credit_note'));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a planted bug: deactivating keeps the credit notes linked', () => {
  it('is reported as repairs that fail, shrunk to at most 6 steps that hold a credit note', { timeout: 120_000 }, async () => {
    plantDelinkBug();
    const { classes, findings } = await explore(OPTIONS);
    expect(classes['plan-fails']).toBeGreaterThan(0);
    const caught = findings.filter((f) => f.class === 'plan-fails' && holdsCreditNote(f.minimal.played));
    expect(caught.length).toBeGreaterThan(0);
    const shortest = Math.min(...caught.map((f) => f.minimal.played.length));
    expect(shortest).toBeLessThanOrEqual(6);
    expect(caught.some((f) => f.minimal.doctor?.leaves.includes('I1'))).toBe(true);
  });
});
