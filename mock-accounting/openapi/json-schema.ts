import { z } from 'zod';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as the document carries it. */
export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema: `input` for what a request may carry (before defaults and conversions), `output` for
 * what an answer holds. Checks zod cannot write (a refine, a calendar day) stay in the server, not in the document.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/**
 * Several zod schemas registered under names, as `components.schemas`: a schema holding another registered one
 * refers to it with `$ref: '#/components/schemas/Name'`.
 */
export function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: written } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(written).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema;
      return [id, rest];
    }),
  );
}
