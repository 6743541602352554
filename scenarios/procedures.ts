// The shared steps of the repair procedures of articles 000, 001 and 002 (P-delete, P-twice, P-samenumber),
// the notes they write down and the symptoms they start from.

export {
  checkNextBookingNumbers,
  correctNextBookingNumbers,
  deleteInExactFrom,
  writeDownOldestDeleted,
  type WriteDownRule,
} from './procedure/booking-numbers.js';
export {
  checkDocumentsFrom,
  moveDelinkDateBack,
  noteDateShownTwice,
  noteDateToDelete,
  noteDoubleNumberDate,
  showBookingNumbers,
} from './procedure/delink-date.js';
export {
  connectFirstTime,
  deactivateWithDelinkDate,
  deleteUnneededInFocus,
  noteIntegrationSettings,
  reconnect,
  syncAgain,
  type ReconnectOptions,
  type ReconnectStart,
} from './procedure/integration.js';
export {
  bellSays,
  checkerNames,
  deleteSyncedDocuments,
  repairFromDate,
  shownTwiceInExact,
  type RepairFromDateOptions,
} from './procedure/plans.js';
export * from './procedure/notes.js';
