import { book, syncNow } from '../../scenarios/actions.js';
import { expectBooked, expectJournal } from '../../scenarios/expectations.js';
import { connectFirstTime } from '../../scenarios/procedures.js';
import { defineScenario, step, StepFailure } from '../../scenarios/scenario.js';
import { overviewRow } from '../../scenarios/screens.js';

// A scenario that fails on purpose, for the reports of a failing run; it is in no catalogue.

/** A repair whose verify step checks a booking number the story never had: the run must report it failed. */
export const broken = defineScenario({
  id: 'broken-on-purpose',
  title: 'A repair checked against the wrong booking number <on purpose>',
  sources: ['002'],
  rules: ['R9'],
  expected: 'fixed',
  symptom: {
    description: 'invoice 2026/1 has no booking number',
    present: (ctx) => overviewRow(ctx, 'invoice', '2026/1').bookingNumber === null,
  },
  steps: [
    connectFirstTime(),
    step(
      'reproduce',
      'Book invoice 2026/1',
      'Invoice 2026/1 of 10 February to Atelier Lumière is booked.',
      (ctx) => void book(ctx, '2026/1', { date: '2026-02-10', customer: 'Atelier Lumière' }),
    ),
    step('symptom', 'Invoice 2026/1 has no booking number', 'The overview shows 2026/1 without a booking number.', (ctx) => {
      if (overviewRow(ctx, 'invoice', '2026/1').bookingNumber !== null)
        throw new StepFailure('Invoice 2026/1 already has a booking number.');
    }),
    step('repair', 'Synchronise', 'The two arrows are clicked: 2026/1 is sent to Exact Online.', async (ctx) => void (await syncNow(ctx))),
    step('verify', 'Invoice 2026/1 has booking number 9999', 'The overview shows 2026/1 (9999).', (ctx) =>
      expectBooked(ctx, 'invoice', [['2026/1', 9999]]),
    ),
    step('verify', 'Journal 70 holds one entry', 'Journal 70 holds 1001 2026/1.', (ctx) =>
      expectJournal(ctx, '70', [[1001, '2026/1']], 1002),
    ),
  ],
});
