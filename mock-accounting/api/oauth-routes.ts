import express, { type Router } from 'express';
import { checkClient, consentingUser, exchangeCode, issueCode, issueTokens, refreshTokens } from '../domain/oauth.js';
import { scopeOf } from '../app-scope.js';
import { entityAt } from '../store/index.js';
import { AuthorizeQuerySchema, parameterProblem, TokenRequestSchema } from './oauth-schemas.js';
import { sendReply, type Reply } from './respond.js';

const REPLY = { lang: 'en', businessErrorStatus: 400 } as const;

/**
 * `/api/oauth2/auth` (auto-approves and redirects back with `code` and `state`, or a token in the fragment for
 * the implicit flow) and `/api/oauth2/token` (authorization-code and refresh grants, form-encoded).
 */
export function oauthRoutes(): Router {
  const router = express.Router();

  router.get('/auth', async function authorize(req, res) {
    const {
      store,
      options: { clock, approveAs },
    } = scopeOf(req);
    const query = req.query as Record<string, unknown>;
    const client = checkClient(store.state, textOf(query.client_id), textOf(query.redirect_uri));
    if (!client.ok) return sendReply(res, { kind: 'oauth_problem', problem: client.problem }, REPLY);
    const parsed = AuthorizeQuerySchema.safeParse(query);
    if (!parsed.success) return sendReply(res, { kind: 'oauth_problem', problem: parameterProblem(parsed.error, query) }, REPLY);
    const q = parsed.data;
    const responseType = q.response_type;
    const user = consentingUser(store.state, approveAs);
    if (!user) return sendReply(res, { kind: 'oauth_problem', problem: { code: 'no_user' } }, REPLY);
    const target = new URL(q.redirect_uri);
    if (responseType === 'code') {
      const code = await store.write((tx) => issueCode(tx, clock, client.value, user, q.redirect_uri));
      target.searchParams.set('code', code);
      if (q.state !== undefined) target.searchParams.set('state', q.state);
    } else {
      const tokens = await store.write((tx) => issueTokens(tx, clock, client.value, user.id));
      const fragment = new URLSearchParams({ access_token: tokens.access_token, token_type: 'bearer', expires_in: tokens.expires_in });
      if (q.state !== undefined) fragment.set('state', q.state);
      target.hash = fragment.toString();
    }
    res.redirect(302, target.toString());
  });

  router.post('/token', express.urlencoded({ extended: false, limit: '64kb' }), async function token(req, res) {
    const {
      store,
      options: { clock, enforceTokenInterval },
    } = scopeOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const client = entityAt(store.state.clients, textOf(body.client_id) ?? '');
    const parsed = TokenRequestSchema.safeParse(body);
    let reply: Reply;
    if (!client || client.secret !== body.client_secret) {
      reply = { kind: 'oauth_problem', problem: { code: client ? 'bad_client_secret' : 'unknown_client' } };
    } else if (!parsed.success) {
      reply = { kind: 'oauth_problem', problem: parameterProblem(parsed.error, body) };
    } else if (parsed.data.grant_type === 'authorization_code') {
      const { code, redirect_uri: redirectUri } = parsed.data;
      const result = await store.attempt((tx) => exchangeCode(tx, clock, { code, redirectUri, clientId: client.id }));
      reply = result.ok
        ? { kind: 'json', status: 200, body: result.value, headers: NO_STORE }
        : { kind: 'oauth_problem', problem: result.problem };
    } else {
      const { refresh_token: refreshToken } = parsed.data;
      const result = await store.attempt((tx) =>
        refreshTokens(tx, clock, { refreshToken, clientId: client.id, enforceInterval: enforceTokenInterval }),
      );
      reply = result.ok
        ? { kind: 'json', status: 200, body: result.value, headers: NO_STORE }
        : { kind: 'oauth_problem', problem: result.problem };
    }
    sendReply(res, reply, REPLY);
  });

  return router;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A parameter given once, as text; undefined when absent or repeated. */
const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
