import { describe, expect, it } from 'vitest';
import type { FieldTypes, Row } from './edm.js';
import { checkFilter, matchesFilter, parseFilter, type FilterNode } from './filter.js';

const FIELDS: FieldTypes = {
  ID: 'Guid',
  Code: 'String',
  Name: 'String',
  EntryNumber: 'Int32',
  Timestamp: 'Int64',
  Amount: 'Double',
  EntryDate: 'DateTime',
  DueDate: 'DateTime',
  Blocked: 'Boolean',
};
const TYPE = 'Exact.Web.Api.Models.Thing';

const ID_A = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const ID_B = '7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';

const ROWS: Row[] = [
  {
    ID: ID_A,
    Code: '              1068',
    Name: "O'Brien & Sons",
    EntryNumber: 1001,
    Timestamp: 120,
    Amount: 121,
    EntryDate: Date.UTC(2026, 2, 2),
    DueDate: null,
    Blocked: false,
  },
  {
    ID: ID_B,
    Code: '                25',
    Name: 'Brouwerij De Kroon',
    EntryNumber: 1002,
    Timestamp: 124,
    Amount: -60.5,
    EntryDate: Date.UTC(2026, 0, 15, 10),
    DueDate: Date.UTC(2026, 1, 14),
    Blocked: true,
  },
  {
    ID: 'c0ffee00-0000-4000-8000-000000000003',
    Code: '                 3',
    Name: 'Atelier Lumière',
    EntryNumber: 1003,
    Timestamp: 130,
    Amount: 0,
    EntryDate: Date.UTC(2025, 11, 31),
    DueDate: null,
    Blocked: false,
  },
];

/** Parses, checks and applies a filter; returns the EntryNumbers of the matching rows. */
function select(filter: string): number[] {
  const parsed = parseFilter(filter);
  if (!parsed.ok) throw new Error(`did not parse: ${filter}: ${parsed.problem.message}`);
  const node = parsed.value;
  const problem = checkFilter(node, FIELDS, TYPE);
  if (problem) throw new Error(`did not check: ${filter}: ${problem.message}`);
  return ROWS.filter((row) => matchesFilter(node, row, FIELDS)).map((row) => row.EntryNumber as number);
}

function parsed(filter: string): FilterNode {
  const parsed = parseFilter(filter);
  if (!parsed.ok) throw new Error(`did not parse: ${filter}`);
  return parsed.value;
}

const SYNTAX = { code: 'bad_filter', message: 'Bad Request - Error in query syntax.' };

describe('parseFilter: literals', () => {
  const literal = (text: string) => parsed(`Code eq ${text}`) as Extract<FilterNode, { kind: 'binary' }>;

  it('reads strings, with two single quotes as an escaped quote', () => {
    expect(literal("'O''Brien'").right).toEqual({ kind: 'literal', type: 'String', value: "O'Brien" });
    expect(literal("''").right).toEqual({ kind: 'literal', type: 'String', value: '' });
    expect(literal("'a and b or (c)'").right).toEqual({ kind: 'literal', type: 'String', value: 'a and b or (c)' });
  });

  it("reads guid'..' lower-cased and without braces", () => {
    expect(literal(`guid'${ID_A.toUpperCase()}'`).right).toEqual({ kind: 'literal', type: 'Guid', value: ID_A });
    expect(literal(`guid'{${ID_A}}'`).right).toEqual({ kind: 'literal', type: 'Guid', value: ID_A });
  });

  it("reads datetime'..' as epoch ms in UTC, for a date, a date-time without zone and one with an offset", () => {
    expect(literal("datetime'2026-03-02'").right).toEqual({ kind: 'literal', type: 'DateTime', value: Date.UTC(2026, 2, 2) });
    expect(literal("datetime'2026-03-02T10:15:00'").right).toEqual({
      kind: 'literal',
      type: 'DateTime',
      value: Date.UTC(2026, 2, 2, 10, 15),
    });
    expect(literal("DateTime'2026-03-02T10:15:00Z'").right).toEqual({
      kind: 'literal',
      type: 'DateTime',
      value: Date.UTC(2026, 2, 2, 10, 15),
    });
    expect(literal("datetimeoffset'2026-03-02T10:15:00+02:00'").right).toEqual({
      kind: 'literal',
      type: 'DateTime',
      value: Date.UTC(2026, 2, 2, 8, 15),
    });
  });

  it('reads numbers: Int32, Int64 with L, Double with a point or M/D/F suffix, negatives', () => {
    expect(literal('1001').right).toEqual({ kind: 'literal', type: 'Int32', value: 1001 });
    expect(literal('387L').right).toEqual({ kind: 'literal', type: 'Int64', value: 387 });
    expect(literal('387l').right).toEqual({ kind: 'literal', type: 'Int64', value: 387 });
    expect(literal('12.50').right).toEqual({ kind: 'literal', type: 'Double', value: 12.5 });
    expect(literal('12.50M').right).toEqual({ kind: 'literal', type: 'Double', value: 12.5 });
    expect(literal('3d').right).toEqual({ kind: 'literal', type: 'Double', value: 3 });
    expect(literal('-60.5').right).toEqual({ kind: 'literal', type: 'Double', value: -60.5 });
    expect(literal('-5').right).toEqual({ kind: 'literal', type: 'Int32', value: -5 });
  });

  it('reads true, false and null in any case', () => {
    expect(literal('true').right).toEqual({ kind: 'literal', type: 'Boolean', value: true });
    expect(literal('FALSE').right).toEqual({ kind: 'literal', type: 'Boolean', value: false });
    expect(literal('null').right).toEqual({ kind: 'literal', type: 'Null', value: null });
  });
});

