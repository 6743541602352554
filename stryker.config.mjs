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
  timeoutMS: 5000,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['reports', '.booklab', 'booklab-export', '.scratch', 'coverage'],
};
