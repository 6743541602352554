import type { z } from 'zod';
import type { OAuthProblem } from '../domain/oauth.js';
import type { OAuthErrorSchema } from './oauth-schemas.js';

// The mock's one table from problems to HTTP: the status of every domain problem (API and back office alike), and the
// OAuth endpoints' answers. Transport refusals (no token, no division access, rate limits) are not problems and stay in the routes.

/** The HTTP status of a problem: client mistakes are 4xx by kind, business rules take the configured status. */
export function problemStatus(code: string, businessErrorStatus: number): number {
  switch (code) {
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'bad_request':
    case 'bad_query':
    case 'binding_new_entities':
      return 400;
    case 'body_too_large':
      // Exact limits POST bodies to 10 MB without saying how it answers more; 413 is HTTP's status for it.
      return 413;
    case 'daily_quota_exhausted':
      // Yuki's API is a SOAP service, and SOAP 1.1 sends every fault, its quota fault included, as HTTP 500.
      return 500;
    default:
      return businessErrorStatus;
  }
}

/** The OAuth error answer (`{"error","error_description"}`) and its status, as Exact's token endpoint gives them. */
export function oauthError(problem: OAuthProblem): { status: number; body: z.infer<typeof OAuthErrorSchema> } {
  switch (problem.code) {
    case 'old_refresh_token':
      return { status: 401, body: { error: 'unauthorized_client', error_description: 'Old refresh token used.' } };
    case 'token_not_expired':
      return { status: 401, body: { error: 'invalid_request', error_description: 'Access Token not expired' } };
    case 'refresh_token_expired':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: `The refresh token expired at ${new Date(problem.expiredAt).toISOString()} and it is now ${new Date(problem.now).toISOString()}`,
        },
      };
    case 'unsupported_grant_type':
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: `Grant type '${problem.grantType}' is not supported: use authorization_code or refresh_token.`,
        },
      };
    case 'unsupported_response_type':
      return {
        status: 400,
        body: {
          error: 'unsupported_response_type',
          error_description: `Response type '${problem.responseType}' is not supported: use code or token.`,
        },
      };
    case 'missing_parameter':
      return { status: 400, body: { error: 'invalid_request', error_description: `Missing parameter: ${problem.name}.` } };
    case 'repeated_parameter':
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: `Parameter ${problem.name} must be given once, as text.` },
      };
    case 'bad_redirect_uri':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: `The redirect_uri ${problem.redirectUri} is not registered for this app: use a URI on localhost or 127.0.0.1.`,
        },
      };
    case 'unknown_client':
    case 'bad_client_secret':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: 'Unknown client_id or wrong client_secret. The demo app is booklab-demo / booklab-demo-secret.',
        },
      };
    case 'no_user':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: 'No user can approve: the accounting state has no users. Reset it with a seed (POST /__mock/reset).',
        },
      };
    default:
      return { status: 400, body: { error: 'invalid_request' } };
  }
}
