import { DEMO_SEED_DESCRIPTION } from './testbed/index.js';
import { DEFAULT_WORLD_START } from './world/world-options.js';

// The demos booklab opens when it is given no case file and no server, in one place, so that each command can say
// plainly which one it shows. All three are the company Booklab Demo BV. `serve` and `tui` share its Exact
// administration and customers; `export` (and `external-ids`, `ledger-accounts`) show another Focus account of it,
// one without a two-way sync that exports one way (article 004), with customers and invoices of its own.

const CLOCK = `${DEFAULT_WORLD_START.slice(0, 10)} ${DEFAULT_WORLD_START.slice(11, 16)} UTC`;

/** Which demo each command shows, as it says it. */
export const DEMOS = {
  /** `booklab serve --seed demo` on a new data file or `--memory`. */
  serve: DEMO_SEED_DESCRIPTION,
  /** `booklab` / `booklab tui` without `--case` or `--server`. */
  tui:
    `the demo world: Booklab Demo BV on the demo seed, connected to Exact from 2026-01-01 with its 4 customers imported, ` +
    `6 invoices booked and synced, a credit note and 2 drafts; the clock stands at ${CLOCK}`,
  /** `booklab export`, `external-ids` and `ledger-accounts` without `--case`. */
  export:
    `the demo export account (article 004): Booklab Demo BV's Focus without a two-way sync, exporting one way; ` +
    `4 customers (2 with an external ID), 5 invoices and a credit note, EUR 5.00 in the wallet; the clock stands at ${CLOCK}. ` +
    `It is not the dashboard's demo world`,
} as const;
