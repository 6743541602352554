const WCF_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/** Parses an OData v2 JSON answer, turning `/Date(ms)/` strings into ISO date-times. */
export function parseODataJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'string') {
      const match = WCF_DATE.exec(value);
      if (match) return new Date(Number(match[1])).toISOString();
    }
    return value;
  });
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
