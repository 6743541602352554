import type { InvariantCheck, Violation } from './types.js';

/** I4: no duplicate customers on either side (R12, R13: delinking or importing contacts makes doubles). */
export const noDuplicateCustomers: InvariantCheck = ({ focus, accounting }) => {
  const violations: Violation[] = [];
  for (const { name, keys } of duplicates(Object.values(focus.companies).map((c) => ({ name: c.name, key: c.id })))) {
    violations.push({
      invariant: 'I4',
      message: `Focus has ${keys.length} companies named '${name}' (${keys.join(', ')}).`,
      documents: [],
      bookings: [],
    });
  }
  for (const { name, keys } of duplicates(accounting.relations.map((r) => ({ name: r.name, key: r.code })))) {
    violations.push({
      invariant: 'I4',
      message: `The bookkeeping tool has ${keys.length} relations named '${name}' (codes ${keys.join(', ')}).`,
      documents: [],
      bookings: [],
    });
  }
  return violations;
};

/** Groups records whose names match once case and spacing are ignored. */
function duplicates(records: Array<{ name: string; key: string }>): Array<{ name: string; keys: string[] }> {
  const groups = new Map<string, { name: string; keys: string[] }>();
  for (const { name, key } of records) {
    const normalized = name.trim().toLowerCase().replace(/\s+/g, ' ');
    const group = groups.get(normalized) ?? { name, keys: [] };
    group.keys.push(key);
    groups.set(normalized, group);
  }
  return [...groups.values()].filter((g) => g.keys.length > 1);
}
