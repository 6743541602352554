export { ExactClient } from './client.js';
export { memoryTokenStore } from './tokens.js';
export { ExactClientError } from './errors.js';
export { httpFetch } from './http-fetch.js';
export { inProcessFetch } from './in-process-fetch.js';
export { pipelinedFetch, type PipelinedFetch } from './pipelined-fetch.js';
export { parseODataJson, datePart, envelopeMessage } from './odata-json.js';

export type { ExactClientOptions } from './client.js';
export type { TokenSet, TokenStore } from './tokens.js';
export type { ExactError, ExactResult } from './errors.js';
export type { FetchLike } from './http-fetch.js';
