import { z } from 'zod';
import { BACK_OFFICE_OPERATIONS, type BackOfficeOperation } from '../back-office/route-index.js';
import { WholeNumberParam } from '../back-office/respond.js';
import { MockStateSchema } from '../store/index.js';
import { jsonSchema, type JsonSchema } from './json-schema.js';
import { operationId, type Operation, type Paths } from './paths.js';

/** The back office's path parameters: whole numbers as `intParam` reads them, journals by code. */
const PATH_PARAMETERS: Record<string, { schema: z.ZodType; description: string }> = {
  division: { schema: WholeNumberParam, description: 'Division code, e.g. 100001' },
  code: { schema: z.string().min(1), description: 'Journal code, e.g. 70' },
  entryNumber: { schema: WholeNumberParam, description: 'Booking (entry) number in the journal' },
  year: { schema: WholeNumberParam, description: 'Financial year' },
  period: { schema: WholeNumberParam, description: 'Financial period' },
};

const ERROR = { $ref: '#/components/responses/BackOfficeError' };

/** Schemas large enough, or used often enough, to be written once in `components.schemas` (`<Name>`, `<Name>Input`). */
const NAMED = new Map<z.ZodType, string>([[MockStateSchema, 'MockState']]);

/** `components.schemas` for the named back-office schemas, as answers and as bodies. */
export function backOfficeComponentSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(
    [...NAMED].flatMap(([schema, name]) => [
      [name, jsonSchema(schema, 'output')],
      [`${name}Input`, jsonSchema(schema, 'input')],
    ]),
  );
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const name = NAMED.get(schema);
  return name ? { $ref: `#/components/schemas/${name}${io === 'input' ? 'Input' : ''}` } : jsonSchema(schema, io);
}

/** `/__mock/divisions/:division` as OpenAPI writes it: `/__mock/divisions/{division}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
}

function operation(op: BackOfficeOperation): Operation {
  const names = [...op.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const parameters: JsonSchema[] = names.map((name) => {
    const param = PATH_PARAMETERS[name];
    if (!param) throw new Error(`Back-office path parameter :${name} of ${op.path} has no schema in PATH_PARAMETERS: add one.`);
    return { name, in: 'path', required: true, description: param.description, schema: jsonSchema(param.schema, 'input') };
  });
  for (const [name, schema] of Object.entries(op.query?.shape ?? {})) {
    parameters.push({
      name,
      in: 'query',
      required: !(schema as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(schema as z.ZodType, 'input'),
    });
  }
  const answer = op.answer ? schemaOf(op.answer, 'output') : {};
  return {
    operationId: operationId(op.method, op.path),
    tags: ['back office'],
    summary: op.does,
    ...(op.queryExample ? { 'x-query-example': op.queryExample } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: { required: true, 'x-example': op.example, content: { 'application/json': { schema: schemaOf(op.body, 'input') } } },
        }
      : {}),
    responses: {
      [op.created ? '201' : '200']: { description: op.does, content: { 'application/json': { schema: answer } } },
      ...(op.body || names.length || op.query ? { '400': ERROR } : {}),
      ...(names.length ? { '404': ERROR } : {}),
      ...(op.method === 'GET' ? {} : { '403': { $ref: '#/components/responses/BackOfficeForbidden' }, '415': ERROR }),
    },
  };
}

/** The back office's paths, from the route index the server lists at `GET /__mock`. */
export function backOfficePaths(): Paths {
  const paths: Paths = {};
  for (const op of BACK_OFFICE_OPERATIONS) (paths[openApiPath(op.path)] ??= {})[op.method.toLowerCase()] = operation(op);
  return paths;
}
