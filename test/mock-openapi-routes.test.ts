import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../mock-accounting/index.js';
import { mockRoutes } from '../mock-accounting/app.js';
import { buildOpenApiDocument } from '../mock-accounting/openapi/document.js';
import { entitySchemas, SERVED_SETS } from '../mock-accounting/openapi/entity-schemas.js';
import { openApiPath } from '../mock-accounting/openapi/back-office-paths.js';
import { BACK_OFFICE_OPERATIONS } from '../mock-accounting/back-office/route-index.js';
import type { z } from 'zod';
import { REDIRECT_URI } from './support/mock.js';
import { entryBody, seedIds, startConnected, type ConnectedMock } from './support/mock-api-fixtures.js';

// Issue 18, must-show 3: every route the server registers is in the OpenAPI document, and every documented route answers.

const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, unknown>; parameters?: Array<{ $ref?: string; name?: string; in?: string; required?: boolean }> }
    >
  >;
};
const METHODS = ['get', 'post', 'put', 'delete'];
const ENTITY_SCHEMAS = entitySchemas().output;

/** The zod schema a documented answer is written from: an entity set's envelope, or a back-office route's answer. */
function answerSchema(method: string, path: string, status: number): z.ZodType | undefined {
  const response = doc.paths[path]![method]!.responses[String(status)] as
    { content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
  const name = response?.content?.['application/json']?.schema?.$ref?.split('/').pop();
  if (name && ENTITY_SCHEMAS[name]) return ENTITY_SCHEMAS[name];
  if (status >= 300) return undefined;
  return BACK_OFFICE_OPERATIONS.find((op) => op.method.toLowerCase() === method && openApiPath(op.path) === path)?.answer;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[]; name?: string };
  name: string;
  rawPath?: string;
}

/** The routes an Express app registers, walking its router stack; the generic OData handler as `ANY <mount>/*`. */
function registeredRoutes(app: Express): string[] {
  const walk = (stack: Layer[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        return Object.keys(layer.route.methods).map(
          (method) => `${method.toUpperCase()} ${(prefix + layer.route!.path).replace(/(.)\/$/, '$1')}`,
        );
      }
      const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
      if (layer.handle.stack) return walk(layer.handle.stack, prefix + mount);
      return layer.name === 'handleApi' ? [`ANY ${prefix}/*`] : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
}

const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
  METHODS.filter((m) => operations[m]).map((m) => `${m.toUpperCase()} ${path}`),
);

describe('every route the server registers is in the OpenAPI document', () => {
  let connected: ConnectedMock;
  beforeAll(async () => {
    connected = await startConnected();
  });
  afterAll(() => connected.mock.close());

  // Every server of the process hands its requests to one Express app, the routes (mock-accounting/app.ts).
  it('finds the routes by walking the router stack of the app the servers share', async () => {
    const routes = registeredRoutes(await mockRoutes());
    // Literal anchors, so a walk that finds nothing cannot pass.
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /',
        'GET /__mock',
        'GET /__mock/openapi.json',
        'PUT /__mock/clock',
        'POST /api/oauth2/token',
        'ANY /api/v1/*',
      ]),
    );
    expect(routes.length).toBe(36);
  });

  it('documents each route the app registers, and registers each documented route outside the OData API', async () => {
    const routes = registeredRoutes(await mockRoutes()).filter((r) => !r.startsWith('ANY '));
    const asDocumented = routes.map((r) => r.replace(/:([A-Za-z]+)/g, '{$1}'));
    expect(documented).toEqual(expect.arrayContaining(asDocumented));
    expect(asDocumented.sort()).toEqual(documented.filter((r) => !r.includes(' /api/v1/')).sort());
  });

  it('documents every entity set the OData handler serves, and no other', () => {
    const bases = SERVED_SETS.map((set) => (set.path === 'current/Me' ? '/api/v1/current/Me' : `/api/v1/{division}/${set.path}`));
    expect(bases).toHaveLength(20);
    for (const base of bases) expect(doc.paths[base]?.get, base).toBeDefined();
    const documentedBases = new Set(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/api/v1/'))
        .map((p) => p.replace(/\(\{key\}\).*$|\/\$count$/, '')),
    );
    expect([...documentedBases].sort()).toEqual([...bases].sort());
  });
});