describe('parseFilter: structure and precedence', () => {
  it('reads a comparison as property, operator, literal', () => {
    expect(parsed("Code eq '25'")).toEqual({
      kind: 'binary',
      op: 'eq',
      left: { kind: 'property', name: 'Code' },
      right: { kind: 'literal', type: 'String', value: '25' },
    });
  });

  it('binds and tighter than or', () => {
    const node = parsed('EntryNumber eq 1 or EntryNumber eq 2 and EntryNumber eq 3');
    expect(node).toMatchObject({ kind: 'binary', op: 'or', left: { op: 'eq' }, right: { kind: 'binary', op: 'and' } });
  });

  it('lets parentheses override precedence', () => {
    const node = parsed('(EntryNumber eq 1 or EntryNumber eq 2) and EntryNumber eq 3');
    expect(node).toMatchObject({ kind: 'binary', op: 'and', left: { kind: 'binary', op: 'or' }, right: { op: 'eq' } });
  });

  // [MS-ODATA] 2.2.3.6.1.1.2 (OData v2 operator precedence): `not x` is Unary, above Relational and Equality.
  it('binds not tighter than a comparison: not X eq Y is (not X) eq Y', () => {
    expect(parsed('not Blocked eq false')).toEqual({
      kind: 'binary',
      op: 'eq',
      left: { kind: 'not', operand: { kind: 'property', name: 'Blocked' } },
      right: { kind: 'literal', type: 'Boolean', value: false },
    });
    expect(parsed("not substringof('x', Name) eq true")).toMatchObject({
      kind: 'binary',
      op: 'eq',
      left: { kind: 'not', operand: { kind: 'call' } },
    });
    expect(parsed('not (EntryNumber eq 1)')).toMatchObject({ kind: 'not', operand: { kind: 'binary', op: 'eq' } });
  });

  it('reads operators and keywords in any case, and any whitespace', () => {
    expect(parsed("  Code  EQ\t'25'  AND  not  Blocked ")).toMatchObject({ kind: 'binary', op: 'and', right: { kind: 'not' } });
  });

  it('reads function calls with their arguments', () => {
    expect(parsed("substringof('Kroon', Name) eq true")).toEqual({
      kind: 'binary',
      op: 'eq',
      left: {
        kind: 'call',
        name: 'substringof',
        args: [
          { kind: 'literal', type: 'String', value: 'Kroon' },
          { kind: 'property', name: 'Name' },
        ],
      },
      right: { kind: 'literal', type: 'Boolean', value: true },
    });
  });
});

