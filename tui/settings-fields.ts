// The integration settings form: its rows, in the order the dialogs ask them (R12, R13).

import type { SettingsForm } from './app-state.js';

/** A row of the settings overlay: a text field, a toggle, or a button. */
export type SettingsRow =
  | { kind: 'text'; field: 'delinkDate' | 'startDate' | 'invoiceJournal' | 'creditNoteJournal'; label: string }
  | { kind: 'toggle'; field: 'delinkContacts' | 'importContacts' | 'nightlySync'; label: string; hint?: string }
  | { kind: 'action'; action: 'deactivate' | 'connect'; label: string };

/** The rows: deactivate's questions, then (re)connect's. */
export const SETTINGS_ROWS: readonly SettingsRow[] = [
  { kind: 'text', field: 'delinkDate', label: 'Delink date' },
  { kind: 'toggle', field: 'delinkContacts', label: 'Also delink contacts and companies', hint: 'the repair procedures say: leave it off' },
  { kind: 'action', action: 'deactivate', label: 'Deactivate' },
  { kind: 'text', field: 'startDate', label: 'Start date' },
  { kind: 'text', field: 'invoiceJournal', label: 'Invoice journal' },
  { kind: 'text', field: 'creditNoteJournal', label: 'Credit note journal' },
  { kind: 'toggle', field: 'importContacts', label: 'Import contacts and companies', hint: 'creates duplicates on reconnect' },
  { kind: 'toggle', field: 'nightlySync', label: 'Sync every night' },
  { kind: 'action', action: 'connect', label: 'Connect / reconnect' },
];

/** How a row's value reads. */
export function settingsValue(row: SettingsRow, form: SettingsForm): string {
  if (row.kind === 'text') return form[row.field];
  if (row.kind === 'toggle') return form[row.field] ? '[x]' : '[ ]';
  return '';
}