describe('every documented route answers', () => {
  let connected: ConnectedMock;
  let snapshot: unknown;
  beforeAll(async () => {
    connected = await startConnected();
    // Data for the sets the demo seed leaves empty: two bookings (receivables, lines, transaction lines), one deleted.
    const ids = await seedIds(connected.api);
    for (const ref of ['A', 'B', 'C'])
      expect((await connected.api.post('salesentry/SalesEntries', entryBody(ids, { YourRef: ref }))).status).toBe(201);
    const third = await connected.api.get("salesentry/SalesEntries?$filter=YourRef eq 'C'&$select=EntryID");
    expect((await connected.api.delete(`salesentry/SalesEntries(guid'${third.body.d.results[0].EntryID}')`)).status).toBe(204);
    snapshot = (await request(connected.mock.url).get('/__mock/state')).body;
  });
  afterAll(() => connected.mock.close());

  /** The key of the first row of an entity set, as its `__metadata.uri` writes it (`guid'…'`, `123L`, `Journal='70',…`). */
  async function firstKey(base: string): Promise<string> {
    const answer = await connected.api.get(`${base}?$top=1`);
    const rows = Array.isArray(answer.body.d) ? answer.body.d : answer.body.d.results;
    expect(rows.length, `${base} has a row to address`).toBeGreaterThan(0);
    const uri = rows[0].__metadata.uri as string;
    return uri.slice(uri.lastIndexOf('(') + 1, -1);
  }

  async function fill(path: string): Promise<string> {
    let filled = path.replace('{division}', '100001').replace('{code}', '70').replace('{year}', '2026').replace('{period}', '3');
    if (filled.includes('{entryNumber}')) {
      const entries = await request(connected.mock.url).get('/__mock/divisions/100001/journals/70/entries');
      filled = filled.replace('{entryNumber}', String(entries.body[0].entryNumber));
    }
    if (filled.includes('({key})')) {
      const base = filled.slice(0, filled.indexOf('({key})'));
      filled = filled.replace('{key}', await firstKey(base));
    }
    return filled;
  }

  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => METHODS.filter((m) => ops[m]).map((method) => ({ path, method })));

  it('lists every operation (a document that lost its paths cannot pass)', () => {
    expect(operations.length).toBe(104);
  });

  it.each(operations)('$method $path answers with a documented status, never 404', async ({ path, method }) => {
    const office = request(connected.mock.url);
    expect((await office.put('/__mock/state').send(snapshot as object)).status).toBe(200);
    const url = await fill(path);
    const query = path === '/api/oauth2/auth' ? { client_id: DEMO_CLIENT.id, redirect_uri: REDIRECT_URI } : {};
    let call = office[method as 'get' | 'post' | 'put' | 'delete'](url)
      .query(query)
      .set('Authorization', `Bearer ${connected.accessToken}`)
      .set('Accept', 'application/json');
    if (method !== 'get') call = call.send({});
    const answer = await call;
    expect(answer.status, `${method.toUpperCase()} ${url}: ${answer.text.slice(0, 200)}`).not.toBe(404);
    expect(Object.keys(doc.paths[path]![method]!.responses), `${method.toUpperCase()} ${url} answered ${answer.status}`).toContain(
      String(answer.status),
    );
    const schema = answerSchema(method, path, answer.status);
    if (schema) {
      const parsed = schema.safeParse(answer.body);
      expect(
        parsed.success ? [] : parsed.error.issues.slice(0, 3),
        `${method.toUpperCase()} ${url}: the answer fits its documented schema`,
      ).toEqual([]);
    }
  });

  it('checks the answers of the entity sets and the clock against their documented schemas (the check above has work to do)', () => {
    const checked = operations.filter(({ path, method }) => answerSchema(method, path, method === 'post' ? 201 : 200));
    expect(checked.length).toBe(48);
  });

  it('serves the document at GET /__mock/openapi.json', async () => {
    const answer = await request(connected.mock.url).get('/__mock/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual(doc);
  });
});
