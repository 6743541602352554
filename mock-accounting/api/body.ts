import type { Problem, Result } from '../../primitives/index.js';
import { convertInput, INVALID_INPUT } from '../odata/edm-schemas.js';
import type { Body, EntitySet } from './entity-set.js';

/** A decoded body, or the reason Exact could not read it (answered 400). */
export type DecodedBody = Result<Body, Problem<'bad_request'>>;

const STREAM = 'Error processing request stream.';

/**
 * Reads a JSON body against an entity set's properties, as Exact's OData layer does: unknown properties
 * are refused, read-only ones ignored, `__metadata` skipped, numbers accepted as numeric strings, dates as
 * ISO or `/Date(ms)/`. Navigation collections are decoded against their target set, a deferred one
 * (`{"__deferred":{"uri":…}}`) is skipped. Only own properties of the
 * set count, so `__proto__` or `constructor` is an unknown property like any other.
 */
export function decodeBody(set: EntitySet<unknown>, input: unknown): DecodedBody {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse(`${STREAM} The request body must be a JSON object.`);
  }
  const body: Body = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === '__metadata') continue;
    const navigation = set.navigations && Object.hasOwn(set.navigations, name) ? set.navigations[name] : undefined;
    if (navigation) {
      // A fetched entity saved back whole (picqer's save()) carries its unexpanded lines as a link; WCF skips it.
      if (isDeferred(value)) continue;
      const items = Array.isArray(value) ? value : (value as { results?: unknown } | null)?.results;
      if (!Array.isArray(items)) return refuse(`${STREAM} The property '${name}' must be a collection.`);
      const decoded: Body[] = [];
      for (const item of items) {
        const child = decodeBody(navigation.target, item);
        if (!child.ok) return child;
        decoded.push(child.value);
      }
      body[name] = decoded;
      continue;
    }
    const def = Object.hasOwn(set.fields, name) ? set.fields[name] : undefined;
    if (!def) {
      return refuse(
        `${STREAM} The property '${name}' does not exist on type 'Exact.Web.Api.Models.${set.typeName}'. Make sure to only use property names that are defined by the type.`,
      );
    }
    if (def.access !== 'w') continue;
    const converted = convertInput(def.type, value);
    if (converted === INVALID_INPUT) {
      return refuse(`${STREAM} Cannot convert the value of property '${name}' to the expected type 'Edm.${def.type}'.`);
    }
    body[name] = converted;
  }
  return { ok: true, value: body };
}

/** `{"__deferred":{…}}` and nothing else: an unexpanded navigation as the server wrote it. */
function isDeferred(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '__deferred';
}

function refuse(message: string): DecodedBody {
  return { ok: false, problem: { code: 'bad_request', message } };
}
