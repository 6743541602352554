import { DEMO_CLIENT } from '../../mock-accounting/index.js';

/** An authorised session on the mock's demo company: the bearer token and the ids a booking needs. */
export interface DemoSession {
  accessToken: string;
  customerId: string;
  glAccountId: string;
}

const REDIRECT_URI = 'http://localhost:8765/callback';

/** Connects the demo app with the OAuth code flow, then looks up a customer and G/L account 700000 through the API. */
export async function openDemoSession(url: string, division: number): Promise<DemoSession> {
  const accessToken = await connectDemoApp(url);
  const get = (path: string) => getJson(`${url}/api/v1/${division}/${path}`, accessToken);
  const glAccounts = await get(`financial/GLAccounts?$filter=Code eq '700000'&$select=ID`);
  const customers = await get(`crm/Accounts?$select=ID&$top=1`);
  return { accessToken, glAccountId: firstId(glAccounts, 'G/L account 700000'), customerId: firstId(customers, 'customer') };
}

async function connectDemoApp(url: string): Promise<string> {
  const auth = new URL('/api/oauth2/auth', url);
  auth.search = new URLSearchParams({
    client_id: DEMO_CLIENT.id,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    state: 'bench',
  }).toString();
  const consent = await fetch(auth, { redirect: 'manual' });
  const code = new URL(consent.headers.get('location') ?? REDIRECT_URI).searchParams.get('code');
  if (!code) throw new Error(`[bench] OAuth consent gave no code (HTTP ${consent.status}).`);
  const token = await fetch(new URL('/api/oauth2/token', url), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: DEMO_CLIENT.id,
      client_secret: DEMO_CLIENT.secret,
    }),
  });
  const body = (await token.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`[bench] OAuth token request failed (HTTP ${token.status}): ${JSON.stringify(body)}`);
  return body.access_token;
}

async function getJson(url: string, accessToken: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });
  if (!response.ok) throw new Error(`[bench] GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function firstId(list: unknown, what: string): string {
  // A list asked with $top comes as a bare array (`{"d":[…]}`), one without it as `{"d":{"results":[…]}}`.
  const d = (list as { d?: Array<{ ID?: string }> | { results?: Array<{ ID?: string }> } }).d;
  const id = (Array.isArray(d) ? d : d?.results)?.[0]?.ID;
  if (!id) throw new Error(`[bench] the demo company has no ${what}.`);
  return id;
}
