import { RATE_LIMIT_HEADERS } from '../api/rate-limits.js';

const WINDOWS = [RATE_LIMIT_HEADERS.minutely, RATE_LIMIT_HEADERS.daily];
const refTo = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** The six rate-limit headers, whole numbers sent as text: `components.headers`, or (not required) a 429's headers. */
export function rateLimitHeaderComponents(required = true): Record<string, unknown> {
  return Object.fromEntries(
    WINDOWS.flatMap((window) => Object.values(window)).map(({ name, says }) => [
      name,
      { description: says, required, schema: { type: 'string', pattern: '^\\d+$' } },
    ]),
  );
}

/** The six headers of an answered call (401 and 403 included). */
export const RATE_HEADERS = Object.fromEntries(WINDOWS.flatMap((window) => Object.values(window)).map(({ name }) => [name, refTo(name)]));
