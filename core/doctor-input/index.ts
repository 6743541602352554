// Doctor inputs: support's CSV exports, a running Exact-compatible API, or a case file, each read into a booklab case.

export { caseFromExports, readOverviews } from './case-from-exports.js';
export { caseFromApi, caseFromCaseFile } from './case-from-api.js';
export { parseFocusOverview, readFocusOverview } from './focus-overview.js';
export { parseExactEntries, readExactEntries } from './exact-entries.js';
export { parseNextNumbers, parseInlineNextNumbers, readNextNumbers } from './next-numbers.js';
export { parseAmountCents, parseDay } from './values.js';
export { FOCUS_OVERVIEW_COLUMNS, EXACT_ENTRY_COLUMNS, NEXT_NUMBER_COLUMNS } from './columns.js';
export { UNKNOWN_RELATION } from './accounting-from-exports.js';

export type { ExportsInput } from './case-from-exports.js';
export type { ApiInput, FocusSource } from './case-from-api.js';
export type { ExactApiAccess } from './exact-api-session.js';
export type { FocusOverviewRow } from './focus-overview.js';
export type { ExactEntryRow } from './exact-entries.js';
export type { JournalNextNumber } from './next-numbers.js';
export type { IntegrationInput } from './focus-from-overviews.js';
export type { InputProblem, InputResult } from './problems.js';
