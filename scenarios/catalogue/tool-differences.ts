import type { Scenario } from '../scenario.js';
import octopusClosedPeriod from './octopus-closed-period.js';
import octopusEditClosedPeriod from './octopus-edit-closed-period.js';
import octopusEditsPastClosedPeriod from './octopus-edits-past-closed-period.js';
import octopusCreditNoteEditPushed from './octopus-credit-note-edit-pushed.js';
import octopusJournalWrongType from './octopus-journal-wrong-type.js';
import octopusEditPushedResetsCostCentres from './octopus-edit-pushed-resets-cost-centres.js';
import yukiQuotaExhausted from './yuki-quota-exhausted.js';
import yukiQuotaManualSync from './yuki-quota-manual-sync.js';

/** The scenarios of article 003 about the other two-way tools: what Octopus and Yuki do differently from Exact. */
export const TOOL_DIFFERENCES: readonly Scenario[] = [
  octopusEditPushedResetsCostCentres,
  octopusCreditNoteEditPushed,
  octopusClosedPeriod,
  octopusJournalWrongType,
  yukiQuotaExhausted,
  yukiQuotaManualSync,
  octopusEditClosedPeriod,
  octopusEditsPastClosedPeriod,
];
