/** An answer's headers as the client reads them: by name in any case; fetch's `Headers` fits. */
export interface AnswerHeaders {
  get(name: string): string | null;
}

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * Headers gathered from an answer, read as fetch's `Headers` reads them (names in any case, values without surrounding
 * whitespace, a repeated header's values joined with ", "), without its checks of every name and value, which cost
 * more than the rest of the client's work on an answer.
 */
export class HeaderTable implements AnswerHeaders {
  private readonly values = new Map<string, string>();

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const trimmed = needsTrim(value) ? value.replace(HTTP_WHITESPACE, '') : value;
    const had = this.values.get(key);
    this.values.set(key, had === undefined ? trimmed : `${had}, ${trimmed}`);
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }
}

function needsTrim(value: string): boolean {
  if (value.length === 0) return false;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first <= 32 || last <= 32;
}
