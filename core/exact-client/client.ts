// Over 250 lines: one client class whose call policies (refresh, 401 retry, 429 waits, overlap) share its tokens and options.
import type { Clock } from '../../primitives/index.js';
import type { AnswerHeaders } from './answer-headers.js';
import { codeIn, dailyLimitError, interpret, networkError, oauthError, tokensIn, type RawAnswer } from './answers.js';
import { ExactClientError, type ExactError, type ExactResult } from './errors.js';
import { httpFetch, type FetchLike } from './http-fetch.js';
import { memoryTokenStore, type TokenSet, type TokenStore } from './tokens.js';

/** The answer of a call made before the OAuth flow gave the client any tokens. */
const NOT_CONNECTED: ExactError = { code: 'unauthorized', message: 'Not connected: run the OAuth flow first.' };

/** How to reach the accounting API and as which app. */
export interface ExactClientOptions {
  /** Origin of the API, e.g. `https://start.exactonline.nl` or a mock's `http://127.0.0.1:5080`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  clock: Clock;
  /** Where the tokens live (Focus keeps them in its integration state); in the client when absent. */
  tokens?: TokenStore;
  /** Waits for a rate-limit reset; virtual time in a world with a frozen clock. */
  sleep?: (ms: number) => Promise<void>;
  /** How requests are sent: node:http by default; any fetch-like function (the global fetch) fits. */
  fetch?: FetchLike;
  /**
   * How posts that overlap are sent: a fetch whose requests reach the server in the order they were sent, also while
   * earlier ones are unanswered (HTTP/1.1 pipelining on one connection, or a server's handler in this process). Without
   * it, {@link ExactClient.create} with `overlap` is refused, so callers post one after the other.
   */
  orderedFetch?: FetchLike;
  /** How often to wait for a rate-limit reset before giving up. */
  maxRateLimitWaits?: number;
  /** Refresh the access token this long before it expires. */
  refreshMarginMs?: number;
  /** `Accept-Language` (Exact's error texts follow it). */
  language?: string;
}

/**
 * A client of Exact Online's REST API as an integration uses it: OAuth code flow, token refresh before expiry
 * (refresh tokens rotate), one refresh-and-retry on 401, waiting for the minutely reset on 429 (a spent daily limit is
 * final), `__next` paging, `/Date(ms)/` parsing, and every failure as a typed {@link ExactError} rather than an exception.
 * @example
 * const exact = new ExactClient({ baseUrl: mock.url, clientId, clientSecret, redirectUri, clock });
 * await exact.connect();
 * const journals = await exact.getAll(division, 'financial/Journals');
 */
export class ExactClient {
  private readonly tokenStore: TokenStore;
  private readonly options: Required<Omit<ExactClientOptions, 'tokens' | 'orderedFetch'>>;
  private readonly orderedFetch: FetchLike | undefined;

