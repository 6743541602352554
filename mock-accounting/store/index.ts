export { openStore } from './store.js';
export { StoreFileError } from './store-file-error.js';
export { emptyState, entityAt, parseState, COLLECTIONS, MockStateSchema } from './state.js';

export type { Store, StoreIndex, Transaction, OpenStoreOptions } from './store.js';
export type * from './state.js';
