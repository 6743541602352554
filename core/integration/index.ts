export { connect, deactivate } from './connect.js';
export { sync, documentsToSync } from './sync.js';
export { documentsToSyncIn } from './sync-plan.js';
export { updateSettings } from './settings.js';
export { findCollisions } from './collisions.js';
export { focusTokenStore } from './context.js';
export { checkVatNumber } from './vat-number.js';
export { editWarning } from './octopus.js';
export { DEFAULT_VAT_MAP, FOCUS_APP, NIGHTLY_SYNC_HOUR } from './defaults.js';

export type { ConnectInput, ConnectReport, DeactivateInput, DeactivateReport } from './connect.js';
export type { SyncOptions } from './sync.js';
export type { SyncReport, SyncTrigger } from './sync-report.js';
export type { SettingsChange } from './settings.js';
export type { BookingNumberCollision } from './collisions.js';
export type { IntegrationContext } from './context.js';