  constructor({ tokens = memoryTokenStore(), orderedFetch, ...options }: ExactClientOptions) {
    this.tokenStore = tokens;
    this.orderedFetch = orderedFetch;
    this.options = {
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      fetch: httpFetch,
      maxRateLimitWaits: 3,
      refreshMarginMs: 30_000,
      language: 'en-GB',
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
  }

  private get tokens(): TokenSet | null {
    return this.tokenStore.get();
  }

  /** Runs the OAuth authorization-code flow: the consent screen redirects back with a code, traded for tokens. */
  async connect(state = 'booklab'): Promise<ExactResult<TokenSet>> {
    const { baseUrl, clientId, redirectUri } = this.options;
    const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', state, force_login: '0' });
    const auth = await this.send(`${baseUrl}/api/oauth2/auth?${query}`, { method: 'GET', redirect: 'manual' });
    if (!auth.ok) return auth;
    const location = auth.value.headers.get('location');
    const code = location ? codeIn(location, `${baseUrl}/api/oauth2/auth`) : null;
    if (auth.value.status !== 302 || !code) return { ok: false, problem: oauthError(auth.value) };
    return this.tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  }

  /** Trades the refresh token for new tokens; the old refresh token is then spent. */
  async refresh(): Promise<ExactResult<TokenSet>> {
    if (!this.tokens) return { ok: false, problem: NOT_CONNECTED };
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: this.tokens.refreshToken });
  }

  /** GETs every row of a collection, following `__next` links; a list asked with `$top` may come as a bare array (`{"d":[…]}`). */
  async getAll<T = Record<string, unknown>>(
    division: number | null,
    path: string,
    query: Record<string, string> = {},
  ): Promise<ExactResult<T[]>> {
    const rows: T[] = [];
    let next: string | undefined = this.url(division, path, query);
    while (next) {
      const page: ExactResult<unknown> = await this.call('GET', next);
      if (!page.ok) return page;
      const d = (page.value as { d?: T[] | { results?: T[]; __next?: string } }).d;
      if (Array.isArray(d)) {
        rows.push(...d);
        break;
      }
      if (!Array.isArray(d?.results))
        return { ok: false, problem: { code: 'rejected', status: 200, message: 'The answer is not an OData collection.' } };
      rows.push(...d.results);
      next = d.__next;
    }
    return { ok: true, value: rows };
  }

  /** GETs one entity (`{"d":{...}}`). */
  async getOne<T = Record<string, unknown>>(
    division: number | null,
    path: string,
    query: Record<string, string> = {},
  ): Promise<ExactResult<T>> {
    const answer = await this.call('GET', this.url(division, path, query));
    return answer.ok ? { ok: true, value: (answer.value as { d: T }).d } : answer;
  }

  /**
   * POSTs a new entity and returns it as the server filled it in (`Prefer: return=representation`). With `overlap`, it is
   * sent over the ordered fetch, so it may be sent before earlier posts are answered and still reach the server after
   * them; a caller overlapping posts must wait for the answers first when {@link refreshDue} (one refresh, in order).
   */
  async create<T = Record<string, unknown>>(
    division: number,
    path: string,
    body: unknown,
    { overlap = false }: { overlap?: boolean } = {},
  ): Promise<ExactResult<T>> {
    if (overlap && !this.orderedFetch)
      throw new ExactClientError('[booklab] create with overlap needs the orderedFetch option; check canOverlap first.');
    const answer = await this.call('POST', this.url(division, path), body, overlap ? this.orderedFetch : this.options.fetch);
    return answer.ok ? { ok: true, value: (answer.value as { d: T }).d } : answer;
  }

  /** Whether posts can overlap (an ordered fetch was given). */
  get canOverlap(): boolean {
    return this.orderedFetch !== undefined;
  }

  /** Whether the next call would refresh the tokens first (the access token expires within the margin). */
  get refreshDue(): boolean {
    const tokens = this.tokens;
    return tokens !== null && tokens.expiresAt - this.options.clock.now() <= this.options.refreshMarginMs;
  }

  /** PUTs changes to an entity. */
  async update(division: number, path: string, body: unknown): Promise<ExactResult<void>> {
    const answer = await this.call('PUT', this.url(division, path), body);
    return answer.ok ? { ok: true, value: undefined } : answer;
  }

  /** DELETEs an entity. */
  async remove(division: number, path: string): Promise<ExactResult<void>> {
    const answer = await this.call('DELETE', this.url(division, path));
    return answer.ok ? { ok: true, value: undefined } : answer;
  }

  /** The signed-in user's current division (`current/Me`). */
  async currentDivision(): Promise<ExactResult<number>> {
    const me = await this.getAll<{ CurrentDivision: number }>(null, 'current/Me');
    if (!me.ok) return me;
    const division = me.value[0]?.CurrentDivision;
    return typeof division === 'number'
      ? { ok: true, value: division }
      : { ok: false, problem: { code: 'not_found', message: 'current/Me has no current division.' } };
  }

  private url(division: number | null, path: string, query: Record<string, string> = {}): string {
    if (division === null && !path.startsWith('current/')) throw new ExactClientError(`[booklab] ${path} needs a division.`);
    const base = division === null ? `${this.options.baseUrl}/api/v1/${path}` : `${this.options.baseUrl}/api/v1/${division}/${path}`;
    // Most calls have no query (every post): no URLSearchParams is made for them.
    if (isEmpty(query)) return base;
    const search = new URLSearchParams(query).toString();
    return search ? `${base}?${search}` : base;
  }

  /** One API call with the client's policies: refresh before expiry, one retry after 401, waits on 429. */
  private async call(method: string, url: string, body?: unknown, fetch = this.options.fetch): Promise<ExactResult<unknown>> {
    if (!this.tokens) return { ok: false, problem: NOT_CONNECTED };
    const due = await this.refreshIfDue();
    if (!due.ok) return due;
    let refreshedAfter401 = false;
    let waits = 0;
    for (;;) {
      const sent = await this.send(
        url,
        {
          method,
          headers: {
            Authorization: `Bearer ${this.tokens?.accessToken ?? ''}`,
            Accept: 'application/json',
            'Accept-Language': this.options.language,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json', Prefer: 'return=representation' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        fetch,
      );
      if (!sent.ok) return sent;
      const answer = sent.value;
      if (answer.status === 401 && !refreshedAfter401) {
        refreshedAfter401 = true;
        const refreshed = await this.refresh();
        if (!refreshed.ok) return refreshed;
        continue;
      }
      // The day's calls are spent: the reset is hours away (next midnight UTC), so waiting for it is no retry.
      if (answer.status === 429 && answer.headers.get('x-ratelimit-remaining')?.trim() === '0')
        return { ok: false, problem: dailyLimitError(answer.headers) };
      if (answer.status === 429 && waits < this.options.maxRateLimitWaits) {
        waits += 1;
        await this.options.sleep(this.rateLimitWait(answer.headers));
        // The wait can run the token out: refresh before the retry rather than spend a 401 on it.
        const dueAfterWait = await this.refreshIfDue();
        if (!dueAfterWait.ok) return dueAfterWait;
        continue;
      }
      return interpret(answer);
    }
  }

  /** Refreshes when the access token expires within the margin; ok (nothing to do) otherwise. */
  private async refreshIfDue(): Promise<ExactResult<unknown>> {
    return this.refreshDue ? this.refresh() : { ok: true, value: undefined };
  }

  /** Until the minutely reset; a minute when the 429 does not say (the daily reset is never waited for). */
  private rateLimitWait(headers: AnswerHeaders): number {
    const reset = Number(headers.get('x-ratelimit-minutely-reset'));
    return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset - this.options.clock.now()) : 60_000;
  }

  private async tokenRequest(params: Record<string, string>): Promise<ExactResult<TokenSet>> {
    const { baseUrl, clientId, clientSecret } = this.options;
    const sent = await this.send(`${baseUrl}/api/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ ...params, client_id: clientId, client_secret: clientSecret }).toString(),
    });
    if (!sent.ok) return sent;
    const tokens = tokensIn(sent.value, this.options.clock.now());
    if (tokens.ok) this.tokenStore.set(tokens.value);
    return tokens;
  }

  private async send(url: string, init: RequestInit, fetch = this.options.fetch): Promise<ExactResult<RawAnswer>> {
    try {
      const response = await fetch(url, init);
      return { ok: true, value: { status: response.status, headers: response.headers, text: await response.text() } };
    } catch (error) {
      return { ok: false, problem: networkError(url, error) };
    }
  }
}

/** True for an object without enumerable keys, found without listing them. */
function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}
