/**
 * A deep copy of plain data (objects, arrays, strings, numbers, booleans, null), as JSON holds it: what a world's
 * state is. Walking it by hand takes about a third of structuredClone's time, which must handle every kind of value
 * and is the costliest part of opening a 10,000-invoice case in a world of its own.
 */
export function plainCopy<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) out[i] = copy(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copy((value as Record<string, unknown>)[key]);
    // JSON.parse makes "__proto__" an own key; assigned, it would set the copy's prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}
