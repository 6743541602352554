import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, DEMO_DIVISIONS, openStore, type MockServer } from '../mock-accounting/index.js';
import { accounts } from '../mock-accounting/api/entity-sets/accounts.js';
import { salesEntries, salesEntryLines } from '../mock-accounting/api/entity-sets/sales-entries.js';
import { connectDemoApp, startTestMock } from './support/mock.js';

// "Every malformed request (bad JSON, wrong types, unknown fields, bad GUIDs, bad $filter, bodies over 10 MB,
// __proto__ keys) gets a 4xx in the error envelope, changes nothing, and the server keeps serving."
// One file-backed server and one token serve a fast-check run of 1,000 generated malformed requests.

const DIVISION = DEMO_DIVISIONS.main;
const ENTRIES = 'salesentry/SalesEntries';
const LINES = 'salesentry/SalesEntryLines';
const ACCOUNTS = 'crm/Accounts';
const TEN_MB = 10 * 1024 * 1024;

/** One request: `path` below `/api/v1/{division}/`, or absolute when it starts with `/`. */
interface Req {
  method: string;
  path: string;
  body?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** What makes it malformed, shown when a run fails. */
  why: string;
}

/** What came back. */
interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** The ids the generated requests refer to, looked up once. */
interface Fixture {
  customer: string;
  glAccount: string;
  entryId: string;
  accountId: string;
  journalId: string;
}

const KNOWN_FIELDS = new Set([...Object.keys(salesEntries.fields), ...Object.keys(salesEntryLines.fields), ...Object.keys(accounts.fields), 'SalesEntryLines', '__metadata']);
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
const POLLUTERS: unknown[] = [{ polluted: true }, { prototype: { polluted: true } }, [], [{ polluted: true }], 1, null, 'x', true];

/** Puts `key: value` first in a JSON object's text, so that keys such as `__proto__` stay plain own properties. */
function withKey(json: string, key: string, rawValue: string): string {
  const rest = json.slice(1);
  return `{${JSON.stringify(key)}:${rawValue}${rest === '}' ? '' : ','}${rest}`;
}

/** Encodes a query value (`+` for spaces, as Exact clients send it). */
const q = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** A JSON text that JSON.parse refuses. */
const notJson = (text: string) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

