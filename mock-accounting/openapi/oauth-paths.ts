import { AuthorizeQuerySchema, OAuthErrorSchema, TokenRequestSchema } from '../api/oauth-schemas.js';
import { TokenAnswerSchema } from '../domain/oauth.js';
import { jsonSchema, type JsonSchema } from './json-schema.js';
import type { Paths } from './paths.js';

const oauthError = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(OAuthErrorSchema, 'output') } },
});

/** `/api/oauth2/auth` and `/api/oauth2/token`, from the schemas the two routes parse their parameters with. */
export function oauthPaths(): Paths {
  const query = jsonSchema(AuthorizeQuerySchema, 'input') as { properties: Record<string, JsonSchema>; required?: string[] };
  return {
    '/api/oauth2/auth': {
      get: {
        operationId: 'getApiOauth2Auth',
        tags: ['oauth2'],
        summary: 'Consent: approves at once and redirects back with code and state (or, with response_type=token, a token in the fragment)',
        parameters: Object.entries(query.properties).map(([name, schema]) => ({
          name,
          in: 'query',
          required: query.required?.includes(name) ?? false,
          ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
          schema,
        })),
        responses: {
          '302': {
            description: 'Back to redirect_uri',
            headers: { Location: { description: 'redirect_uri with code and state, or #access_token=…', schema: { type: 'string' } } },
          },
          '400': oauthError('Unknown app, a redirect URI not registered, a missing parameter or an unsupported response type'),
        },
        security: [],
      },
    },
    '/api/oauth2/token': {
      post: {
        operationId: 'postApiOauth2Token',
        tags: ['oauth2'],
        summary: 'Tokens: the authorization-code and refresh grants; refresh tokens rotate; access tokens live 600 s',
        requestBody: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: jsonSchema(TokenRequestSchema, 'input') } },
        },
        responses: {
          '200': {
            description: 'New tokens (expires_in is a digit string)',
            headers: { 'Cache-Control': { description: 'no-store', schema: { type: 'string' } } },
            content: { 'application/json': { schema: jsonSchema(TokenAnswerSchema, 'output') } },
          },
          '400': oauthError(
            'invalid_request (bad client, reused or expired code, expired refresh token, missing parameter) or unsupported_grant_type',
          ),
          '401': oauthError('unauthorized_client "Old refresh token used.", or (with enforceTokenInterval) "Access Token not expired"'),
        },
        security: [],
      },
    },
  };
}
