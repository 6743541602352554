// Over 250 lines: one catalogue of malformed requests, shared by the test (a modest run) and the soak bench (10,000).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { DEMO_DIVISIONS, type MockServer } from '../../mock-accounting/index.js';
import { accounts } from '../../mock-accounting/api/entity-sets/accounts.js';
import { salesEntries } from '../../mock-accounting/api/entity-sets/sales-entries.js';
import { salesEntryLines } from '../../mock-accounting/api/entity-sets/sales-entry-lines.js';
import { connectDemoApp } from './mock.js';
import { rawRequest, type RawAnswer } from './raw-http.js';

// "Every malformed request (bad JSON, wrong types, unknown fields, bad GUIDs, bad $filter, bodies over 10 MB,
// __proto__ keys, back-office changes from a web page, foreign Host names, values past their bounds, empty strings,
// reporting periods not in the table) gets a 4xx in its error shape, changes nothing, and the server keeps serving."

export const DIVISION = DEMO_DIVISIONS.main;
export const ENTRIES = 'salesentry/SalesEntries';
export const LINES = 'salesentry/SalesEntryLines';
export const ACCOUNTS = 'crm/Accounts';

/** One request: `path` below `/api/v1/{division}/`, or absolute when it starts with `/`. */
export interface Req {
  method: string;
  path: string;
  body?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** What makes it malformed, shown when a run fails. */
  why: string;
}

/** The ids the generated requests refer to, looked up once. */
export interface Fixture {
  customer: string;
  glAccount: string;
  entryId: string;
  accountId: string;
  journalId: string;
}

const KNOWN_FIELDS = new Set([
  ...Object.keys(salesEntries.fields),
  ...Object.keys(salesEntryLines.fields),
  ...Object.keys(accounts.fields),
  'SalesEntryLines',
  '__metadata',
]);
const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];
const POLLUTERS: unknown[] = [{ polluted: true }, { prototype: { polluted: true } }, [], [{ polluted: true }], 1, null, 'x', true];

/** Back-office changes with valid bodies: each would change something if it got through. */
const BACK_OFFICE_CHANGES: ReadonlyArray<{ method: string; path: string; body?: string }> = [
  { method: 'POST', path: '/__mock/reset', body: '{"seed":"empty"}' },
  { method: 'PUT', path: '/__mock/clock', body: '{"now":"2030-01-01T00:00:00Z"}' },
  { method: 'POST', path: '/__mock/clock/advance', body: '{"days":1}' },
  { method: 'POST', path: '/__mock/tokens/expire', body: '{}' },
  { method: 'POST', path: '/__mock/faults', body: '{"method":"GET","path":"x","status":500}' },
  { method: 'PUT', path: '/__mock/rate-limits', body: '{"enforce":true,"minutely":1}' },
  { method: 'PUT', path: '/__mock/divisions/100001/journals/70/next-booking-number', body: '{"value":5000}' },
  {
    method: 'POST',
    path: '/__mock/divisions/100001/journals/70/entries',
    body: '{"customerCode":"1","lines":[{"glAccountCode":"700000","amountCents":100}]}',
  },
  { method: 'PUT', path: '/__mock/divisions/100001/periods/2026/3', body: '{"closed":true}' },
  { method: 'PUT', path: '/__mock/divisions/100001/flavour', body: '{"flavour":"octopus"}' },
  { method: 'DELETE', path: '/__mock/divisions/100001/journals/70/entries/1001' },
];

/** What a web page elsewhere sends: its Origin, or a type it may send without asking (CORS "simple" requests). */
const CROSS_SITE_HEADERS: ReadonlyArray<Record<string, string>> = [
  { Origin: 'https://attacker.example', 'Content-Type': 'text/plain' },
  { Origin: 'https://attacker.example' },
  { Origin: 'null' },
  { Origin: 'http://localhost:1' },
  { 'Content-Type': 'text/plain' },
  { 'Content-Type': 'text/plain;charset=UTF-8' },
  { 'Content-Type': 'application/x-www-form-urlencoded' },
  { 'Content-Type': 'multipart/form-data; boundary=x' },
];

