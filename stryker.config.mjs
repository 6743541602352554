// `npm run mutation` (not part of npm test): Stryker mutates the files that implement the articles' rules (the Focus
// model, the integration and sync, the mock's booking-number rules, the invariants, the repair procedures) and judges
// each mutant by the scenario catalogue alone (vitest.mutation.config.ts), running only the scenarios that cover it.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.mutation.config.ts',
    related: false,
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'core/focus/focus.ts',
    'core/focus/bell.ts',
    'core/focus/focus-integration.ts',
    'core/focus/numbering.ts',
    'core/focus/totals.ts',
    'core/focus/lines.ts',
    'core/integration/connect.ts',
    'core/integration/sync.ts',
    'core/integration/sync-plan.ts',
    'core/integration/sync-report.ts',
    'core/integration/collisions.ts',
    'core/integration/customers.ts',
    'core/integration/payment-status.ts',
    'core/integration/settings.ts',
    'core/messages/sync-messages.ts',
    'core/integration/sales-entry-body.ts',
    'core/integration/octopus.ts',
    'core/integration/yuki.ts',
    'mock-accounting/domain/booking-numbers.ts',
    'core/invariants/*.ts',
    '!core/invariants/*.test.ts',
    'scenarios/procedure/*.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: {
    fileName: 'reports/mutation/mutation.html',
  },
  jsonReporter: {
    fileName: 'reports/mutation/mutation.json',
  },
  clearTextReporter: {
    allowColor: false,
    allowEmojis: false,
    reportMutants: true,
    reportScoreTable: true,
  },
  thresholds: {
    high: 90,
    low: 85,
    break: null,
  },
  concurrency: 2,
  // A scenario that hangs fails on vitest's own 5 s test timeout (vitest.mutation.config.ts), which costs nothing more;
  // Stryker's timeout only catches a loop that blocks the event loop, and restarts the worker when it fires. At 5 s it
  // fired on slow runs of a loaded machine (216 'timeouts' on 2 December at load 15), each a restart of several seconds.
  timeoutMS: 15000,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['reports', '.booklab', 'booklab-export', '.scratch', 'coverage'],
};