describe('parseFilter: syntax errors are returned, never thrown', () => {
  it.each([
    [''],
    ['   '],
    ['Code eq'],
    ["Code eq 'unterminated"],
    ["(Code eq '1'"],
    ["Code eq '1')"],
    ["Code eq '1' '2'"],
    ["Code eq '1' and"],
    ['Code == 1'],
    ['Code eq $x'],
    ["ID eq guid'not-a-guid'"],
    ["EntryDate gt datetime'yesterday'"],
    ["EntryDate gt datetime'2026-02-30'"],
    ["EntryDate gt datetime'2026-03-02"],
    ['frobnicate(Code) eq 1'],
    ['trim(Code eq 1'],
    ['- eq 1'],
    [','],
  ])("%j is bad_filter with Exact's syntax message", (filter) => {
    expect(() => parseFilter(filter)).not.toThrow();
    expect(parseFilter(filter)).toEqual({ ok: false, problem: SYNTAX });
  });
});

describe('checkFilter', () => {
  it('accepts known properties and functions with the right number of arguments', () => {
    expect(checkFilter(parsed("trim(Code) eq '25' and substringof('x', Name) and not Blocked"), FIELDS, TYPE)).toBeUndefined();
  });

  it('names an unknown property, also inside functions and not', () => {
    const message = "Could not find a property named 'Nme' on type 'Exact.Web.Api.Models.Thing'.";
    expect(checkFilter(parsed("Nme eq 'x'"), FIELDS, TYPE)).toEqual({ code: 'bad_filter', message });
    expect(checkFilter(parsed("Code eq '1' or tolower(Nme) eq 'x'"), FIELDS, TYPE)).toEqual({ code: 'bad_filter', message });
    expect(checkFilter(parsed('not (Nme eq 1)'), FIELDS, TYPE)).toEqual({ code: 'bad_filter', message });
  });

  it('refuses not on an operand that is not Boolean, as (not Code) eq .. would be', () => {
    expect(checkFilter(parsed("not Code eq '1'"), FIELDS, TYPE)).toEqual({
      code: 'bad_filter',
      message: "Operator 'not' incompatible with operand type 'Edm.String'.",
    });
    expect(checkFilter(parsed('not EntryNumber eq 1'), FIELDS, TYPE)).toEqual({
      code: 'bad_filter',
      message: "Operator 'not' incompatible with operand type 'Edm.Int32'.",
    });
    expect(checkFilter(parsed('not trim(Code)'), FIELDS, TYPE)).toMatchObject({ code: 'bad_filter' });
    expect(checkFilter(parsed("not startswith(Name, 'A') and not (Code eq '1') and not Blocked"), FIELDS, TYPE)).toBeUndefined();
  });

  it('refuses a function with the wrong number of arguments', () => {
    expect(checkFilter(parsed("trim(Code, Name) eq '1'"), FIELDS, TYPE)).toEqual({
      code: 'bad_filter',
      message: "No function signature for the function with name 'trim' matches the specified arguments.",
    });
    expect(checkFilter(parsed("substringof('x') eq true"), FIELDS, TYPE)).toMatchObject({ code: 'bad_filter' });
    expect(checkFilter(parsed('length() eq 0'), FIELDS, TYPE)).toMatchObject({ code: 'bad_filter' });
  });

  it('allows only the filterable properties when the set restricts them (sync endpoints)', () => {
    expect(checkFilter(parsed('Timestamp gt 1L'), FIELDS, TYPE, ['Timestamp'])).toBeUndefined();
    expect(checkFilter(parsed('Timestamp gt 1L and EntryNumber eq 1'), FIELDS, TYPE, ['Timestamp'])).toEqual({
      code: 'bad_filter',
      message: 'Filtering on these fields is not supported: EntryNumber',
    });
  });
});

