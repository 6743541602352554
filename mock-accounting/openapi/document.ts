import { z } from 'zod';
import { ODataErrorSchema } from '../api/respond.js';
import { BackOfficeErrorSchema } from '../back-office/respond.js';
import { apiPaths, queryOptionParameters } from './api-paths.js';
import { backOfficeComponentSchemas, backOfficePaths } from './back-office-paths.js';
import { entitySchemas } from './entity-schemas.js';
import { componentSchemas, jsonSchema } from './json-schema.js';
import { oauthPaths } from './oauth-paths.js';
import { RATE_HEADERS, rateLimitHeaderComponents } from './rate-limit-headers.js';

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const odataError = (description: string, headers: Record<string, unknown> = RATE_HEADERS) => ({
  description,
  headers,
  content: { 'application/json': { schema: ref('schemas', 'ODataError') } },
});

/** The parts of every API operation that are named once: parameters, answers, headers, auth. */
function components() {
  const entities = entitySchemas();
  return {
    schemas: {
      ODataError: jsonSchema(ODataErrorSchema, 'output'),
      BackOfficeError: jsonSchema(BackOfficeErrorSchema, 'output'),
      ...backOfficeComponentSchemas(),
      ...componentSchemas(entities.output, 'output'),
      ...componentSchemas(entities.input, 'input'),
    },
    parameters: {
      Division: {
        name: 'division',
        in: 'path',
        required: true,
        description: 'Division code (system/Divisions), e.g. 100001',
        schema: { type: 'string', pattern: '^\\d{1,9}$' },
      },
      Key: {
        name: 'key',
        in: 'path',
        required: true,
        description:
          "The entity's key as an OData literal: guid'…' for GUID keys, 387 or 387L for numbers, Journal='70',Period=3,Year=2026 for a composite key",
        schema: { type: 'string' },
      },
      AcceptLanguage: {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description: 'nl for Dutch error texts; English otherwise',
        schema: { type: 'string' },
      },
      ...queryOptionParameters(),
      Prefer: {
        name: 'Prefer',
        in: 'header',
        required: false,
        description: 'return=representation fills in the computed properties of the answer',
        schema: { type: 'string', enum: ['return=representation'] },
      },
    },
    headers: rateLimitHeaderComponents(),
    responses: {
      NoContent: { description: 'Done; empty body', headers: RATE_HEADERS },
      BadRequest: odataError(
        'A body, key or query option the API cannot read, or a business rule (In use: Entry number, Period is closed, …) when businessErrorStatus is 400',
      ),
      Unauthorized: { description: 'No access token, or an expired or unknown one: empty body', headers: RATE_HEADERS },
      Forbidden: odataError('The user has no access to the division', {
        ...RATE_HEADERS,
        Reason: { description: 'NoDivisionAccess', schema: { type: 'string' } },
      }),
      NotFound: odataError('No such entity, entity set or navigation'),
      MethodNotAllowed: odataError('The entity set does not take this method'),
      TooManyRequests: {
        description:
          "Over a limit (enforcement is a switch: PUT /__mock/rate-limits), or blocked by the error budget: empty body; only the exceeded window's three headers",
        headers: rateLimitHeaderComponents(false),
      },
      TooLarge: odataError('A body over 10 MB'),
      ServerError: odataError(
        "A business rule when businessErrorStatus is 500 (older Exact), an armed fault, Yuki's daily quota, or a fault in the mock",
      ),
      StoreUnavailable: odataError('The change could not be written (a full disk) and was not made'),
      BackOfficeError: {
        description: 'A back-office problem',
        content: { 'application/json': { schema: ref('schemas', 'BackOfficeError') } },
      },
      BackOfficeForbidden: {
        description: "A change sent from a web page (an Origin that is not the server's own)",
        content: { 'application/json': { schema: ref('schemas', 'BackOfficeError') } },
      },
    },
    securitySchemes: {
      exactOnline: {
        type: 'oauth2',
        description: "Exact Online's OAuth2: authorization code (or implicit), bearer access tokens of 600 s, rotating refresh tokens",
        flows: {
          authorizationCode: {
            authorizationUrl: '/api/oauth2/auth',
            tokenUrl: '/api/oauth2/token',
            refreshUrl: '/api/oauth2/token',
            scopes: {},
          },
          implicit: { authorizationUrl: '/api/oauth2/auth', scopes: {} },
        },
      },
    },
  };
}

const RootSchema = z.object({ name: z.string(), api: z.string(), oauth: z.string(), backOffice: z.string() });

/** Builds the OpenAPI 3.1 document of the mock: the back office, OAuth and the Exact API subset, from their zod schemas. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'booklab mock accounting server',
      version: '1.0.0',
      description:
        "Exact Online's OAuth2 and REST API (OData v2 JSON) as the mock serves them, and the mock's back office under /__mock (not part of Exact's API). Generated from the schemas the server validates with: npm run openapi.",
    },
    servers: [{ url: '/', description: 'The server this document was read from (booklab serve: http://127.0.0.1:5080)' }],
    tags: [
      {
        name: 'back office',
        description: 'What a person does by hand in Exact, and what tests need: plain JSON, amounts in cents, no OAuth',
      },
      { name: 'oauth2', description: "Exact's OAuth2 endpoints; errors in OAuth's format, not the OData envelope" },
      { name: 'meta', description: 'Where things are' },
    ],
    paths: {
      '/': {
        get: {
          operationId: 'getRoot',
          tags: ['meta'],
          summary: 'Where the API, OAuth and the back office are',
          responses: {
            '200': { description: 'The base paths', content: { 'application/json': { schema: jsonSchema(RootSchema, 'output') } } },
          },
        },
      },
      ...backOfficePaths(),
      ...oauthPaths(),
      ...apiPaths(),
    },
    components: components(),
  };
}

let built: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document, built once (it does not change while the server runs). */
export function openApiDocument(): ReturnType<typeof buildOpenApiDocument> {
  built ??= buildOpenApiDocument();
  return built;
}
