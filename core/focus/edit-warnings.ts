import { syncMessages } from '../messages/sync-messages.js';
import type { FocusDocument, FocusState } from './state.js';

// Only Octopus takes edits of synced documents (R11): its sync pushes the new lines and so resets the cost
// centres the accountant assigned there. The sync and the invoice editor's warning both follow this rule.

/** True when the next sync pushes an edit of `document`: it is synced, and the active integration is Octopus (R11). */
export function editIsPushed(state: FocusState, document: FocusDocument): boolean {
  const integration = state.integration;
  return (
    document.link !== null &&
    integration?.active === true &&
    integration.settings.tool === 'octopus' &&
    document.date >= integration.settings.startDate
  );
}

/** What the invoice editor warns while `document` is edited: with Octopus, that the sync resets its cost centres (R11). */
export function editWarnings(state: FocusState, document: FocusDocument): string[] {
  return editIsPushed(state, document) ? [syncMessages.costCentresReset(document.kind, document.number!)] : [];
}
