// booklab's core: the Focus model, its bookkeeping integration, the world and the invariant checker.

export { Focus } from './focus/focus.js';
export { unreadOf } from './focus/bell.js';
export { emptyFocusState, FocusStateSchema, DEFAULT_BELL_CAPACITY } from './focus/state.js';
export { documentTotals, lineNetCents, lineVatCents, bookSign } from './focus/totals.js';
export { formatNumber, seriesKey } from './focus/numbering.js';
export { problems as focusProblems } from './focus/problems.js';
export { kindWord, kindTitle } from './messages/document-kinds.js';
export { syncMessages } from './messages/sync-messages.js';
export {
  ExactClient,
  ExactClientError,
  memoryTokenStore,
  parseODataJson,
  httpFetch,
  inProcessFetch,
  pipelinedFetch,
} from './exact-client/index.js';
export {
  connect,
  deactivate,
  updateSettings,
  sync,
  focusTokenStore,
  documentsToSync,
  findCollisions,
  checkVatNumber,
  editWarning,
  DEFAULT_VAT_MAP,
  FOCUS_APP,
  NIGHTLY_SYNC_HOUR,
} from './integration/index.js';
export { evaluateInvariants, INVARIANTS } from './invariants/index.js';
export * from './doctor/index.js';
export { World } from './world/world.js';
export { DEFAULT_WORLD_START } from './world/world-options.js';
export { DEMOS } from './demos.js';
export { DEMO_DIVISIONS } from '../primitives/index.js';
export { checkInvariants } from './world/check-invariants.js';
export { BackOfficeClient } from './world/back-office-client.js';
export { saveCaseFile, readCaseFile, loadCaseFile, writeCaseFile, type CaseReading } from './world/case-file.js';
export { diffViews, isEmptyDiff } from './world/diff.js';
export { documentName, bookedDocuments } from './invariants/words.js';
export { euros, plural, joinWords } from './words.js';
export * from './export/index.js';
export {
  caseFromExports,
  caseFromApi,
  caseFromCaseFile,
  parseFocusOverview,
  parseExactEntries,
  parseNextNumbers,
  parseAmountCents,
  parseDay,
} from './doctor-input/index.js';
export { DEFAULT_EXTERNAL_ID_START, EXPORT_FEE_CENTS } from './focus/export-state.js';
export { done, refuse } from './focus/problems.js';
export { escapeXml } from './export/formats/xml-text.js';

export type { DraftInput, LineInput, CompanyInput } from './focus/focus.js';
export type { FocusProblem, FocusResult } from './focus/problems.js';
export type * from './focus/state.js';
export type { ExactClientOptions, ExactError, ExactResult, TokenStore, FetchLike } from './exact-client/index.js';
export type {
  ConnectInput,
  ConnectReport,
  DeactivateInput,
  DeactivateReport,
  SettingsChange,
  SyncReport,
  SyncTrigger,
  BookingNumberCollision,
  IntegrationContext,
} from './integration/index.js';
export type { InvariantId, Violation, WorldView, AccountingView } from './invariants/index.js';
export type { WorldOptions } from './world/world-options.js';
export type { WorldSnapshot } from './world/snapshot.js';
export type { CaseFile } from './world/case-file.js';
export type { ExportsInput, ApiInput, FocusSource, ExactApiAccess, InputProblem, InputResult } from './doctor-input/index.js';
export type { WorldDiff, EntityChange, FieldChange } from './world/diff.js';
export type { HandBooking, BackOfficeResult } from './world/back-office-client.js';
export type { Booking, JournalInfo, Relation } from './invariants/accounting-records.js';