/** Back-office bodies with a value past its bound, empty where a value is needed, or of the wrong kind. */
const BACK_OFFICE_OUT_OF_BOUNDS: ReadonlyArray<[string, string, unknown]> = [
  ...[0, -1, 1.5, 2_147_483_648, 9_007_199_254_740_991, 1e21, '5', null].map((value): [string, string, unknown] => [
    'PUT',
    '/__mock/divisions/100001/journals/70/next-booking-number',
    { value },
  ]),
  ...[0, 10_000, 1e15].map((year): [string, string, unknown] => [
    'PUT',
    '/__mock/divisions/100001/journals/70/next-booking-number',
    { value: 1001, year },
  ]),
  ...[
    { amountCents: 1e16 },
    { amountCents: -1e16 },
    { amountCents: 1.5 },
    { amountCents: 100, vatAmountCents: 1e16 },
    { amountCents: 100, glAccountCode: '' },
    { amountCents: 100, vatCode: '' },
  ].map((line): [string, string, unknown] => [
    'POST',
    '/__mock/divisions/100001/journals/70/entries',
    { customerCode: '1', lines: [{ glAccountCode: '700000', ...line }] },
  ]),
  ...[
    { entryNumber: 2_147_483_648 },
    { entryNumber: 0 },
    { customerCode: '' },
    { lines: [] },
    { yourRef: 'x'.repeat(61) },
    { entryDate: '2026-02-30' },
    { entryDate: '' },
  ].map((change): [string, string, unknown] => [
    'POST',
    '/__mock/divisions/100001/journals/70/entries',
    { customerCode: '1', lines: [{ glAccountCode: '700000', amountCents: 100 }], ...change },
  ]),
  ...[{ minutely: 0 }, { minutely: 1e7 }, { minutely: 9_007_199_254_740_991 }, { daily: 1e10 }, { enforce: 'yes' }].map(
    (change): [string, string, unknown] => ['PUT', '/__mock/rate-limits', change],
  ),
  ...['', 'yesterday', 1e20, -1e20].map((now): [string, string, unknown] => ['PUT', '/__mock/clock', { now }]),
  ['POST', '/__mock/clock/advance', { days: 1e12 }],
  ['POST', '/__mock/reset', { seed: '' }],
  ['PUT', '/__mock/divisions/100001/flavour', { flavour: '' }],
  ['PUT', '/__mock/divisions/100001/flavour', { flavour: 'yuki', domain: '' }],
  ['PUT', '/__mock/divisions/100001/periods/2026/3', { closed: 'yes' }],
  ['PUT', '/__mock/divisions/100001/periods/2026/99', { closed: true }],
  ['POST', '/__mock/faults', { path: 'x', status: 200 }],
  ['POST', '/__mock/faults', { path: 'x', latencyMs: 1e9 }],
  ['POST', '/__mock/faults', { path: 'x', status: 500, times: 0 }],
];

/** Host names a DNS-rebinding page arrives under (its own), and others this server does not serve. */
const FOREIGN_HOSTS = [
  'attacker.example',
  'attacker.example:5080',
  'localhost.attacker.example',
  '127.0.0.1.nip.io',
  '10.0.0.1',
  '[::2]',
  '',
];

/** Puts `key: value` first in a JSON object's text, so that keys such as `__proto__` stay plain own properties. */
function withKey(json: string, key: string, rawValue: string): string {
  const rest = json.slice(1);
  return `{${JSON.stringify(key)}:${rawValue}${rest === '}' ? '' : ','}${rest}`;
}

/** Encodes a query value (`+` for spaces, as Exact clients send it). */
export const q = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** A JSON text that JSON.parse refuses. */
const notJson = (text: string) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

