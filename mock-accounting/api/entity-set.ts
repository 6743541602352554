import type { EdmType, EdmValue, Row } from '../odata/edm.js';
import type { KeyValue } from '../odata/keys.js';
import type { Result } from '../domain/result.js';
import type { RequestContext } from './context.js';

/** How a property behaves on write: `w` writable, `r` read-only (ignored on write), `c` computed (null in a POST answer without `Prefer`). */
export type FieldAccess = 'w' | 'r' | 'c';

/** One property of an entity set. */
export interface FieldDef {
  type: EdmType;
  access: FieldAccess;
}

/** Shorthand for a property: `field('Guid', 'r')`. */
export const field = (type: EdmType, access: FieldAccess = 'w'): FieldDef => ({ type, access });

/** The same properties, all read-only (sync and bulk endpoints are GET only). */
export function readOnlyFields(fields: Record<string, FieldDef>): Record<string, FieldDef> {
  return Object.fromEntries(Object.entries(fields).map(([name, def]) => [name, { ...def, access: 'r' as const }]));
}

/** A decoded request body: only known, writable properties, converted to mock values. */
export type Body = Record<string, EdmValue | Body[]>;

/** A navigation property: a collection that hangs off one entity (SalesEntries(...)/SalesEntryLines). */
export interface Navigation<E> {
  target: EntitySet<unknown>;
  items(entity: E, ctx: RequestContext): unknown[];
}

/**
 * An Exact entity set served by the generic OData router: its path, key, properties, and what it can do.
 * Handlers return values; the router maps them to HTTP.
 */
export interface EntitySet<E> {
  /** Path below `/api/v1/{division}/`, e.g. `salesentry/SalesEntries`. */
  path: string;
  /** Type name in `__metadata.type` (prefixed with `Exact.Web.Api.Models.`). */
  typeName: string;
  key: string;
  /** A composite key's properties in order (JournalStatusList: Journal, Period, Year); `key` is the first of them. */
  keyFields?: readonly string[];
  fields: Record<string, FieldDef>;
  /** Rows per page: 60, or 1000 for sync and bulk endpoints. */
  pageSize?: number;
  /** Only these properties may be filtered on (sync endpoints); all when absent. */
  filterable?: readonly string[];
  /** A list GET must name `$select` or ask `$top=1` (bulk endpoints), else Exact's "Please add a $select …" refusal. */
  requiresSelect?: boolean;
  /** A GET without `$filter` is refused with Exact's "mandatory filtering" message. */
  mandatoryFilter?: (ctx: RequestContext) => readonly string[] | undefined;
  navigations?: Record<string, Navigation<E>>;
  /** Every entity of the caller's division. */
  list(ctx: RequestContext): E[];
  /** The list depends on the clock as well as on the stored state, so a query's ordered items cannot be kept for the next request. */
  listReadsClock?: boolean;
  /** One entity by key (already parsed from the URL; one value per key property when the key is composite). */
  get(ctx: RequestContext, key: KeyValue): E | undefined;
  toRow(entity: E, ctx: RequestContext): Row;
  /** The entity's key, equal to `toRow(entity)[key]`; lets a list be ordered and paged without building a row per entity. */
  keyOf?(entity: E): KeyValue;
  create?(ctx: RequestContext, body: Body): Promise<Result<E>>;
  update?(ctx: RequestContext, entity: E, body: Body): Promise<Result<E>>;
  remove?(ctx: RequestContext, entity: E): Promise<Result<unknown>>;
}

/** Declares an entity set with its types checked. */
export function defineEntitySet<E>(set: EntitySet<E>): EntitySet<unknown> {
  return set as unknown as EntitySet<unknown>;
}
