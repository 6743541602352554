import { z } from 'zod';
import type { EntitySet } from '../api/entity-set.js';
import { currentMe, ENTITY_SETS } from '../api/entity-sets/index.js';
import { EDM_INPUT, EDM_OUTPUT } from '../odata/edm-schemas.js';

/** Every entity set the API serves: current/Me and the division-scoped ones (navigation targets among them). */
export const SERVED_SETS: readonly EntitySet<unknown>[] = [currentMe, ...ENTITY_SETS];

const Deferred = z.object({ __deferred: z.object({ uri: z.string() }) }).describe('An unexpanded navigation: GET its uri');

/**
 * The zod schemas of the entity sets, built from the property table the API formats rows and decodes bodies with:
 * `<Type>` as written (`__metadata`, `/Date(ms)/` dates, navigations deferred or expanded), `<Type>Input` as a body
 * may carry it (unknown properties refused, read-only ones ignored, numeric strings and ISO dates accepted), and the
 * list and single envelopes; and each EDM type, written once and referred to.
 */
export function entitySchemas(): { output: Record<string, z.ZodType>; input: Record<string, z.ZodType> } {
  const output: Record<string, z.ZodType> = {};
  const input: Record<string, z.ZodType> = {};
  const built = new Map<EntitySet<unknown>, { entity: z.ZodType; body: z.ZodType }>();

  const build = (set: EntitySet<unknown>): { entity: z.ZodType; body: z.ZodType } => {
    const known = built.get(set);
    if (known) return known;
    const type = set.typeName;
    if (output[type])
      throw new Error(`Two entity sets share the type name ${type}: the document names schemas by type, so give one another name.`);
    const entityShape: Record<string, z.ZodType> = {
      __metadata: z.object({ uri: z.string().describe('Absolute URI of the entity'), type: z.literal(`Exact.Web.Api.Models.${type}`) }),
    };
    const bodyShape: Record<string, z.ZodType> = { __metadata: z.unknown().optional().describe('Skipped') };
    for (const [name, def] of Object.entries(set.fields)) {
      const access =
        def.access === 'w'
          ? 'writable'
          : def.access === 'r'
            ? 'read-only'
            : 'computed (null in a POST answer without Prefer: return=representation)';
      // Optional: `$select` leaves the others out. The wrapper keeps the registered type, which the document names once.
      entityShape[name] = EDM_OUTPUT[def.type].optional().describe(`Edm.${def.type}, ${access}`);
      bodyShape[name] =
        def.access === 'w' ? EDM_INPUT[def.type].optional() : EDM_INPUT[def.type].optional().describe('Read-only: ignored on write');
    }
    for (const [name, navigation] of Object.entries(set.navigations ?? {})) {
      const target = build(navigation.target);
      entityShape[name] = z.union([Deferred, z.object({ results: z.array(target.entity) }).describe(`With $expand=${name}`)]);
      bodyShape[name] = z.union([z.array(target.body), z.object({ results: z.array(target.body) }), Deferred]).optional();
    }
    const schemas = { entity: z.object(entityShape), body: z.object(bodyShape).strict() };
    built.set(set, schemas);
    output[type] = schemas.entity;
    output[`${type}List`] = z.union([
      z.object({
        d: z.object({
          results: z.array(schemas.entity),
          __count: z.string().regex(/^\d+$/).optional().describe('With $inlinecount=allpages: the rows matching $filter'),
          __next: z.string().optional().describe('Present when more rows follow: the same URL with $skiptoken; call it verbatim'),
        }),
      }),
      z.object({ d: z.array(schemas.entity) }).describe('A list asked with $top within one page: the OData v1 bare array'),
    ]);
    output[`${type}Single`] = z.object({ d: schemas.entity });
    if (set.create || set.update) input[`${type}Input`] = schemas.body;
    return schemas;
  };
  for (const [type, schema] of Object.entries(EDM_OUTPUT)) output[`Edm${type}`] = schema;
  for (const [type, schema] of Object.entries(EDM_INPUT)) input[`Edm${type}Input`] = schema;
  for (const set of SERVED_SETS) build(set);
  return { output, input };
}
