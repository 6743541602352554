import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bookInvoice, connectedWorld } from '../../test/support/world.js';
import { NOT_QUICK, quickParser } from './quick-parse.js';
import { WorldSnapshotSchema } from './snapshot.js';

/** What zod makes of the value, as text (key order included), or undefined when zod refuses it. */
function zodOutput(schema: z.ZodType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? JSON.stringify(parsed.data) : undefined;
}

/** A synced world's snapshot as a case file holds it: both sides, invoices, bookings, tokens. */
async function savedSnapshot(): Promise<unknown> {
  const world = await connectedWorld({ transport: 'in-process' });
  try {
    bookInvoice(world, '2026-02-03');
    bookInvoice(world, '2026-02-04');
    await world.sync('manual');
    return JSON.parse(JSON.stringify(await world.snapshot()));
  } finally {
    await world.close();
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The paths to the values inside the JSON, the root's included; of a list or record of objects, the first one's only. */
function pathsOf(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Object.entries(value);
  const ofObjects = entries.length > 1 && entries.every(([, item]) => item !== null && typeof item === 'object');
  const inside = (ofObjects ? entries.slice(0, 1) : entries).flatMap(([key, item]) =>
    pathsOf(item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...inside];
}

/** The JSON with the value at the path replaced by what `change` makes of it (undefined: removed); only the path is copied. */
function changedAt(root: Json, path: Array<string | number>, change: (value: Json) => Json | undefined): Json | undefined {
  if (path.length === 0) return change(root);
  const [key, ...rest] = path;
  const container = root as Record<string, Json>;
  const changed = changedAt(container[key!]!, rest, change);
  const copy: Record<string, Json> = Array.isArray(root) ? ([...root] as never) : { ...container };
  if (changed === undefined) delete copy[key!];
  else copy[key!] = changed;
  return copy;
}

const REPLACEMENTS: Json[] = [null, true, 0, -1, 1.5, 2 ** 53, '', 'x', '2026-02-03', [], {}];

/** Ways to spoil or reshape one value: other values of every kind, removal, an extra key, keys in another order. */
const CHANGES: Array<(value: Json) => Json | undefined> = [
  ...REPLACEMENTS.map((replacement) => () => replacement),
  () => undefined,
  (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, extra: 1 } : value),
  (value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
  (value) => (Array.isArray(value) ? [...value, value[0] ?? null] : value),
];

describe('quick parse: zod’s answer for a plainly valid value, NOT_QUICK for anything else', () => {
  it('takes a saved snapshot as it stands, equal to zod’s output key for key and in the same order', async () => {
    const snapshot = await savedSnapshot();
    const quick = quickParser(WorldSnapshotSchema)(snapshot);
    expect(quick).not.toBe(NOT_QUICK);
    expect(JSON.stringify(quick)).toBe(zodOutput(WorldSnapshotSchema, snapshot));
  });

  it('never answers for a value zod refuses, nor differently from zod, whatever one value of a snapshot is changed to', async () => {
    const snapshot = (await savedSnapshot()) as Json;
    const parse = quickParser(WorldSnapshotSchema);
    let answered = 0;
    let leftToZod = 0;
    for (const path of pathsOf(snapshot)) {
      for (const change of CHANGES) {
        const changed = changedAt(snapshot, path, change);
        const quick = parse(changed);
        if (quick === NOT_QUICK) leftToZod += 1;
        else {
          answered += 1;
          expect(JSON.stringify(quick), `${path.join('.')} changed`).toBe(zodOutput(WorldSnapshotSchema, changed));
        }
      }
    }
    // Not vacuous: both answers came often.
    expect(leftToZod).toBeGreaterThan(1_000);
    expect(answered).toBeGreaterThan(100);
  }, 60_000);

  it('puts the keys of an object in the schema’s order, as zod does, rather than leaving it to zod', () => {
    const schema = z.object({ a: z.string(), b: z.object({ c: z.number(), d: z.boolean().optional() }) });
    const value = { b: { d: true, c: 1 }, a: 'x' };
    const quick = quickParser(schema)(value);
    expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.parse(value)));
    expect(Object.keys(quick as object)).toEqual(['a', 'b']);
  });

  it('leaves to zod a missing default, a __proto__ key, a class instance and any schema it does not know', () => {
    expect(quickParser(z.object({ a: z.string().default('x') }))({})).toBe(NOT_QUICK);
    expect(quickParser(z.record(z.string(), z.number()))(JSON.parse('{"__proto__": 1}'))).toBe(NOT_QUICK);
    expect(
      quickParser(z.object({ a: z.number() }))(
        new (class {
          a = 1;
        })(),
      ),
    ).toBe(NOT_QUICK);
    expect(quickParser(z.string().transform((s) => s.length))('abc')).toBe(NOT_QUICK);
    expect(quickParser(z.object({ a: z.string().email() }))({ a: 'a@b.c' })).toBe(NOT_QUICK);
    expect(quickParser(z.union([z.string(), z.number()]))('a')).toBe(NOT_QUICK);
    // Checks it cannot read on arrays and objects: values zod refuses, which their shape alone would let through.
    const nonEmpty = z.object({ a: z.array(z.number()).min(1) });
    expect(nonEmpty.safeParse({ a: [] }).success).toBe(false);
    expect(quickParser(nonEmpty)({ a: [] })).toBe(NOT_QUICK);
    const positive = z.object({ a: z.object({ b: z.number() }).refine((o) => o.b > 0) });
    expect(positive.safeParse({ a: { b: 0 } }).success).toBe(false);
    expect(quickParser(positive)({ a: { b: 0 } })).toBe(NOT_QUICK);
  });

  it('checks what zod checks on strings and numbers', () => {
    const schema = z.object({
      id: z.string().regex(/^\d{3}$/),
      code: z.string().min(1).max(3),
      n: z.number().int().positive().max(10),
      rate: z.number().min(0),
      kind: z.enum(['a', 'b']),
      status: z.union([z.literal(20), z.literal(50)]),
      note: z.string().nullable(),
    });
    const good = { id: '123', code: 'ab', n: 10, rate: 0.5, kind: 'b', status: 50, note: null };
    const parse = quickParser(schema);
    expect(parse(good)).toBe(good);
    for (const [key, bad] of Object.entries({ id: '12a', code: '', n: 0, rate: -0.1, kind: 'c', status: 21, note: 1 })) {
      const value = { ...good, [key]: bad };
      expect(schema.safeParse(value).success, key).toBe(false);
      expect(parse(value), key).toBe(NOT_QUICK);
    }
    expect(parse({ ...good, n: 1.5 })).toBe(NOT_QUICK);
    expect(parse({ ...good, code: 'abcd' })).toBe(NOT_QUICK);
  });
});
