const WCF_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/** Parses an OData v2 JSON answer, turning `/Date(ms)/` strings into ISO date-times. */
export function parseODataJson(text: string): unknown {
  // A reviver calls back for every value and is several times slower than a walk over the few answers with dates.
  const value: unknown = JSON.parse(text);
  return text.includes('/Date(') ? withIsoDates(value) : value;
}

function withIsoDates(value: unknown): unknown {
  if (typeof value === 'string') return isoDateOf(value) ?? value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = withIsoDates(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  // Only dates and nested objects change: the other values (most of an answer) are left as they are, not written back.
  for (const key in record) {
    const field = record[key];
    if (typeof field === 'string') {
      const iso = isoDateOf(field);
      // A `__proto__` key parsed from JSON is an own data property, so assigning to it does not touch the prototype.
      if (iso !== undefined) record[key] = iso;
    } else if (typeof field === 'object' && field !== null) withIsoDates(field);
  }
  return value;
}

/** The ISO date-time of a `/Date(ms)/` string; undefined for any other text. */
function isoDateOf(text: string): string | undefined {
  const match = text.startsWith('/Date(') ? WCF_DATE.exec(text) : null;
  return match ? new Date(Number(match[1])).toISOString() : undefined;
}

/** The date part (`YYYY-MM-DD`) of an ISO date-time from {@link parseODataJson}. */
export function datePart(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** The message of Exact's error envelope, or the body text when it is not one. */
export function envelopeMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: { value?: unknown } | string } };
    const message = body.error?.message;
    if (typeof message === 'string') return message;
    if (typeof message?.value === 'string') return message.value;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim() || '(empty answer)';
}