describe('matchesFilter: comparison operators', () => {
  it('compares numbers with eq ne gt ge lt le', () => {
    expect(select('EntryNumber eq 1002')).toEqual([1002]);
    expect(select('EntryNumber ne 1002')).toEqual([1001, 1003]);
    expect(select('EntryNumber gt 1002')).toEqual([1003]);
    expect(select('EntryNumber ge 1002')).toEqual([1002, 1003]);
    expect(select('EntryNumber lt 1002')).toEqual([1001]);
    expect(select('EntryNumber le 1002')).toEqual([1001, 1002]);
    expect(select('Amount lt 0')).toEqual([1002]);
    expect(select('Amount eq -60.5')).toEqual([1002]);
  });

  it('compares Int64 timestamps written with L (sync: Timestamp gt 123L)', () => {
    expect(select('Timestamp gt 123L')).toEqual([1002, 1003]);
  });

  it('compares strings exactly, padded codes included', () => {
    expect(select("Code eq '                25'")).toEqual([1002]);
    expect(select("Code eq '25'")).toEqual([]);
    expect(select("Name eq 'O''Brien & Sons'")).toEqual([1001]);
    expect(select("Name gt 'B'")).toEqual([1001, 1002]);
  });

  it('compares GUIDs case-insensitively', () => {
    expect(select(`ID eq guid'${ID_B.toUpperCase()}'`)).toEqual([1002]);
    expect(select(`ID ne guid'${ID_B}'`)).toEqual([1001, 1003]);
  });

  it('compares dates with datetime literals', () => {
    expect(select("EntryDate ge datetime'2026-01-01'")).toEqual([1001, 1002]);
    expect(select("EntryDate eq datetime'2026-01-15T10:00:00'")).toEqual([1002]);
    expect(select("DueDate lt datetime'2026-03-01'")).toEqual([1002]);
  });

  it('compares booleans', () => {
    expect(select('Blocked eq true')).toEqual([1002]);
    expect(select('Blocked')).toEqual([1002]);
  });

  it('matches null with eq null and ne null, and never with an ordering', () => {
    expect(select('DueDate eq null')).toEqual([1001, 1003]);
    expect(select('DueDate ne null')).toEqual([1002]);
    expect(select("DueDate gt datetime'2000-01-01'")).toEqual([1002]);
    expect(select("DueDate le datetime'2100-01-01'")).toEqual([1002]);
  });

  it('does not match a value of another type (a number against a string)', () => {
    expect(select("EntryNumber eq '1001'")).toEqual([]);
  });
});

describe('matchesFilter: and, or, not and parentheses', () => {
  it('and needs both, or needs one', () => {
    expect(select('EntryNumber ge 1002 and Amount ge 0')).toEqual([1003]);
    expect(select('EntryNumber eq 1001 or Amount lt 0')).toEqual([1001, 1002]);
  });

  it('evaluates and before or', () => {
    expect(select('EntryNumber eq 1001 or EntryNumber eq 1002 and Amount ge 0')).toEqual([1001]);
  });

  it('evaluates parentheses first', () => {
    expect(select('(EntryNumber eq 1001 or EntryNumber eq 1002) and Amount ge 0')).toEqual([1001]);
    expect(select('((EntryNumber eq 1003))')).toEqual([1003]);
  });

  it('negates with not', () => {
    expect(select('not (EntryNumber eq 1001)')).toEqual([1002, 1003]);
    expect(select('not Blocked')).toEqual([1001, 1003]);
    expect(select('not not Blocked')).toEqual([1002]);
    expect(select('not (EntryNumber eq 1001 or Blocked)')).toEqual([1003]);
  });
});

describe('matchesFilter: functions', () => {
  it("trim(Code) eq '25' finds the padded code", () => {
    expect(select("trim(Code) eq '25'")).toEqual([1002]);
  });

  it('substringof(needle, haystack) finds text regardless of case', () => {
    expect(select("substringof('kroon', Name) eq true")).toEqual([1002]);
    expect(select("substringof('KROON', Name)")).toEqual([1002]);
    expect(select("substringof('o', Name) eq false")).toEqual([1003]);
  });

  it('startswith and endswith compare case-sensitively', () => {
    expect(select("startswith(Name, 'Brou') eq true")).toEqual([1002]);
    expect(select("startswith(Name, 'brou') eq true")).toEqual([]);
    expect(select("endswith(Name, 'Sons')")).toEqual([1001]);
  });

  it('tolower, toupper and length', () => {
    expect(select("tolower(Name) eq 'atelier lumière'")).toEqual([1003]);
    expect(select("toupper(Name) eq 'BROUWERIJ DE KROON'")).toEqual([1002]);
    expect(select('length(Name) eq 14')).toEqual([1001]);
    expect(select('length(trim(Code)) eq 1')).toEqual([1003]);
  });

  it('reads a null argument as the empty text', () => {
    const row: Row = { ...ROWS[0]!, Name: null };
    expect(matchesFilter(parsed('length(Name) eq 0'), row, FIELDS)).toBe(true);
    expect(matchesFilter(parsed("substringof('', Name)"), row, FIELDS)).toBe(true);
  });
});
