import { z } from 'zod';
import type { OAuthProblem } from '../domain/oauth.js';

const text = z.string().min(1);

/** `GET /api/oauth2/auth`: the query the consent route reads (after the app and its redirect URI are checked). */
export const AuthorizeQuerySchema = z.object({
  client_id: text.describe('The app (booklab-demo in the demo seed)'),
  redirect_uri: text.describe('Where to send the browser back; a URI on a host registered for the app'),
  response_type: z
    .enum(['code', 'token'])
    .default('code')
    .describe('code (authorization-code grant) or token (implicit grant, the token in the fragment)'),
  state: z.string().optional().describe('Sent back unchanged'),
  force_login: z.string().optional().describe('0 or 1; accepted and ignored (the mock approves at once)'),
});

const client = { client_id: text, client_secret: text };

/** `POST /api/oauth2/token`, form-encoded: the authorization-code and refresh grants, the app's id and secret in the body. */
export const TokenRequestSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: text.describe('Single use, about 3 minutes'),
    redirect_uri: text,
    ...client,
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    refresh_token: text.describe('Rotates: each use returns a new one and the old one stops working'),
    ...client,
  }),
]);

/** OAuth's own error answer (not the OData envelope). */
export const OAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** The problem a refused parameter is answered with: an unknown grant or response type by name, else the parameter. */
export function parameterProblem(error: z.ZodError, input: Record<string, unknown>): OAuthProblem {
  const name = String(error.issues[0]?.path[0] ?? '');
  const value = input[name];
  if (name === 'grant_type' && typeof value !== 'object') return { code: 'unsupported_grant_type', grantType: String(value ?? '') };
  if (name === 'response_type' && typeof value === 'string') return { code: 'unsupported_response_type', responseType: value };
  if (value === undefined || value === '') return { code: 'missing_parameter', name };
  return { code: 'repeated_parameter', name };
}
