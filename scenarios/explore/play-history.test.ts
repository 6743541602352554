import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionSchema, scenarioFromJson } from '../file/index.js';
import { historyFile } from './history-file.js';
import { historyArbitrary } from './moves.js';
import { playHistory } from './play-history.js';

// Whatever the explorer generates, what it records is the scenario file format: every played action is a valid
// action, and every history saves as a valid file.

describe('histories as played', () => {
  it('record only actions of the scenario file format, and save as valid scenario files', { timeout: 60_000 }, async () => {
    for (const history of fc.sample(historyArbitrary(8), { seed: 7, numRuns: 25 })) {
      const outcome = await playHistory(history);
      for (const action of outcome.played) expect(ActionSchema.safeParse(action).success, JSON.stringify(action)).toBe(true);
      if (outcome.class === 'healthy') continue;
      const read = scenarioFromJson(historyFile(outcome, { replay: 'booklab explore', schema: 'scenario-file.schema.json' }));
      expect(read.ok || read.problem.message).toBe(true);
    }
  });

  it('keeps a refusal of Focus in the history with its reason', async () => {
    const outcome = await playHistory({
      before: [],
      connect: { startDate: '2026-01-01' },
      after: [
        { move: 'connect', startDate: '2026-01-01', importContacts: false },
        { move: 'book', kind: 'invoice', date: '2026-02-10' },
        { move: 'book', kind: 'invoice', date: '2026-02-10' },
        { move: 'delete-in-focus', kind: 'invoice', document: 0 },
      ],
    });
    expect(outcome.played.map((a) => ('refused' in a && a.refused ? `${a.do}: ${a.refused.code}` : a.do))).toEqual([
      'connect',
      'connect: integration_active',
      'book',
      'book',
      'delete-in-focus: not_last',
      'sync',
    ]);
    expect(outcome.class).toBe('healthy');
  });

  it('leaves out a move without a target, such as deleting a booking from an empty journal', async () => {
    const outcome = await playHistory({
      before: [],
      connect: { startDate: '2026-01-01' },
      after: [
        { move: 'delete-in-exact', kind: 'invoice', booking: 'last' },
        { move: 'credit', invoice: 0, date: '2026-02-10' },
      ],
    });
    expect(outcome.played.map((a) => a.do)).toEqual(['connect', 'sync']);
  });
});
