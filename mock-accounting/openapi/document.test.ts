import { readFile } from 'node:fs/promises';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './document.js';
import { openApiJson } from './openapi-json.js';
import { withGeneratedTables } from './readme-tables.js';

const doc = buildOpenApiDocument();
const root = new URL('../../', import.meta.url);
// The document as plain JSON, indexed without types: the tests read it as a client would.
const json = JSON.parse(JSON.stringify(doc));

describe('the OpenAPI document (issue 18 point 3)', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(structuredClone(json));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(json.openapi).toBe('3.1.0');
  });

  it('is committed as docs/openapi.json as the generator writes it (npm run openapi when this fails)', async () => {
    const committed = await readFile(new URL('docs/openapi.json', root), 'utf8');
    expect(committed === openApiJson(doc), 'docs/openapi.json is stale: run npm run openapi').toBe(true);
  });

  it("has the README's route tables as the generator writes them (npm run openapi when this fails)", async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8');
    expect(withGeneratedTables(readme, doc) === readme, 'the route tables of README.md are stale: run npm run openapi').toBe(true);
  });

  it('describes the OData query options, the list envelope and the error envelope', () => {
    const list = json.paths['/api/v1/{division}/salesentry/SalesEntries'].get;
    const names = list.parameters.map((p: { $ref: string }) => json.components.parameters[p.$ref.split('/').pop()!]?.name);
    expect(names).toEqual(
      expect.arrayContaining(['$filter', '$select', '$top', '$skip', '$orderby', '$inlinecount', '$skiptoken', '$expand']),
    );
    expect(json.components.parameters.inlinecount.schema).toMatchObject({ type: 'string', enum: ['allpages', 'none'] });
    expect(json.components.parameters.top.schema).toEqual({ type: 'string', pattern: '^\\d{1,9}$', description: expect.any(String) });
    const envelope = json.components.schemas.SalesEntryList.anyOf[0];
    expect(Object.keys(envelope.properties.d.properties)).toEqual(['results', '__count', '__next']);
    expect(envelope.properties.d.properties.results.items).toEqual({ $ref: '#/components/schemas/SalesEntry' });
    expect(json.components.schemas.SalesEntryList.anyOf[1].properties.d.type).toBe('array');
    expect(json.components.schemas.ODataError.properties.error.properties.message.properties.value).toEqual({ type: 'string' });
    expect(json.components.schemas.SalesEntry.properties.EntryDate).toEqual({
      description: 'Edm.DateTime, writable',
      $ref: '#/components/schemas/EdmDateTime',
    });
    expect(json.components.schemas.EdmDateTime.anyOf[0].pattern).toBe('^\\/Date\\(-?\\d+\\)\\/$');
  });

  it('describes bearer auth and the six rate-limit headers on every API answer', () => {
    expect(json.components.securitySchemes.exactOnline.flows.authorizationCode).toEqual({
      authorizationUrl: '/api/oauth2/auth',
      tokenUrl: '/api/oauth2/token',
      refreshUrl: '/api/oauth2/token',
      scopes: {},
    });
    expect(Object.keys(json.components.headers).sort()).toEqual([
      'X-RateLimit-Limit',
      'X-RateLimit-Minutely-Limit',
      'X-RateLimit-Minutely-Remaining',
      'X-RateLimit-Minutely-Reset',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ]);
    const created = json.paths['/api/v1/{division}/crm/Accounts'].post;
    expect(created.security).toEqual([{ exactOnline: [] }]);
    expect(Object.keys(created.responses['201'].headers)).toHaveLength(7);
    expect(json.components.responses.Unauthorized.headers['X-RateLimit-Remaining']).toEqual({
      $ref: '#/components/headers/X-RateLimit-Remaining',
    });
    expect(json.paths['/__mock/clock'].put.security).toBeUndefined();
  });

  it("writes the back office's bodies from the schemas its routes validate with", () => {
    const fault = json.paths['/__mock/faults'].post.requestBody.content['application/json'].schema;
    expect(fault.required).toEqual(['path']);
    expect(fault.properties.method.enum).toEqual(['GET', 'POST', 'PUT', 'DELETE']);
    expect(fault.additionalProperties).toBe(false);
    const booking = json.paths['/__mock/divisions/{division}/journals/{code}/entries'].post.requestBody.content['application/json'].schema;
    expect(booking.required).toEqual(['lines']);
    expect(booking.properties.lines.items.required).toEqual(['amountCents']);
    const token = json.paths['/api/oauth2/token'].post.requestBody.content['application/x-www-form-urlencoded'].schema;
    expect(token.oneOf.map((grant: { properties: { grant_type: { const: string } } }) => grant.properties.grant_type.const)).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
  });
});
