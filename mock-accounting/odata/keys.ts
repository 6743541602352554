import type { EdmType, EdmValue } from './edm.js';
import { parseFilter } from './filter.js';

// Keys as OData writes them: one literal (`guid'…'`, `387L`, `'GMD'`) or, for a composite key such as
// JournalStatusList's Journal, Period and Year, several (`'10',6,2014` in a skiptoken, `Journal='10',…` in a URL).

/** A key: one value, or one per key property when the key is composite. */
export type KeyValue = EdmValue | readonly EdmValue[];

/** A key as it compares: GUIDs lower-cased, as Exact reads them in any case. */
export function normalizeKey(key: KeyValue, types: readonly EdmType[]): KeyValue {
  return isComposite(key) ? key.map((value, i) => normalizeValue(value, types[i])) : normalizeValue(key, types[0]);
}

function normalizeValue(value: EdmValue, type: EdmType | undefined): EdmValue {
  return type === 'Guid' && typeof value === 'string' ? value.toLowerCase() : value;
}

function isComposite(key: KeyValue): key is readonly EdmValue[] {
  return Array.isArray(key);
}

/** Orders keys: a composite key by its first value, then its second, and so on. */
export function compareKeys(a: KeyValue, b: KeyValue): number {
  if (!isComposite(a) || !isComposite(b)) return isComposite(a) || isComposite(b) ? 0 : compareValues(a, b);
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareValues(a[i] ?? null, b[i] ?? null);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** A key as `$skiptoken` carries it: one literal, or a composite key's literals joined by commas (`'10',6,2014`). */
export function formatKey(key: KeyValue, types: readonly EdmType[]): string {
  return isComposite(key)
    ? key.map((value, i) => formatKeyLiteral(value, types[i] ?? 'String')).join(',')
    : formatKeyLiteral(key, types[0] ?? 'String');
}

/** Splits a key's text at the commas between its parts; a comma inside a quoted string belongs to the string. */
export function splitKeyParts(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Reads `count` comma-separated literals (`'10',6,2014`, a composite `$skiptoken`); undefined when the text is not exactly that. */
export function parseKeyValues(text: string, count: number): EdmValue[] | undefined {
  const parts = splitKeyParts(text);
  if (parts.length !== count) return undefined;
  const values: EdmValue[] = [];
  for (const part of parts) {
    const parsed = parseFilter(part);
    if (!parsed.ok || parsed.value.kind !== 'literal') return undefined;
    values.push(parsed.value.value);
  }
  return values;
}

/** Orders two values; null first. */
export function compareValues(a: EdmValue, b: EdmValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Writes a key as an OData literal: `guid'…'`, `387L`, `12`, `'text'`. */
export function formatKeyLiteral(value: EdmValue, type: EdmType): string {
  if (type === 'Guid') return `guid'${String(value)}'`;
  if (type === 'Int64') return `${String(value)}L`;
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * Reads a composite key as a URL names it, `Journal='70',Period=3,Year=2026`: every key property once, by name, each a
 * literal (a string for a String property, a number otherwise); undefined when it is not exactly that.
 */
export function parseNamedKey(
  text: string,
  keyFields: readonly string[],
  types: Readonly<Record<string, EdmType>>,
): EdmValue[] | undefined {
  const named = new Map<string, EdmValue>();
  for (const part of splitKeyParts(text)) {
    const pair = /^\s*([A-Za-z]+)\s*=(.+)$/s.exec(part);
    const parsed = pair ? parseFilter(pair[2]!) : undefined;
    if (!pair || !parsed?.ok || parsed.value.kind !== 'literal' || named.has(pair[1]!)) return undefined;
    named.set(pair[1]!, parsed.value.value);
  }
  const values = keyFields.map((name) => named.get(name));
  const typed = values.every((value, i) => (types[keyFields[i]!] === 'String' ? typeof value === 'string' : typeof value === 'number'));
  return typed && named.size === keyFields.length ? (values as EdmValue[]) : undefined;
}
