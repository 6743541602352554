import { formatDate, type EdmType, type EdmValue, type Row } from '../odata/edm.js';
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

/** How a set is written: the `type` of its `__metadata`, its properties and navigations in order, each with its JSON key. */
interface Layout {
  typeJson: string;
  fields: ReadonlyArray<FieldLayout>;
  byName: ReadonlyMap<string, FieldLayout>;
  navigations: ReadonlyArray<readonly [name: string, navigation: Navigation<unknown>, key: string]>;
}

/** A property: its name, definition, `,"Name":` and `,"Name":null`, written once. */
type FieldLayout = readonly [name: string, def: FieldDef, key: string, nullPart: string];

const LAYOUTS = new WeakMap<EntitySet<unknown>, Layout>();

/** A set's layout, worked out once per set. */
function layoutOf(set: EntitySet<unknown>): Layout {
  let layout = LAYOUTS.get(set);
  if (!layout) {
    const fields = Object.entries(set.fields).map(([name, def]): FieldLayout => {
      const key = `,${JSON.stringify(name)}:`;
      return [name, def, key, `${key}null`];
    });
    layout = {
      typeJson: JSON.stringify(`Exact.Web.Api.Models.${set.typeName}`),
      fields,
      byName: new Map(fields.map((field) => [field[0], field])),
      navigations: Object.entries(set.navigations ?? {}).map(
        ([name, navigation]) => [name, navigation, `,${JSON.stringify(name)}:`] as const,
      ),
    };
    LAYOUTS.set(set, layout);
  }
  return layout;
}

/** An entity written out as OData v2 JSON text; see {@link writeEntity}. */
export function entityText(
  set: EntitySet<unknown>,
  entity: unknown,
  ctx: RequestContext,
  options: FormatOptions = {},
  row: Row = set.toRow(entity, ctx),
): string {
  const parts: string[] = [];
  writeEntity(parts, set, entity, ctx, options, row);
  return parts.join('');
}

/**
 * Writes an entity as OData v2 JSON text onto `parts`: `__metadata` first, then its properties (the `$select`ed ones, in
 * the order named), dates as `/Date(ms)/`, navigations deferred or expanded. The pieces are joined once by the caller,
 * with what surrounds the entity: built as an object and stringified, or as one string grown piece by piece, an answer's
 * entity cost two to three times its size in garbage. `row` is the entity's row when the caller already built it (a
 * list page filtered on it); `uri` its `__metadata.uri`.
 */
export function writeEntity(
  parts: string[],
  set: EntitySet<unknown>,
  entity: unknown,
  ctx: RequestContext,
  options: FormatOptions = {},
  row: Row = set.toRow(entity, ctx),
  uri: string = entityUri(set, row, ctx),
): void {
  const layout = layoutOf(set);
  const { select, omitComputed } = options;
  parts.push('{"__metadata":{"uri":', JSON.stringify(uri), ',"type":', layout.typeJson, '}');
  for (const [name, def, key, nullPart] of select ? selectedFields(layout, select) : layout.fields) {
    const value = omitComputed && def.access === 'c' ? null : (row[name] ?? null);
    if (value === null) parts.push(nullPart);
    else parts.push(key, valueJson(def.type, value));
  }
  for (const [name, navigation, key] of layout.navigations) {
    if (select && !select.includes(name)) continue;
    parts.push(key);
    if (options.expand?.includes(name)) {
      parts.push('{"results":[');
      const items = navigation.items(entity, ctx);
      for (let i = 0; i < items.length; i += 1) {
        if (i > 0) parts.push(',');
        writeEntity(parts, navigation.target, items[i], ctx);
      }
      parts.push(']}');
    } else parts.push('{"__deferred":{"uri":', JSON.stringify(`${uri}/${name}`), '}}');
  }
  parts.push('}');
}

/** Per layout, per `$select` list (one per request, shared by the rows of its page): the properties it names. */
const SELECTED = new WeakMap<Layout, WeakMap<readonly string[], FieldLayout[]>>();

/** The `$select`ed properties of the set, each once, in the order first named; worked out once per request. */
function selectedFields(layout: Layout, select: readonly string[]): FieldLayout[] {
  let ofLayout = SELECTED.get(layout);
  if (!ofLayout) SELECTED.set(layout, (ofLayout = new WeakMap()));
  let fields = ofLayout.get(select);
  if (!fields) ofLayout.set(select, (fields = namedFields(layout, select)));
  return fields;
}

function namedFields(layout: Layout, select: readonly string[]): FieldLayout[] {
  const fields: FieldLayout[] = [];
  for (const name of select) {
    const field = layout.byName.get(name);
    if (field && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** A property's value in JSON: dates as `"/Date(ms)/"`, the rest as JSON writes it. */
function valueJson(type: EdmType, value: EdmValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return type === 'DateTime' ? `"${formatDate(value)}"` : Number.isFinite(value) ? `${value}` : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
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
 * of unchanged rows is joined from these bytes instead of being written and encoded again. `row` is the
 * entity's row now; the bytes are reused only when it equals the row they were written from (a renamed customer or
 * journal shows), for the same origin and division (both are in `__metadata.uri`).
 */
export function entityJson(set: EntitySet<unknown>, entity: unknown, ctx: RequestContext, row: Row = set.toRow(entity, ctx)): Buffer {
  if (typeof entity !== 'object' || entity === null) return Buffer.from(entityText(set, entity, ctx, {}, row));
  let ofSet = WRITTEN.get(set);
  if (!ofSet) WRITTEN.set(set, (ofSet = new WeakMap()));
  const written = ofSet.get(entity);
  if (written && written.origin === ctx.origin && written.division === ctx.division && sameRow(written.row, row)) return written.json;
  const json = Buffer.from(entityText(set, entity, ctx, {}, row));
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
