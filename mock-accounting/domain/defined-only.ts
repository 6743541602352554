/** The fields of a partial change that were given: an absent field leaves the stored value as it is, a `null` clears it. */
export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}