function arbitraries(fx: Fixture) {
  const entry = `${ENTRIES}(guid'${fx.entryId}')`;
  const account = `${ACCOUNTS}(guid'${fx.accountId}')`;
  const line = () => ({ GLAccount: fx.glAccount, AmountFC: 100, VATCode: '21' });
  const booking = () => ({ Journal: '70', Customer: fx.customer, EntryDate: '2026-03-02', YourRef: 'gen', SalesEntryLines: [line()] });
  const relation = () => ({ Name: 'Generated Relation', Status: 'C' });
  const extraLine = () => ({ EntryID: fx.entryId, ...line() });

  // Where a body goes: creating a booking, a relation or a line, or changing an existing booking or relation.
  const writeTargets = fc.constantFrom(
    { method: 'POST', path: ENTRIES },
    { method: 'POST', path: ACCOUNTS },
    { method: 'POST', path: LINES },
    { method: 'PUT', path: entry },
    { method: 'PUT', path: account },
  );

  const badJsonText = fc.oneof(
    fc.constantFrom(
      '{',
      '{"Journal":',
      '{bad}',
      "{'Journal':'70'}",
      '[1,',
      'nul',
      'tru',
      '{"Journal":"70",}',
      '{"Journal" "70"}',
      '{"AmountFC":NaN}',
      '{"AmountFC":Infinity}',
      '{"YourRef":undefined}',
      '{"EntryNumber":01}',
      '{"YourRef":"\\u12"}',
      '{"YourRef":"x"}}',
      '}{',
      '\u0000',
      '{"EntryNumber":1e400}',
    ),
    fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && notJson(s)),
    fc.nat().map((n) => {
      const text = JSON.stringify(booking());
      return text.slice(0, 1 + (n % (text.length - 2)));
    }),
  );
  const contentHeaders = fc.constantFrom<Record<string, string>>(
    {},
    { 'Content-Type': 'text/plain' },
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    { 'Content-Type': 'application/json; charset=utf-16' },
  );
  const invalidJson = fc.tuple(writeTargets, badJsonText, contentHeaders).map(
    ([target, body, headers]): Req => ({ ...target, body, headers: { 'Content-Type': 'application/json', ...headers }, why: 'invalid JSON' }),
  );

  const wrongTopLevel = fc.tuple(writeTargets, fc.constantFrom('null', '42', '"a string"', 'true', '[]', '[{}]', `[${JSON.stringify(booking())}]`)).map(
    ([target, body]): Req => ({ ...target, body, why: 'JSON that is not an object' }),
  );

  const badBodyEncoding = fc.tuple(
    fc.constantFrom({ method: 'POST', path: ENTRIES }, { method: 'POST', path: ACCOUNTS }),
    fc.constantFrom<Record<string, string>>(
      { 'Content-Type': 'application/json; charset=bogus' },
      { 'Content-Encoding': 'gzip' },
      { 'Content-Encoding': 'deflate' },
      { 'Content-Encoding': 'bogus' },
    ),
  ).map(([target, headers]): Req => {
    const body = target.path === ENTRIES ? booking() : relation();
    return { ...target, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers }, why: `a body the server cannot decode (${JSON.stringify(headers)})` };
  });

  // Wrong types (and impossible values) for fields of a booking that is otherwise valid.
  const entryOverrides: Array<[string, unknown]> = [
    ['EntryNumber', 'abc'],
    ['EntryNumber', 1.5],
    ['EntryNumber', true],
    ['EntryNumber', {}],
    ['EntryNumber', []],
    ['EntryNumber', '12a'],
    ['EntryNumber', 2_147_483_648],
    ['EntryNumber', '99999999999999999999'],
    ['EntryNumber', 0],
    ['EntryNumber', -1],
    ['EntryNumber', '-42'],
    ['InvoiceNumber', 'x'],
    ['InvoiceNumber', 0],
    ['Customer', 42],
    ['Customer', true],
    ['Customer', {}],
    ['Customer', []],
    ['Customer', 'nope'],
    ['Customer', ''],
    ['Customer', '00000000-0000-0000-0000-00000000000g'],
    ['Customer', `${'0'.repeat(8)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'0'.repeat(13)}`],
    ['Journal', 70],
    ['Journal', true],
    ['Journal', {}],
    ['Journal', ['70']],
    ['SalesEntryLines', 'x'],
    ['SalesEntryLines', 42],
    ['SalesEntryLines', true],
    ['SalesEntryLines', {}],
    ['SalesEntryLines', { results: 'x' }],
    ['SalesEntryLines', [1]],
    ['SalesEntryLines', [null]],
    ['SalesEntryLines', ['x']],
    ['SalesEntryLines', [[]]],
    ['EntryDate', 'yesterday'],
    ['EntryDate', '2026-02-30'],
    ['EntryDate', '2026-13-01'],
    ['EntryDate', '2026-03-02T25:00:00'],
    ['EntryDate', 20260302],
    ['EntryDate', true],
    ['EntryDate', '/Date(abc)/'],
    ['EntryDate', '/Date(99999999999999999999)/'],
    ['EntryDate', '/Date(8640000000000001)/'],
    ['EntryDate', ''],
    ['DueDate', '/Date(99999999999999999999)/'],
    ['DueDate', '/Date(-99999999999999)/'],
    ['DueDate', '/Date(253402300800000)/'],
    ['DueDate', '2026-04-31'],
    ['DueDate', 5],
    ['YourRef', 5],
    ['YourRef', {}],
    ['YourRef', ['x']],
    ['Description', true],
    ['ReportingYear', 99_999],
    ['ReportingYear', 'x'],
    ['ReportingYear', 2026.5],
    ['ReportingPeriod', 'x'],
    ['OrderNumber', 'x'],
    ['OrderNumber', 1.5],
    ['Currency', 1],
    ['Document', 'nope'],
    ['Reversal', 'yes'],
    ['Rate', 'one'],
  ];
  const lineOverrides: Array<[string, unknown]> = [
    ['AmountFC', 'abc'],
    ['AmountFC', '1,5'],
    ['AmountFC', '1e5'],
    ['AmountFC', true],
    ['AmountFC', {}],
    ['AmountFC', 1e13],
    ['AmountFC', []],
    ['GLAccount', 42],
    ['GLAccount', 'nope'],
    ['VATCode', 21],
    ['Quantity', 'lots'],
    ['Description', 1],
    ['VATAmountFC', 'x'],
    ['EntryID', 'nope'],
  ];
  const accountOverrides: Array<[string, unknown]> = [
    ['Name', 42],
    ['Name', true],
    ['Name', {}],
    ['Status', 'Z'],
    ['Status', 5],
    ['Status', 'c'],
    ['Code', 'x'.repeat(19)],
    ['Code', 5],
    ['Blocked', 'yes'],
    ['Blocked', 1],
    ['Email', 5],
    ['IsSupplier', 'no'],
  ];
  const wrongTypes = fc.oneof(
    fc.tuple(fc.constantFrom(...entryOverrides), fc.constantFrom('POST', 'PUT')).map(([[name, value], method]): Req => {
      // A PUT may not change the booking's fixed fields either: a right type there is still refused.
      const body = method === 'POST' ? { ...booking(), [name]: value } : { [name]: value };
      return { method, path: method === 'POST' ? ENTRIES : entry, body: JSON.stringify(body), why: `${name}: ${JSON.stringify(value)}` };
    }),
    fc.tuple(fc.constantFrom(...lineOverrides), fc.constantFrom('inline', 'own')).map(([[name, value], where]): Req => {
      const body = where === 'inline' ? { ...booking(), SalesEntryLines: [{ ...line(), [name]: value }] } : { ...extraLine(), [name]: value };
      return { method: 'POST', path: where === 'inline' ? ENTRIES : LINES, body: JSON.stringify(body), why: `line ${name}: ${JSON.stringify(value)}` };
    }),
    fc.tuple(fc.constantFrom(...accountOverrides), fc.constantFrom('POST', 'PUT')).map(([[name, value], method]): Req => ({
      method,
      path: method === 'POST' ? ACCOUNTS : account,
      body: JSON.stringify({ ...relation(), [name]: value }),
      why: `account ${name}: ${JSON.stringify(value)}`,
    })),
    // On create an empty code means "the next one"; on a change it would leave the relation without one.
    fc.constantFrom<[string, unknown]>(['Code', ''], ['Code', '   '], ['Name', ''], ['Name', '  ']).map(([name, value]): Req => ({
      method: 'PUT',
      path: account,
      body: JSON.stringify({ [name]: value }),
      why: `account ${name}: ${JSON.stringify(value)} on PUT`,
    })),
    // Well-formed GUIDs and codes that refer to nothing.
    fc.tuple(fc.uuid(), fc.constantFrom('Customer', 'GLAccount')).map(([id, name]): Req => {
      const body = name === 'Customer' ? { ...booking(), Customer: id } : { ...booking(), SalesEntryLines: [{ ...line(), GLAccount: id }] };
      return { method: 'POST', path: ENTRIES, body: JSON.stringify(body), why: `unknown ${name} ${id}` };
    }),
    fc.constantFrom('99', '72', ' 70', '').map((journal): Req => ({ method: 'POST', path: ENTRIES, body: JSON.stringify({ ...booking(), Journal: journal }), why: `journal '${journal}'` })),
    fc.constantFrom('1999-01-01', '2030-06-01').map((date): Req => ({ method: 'POST', path: ENTRIES, body: JSON.stringify({ ...booking(), EntryDate: date }), why: `date outside the periods ${date}` })),
  );

  const unknownName = fc.oneof(
    fc.constantFrom('Foo', 'entrynumber', 'journal', 'Journal ', 'EntryId', 'Lines', 'Amount', 'odata.type', '$type', '', ' ', '__metadata__', 'd'),
    fc.string({ minLength: 1, maxLength: 12 }),
  ).filter((name) => !KNOWN_FIELDS.has(name) && !PROTOTYPE_KEYS.includes(name));
  const unknownFields = fc.tuple(unknownName, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('booking', 'line', 'relation', 'own line', 'put booking', 'put relation')).map(
    ([name, value, where]): Req => {
      const raw = JSON.stringify(value) ?? 'null';
      switch (where) {
        case 'booking':
          return { method: 'POST', path: ENTRIES, body: withKey(JSON.stringify(booking()), name, raw), why: `unknown field ${JSON.stringify(name)}` };
        case 'line': {
          const text = JSON.stringify({ ...booking(), SalesEntryLines: '#LINE#' }).replace('"#LINE#"', `[${withKey(JSON.stringify(line()), name, raw)}]`);
          return { method: 'POST', path: ENTRIES, body: text, why: `unknown line field ${JSON.stringify(name)}` };
        }
        case 'relation':
          return { method: 'POST', path: ACCOUNTS, body: withKey(JSON.stringify(relation()), name, raw), why: `unknown account field ${JSON.stringify(name)}` };
        case 'own line':
          return { method: 'POST', path: LINES, body: withKey(JSON.stringify(extraLine()), name, raw), why: `unknown line field ${JSON.stringify(name)}` };
        case 'put booking':
          return { method: 'PUT', path: entry, body: withKey('{"YourRef":"changed"}', name, raw), why: `unknown field ${JSON.stringify(name)} on PUT` };
        default:
          return { method: 'PUT', path: account, body: withKey('{"Name":"changed"}', name, raw), why: `unknown account field ${JSON.stringify(name)} on PUT` };
      }
    },
  );

  const prototypeKeys = fc.tuple(
    fc.constantFrom(...PROTOTYPE_KEYS),
    fc.constantFrom(...POLLUTERS),
    fc.constantFrom('booking', 'line', 'relation', 'own line', 'put booking', 'put relation'),
  ).map(([key, value, where]): Req => {
    const raw = JSON.stringify(value);
    const why = `${key}: ${raw} in ${where}`;
    switch (where) {
      case 'booking':
        return { method: 'POST', path: ENTRIES, body: withKey(JSON.stringify(booking()), key, raw), why };
      case 'line': {
        const text = JSON.stringify({ ...booking(), SalesEntryLines: '#LINE#' }).replace('"#LINE#"', `[${withKey(JSON.stringify(line()), key, raw)}]`);
        return { method: 'POST', path: ENTRIES, body: text, why };
      }
      case 'relation':
        return { method: 'POST', path: ACCOUNTS, body: withKey(JSON.stringify(relation()), key, raw), why };
      case 'own line':
        return { method: 'POST', path: LINES, body: withKey(JSON.stringify(extraLine()), key, raw), why };
      case 'put booking':
        return { method: 'PUT', path: entry, body: withKey('{"YourRef":"changed"}', key, raw), why };
      default:
        return { method: 'PUT', path: account, body: withKey('{"Name":"changed"}', key, raw), why };
    }
  });

  // Keys in the URL that are not keys of the set: GUID-keyed sets get anything but a GUID, number-keyed sets a GUID or text.
  const guidKeyed = [ENTRIES, ACCOUNTS, LINES, 'financial/Journals', 'financial/GLAccounts'];
  const badGuidKey = fc.oneof(
    fc.constantFrom(
      "guid'nope'",
      "guid''",
      `guid'${fx.entryId}x'`,
      `guid'${fx.entryId.slice(1)}'`,
      "guid'{}'",
      'guid',
      '1',
      '1L',
      "'x'",
      `'${fx.entryId}'`,
      fx.entryId,
      '',
      'null',
      'true',
      `guid'${fx.entryId}' and 1`,
      'EntryID eq 1',
      "x'",
      "guid'",
      "datetime'2026-01-01'",
    ),
    fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s)),
    fc.uuid().map((id) => `guid'${id}'`), // well-formed, but nothing has it: 404
  );
  const badKeys = fc.oneof(
    fc.tuple(fc.constantFrom(...guidKeyed), badGuidKey, fc.constantFrom('GET', 'PUT', 'DELETE')).map(([set, key, method]): Req => ({
      method,
      path: `${set}(${key})`,
      body: method === 'PUT' ? '{"YourRef":"changed","Name":"changed"}' : undefined,
      why: `bad key ${key}`,
    })),
    fc.tuple(
      fc.constantFrom('system/Divisions', 'hrm/Divisions', 'sync/CRM/Accounts', 'sync/Financial/TransactionLines', 'read/financial/ReceivablesList'),
      fc.constantFrom(`guid'${fx.entryId}'`, "'1'", "'x'", 'x', '1.5.5', 'guid', "guid'nope'", 'true'),
    ).map(([set, key]): Req => ({ method: 'GET', path: `${set}(${key})`, why: `bad key ${key}` })),
    fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'Foo', 'salesentrylines').chain((nav) =>
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE').map((method): Req => ({
        method,
        path: `${entry}/${nav}`,
        body: method === 'POST' || method === 'PUT' ? JSON.stringify(line()) : undefined,
        why: `navigation ${nav}`,
      })),
    ),
  );

  // Query options that are not valid: garbage $filter (including one nested beyond any sensible depth), $orderby, $top ...
  const garbageFilter = fc.oneof(
    fc.constantFrom(
      'Name eq',
      'eq 1',
      "((Journal eq '70')",
      "Journal eq '70')",
      "Journal eq 'unterminated",
      "guid'nope' eq EntryID",
      "EntryDate lt datetime'2026-13-45'",
      'Foo eq 1',
      'constructor eq 1',
      '__proto__ eq null',
      "toString eq 'x'",
      'hasOwnProperty eq hasOwnProperty',
      'valueOf ne 1',
      "substringof('x')",
      "unknownfn(Journal) eq '70'",
      "Journal eq '70' and",
      'not',
      'EntryNumber @ 1',
      'EntryNumber eq 1 eq 1',
      "Journal eq '70' Foo",
      '(',
      ')',
      "trim(Journal, 'x') eq '70'",
      'EntryNumber eq 1.2.3',
      'EntryNumber eq --1',
      "length() eq 1",
      '',
      ' ',
      "Journal eq '70' or (",
    ),
    fc.integer({ min: 1_500, max: 4_000 }).map((depth) => `${'('.repeat(depth)}EntryNumber eq 1${')'.repeat(depth)}`),
    fc.integer({ min: 1_500, max: 4_000 }).map((depth) => '('.repeat(depth)),
    fc.tuple(fc.constantFrom('Zz', 'Unknown', 'X_'), fc.stringMatching(/^[A-Za-z_]{0,10}$/)).map(([prefix, rest]) => `${prefix}${rest} eq 1`),
    fc.tuple(
      fc.constantFrom("Journal eq '70'", 'EntryNumber gt 1000', "trim(YourRef) eq 'x'", "EntryDate ge datetime'2026-01-01'"),
      fc.constantFrom(' and', ')', ' eq', " eq 'x", ' @', ' or (', ' #', ' ;', ' !', ' ~', ' Foo', ' $', ' "x"', ' ]'),
    ).map(([filter, corruption]) => filter + corruption),
  );
  const queryOption = fc.oneof(
    garbageFilter.map((f) => `$filter=${q(f)}`),
    fc.constantFrom('Foo', 'EntryNumber sideways', 'EntryNumber asc desc', 'constructor', 'toString desc', '__proto__', '', ',', 'EntryNumber,').map((o) => `$orderby=${q(o)}`),
    fc.tuple(fc.constantFrom('$top', '$skip'), fc.constantFrom('-1', 'abc', '1.5', '1e3', '', ' 1', '0x10', '9999999999', '+1', 'null')).map(([name, v]) => `${name}=${q(v)}`),
    fc.constantFrom('Foo', 'constructor', '__proto__', 'toString', 'Foo,Bar', ',Foo', 'EntryNumber,Foo').map((s) => `$select=${q(s)}`),
    fc.constantFrom('Foo', 'constructor', '__proto__', 'SalesEntryLines/Foo', 'toString').map((s) => `$expand=${q(s)}`),
    fc.constantFrom("guid'nope'", 'Foo', "'unterminated", '(', 'EntryNumber eq 1', 'constructor').map((s) => `$skiptoken=${q(s)}`),
    fc.constantFrom('some', 'ALLPAGES', '').map((s) => `$inlinecount=${q(s)}`),
    fc.constantFrom('xml', 'atom', 'JSON', '').map((s) => `$format=${q(s)}`),
    fc.oneof(fc.constantFrom('$foo', '$count', '$search', '$apply', '$Filterx', '$', '$$', '$__proto__', '$constructor'), fc.stringMatching(/^\$[a-z]{1,8}$/))
      .filter((name) => !['$filter', '$select', '$orderby', '$top', '$skip', '$skiptoken', '$expand', '$inlinecount', '$format'].includes(name.toLowerCase()))
      .map((name) => `${q(name)}=1`),
    fc.constantFrom('$top=1&$top=2', `$filter=${q("Journal eq '70'")}&$FILTER=${q("Journal eq '71'")}`, '$select=EntryID&$Select=EntryNumber'),
  );
  const badQueries = fc.tuple(
    fc.constantFrom(ENTRIES, `${ENTRIES}/$count`, `${entry}/SalesEntryLines`, ACCOUNTS, 'financial/Journals', LINES, 'sync/Financial/TransactionLines'),
    queryOption,
  ).map(([path, query]): Req => ({ method: 'GET', path: `${path}?${query}`, why: `query ${decodeURIComponent(query.slice(0, 80))}` }));

  const wrongMethods = fc.oneof(
    fc.tuple(fc.constantFrom(ENTRIES, ACCOUNTS, LINES, 'financial/Journals', 'financial/GLAccounts', 'system/Divisions'), fc.constantFrom('PUT', 'DELETE', 'PATCH')).map(
      ([path, method]): Req => ({ method, path, body: method === 'DELETE' ? undefined : JSON.stringify(booking()), why: `${method} on a collection` }),
    ),
    fc.tuple(fc.constantFrom(entry, account), fc.constantFrom('POST', 'PATCH', 'MERGE')).map(([path, method]): Req => ({
      method,
      path,
      body: JSON.stringify(path === entry ? booking() : relation()),
      why: `${method} on an entity`,
    })),
    fc.tuple(
      fc.constantFrom(`financial/Journals(guid'${fx.journalId}')`, `financial/GLAccounts(guid'${fx.glAccount}')`, `system/Divisions(${DIVISION})`, 'vat/VATCodes', 'financial/FinancialPeriods', '/api/v1/current/Me'),
      fc.constantFrom('POST', 'PUT', 'DELETE'),
    ).map(([path, method]): Req => ({ method, path, body: method === 'DELETE' ? undefined : '{"Description":"changed"}', why: `${method} on read-only data` })),
    fc.tuple(fc.constantFrom(`${ENTRIES}/$count`, `${entry}/SalesEntryLines`, `${entry}/$count`), fc.constantFrom('POST', 'PUT', 'DELETE')).map(([path, method]): Req => ({
      method,
      path,
      body: method === 'DELETE' ? undefined : JSON.stringify(method === 'POST' ? booking() : line()),
      why: `${method} on ${path}`,
    })),
    fc.constantFrom('HEAD', 'OPTIONS').map((method): Req => ({ method, path: ENTRIES, why: `${method}` })),
  );

  const badPaths = fc.constantFrom<Req>(
    { method: 'GET', path: `${ENTRIES}%ZZ`, why: 'malformed percent-escape' },
    { method: 'GET', path: `${ENTRIES}/extra`, why: 'extra segment' },
    { method: 'GET', path: `${ENTRIES}/$count/x`, why: 'segment after $count' },
    { method: 'GET', path: 'constructor', why: 'prototype name as entity set' },
    { method: 'GET', path: '__proto__/x', why: 'prototype name as service' },
    { method: 'POST', path: 'constructor/prototype', body: '{"polluted":true}', why: 'prototype path' },
    { method: 'GET', path: '/api/v1/', why: 'no division' },
    { method: 'GET', path: `/api/v1/${DIVISION}`, why: 'no entity set' },
    { method: 'GET', path: `/api/v1/999999/${ENTRIES}`, why: 'a division without access' },
    { method: 'GET', path: `/api/v1/abc/${ENTRIES}`, why: 'a division that is not a number' },
    { method: 'GET', path: `/api/v1/1234567890/${ENTRIES}`, why: 'a division number too long' },
    { method: 'POST', path: `/api/v1/999999/${ENTRIES}`, body: '{}', why: 'posting into a division without access' },
    { method: 'GET', path: `SALESENTRY/SALESENTRIES(guid'nope')`, why: 'bad key, case-insensitive set' },
    { method: 'GET', path: '/api/v2/x', why: 'unknown API version' },
    { method: 'GET', path: '/api/oauth2/nope', why: 'unknown OAuth endpoint' },
  );

  const badAuth = fc.tuple(
    fc.constantFrom<Record<string, string>>(
      { Authorization: 'Bearer nope' },
      { Authorization: 'Bearer constructor' },
      { Authorization: 'Bearer __proto__' },
      { Authorization: 'Bearer toString' },
      { Authorization: 'Basic Ym9va2xhYjpzZWNyZXQ=' },
      { Authorization: 'Bearer' },
      { Authorization: '' },
    ),
    fc.constantFrom({ method: 'GET', path: ENTRIES }, { method: 'POST', path: ENTRIES }, { method: 'GET', path: '/api/v1/current/Me' }),
  ).map(([headers, target]): Req => ({
    ...target,
    headers,
    body: target.method === 'POST' ? JSON.stringify(booking()) : undefined,
    why: `authorization ${JSON.stringify(headers.Authorization)}`,
  }));

  return fc.oneof(
    { arbitrary: invalidJson, weight: 3 },
    { arbitrary: wrongTopLevel, weight: 1 },
    { arbitrary: badBodyEncoding, weight: 1 },
    { arbitrary: wrongTypes, weight: 4 },
    { arbitrary: unknownFields, weight: 2 },
    { arbitrary: prototypeKeys, weight: 2 },
    { arbitrary: badKeys, weight: 3 },
    { arbitrary: badQueries, weight: 4 },
    { arbitrary: wrongMethods, weight: 2 },
    { arbitrary: badPaths, weight: 1 },
    { arbitrary: badAuth, weight: 1 },
  );
}

