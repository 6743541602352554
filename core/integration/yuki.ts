import type { ExactError } from '../exact-client/index.js';

/**
 * Yuki's fault for a used-up daily call quota. It comes as a plain fault (HTTP 500, as SOAP sends faults),
 * not as a 429, so the client does not wait for a reset that is hours away; the integration tells it by
 * its text, as a real integration reads a SOAP fault string.
 */
const QUOTA_FAULT = /daily limit of \d+ API calls/i;

/** True when Yuki refused a call because the domain's daily quota is used up: every further call today fails too. */
export function quotaExhausted(error: ExactError): boolean {
  return error.code === 'rejected' && QUOTA_FAULT.test(error.message);
}