/** Requests the mock must refuse with a 4xx and no change, each saying why it is malformed. */
export function malformedRequests(fx: Fixture): fc.Arbitrary<Req> {
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
  const invalidJson = fc.tuple(writeTargets, badJsonText, contentHeaders).map(([target, body, headers]): Req => ({
    ...target,
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
    why: 'invalid JSON',
  }));

  const wrongTopLevel = fc
    .tuple(writeTargets, fc.constantFrom('null', '42', '"a string"', 'true', '[]', '[{}]', `[${JSON.stringify(booking())}]`))
    .map(([target, body]): Req => ({ ...target, body, why: 'JSON that is not an object' }));

  const badBodyEncoding = fc
    .tuple(
      fc.constantFrom({ method: 'POST', path: ENTRIES }, { method: 'POST', path: ACCOUNTS }),
      fc.constantFrom<Record<string, string>>(
        { 'Content-Type': 'application/json; charset=bogus' },
        { 'Content-Encoding': 'gzip' },
        { 'Content-Encoding': 'deflate' },
        { 'Content-Encoding': 'bogus' },
      ),
    )
    .map(([target, headers]): Req => {
      const body = target.path === ENTRIES ? booking() : relation();
      return {
        ...target,
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', ...headers },
        why: `a body the server cannot decode (${JSON.stringify(headers)})`,
      };
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
    // Empty strings where a value is needed (issue 15).
    ['EntryNumber', ''],
    ['InvoiceNumber', 2_147_483_648],
    ['ReportingYear', ''],
    ['ReportingPeriod', ''],
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
    ['GLAccount', ''],
    ['AmountFC', ''],
    ['AmountFC', ' '],
    ['VATAmountFC', ''],
    ['EntryID', ''],
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
      const body =
        where === 'inline' ? { ...booking(), SalesEntryLines: [{ ...line(), [name]: value }] } : { ...extraLine(), [name]: value };
      return {
        method: 'POST',
        path: where === 'inline' ? ENTRIES : LINES,
        body: JSON.stringify(body),
        why: `line ${name}: ${JSON.stringify(value)}`,
      };
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
    fc.constantFrom('99', '72', ' 70', '').map((journal): Req => ({
      method: 'POST',
      path: ENTRIES,
      body: JSON.stringify({ ...booking(), Journal: journal }),
      why: `journal '${journal}'`,
    })),
    fc.constantFrom('1999-01-01', '2030-06-01').map((date): Req => ({
      method: 'POST',
      path: ENTRIES,
      body: JSON.stringify({ ...booking(), EntryDate: date }),
      why: `date outside the periods ${date}`,
    })),
  );

  const unknownName = fc
    .oneof(
      fc.constantFrom(
        'Foo',
        'entrynumber',
        'journal',
        'Journal ',
        'EntryId',
        'Lines',
        'Amount',
        'odata.type',
        '$type',
        '',
        ' ',
        '__metadata__',
        'd',
      ),
      fc.string({ minLength: 1, maxLength: 12 }),
    )
    .filter((name) => !KNOWN_FIELDS.has(name) && !PROTOTYPE_KEYS.includes(name));
  const unknownFields = fc
    .tuple(
      unknownName,
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('booking', 'line', 'relation', 'own line', 'put booking', 'put relation'),
    )
    .map(([name, value, where]): Req => {
      const raw = JSON.stringify(value) ?? 'null';
      switch (where) {
        case 'booking':
          return {
            method: 'POST',
            path: ENTRIES,
            body: withKey(JSON.stringify(booking()), name, raw),
            why: `unknown field ${JSON.stringify(name)}`,
          };
        case 'line': {
          const text = JSON.stringify({ ...booking(), SalesEntryLines: '#LINE#' }).replace(
            '"#LINE#"',
            `[${withKey(JSON.stringify(line()), name, raw)}]`,
          );
          return { method: 'POST', path: ENTRIES, body: text, why: `unknown line field ${JSON.stringify(name)}` };
        }
        case 'relation':
          return {
            method: 'POST',
            path: ACCOUNTS,
            body: withKey(JSON.stringify(relation()), name, raw),
            why: `unknown account field ${JSON.stringify(name)}`,
          };
        case 'own line':
          return {
            method: 'POST',
            path: LINES,
            body: withKey(JSON.stringify(extraLine()), name, raw),
            why: `unknown line field ${JSON.stringify(name)}`,
          };
        case 'put booking':
          return {
            method: 'PUT',
            path: entry,
            body: withKey('{"YourRef":"changed"}', name, raw),
            why: `unknown field ${JSON.stringify(name)} on PUT`,
          };
        default:
          return {
            method: 'PUT',
            path: account,
            body: withKey('{"Name":"changed"}', name, raw),
            why: `unknown account field ${JSON.stringify(name)} on PUT`,
          };
      }
    });

  const prototypeKeys = fc
    .tuple(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.constantFrom(...POLLUTERS),
      fc.constantFrom('booking', 'line', 'relation', 'own line', 'put booking', 'put relation'),
    )
    .map(([key, value, where]): Req => {
      const raw = JSON.stringify(value);
      const why = `${key}: ${raw} in ${where}`;
      switch (where) {
        case 'booking':
          return { method: 'POST', path: ENTRIES, body: withKey(JSON.stringify(booking()), key, raw), why };
        case 'line': {
          const text = JSON.stringify({ ...booking(), SalesEntryLines: '#LINE#' }).replace(
            '"#LINE#"',
            `[${withKey(JSON.stringify(line()), key, raw)}]`,
          );
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
    fc
      .tuple(
        fc.constantFrom(
          'system/Divisions',
          'hrm/Divisions',
          'sync/CRM/Accounts',
          'sync/Financial/TransactionLines',
          'read/financial/ReceivablesList',
        ),
        fc.constantFrom(`guid'${fx.entryId}'`, "'1'", "'x'", 'x', '1.5.5', 'guid', "guid'nope'", 'true'),
      )
      .map(([set, key]): Req => ({ method: 'GET', path: `${set}(${key})`, why: `bad key ${key}` })),
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
      'length() eq 1',
      '',
      ' ',
      "Journal eq '70' or (",
    ),
    fc.integer({ min: 1_500, max: 4_000 }).map((depth) => `${'('.repeat(depth)}EntryNumber eq 1${')'.repeat(depth)}`),
    fc.integer({ min: 1_500, max: 4_000 }).map((depth) => '('.repeat(depth)),
    fc
      .tuple(fc.constantFrom('Zz', 'Unknown', 'X_'), fc.stringMatching(/^[A-Za-z_]{0,10}$/))
      .map(([prefix, rest]) => `${prefix}${rest} eq 1`),
    fc
      .tuple(
        fc.constantFrom("Journal eq '70'", 'EntryNumber gt 1000', "trim(YourRef) eq 'x'", "EntryDate ge datetime'2026-01-01'"),
        fc.constantFrom(' and', ')', ' eq', " eq 'x", ' @', ' or (', ' #', ' ;', ' !', ' ~', ' Foo', ' $', ' "x"', ' ]'),
      )
      .map(([filter, corruption]) => filter + corruption),
  );
  const queryOption = fc.oneof(
    garbageFilter.map((f) => `$filter=${q(f)}`),
    fc
      .constantFrom(
        'Foo',
        'EntryNumber sideways',
        'EntryNumber asc desc',
        'constructor',
        'toString desc',
        '__proto__',
        '',
        ',',
        'EntryNumber,',
      )
      .map((o) => `$orderby=${q(o)}`),
    fc
      .tuple(fc.constantFrom('$top', '$skip'), fc.constantFrom('-1', 'abc', '1.5', '1e3', '', ' 1', '0x10', '9999999999', '+1', 'null'))
      .map(([name, v]) => `${name}=${q(v)}`),
    fc
      .constantFrom(
        'Foo',
        'constructor',
        '__proto__',
        'toString',
        'Foo,Bar',
        ',Foo',
        'EntryNumber,Foo',
        '*,Nope',
        'Nope,*',
        '*,constructor',
      )
      .map((s) => `$select=${q(s)}`),
    fc.constantFrom('Foo', 'constructor', '__proto__', 'SalesEntryLines/Foo', 'toString').map((s) => `$expand=${q(s)}`),
    fc.constantFrom("guid'nope'", 'Foo', "'unterminated", '(', 'EntryNumber eq 1', 'constructor').map((s) => `$skiptoken=${q(s)}`),
    fc.constantFrom('some', 'ALLPAGES', '').map((s) => `$inlinecount=${q(s)}`),
    fc.constantFrom('xml', 'atom', 'JSON', '').map((s) => `$format=${q(s)}`),
    fc
      .oneof(
        fc.constantFrom('$foo', '$count', '$search', '$apply', '$Filterx', '$', '$$', '$__proto__', '$constructor'),
        fc.stringMatching(/^\$[a-z]{1,8}$/),
      )
      .filter(
        (name) =>
          !['$filter', '$select', '$orderby', '$top', '$skip', '$skiptoken', '$expand', '$inlinecount', '$format'].includes(
            name.toLowerCase(),
          ),
      )
      .map((name) => `${q(name)}=1`),
    fc.constantFrom(
      '$top=1&$top=2',
      `$filter=${q("Journal eq '70'")}&$FILTER=${q("Journal eq '71'")}`,
      '$select=EntryID&$Select=EntryNumber',
    ),
  );
  const badQueries = fc
    .tuple(
      fc.constantFrom(
        ENTRIES,
        `${ENTRIES}/$count`,
        `${entry}/SalesEntryLines`,
        ACCOUNTS,
        'financial/Journals',
        LINES,
        'sync/Financial/TransactionLines',
      ),
      queryOption,
    )
    .map(([path, query]): Req => ({ method: 'GET', path: `${path}?${query}`, why: `query ${decodeURIComponent(query.slice(0, 80))}` }));

  const wrongMethods = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(ENTRIES, ACCOUNTS, LINES, 'financial/Journals', 'financial/GLAccounts', 'system/Divisions'),
        fc.constantFrom('PUT', 'DELETE', 'PATCH'),
      )
      .map(([path, method]): Req => ({
        method,
        path,
        body: method === 'DELETE' ? undefined : JSON.stringify(booking()),
        why: `${method} on a collection`,
      })),
    fc.tuple(fc.constantFrom(entry, account), fc.constantFrom('POST', 'PATCH', 'MERGE')).map(([path, method]): Req => ({
      method,
      path,
      body: JSON.stringify(path === entry ? booking() : relation()),
      why: `${method} on an entity`,
    })),
    fc
      .tuple(
        fc.constantFrom(
          `financial/Journals(guid'${fx.journalId}')`,
          `financial/GLAccounts(guid'${fx.glAccount}')`,
          `system/Divisions(${DIVISION})`,
          'vat/VATCodes',
          'financial/FinancialPeriods',
          '/api/v1/current/Me',
        ),
        fc.constantFrom('POST', 'PUT', 'DELETE'),
      )
      .map(([path, method]): Req => ({
        method,
        path,
        body: method === 'DELETE' ? undefined : '{"Description":"changed"}',
        why: `${method} on read-only data`,
      })),
    fc
      .tuple(fc.constantFrom(`${ENTRIES}/$count`, `${entry}/SalesEntryLines`, `${entry}/$count`), fc.constantFrom('POST', 'PUT', 'DELETE'))
      .map(([path, method]): Req => ({
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

  const badAuth = fc
    .tuple(
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
    )
    .map(([headers, target]): Req => ({
      ...target,
      headers,
      body: target.method === 'POST' ? JSON.stringify(booking()) : undefined,
      why: `authorization ${JSON.stringify(headers.Authorization)}`,
    }));

  // The back office: changes a web page could send (foreign Origin, not JSON), and values past their bounds.
  const backOfficeChanges = fc
    .tuple(fc.constantFrom(...BACK_OFFICE_CHANGES), fc.constantFrom(...CROSS_SITE_HEADERS))
    .map(([change, headers]): Req => {
      const typeOnly = !('Origin' in headers);
      // A DELETE without a body needs no type; a page cannot send one elsewhere without a preflight, so only its Origin is tried.
      const body = change.body ?? (typeOnly ? 'x' : undefined);
      return {
        method: change.method,
        path: change.path,
        body,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        why: `${change.method} ${change.path} with ${JSON.stringify(headers)}`,
      };
    });
  const backOfficeBounds = fc.constantFrom(...BACK_OFFICE_OUT_OF_BOUNDS).map(([method, path, value]): Req => ({
    method,
    path,
    body: JSON.stringify(value),
    why: `${method} ${path} ${JSON.stringify(value).slice(0, 80)}`,
  }));
  // A reporting year or period that is not in the period table, alone (the other then comes from the entry date) or together.
  const outOfRangePeriods = fc
    .constantFrom<Record<string, number>>(
      { ReportingPeriod: 99 },
      { ReportingPeriod: 0 },
      { ReportingPeriod: 13 },
      { ReportingPeriod: -1 },
      { ReportingYear: 1999 },
      { ReportingYear: 0 },
      { ReportingYear: 2026, ReportingPeriod: 99 },
      { ReportingYear: 1999, ReportingPeriod: 3 },
    )
    .map((reporting): Req => ({
      method: 'POST',
      path: ENTRIES,
      body: JSON.stringify({ ...booking(), ...reporting }),
      why: `reporting ${JSON.stringify(reporting)}`,
    }));
  // DNS rebinding: the page's own name in Host, whatever it asks for.
  const foreignHosts = fc
    .tuple(
      fc.constantFrom(...FOREIGN_HOSTS),
      fc.constantFrom<Omit<Req, 'why'>>(
        { method: 'GET', path: ENTRIES },
        { method: 'POST', path: ENTRIES, body: JSON.stringify(booking()) },
        { method: 'GET', path: '/__mock/state' },
        { method: 'POST', path: '/__mock/reset', body: '{"seed":"empty"}' },
        { method: 'GET', path: '/' },
        {
          method: 'GET',
          path: `/api/oauth2/auth?client_id=booklab-demo&redirect_uri=${q('http://localhost:8765/callback')}&response_type=code`,
        },
      ),
    )
    .map(([host, target]): Req => ({
      ...target,
      headers: { Host: host },
      why: `Host ${JSON.stringify(host)} on ${target.method} ${target.path}`,
    }));

  return fc.oneof(
    { arbitrary: backOfficeChanges, weight: 2 },
    { arbitrary: backOfficeBounds, weight: 2 },
    { arbitrary: foreignHosts, weight: 1 },
    { arbitrary: outOfRangePeriods, weight: 1 },
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

/** What came back. */
export type Answer = RawAnswer;

/** A server under test, with the token and the ids the generated requests use. */
export interface MalformedTarget {
  mock: MockServer;
  token: string;
  fx: Fixture;
}

/** Connects the demo app, looks up the ids the requests refer to, and books the booking PUTs and navigations use. */
export async function prepareMalformedTarget(mock: MockServer): Promise<MalformedTarget> {
  const { accessToken: token } = await connectDemoApp(mock.url);
  const partial: MalformedTarget = { mock, token, fx: { customer: '', glAccount: '', entryId: '', accountId: '', journalId: '' } };
  const get = async (path: string) => JSON.parse((await sendRequest(partial, { method: 'GET', path, why: 'lookup' })).text);
  const firstId = async (path: string) => (await get(path)).d.results[0].ID as string;
  partial.fx = {
    glAccount: await firstId(`financial/GLAccounts?$filter=${q("Code eq '700000'")}&$select=ID`),
    customer: await firstId(`${ACCOUNTS}?$filter=${q("trim(Code) eq '1'")}&$select=ID`),
    accountId: await firstId(`${ACCOUNTS}?$filter=${q("trim(Code) eq '4'")}&$select=ID`),
    journalId: await firstId(`financial/Journals?$filter=${q("Code eq '70'")}&$select=ID`),
    entryId: '',
  };
  const booked = await sendRequest(partial, {
    method: 'POST',
    path: ENTRIES,
    body: JSON.stringify({
      Journal: '70',
      Customer: partial.fx.customer,
      EntryDate: '2026-03-02',
      YourRef: 'existing',
      SalesEntryLines: [{ GLAccount: partial.fx.glAccount, AmountFC: 100 }],
    }),
    why: 'the booking PUTs and navigations refer to',
  });
  if (booked.status !== 201) throw new Error(`Could not book the booking the malformed requests refer to: ${booked.status} ${booked.text}`);
  partial.fx.entryId = JSON.parse(booked.text).d.EntryID as string;
  return partial;
}

/**
 * Sends one request with the shared token (unless it brings its own Authorization). Requests that set Host or
 * Origin go out as written (fetch would replace the one and never send the other).
 */
export async function sendRequest(
  { mock, token }: Pick<MalformedTarget, 'mock' | 'token'>,
  { method, path, body, headers = {} }: Req,
): Promise<Answer> {
  const url = path.startsWith('/') ? `${mock.url}${path}` : `${mock.url}/api/v1/${DIVISION}/${path}`;
  const all = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...headers,
  };
  if (('Host' in headers || 'Origin' in headers) && !(body instanceof ReadableStream)) {
    return rawRequest(mock.url, { method, path: new URL(url).pathname + new URL(url).search, headers: all, body });
  }
  const response = await fetch(url, {
    method,
    body,
    headers: all,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** A fingerprint of the whole accounting state (bookings, relations, journals and their counters, ids, tokens). */
export function stateHash(mock: MockServer): string {
  return createHash('sha256').update(JSON.stringify(mock.store.state)).digest('hex');
}

/**
 * Why an answer is not a proper refusal, or undefined when it is: a 4xx, in Exact's envelope (or the back office's
 * shape under `/__mock`) unless it is one of the answers Exact sends without a body.
 */
export function refusalProblem(req: Pick<Req, 'method' | 'path' | 'why'>, answer: Answer): string | undefined {
  const context = `${req.method} ${req.path.slice(0, 120)} (${req.why}) → ${answer.status} ${answer.text.slice(0, 200)}`;
  if (answer.status < 400 || answer.status >= 500) return `not a 4xx: ${context}`;
  if (answer.status === 401 || answer.status === 429) return answer.text === '' ? undefined : `a ${answer.status} with a body: ${context}`;
  // HEAD has no body by definition; 431 comes from Node's HTTP parser before any route runs.
  if (req.method === 'HEAD' || answer.status === 431) return undefined;
  if (!/^application\/json/.test(answer.contentType)) return `not JSON (${answer.contentType}): ${context}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `not JSON: ${context}`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  const keys = Object.keys(body as object).length === 1 && error && Object.keys(error).length === 2;
  const backOffice = req.path.startsWith('/__mock') && typeof error?.code === 'string' && typeof error.message === 'string';
  const message = error?.message as { lang?: unknown; value?: unknown; [key: string]: unknown } | undefined;
  const envelope = error?.code === '' && message?.lang === '' && typeof message?.value === 'string' && Object.keys(message).length === 2;
  return keys && (backOffice || envelope) ? undefined : `not in the error shape: ${context}`;
}

/** The back office's settings that live outside the state: the clock, the armed faults, the rate limits. */
async function controls(target: MalformedTarget): Promise<string> {
  const read = async (path: string) => JSON.parse((await sendRequest(target, { method: 'GET', path, why: 'control' })).text) as unknown;
  return JSON.stringify({
    clock: target.mock.clock.now(),
    faults: await read('/__mock/faults'),
    rateLimits: await read('/__mock/rate-limits'),
  });
}

/**
 * Runs the property: `numRuns` generated malformed requests, each answered with a refusal that changes nothing.
 * Throws fast-check's report (shrunk to the smallest culprit) on the first that is not; returns how many ran.
 */
export async function checkMalformedRequests(
  target: MalformedTarget,
  { numRuns, seed }: { numRuns: number; seed?: number },
): Promise<number> {
  const { mock } = target;
  const baseline = JSON.stringify(mock.store.state);
  const before = stateHash(mock);
  const controlsBefore = await controls(target);
  const { clock, rateLimits } = JSON.parse(controlsBefore) as { clock: number; rateLimits: unknown };
  /** Names what a request changed, and puts it back so that fast-check can shrink to the real culprit. */
  const undoChange = async (req: Req): Promise<string> => {
    const was = JSON.parse(baseline) as Record<string, unknown>;
    const now = mock.store.state as unknown as Record<string, unknown>;
    const changed = Object.keys(was).filter((c) => JSON.stringify(was[c]) !== JSON.stringify(now[c]));
    await mock.store.replace(JSON.parse(baseline));
    mock.clock.set(clock);
    await sendRequest(target, { method: 'DELETE', path: '/__mock/faults', why: 'undo' });
    await sendRequest(target, { method: 'PUT', path: '/__mock/rate-limits', body: JSON.stringify(rateLimits), why: 'undo' });
    return `${req.method} ${req.path.slice(0, 120)} (${req.why}) changed ${changed.length ? `the state: ${changed.join(', ')}` : 'the clock, the faults or the rate limits'}`;
  };
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(malformedRequests(target.fx), async (req) => {
      runs += 1;
      const answer = await sendRequest(target, req);
      const touched = stateHash(mock) !== before || (req.path.startsWith('/__mock') && (await controls(target)) !== controlsBefore);
      const changed = touched ? await undoChange(req) : undefined;
      const problem = refusalProblem(req, answer);
      if (problem) throw new Error(problem);
      if (changed) throw new Error(changed);
    }),
    { numRuns, seed },
  );
  return runs;
}
