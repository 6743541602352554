import type { EntitySet } from '../api/entity-set.js';
import { QUERY_OPTION_SCHEMAS } from '../odata/query-option-schemas.js';
import { jsonSchema, type JsonSchema } from './json-schema.js';
import { SERVED_SETS } from './entity-schemas.js';
import { operationId, type Operation, type Paths } from './paths.js';
import { RATE_HEADERS } from './rate-limit-headers.js';

const ref = (kind: 'parameters' | 'responses' | 'schemas', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

/** The answers every API call may get besides its own: auth, access, throttling and faults. */
const COMMON_RESPONSES = {
  '400': ref('responses', 'BadRequest'),
  '401': ref('responses', 'Unauthorized'),
  '403': ref('responses', 'Forbidden'),
  '404': ref('responses', 'NotFound'),
  '405': ref('responses', 'MethodNotAllowed'),
  '429': ref('responses', 'TooManyRequests'),
  '500': ref('responses', 'ServerError'),
  '503': ref('responses', 'StoreUnavailable'),
};

/** `components.parameters`: the OData query options, named by their option (`$filter` → `filter`). */
export function queryOptionParameters(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(QUERY_OPTION_SCHEMAS).map(([name, schema]) => [
      name.slice(1),
      { name, in: 'query', required: false, description: schema.description, schema: jsonSchema(schema, 'input') },
    ]),
  );
}

const queryParameter = (name: keyof typeof QUERY_OPTION_SCHEMAS) => ref('parameters', name.slice(1));

/** What a set's list says about itself: page size, which filters it takes, what it refuses. */
function listNotes(set: EntitySet<unknown>): string {
  const notes = [`Pages of ${set.pageSize ?? 60} rows.`];
  if (set.filterable) notes.push(`$filter may name only ${set.filterable.join(', ')}.`);
  if (set.requiresSelect) notes.push('A list must name $select or ask $top=1.');
  if (set.mandatoryFilter) notes.push('With the mandatoryAccountFilter option, a GET without $filter is refused (mandatory filtering).');
  return notes.join(' ');
}

function op(method: string, path: string, set: EntitySet<unknown>, summary: string, rest: Operation): [string, Operation] {
  const { responses, parameters, ...more } = rest as { responses: Record<string, unknown>; parameters?: unknown[] };
  return [
    method,
    {
      operationId: operationId(method, path),
      tags: [set.path.split('/')[0]!],
      summary,
      parameters: [ref('parameters', 'AcceptLanguage'), ...(parameters ?? [])],
      ...more,
      responses: { ...responses, ...COMMON_RESPONSES },
      security: [{ exactOnline: [] }],
    },
  ];
}

function setPaths(set: EntitySet<unknown>): Paths {
  const divisionless = set.path === 'current/Me';
  const base = divisionless ? `/api/v1/${set.path}` : `/api/v1/{division}/${set.path}`;
  const division = divisionless ? [] : [ref('parameters', 'Division')];
  const type = set.typeName;
  const expandFor = (target: EntitySet<unknown>) => (Object.keys(target.navigations ?? {}).length ? [queryParameter('$expand')] : []);
  const listOptions = (['$filter', '$select', '$orderby', '$top', '$skip', '$skiptoken', '$inlinecount', '$format'] as const).map(
    queryParameter,
  );
  const list = (path: string, target: EntitySet<unknown>, summary: string, params: unknown[]) =>
    op('get', path, target, summary, {
      description: listNotes(target),
      parameters: [...params, ...listOptions, ...expandFor(target)],
      responses: { '200': { description: 'The rows', headers: RATE_HEADERS, content: json(ref('schemas', `${target.typeName}List`)) } },
    });
  const count = (path: string, target: EntitySet<unknown>, params: unknown[]) =>
    op('get', path, target, `Count ${target.path} (plain text)`, {
      parameters: [...params, queryParameter('$filter')],
      responses: {
        '200': {
          description: 'The number of rows matching $filter',
          headers: RATE_HEADERS,
          content: { 'text/plain': { schema: { type: 'string', pattern: '^\\d+$' } } },
        },
      },
    });

  const paths: Paths = {};
  const collection = Object.fromEntries([
    list(base, set, `List ${set.path}`, division),
    ...(set.create
      ? [
          op('post', base, set, `Create in ${set.path}`, {
            parameters: [...division, ref('parameters', 'Prefer')],
            requestBody: { required: true, content: json(ref('schemas', `${type}Input`)) },
            responses: {
              '201': {
                description: 'Created; computed properties are null unless Prefer: return=representation',
                headers: { ...RATE_HEADERS, Location: { description: "The new entity's URI", schema: { type: 'string' } } },
                content: json(ref('schemas', `${type}Single`)),
              },
              '413': ref('responses', 'TooLarge'),
            },
          }),
        ]
      : []),
  ]);
  paths[base] = collection;
  if (!divisionless) paths[`${base}/$count`] = Object.fromEntries([count(`${base}/$count`, set, division)]);

  const byKey = `${base}({key})`;
  const keyParams = [...division, ref('parameters', 'Key')];
  paths[byKey] = Object.fromEntries([
    op('get', byKey, set, `One of ${set.path} by key`, {
      parameters: [...keyParams, queryParameter('$select'), ...expandFor(set)],
      responses: { '200': { description: 'The entity', headers: RATE_HEADERS, content: json(ref('schemas', `${type}Single`)) } },
    }),
    ...(set.update
      ? [
          op('put', byKey, set, `Change one of ${set.path}`, {
            parameters: keyParams,
            requestBody: { required: true, content: json(ref('schemas', `${type}Input`)) },
            responses: { '204': ref('responses', 'NoContent'), '413': ref('responses', 'TooLarge') },
          }),
        ]
      : []),
    ...(set.remove
      ? [
          op('delete', byKey, set, `Delete one of ${set.path}`, {
            parameters: keyParams,
            responses: { '204': ref('responses', 'NoContent') },
          }),
        ]
      : []),
  ]);
  for (const [name, navigation] of Object.entries(set.navigations ?? {})) {
    const path = `${byKey}/${name}`;
    paths[path] = Object.fromEntries([list(path, navigation.target, `The ${name} of one of ${set.path}`, keyParams)]);
    paths[`${path}/$count`] = Object.fromEntries([count(`${path}/$count`, navigation.target, keyParams)]);
  }
  return paths;
}

/** The Exact API paths the mock serves: one group per entity set, from the sets the OData router serves. */
export function apiPaths(): Paths {
  return Object.assign({}, ...SERVED_SETS.map(setPaths));
}
