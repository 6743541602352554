import { formatValue, type Row } from '../odata/edm.js';
import { formatKeyLiteral } from '../odata/keys.js';
import type { RequestContext } from './context.js';
import type { EntitySet, FieldDef, Navigation } from './entity-set.js';

/** The absolute URI of an entity, as `__metadata.uri` carries it: `…(guid'…')`, or `…(Journal='70',Period=3,Year=2026)` for a composite key. */
export function entityUri(set: EntitySet<unknown>, row: Row, ctx: RequestContext): string {
  const literal = (name: string) => formatKeyLiteral(row[name] ?? null, set.fields[name]?.type ?? 'String');
  const key = set.keyFields ? set.keyFields.map((name) => `${name}=${literal(name)}`).join(',') : literal(set.key);
  const base = set.path === 'current/Me' ? `${ctx.origin}/api/v1/current/Me` : `${ctx.origin}/api/v1/${ctx.division}/${set.path}`;
  return `${base}(${key})`;
}

/** How an entity is written out. */
export interface FormatOptions {
  select?: string[];
  expand?: string[];
  /** Null the computed properties (a POST answered without `Prefer: return=representation`). */
  omitComputed?: boolean;
}

/** How a set is written without `$select`: its properties in order, and a template holding every key. */
interface Layout {
  fields: ReadonlyArray<readonly [string, FieldDef]>;
  navigations: ReadonlyArray<readonly [string, Navigation<unknown>]>;
  template: Record<string, null>;
}

const LAYOUTS = new WeakMap<EntitySet<unknown>, Layout>();

/** A set's layout: `__metadata`, its properties and its navigations, in output order, worked out once per set. */
function layoutOf(set: EntitySet<unknown>): Layout {
  let layout = LAYOUTS.get(set);
  if (!layout) {
    const fields = Object.entries(set.fields);
    const navigations = Object.entries(set.navigations ?? {});
    const names = ['__metadata', ...fields.map(([name]) => name), ...navigations.map(([name]) => name)];
    layout = { fields, navigations, template: Object.fromEntries(names.map((name) => [name, null])) };
    LAYOUTS.set(set, layout);
  }
  return layout;
}

/** An entity written out, its `__metadata` typed so the caller can reuse the URI (a POST's `Location`). */
export type FormattedEntity = { __metadata: { uri: string; type: string } } & Record<string, unknown>;

/**
 * Writes an entity as OData v2 JSON: `__metadata` first, dates as `/Date(ms)/`, navigations deferred or expanded.
 * `row` is the entity's row when the caller already built it (a list page filtered on it).
 */
export function formatEntity(
  set: EntitySet<unknown>,
  entity: unknown,
  ctx: RequestContext,
  options: FormatOptions = {},
  row: Row = set.toRow(entity, ctx),
): FormattedEntity {
  const uri = entityUri(set, row, ctx);
  const layout = layoutOf(set);
  const { select } = options;
  // Without `$select` every property is written: filling a copy of the set's template keeps V8's fast object layout,
  // whereas an object grown key by key past a dozen properties turns into a slow dictionary (for the writes and for
  // JSON.stringify alike).
  const out = (select ? {} : { ...layout.template }) as FormattedEntity;
  out.__metadata = { uri, type: `Exact.Web.Api.Models.${set.typeName}` };
  const fields = select
    ? select.flatMap((name) => (Object.hasOwn(set.fields, name) ? [[name, set.fields[name]!] as const] : []))
    : layout.fields;
  for (const [name, def] of fields) {
    const value = options.omitComputed && def.access === 'c' ? null : (row[name] ?? null);
    // The template already holds null: only a `$select`ed object, which starts empty, needs it written.
    if (value !== null || select) out[name] = formatValue(def.type, value);
  }
  for (const [name, navigation] of layout.navigations) {
    if (select && !select.includes(name)) continue;
    out[name] = options.expand?.includes(name)
      ? { results: navigation.items(entity, ctx).map((item) => formatEntity(navigation.target, item, ctx)) }
      : { __deferred: { uri: `${uri}/${name}` } };
  }
  return out;
}

/** What an entity's full form was written from, and its JSON as UTF-8 bytes. */
interface Written {
  origin: string;
  division: number;
  row: Row;
  json: Buffer;
}

/** Per entity set, per entity object (a new object for each version of a row): its full form as JSON. */
const WRITTEN = new WeakMap<EntitySet<unknown>, WeakMap<object, Written>>();

/**
 * An entity's full form (no `$select` or `$expand`) as JSON in UTF-8, written once per version of its row: a list page
 * of unchanged rows is joined from these bytes instead of being formatted, stringified and encoded again. `row` is the
 * entity's row now; the bytes are reused only when it equals the row they were written from (a renamed customer or
 * journal shows), for the same origin and division (both are in `__metadata.uri`).
 */
export function entityJson(set: EntitySet<unknown>, entity: unknown, ctx: RequestContext, row: Row = set.toRow(entity, ctx)): Buffer {
  if (typeof entity !== 'object' || entity === null) return Buffer.from(JSON.stringify(formatEntity(set, entity, ctx, {}, row)));
  let ofSet = WRITTEN.get(set);
  if (!ofSet) WRITTEN.set(set, (ofSet = new WeakMap()));
  const written = ofSet.get(entity);
  if (written && written.origin === ctx.origin && written.division === ctx.division && sameRow(written.row, row)) return written.json;
  const json = Buffer.from(JSON.stringify(formatEntity(set, entity, ctx, {}, row)));
  ofSet.set(entity, { origin: ctx.origin, division: ctx.division, row, json });
  return json;
}

function sameRow(a: Row, b: Row): boolean {
  let names = 0;
  for (const name in a) {
    if (a[name] !== b[name]) return false;
    names += 1;
  }
  for (const _ in b) names -= 1;
  return names === 0;
}