/** Exact's OData error envelope, with some text. */
const ENVELOPE = { error: { code: '', message: { lang: '', value: expect.any(String) } } };

describe('malformed requests to the mock API', () => {
  let dir: string;
  let file: string;
  let mock: MockServer | undefined;
  let token: string;
  let fx: Fixture;

  /** Sends one request with the shared token (unless the request brings its own Authorization). */
  async function send({ method, path, body, headers = {} }: Req): Promise<Answer> {
    const url = path.startsWith('/') ? `${mock!.url}${path}` : `${mock!.url}/api/v1/${DIVISION}/${path}`;
    const response = await fetch(url, {
      method,
      body,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  }

  /** A fingerprint of the whole accounting state (bookings, relations, journals and their counters, ids, tokens). */
  const stateHash = () => createHash('sha256').update(JSON.stringify(mock!.store.state)).digest('hex');

  /** A 4xx, in the envelope unless it is one of the answers Exact sends without a body. */
  function expectRefusal(req: Req, answer: Answer): void {
    const context = `${req.method} ${req.path.slice(0, 120)} (${req.why}) → ${answer.status} ${answer.text.slice(0, 200)}`;
    expect(answer.status, context).toBeGreaterThanOrEqual(400);
    expect(answer.status, context).toBeLessThan(500);
    if (answer.status === 401 || answer.status === 429) {
      expect(answer.text, context).toBe('');
      return;
    }
    // HEAD has no body by definition; 431 comes from Node's HTTP parser before any route runs.
    if (req.method === 'HEAD' || answer.status === 431) return;
    expect(answer.contentType, context).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text), context).toEqual(ENVELOPE);
  }

  /** A valid booking goes through and gets the next number. */
  async function expectServing(expectedNumber: number): Promise<void> {
    const answer = await send({
      method: 'POST',
      path: ENTRIES,
      body: JSON.stringify({ Journal: '70', Customer: fx.customer, EntryDate: '2026-03-02', SalesEntryLines: [{ GLAccount: fx.glAccount, AmountFC: 10 }] }),
      headers: { Prefer: 'return=representation' },
      why: 'valid',
    });
    expect(answer.status, answer.text).toBe(201);
    expect(JSON.parse(answer.text).d.EntryNumber).toBe(expectedNumber);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-malformed-'));
    file = join(dir, 'data.json');
    mock = await startTestMock({ file });
    ({ accessToken: token } = await connectDemoApp(mock.url));
    const get = async (path: string) => JSON.parse((await send({ method: 'GET', path, why: 'lookup' })).text);
    const gl = await get(`financial/GLAccounts?$filter=${q("Code eq '700000'")}&$select=ID`);
    const relations = await get(`${ACCOUNTS}?$filter=${q("trim(Code) eq '1'")}&$select=ID`);
    const relation4 = await get(`${ACCOUNTS}?$filter=${q("trim(Code) eq '4'")}&$select=ID`);
    const journals = await get(`financial/Journals?$filter=${q("Code eq '70'")}&$select=ID`);
    fx = {
      glAccount: gl.d.results[0].ID,
      customer: relations.d.results[0].ID,
      accountId: relation4.d.results[0].ID,
      journalId: journals.d.results[0].ID,
      entryId: '',
    };
    const booked = await send({
      method: 'POST',
      path: ENTRIES,
      body: JSON.stringify({ Journal: '70', Customer: fx.customer, EntryDate: '2026-03-02', YourRef: 'existing', SalesEntryLines: [{ GLAccount: fx.glAccount, AmountFC: 100 }] }),
      why: 'the booking PUTs and navigations refer to',
    });
    expect(booked.status).toBe(201);
    fx.entryId = JSON.parse(booked.text).d.EntryID;
  });

  afterAll(async () => {
    await mock?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 1,000 generated malformed requests with a 4xx in the error envelope and changes nothing', async () => {
    const before = stateHash();
    const baseline = JSON.stringify(mock!.store.state);
    /** Names what a request changed, and puts the state back so that fast-check can shrink to the real culprit. */
    const undoChange = async (req: Req): Promise<string> => {
      const was = JSON.parse(baseline) as Record<string, unknown>;
      const now = mock!.store.state as unknown as Record<string, unknown>;
      const changed = Object.keys(was).filter((c) => JSON.stringify(was[c]) !== JSON.stringify(now[c]));
      await mock!.store.replace(JSON.parse(baseline));
      return `${req.method} ${req.path.slice(0, 120)} (${req.why}) changed the state: ${changed.join(', ')}`;
    };
    const backOfficeBefore = (await (await fetch(`${mock!.url}/__mock/state`)).json()) as Record<string, unknown>;
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(arbitraries(fx), async (req) => {
        runs += 1;
        const answer = await send(req);
        const changed = stateHash() !== before ? await undoChange(req) : undefined;
        expectRefusal(req, answer);
        if (changed) expect.fail(changed);
      }),
      { numRuns: 1_000 },
    );

    expect(runs).toBeGreaterThanOrEqual(1_000);
    // The same through the back office: bookings, relations and journals (with their counters) are as they were.
    const after = (await (await fetch(`${mock!.url}/__mock/state`)).json()) as Record<string, unknown>;
    for (const collection of ['salesEntries', 'accounts', 'journals', 'meta']) expect(after[collection]).toEqual(backOfficeBefore[collection]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    await expectServing(1002);
  }, 180_000);

  it('refuses a body just over 10 MB in the envelope, books nothing, and keeps serving', async () => {
    const before = stateHash();
    const template = JSON.stringify({ Journal: '70', Customer: fx.customer, EntryDate: '2026-03-02', Description: '#', SalesEntryLines: [{ GLAccount: fx.glAccount, AmountFC: 100 }] });
    const body = template.replace('#', 'x'.repeat(TEN_MB + 1 - (template.length - 1)));
    expect(Buffer.byteLength(body)).toBe(TEN_MB + 1);

    const sized = await send({ method: 'POST', path: ENTRIES, body, why: 'over 10 MB with Content-Length' });
    expectRefusal({ method: 'POST', path: ENTRIES, why: 'over 10 MB' }, sized);
    expect(JSON.parse(sized.text).error.message.value).toMatch(/10 MB/);

    const bytes = new TextEncoder().encode(body);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1024 * 1024) controller.enqueue(bytes.subarray(offset, offset + 1024 * 1024));
        controller.close();
      },
    });
    const streamed = await send({ method: 'POST', path: ENTRIES, body: chunked, why: 'over 10 MB, chunked without Content-Length' });
    expectRefusal({ method: 'POST', path: ENTRIES, why: 'over 10 MB chunked' }, streamed);

    expect(stateHash()).toBe(before);
    await expectServing(1003);
  }, 60_000);

  it('does not let __proto__ or constructor keys pollute Object.prototype or reach the state, wherever they are sent', async () => {
    const before = stateHash();
    const polluter = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    for (const path of [ENTRIES, ACCOUNTS, LINES, `${ENTRIES}(guid'${fx.entryId}')`, `${ACCOUNTS}(guid'${fx.accountId}')`]) {
      const req = { method: path.includes('(') ? 'PUT' : 'POST', path, body: polluter, why: 'polluting body' };
      expectRefusal(req, await send(req));
    }
    // In the query string and the OAuth form as well (flat parsers: no nested objects are built).
    const query = { method: 'GET', path: `${ENTRIES}?__proto__[polluted]=true&constructor[prototype][polluted]=true&$filter=${q('__proto__ eq null')}`, why: 'polluting query' };
    expectRefusal(query, await send(query));
    for (const form of [
      'grant_type=authorization_code&client_id=constructor&code=constructor',
      'grant_type=authorization_code&client_id=__proto__&code=__proto__',
      'grant_type=refresh_token&client_id=constructor&refresh_token=constructor',
      'grant_type=authorization_code&client_id=hasOwnProperty&code=toString&redirect_uri=x',
      `grant_type=authorization_code&client_id=${DEMO_CLIENT.id}&client_secret=${DEMO_CLIENT.secret}&code=constructor`,
      `grant_type=refresh_token&client_id=${DEMO_CLIENT.id}&client_secret=${DEMO_CLIENT.secret}&refresh_token=__proto__`,
      '__proto__[polluted]=true&grant_type=authorization_code',
    ]) {
      const answer = await fetch(`${mock!.url}/api/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
      expect(answer.status, form).toBeGreaterThanOrEqual(400);
      expect(answer.status, form).toBeLessThan(500);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body, form).not.toHaveProperty('access_token');
    }
    for (const clientId of ['constructor', '__proto__', 'toString']) {
      const auth = await fetch(`${mock!.url}/api/oauth2/auth?client_id=${clientId}&redirect_uri=${q('http://localhost:8765/callback')}&response_type=code`, { redirect: 'manual' });
      expect(auth.status, clientId).toBe(400);
    }
    // The back office takes a seed name and a state document: prototype names are neither.
    for (const seed of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const reset = await fetch(`${mock!.url}/__mock/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seed }) });
      expect(reset.status, seed).toBe(400);
    }
    const restore = await fetch(`${mock!.url}/__mock/state`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: polluter });
    expect(restore.status).toBe(400);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(stateHash()).toBe(before);
    await expectServing(1004);
  });

  it('leaves a data file that loads again with exactly the state it served', async () => {
    const served = JSON.parse(JSON.stringify(mock!.store.state));
    await mock!.close();
    mock = undefined;
    const reopened = await openStore({ file });
    try {
      expect(reopened.state).toEqual(served);
    } finally {
      await reopened.close();
    }
  });
});
