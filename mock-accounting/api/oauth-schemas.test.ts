import { describe, expect, it } from 'vitest';
import { AuthorizeQuerySchema, parameterProblem, TokenRequestSchema } from './oauth-schemas.js';

const problemOf = (schema: typeof TokenRequestSchema | typeof AuthorizeQuerySchema, input: Record<string, unknown>) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return parameterProblem(parsed.error, input);
};

const client = { client_id: 'booklab-demo', client_secret: 'booklab-demo-secret' };

describe('the OAuth parameter schemas', () => {
  it('take both grants and default the response type to code', () => {
    expect(TokenRequestSchema.parse({ grant_type: 'refresh_token', refresh_token: 'r1', ...client })).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'r1',
      ...client,
    });
    expect(AuthorizeQuerySchema.parse({ client_id: 'booklab-demo', redirect_uri: 'http://localhost:8765/callback' }).response_type).toBe(
      'code',
    );
  });

  it('name an unknown grant or response type, a missing parameter, and a repeated one', () => {
    expect(problemOf(TokenRequestSchema, { grant_type: 'client_credentials', ...client })).toEqual({
      code: 'unsupported_grant_type',
      grantType: 'client_credentials',
    });
    expect(problemOf(TokenRequestSchema, { ...client })).toEqual({ code: 'unsupported_grant_type', grantType: '' });
    expect(
      problemOf(TokenRequestSchema, { grant_type: 'authorization_code', redirect_uri: 'http://localhost:8765/callback', ...client }),
    ).toEqual({ code: 'missing_parameter', name: 'code' });
    expect(
      problemOf(TokenRequestSchema, {
        grant_type: 'authorization_code',
        code: ['a', 'b'],
        redirect_uri: 'http://localhost:8765/callback',
        ...client,
      }),
    ).toEqual({ code: 'repeated_parameter', name: 'code' });
    const auth = { client_id: 'booklab-demo', redirect_uri: 'http://localhost:8765/callback' };
    expect(problemOf(AuthorizeQuerySchema, { ...auth, response_type: 'id_token' })).toEqual({
      code: 'unsupported_response_type',
      responseType: 'id_token',
    });
    expect(problemOf(AuthorizeQuerySchema, { ...auth, state: ['x', 'y'] })).toEqual({ code: 'repeated_parameter', name: 'state' });
  });
});
