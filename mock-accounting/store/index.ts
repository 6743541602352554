export { openStore } from './store.js';
export { changeCountOf } from './change-count.js';
export { DataFileInUseError, type LockHolder } from './data-file-in-use-error.js';
export { StoreFileError } from './store-file-error.js';
export { StoreWriteError } from './store-write-error.js';
export { MockStateSchema, MAX_ENTRY_NUMBER } from './state.js';
export { emptyState, entityAt, parseState, COLLECTIONS } from './state-documents.js';

export type { Store, StoreIndex, Transaction, OpenStoreOptions, CommitsAlways } from './store-api.js';
export type { WriteAt } from './safe-files.js';
export type * from './state.js';
