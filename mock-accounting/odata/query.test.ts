import { describe, expect, it } from 'vitest';
import type { Row } from './edm.js';
import { formatKeyLiteral } from './keys.js';
import { parseQueryOptions, queryRows as queryItems, selectFields, type QueryOptions, type QueryTarget, type RowAccess } from './query.js';

const GUID_TARGET: QueryTarget = {
  typeName: 'Exact.Web.Api.Models.SalesEntry',
  fields: { EntryID: 'Guid', EntryNumber: 'Int32', Journal: 'String', YourRef: 'String', AmountDC: 'Double', EntryDate: 'DateTime' },
  keyField: 'EntryID',
  navigations: ['SalesEntryLines'],
};

const INT64_TARGET: QueryTarget = {
  typeName: 'Exact.Web.Api.Models.SyncTransactionLine',
  fields: { Timestamp: 'Int64', EntryNumber: 'Int32' },
  keyField: 'Timestamp',
  navigations: [],
  filterable: ['Timestamp'],
};

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Rows 1..n in a scrambled order: EntryNumber 1000+n, journal 70 for odd and 71 for even, amounts with ties. */
function salesRows(n: number): Row[] {
  const rows: Row[] = [];
  for (let i = 1; i <= n; i += 1) {
    rows.push({
      EntryID: guid(i),
      EntryNumber: 1000 + i,
      Journal: i % 2 ? '70' : '71',
      YourRef: `ref ${i}`,
      AmountDC: (i % 3) * 10,
      EntryDate: Date.UTC(2026, 2, i),
    });
  }
  return [...rows.filter((_, i) => i % 2 === 1), ...rows.filter((_, i) => i % 2 === 0)];
}

function options(query: string, target: QueryTarget = GUID_TARGET): QueryOptions {
  const parsed = parseQueryOptions(query, target);
  if (!parsed.ok) throw new Error(`query refused: ${parsed.problem.message}`);
  return parsed.value;
}

const numbers = (rows: Row[]) => rows.map((r) => r.EntryNumber);

/** Rows are their own row; the key is read from the row unless the access says how. */
const ROWS_AS_ITEMS: RowAccess<Row> = { rowOf: (row) => row };

/** queryRows over plain rows, answering the page's rows under `rows`. */
function queryRows(rows: Row[], opts: QueryOptions, target: QueryTarget, pageSize: number, access: RowAccess<Row> = ROWS_AS_ITEMS) {
  const page = queryItems(rows, access, opts, target, pageSize);
  return { rows: page.items, nextToken: page.nextToken, total: page.total };
}

/** Pages through like a client following __next: the original query plus $skiptoken. */
function allPages(rows: Row[], query: string, pageSize: number, target: QueryTarget = GUID_TARGET) {
  const pages: Array<Array<unknown>> = [];
  let token: string | undefined;
  for (let guard = 0; guard < 50; guard += 1) {
    const q = token === undefined ? query : `${query}${query ? '&' : ''}$skiptoken=${encodeURIComponent(token)}`;
    const page = queryRows(rows, options(q, target), target, pageSize);
    pages.push(numbers(page.rows));
    token = page.nextToken;
    if (token === undefined) return pages;
  }
  throw new Error('paging did not end');
}

describe('queryRows: paging by key with $skiptoken', () => {
  it('pages in key order and gives the key of the last row as next token, none on the last page', () => {
    const rows = salesRows(5);
    const first = queryRows(rows, options(''), GUID_TARGET, 2);
    expect(numbers(first.rows)).toEqual([1001, 1002]);
    expect(first.nextToken).toBe(`guid'${guid(2)}'`);
    expect(first.total).toBe(5);
    const second = queryRows(rows, options(`$skiptoken=${first.nextToken}`), GUID_TARGET, 2);
    expect(numbers(second.rows)).toEqual([1003, 1004]);
    const third = queryRows(rows, options(`$skiptoken=${second.nextToken}`), GUID_TARGET, 2);
    expect(numbers(third.rows)).toEqual([1005]);
    expect(third.nextToken).toBeUndefined();
  });

  it('gives no next token when the rows fit exactly in one page', () => {
    const page = queryRows(salesRows(4), options(''), GUID_TARGET, 4);
    expect(page.rows).toHaveLength(4);
    expect(page.nextToken).toBeUndefined();
  });

  it('matches an upper-case GUID skiptoken', () => {
    const page = queryRows(salesRows(3), options(`$skiptoken=guid'${guid(1).toUpperCase()}'`), GUID_TARGET, 60);
    expect(numbers(page.rows)).toEqual([1002, 1003]);
  });

  it('continues after the token key even when that row has gone (deleted between pages)', () => {
    const rows = salesRows(5).filter((r) => r.EntryNumber !== 1002);
    const page = queryRows(rows, options(`$skiptoken=guid'${guid(2)}'`), GUID_TARGET, 60);
    expect(numbers(page.rows)).toEqual([1003, 1004, 1005]);
  });

  it('pages Int64 keys with L tokens (sync endpoints)', () => {
    const rows: Row[] = [5, 3, 9, 7, 1].map((t) => ({ Timestamp: t, EntryNumber: 100 + t }));
    const first = queryRows(rows, options('$filter=Timestamp gt 1L', INT64_TARGET), INT64_TARGET, 2);
    expect(first.rows.map((r) => r.Timestamp)).toEqual([3, 5]);
    expect(first.nextToken).toBe('5L');
    expect(first.total).toBe(4);
    expect(allPages(rows, '$filter=Timestamp gt 1L', 2, INT64_TARGET)).toEqual([
      [103, 105],
      [107, 109],
    ]);
  });

  it('pages the same with a keyOf access, without building rows for a plain list', () => {
    const rows = salesRows(5);
    let built = 0;
    const access: RowAccess<Row> = {
      rowOf: (row) => {
        built += 1;
        return row;
      },
      keyOf: (row) => row.EntryID ?? null,
    };
    const page = queryRows(rows, options(`$skiptoken=guid'${guid(1)}'`), GUID_TARGET, 2, access);
    expect(numbers(page.rows)).toEqual([1002, 1003]);
    expect(page.nextToken).toBe(`guid'${guid(3)}'`);
    expect(built).toBe(0);
    expect(numbers(queryRows(rows, options('$orderby=AmountDC desc'), GUID_TARGET, 60, access).rows)).toEqual([
      1002, 1005, 1001, 1004, 1003,
    ]);
  });

  it('visits every filtered row exactly once across pages', () => {
    expect(allPages(salesRows(7), "$filter=Journal eq '70'", 2)).toEqual([
      [1001, 1003],
      [1005, 1007],
    ]);
  });
});

describe('queryRows: a composite key (JournalStatusList: Journal, Period, Year)', () => {
  const STATUS_TARGET: QueryTarget = {
    typeName: 'Exact.Web.Api.Models.JournalStatusList',
    fields: { Journal: 'String', Period: 'Int32', Year: 'Int32', Status: 'Int32' },
    keyField: 'Journal',
    keyFields: ['Journal', 'Period', 'Year'],
    navigations: [],
  };
  /** Journals 70 and 71 in periods 1-3 of 2025 and 2026, scrambled; EntryNumber numbers them in key order. */
  const statusRows = (): Row[] => {
    const rows: Row[] = [];
    for (const journal of ['70', '71'])
      for (const period of [1, 2, 3])
        for (const year of [2025, 2026]) rows.push({ Journal: journal, Period: period, Year: year, EntryNumber: rows.length + 1 });
    return [...rows].reverse();
  };

  it("orders by the key's properties in turn and continues after a skiptoken such as '70',3,2025", () => {
    expect(allPages(statusRows(), '', 5, STATUS_TARGET)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12],
    ]);
    const first = queryRows(statusRows(), options('', STATUS_TARGET), STATUS_TARGET, 5);
    expect(first.nextToken).toBe("'70',3,2025");
    expect(options("$skiptoken='70',3,2025", STATUS_TARGET).skipToken).toEqual(['70', 3, 2025]);
  });

  it('refuses a skiptoken with too few or too many parts, or one that is not literals', () => {
    const refused = (query: string) => {
      const parsed = parseQueryOptions(query, STATUS_TARGET);
      return parsed.ok ? undefined : parsed.problem.message;
    };
    expect(refused("$skiptoken='70',3")).toBe("The skip token value ''70',3' is invalid.");
    expect(refused("$skiptoken='70',3,2025,1")).toBe("The skip token value ''70',3,2025,1' is invalid.");
    expect(refused("$skiptoken='70',Period,2025")).toBe("The skip token value ''70',Period,2025' is invalid.");
    expect(options("$skiptoken='a,b',1,2", STATUS_TARGET).skipToken).toEqual(['a,b', 1, 2]);
  });
});

describe('queryRows: $orderby, $skip and $top', () => {
  it('orders by a field, breaking ties by key', () => {
    const page = queryRows(salesRows(6), options('$orderby=AmountDC'), GUID_TARGET, 60);
    // AmountDC: 1→10, 2→20, 3→0, 4→10, 5→20, 6→0.
    expect(numbers(page.rows)).toEqual([1003, 1006, 1001, 1004, 1002, 1005]);
  });

  it('orders descending, still breaking ties by ascending key', () => {
    const page = queryRows(salesRows(6), options('$orderby=AmountDC desc'), GUID_TARGET, 60);
    expect(numbers(page.rows)).toEqual([1002, 1005, 1001, 1004, 1003, 1006]);
  });

  it('orders by several fields', () => {
    const page = queryRows(salesRows(6), options('$orderby=Journal desc, EntryNumber desc'), GUID_TARGET, 60);
    expect(numbers(page.rows)).toEqual([1006, 1004, 1002, 1005, 1003, 1001]);
  });

  it('puts nulls first in ascending order', () => {
    const rows: Row[] = [
      { EntryID: guid(1), EntryNumber: 1, YourRef: 'b' },
      { EntryID: guid(2), EntryNumber: 2, YourRef: null },
      { EntryID: guid(3), EntryNumber: 3, YourRef: 'a' },
    ];
    expect(numbers(queryRows(rows, options('$orderby=YourRef'), GUID_TARGET, 60).rows)).toEqual([2, 3, 1]);
  });

  it('skips and takes after ordering; total counts all matching rows', () => {
    const page = queryRows(salesRows(6), options('$orderby=EntryNumber desc&$skip=1&$top=3'), GUID_TARGET, 60);
    expect(numbers(page.rows)).toEqual([1005, 1004, 1003]);
    expect(page.total).toBe(6);
    expect(page.nextToken).toBeUndefined();
  });

  it('pages within $top and stops at it', () => {
    expect(allPages(salesRows(10), '$top=5', 2)).toEqual([[1001, 1002], [1003, 1004], [1005]]);
  });

  it('pages an ordered list by continuing after the token row', () => {
    expect(allPages(salesRows(6), '$orderby=AmountDC desc', 4)).toEqual([
      [1002, 1005, 1001, 1004],
      [1003, 1006],
    ]);
  });

  it('applies $skip before paging, so following __next does not skip again', () => {
    expect(allPages(salesRows(7), '$skip=2', 3)).toEqual([
      [1003, 1004, 1005],
      [1006, 1007],
    ]);
  });

  it('returns nothing for $top=0 or a $skip past the end', () => {
    expect(queryRows(salesRows(3), options('$top=0'), GUID_TARGET, 60).rows).toEqual([]);
    expect(queryRows(salesRows(3), options('$skip=10'), GUID_TARGET, 60).rows).toEqual([]);
  });

  it('filters before ordering and paging', () => {
    const page = queryRows(salesRows(8), options("$filter=Journal eq '71' and AmountDC gt 0&$orderby=EntryNumber desc"), GUID_TARGET, 60);
    expect(numbers(page.rows)).toEqual([1008, 1004, 1002]);
    expect(page.total).toBe(3);
  });

  it('does not reorder the rows it was given', () => {
    const rows = salesRows(4);
    const before = numbers(rows);
    queryRows(rows, options('$orderby=EntryNumber desc'), GUID_TARGET, 60);
    expect(numbers(rows)).toEqual(before);
  });
});

describe('formatKeyLiteral', () => {
  it("writes keys as OData literals: guid'..', 387L, 12, 'text' with '' escaping", () => {
    expect(formatKeyLiteral(guid(7), 'Guid')).toBe(`guid'${guid(7)}'`);
    expect(formatKeyLiteral(387, 'Int64')).toBe('387L');
    expect(formatKeyLiteral(12, 'Int32')).toBe('12');
    expect(formatKeyLiteral('GMD', 'String')).toBe("'GMD'");
    expect(formatKeyLiteral("O'Brien", 'String')).toBe("'O''Brien'");
  });

  it('writes a literal that $skiptoken reads back to the same key', () => {
    for (const [value, type] of [
      [guid(9), 'Guid'],
      [387, 'Int64'],
      [12, 'Int32'],
      ["it's", 'String'],
    ] as const) {
      const target: QueryTarget = { typeName: 'T', fields: { K: type }, keyField: 'K', navigations: [] };
      expect(options(`$skiptoken=${encodeURIComponent(formatKeyLiteral(value, type))}`, target).skipToken).toBe(value);
    }
  });
});

describe('parseQueryOptions', () => {
  const refused = (query: string, target: QueryTarget = GUID_TARGET) => {
    const parsed = parseQueryOptions(query, target);
    if (parsed.ok) throw new Error(`accepted: ${query}`);
    return parsed.problem.message;
  };

  it('reads every option; + means a space; parameters without $ are ignored', () => {
    expect(
      options(
        "$filter=Journal+eq+'70'&$select=EntryID, EntryNumber&$orderby=EntryNumber desc&$top=5&$skip=2&$expand=SalesEntryLines&$inlinecount=allpages&$format=json&foo=bar",
      ),
    ).toEqual({
      filter: {
        kind: 'binary',
        op: 'eq',
        left: { kind: 'property', name: 'Journal' },
        right: { kind: 'literal', type: 'String', value: '70' },
      },
      filterText: "Journal eq '70'",
      select: ['EntryID', 'EntryNumber'],
      orderBy: [{ field: 'EntryNumber', descending: true }],
      top: 5,
      skip: 2,
      expand: ['SalesEntryLines'],
      inlineCount: true,
    });
  });

  it('reads option names in any case and $select=* as everything', () => {
    expect(options('$TOP=3&$Select=*')).toEqual({ orderBy: [], skip: 0, top: 3, expand: [], inlineCount: false });
  });

  it('refuses unknown and repeated options', () => {
    expect(refused('$count=true')).toBe("The query parameter '$count' is not supported.");
    expect(refused('$top=1&$top=2')).toBe("Query option '$top' was specified more than once, but it must be specified at most once.");
  });

  it('refuses bad $top and $skip values', () => {
    expect(refused('$top=-1')).toBe(
      "Invalid value '-1' for $top query option found. The $top query option requires a non-negative integer value.",
    );
    expect(refused('$skip=x')).toBe(
      "Invalid value 'x' for $skip query option found. The $skip query option requires a non-negative integer value.",
    );
  });

  it('refuses unknown properties in $select, $orderby and $expand, and a bad direction', () => {
    expect(refused('$select=EntryID,Nope')).toBe("Could not find a property named 'Nope' on type 'Exact.Web.Api.Models.SalesEntry'.");
    expect(refused('$orderby=Nope')).toBe("Could not find a property named 'Nope' on type 'Exact.Web.Api.Models.SalesEntry'.");
    expect(refused('$orderby=EntryNumber sideways')).toBe('Bad Request - Error in query syntax.');
    expect(refused('$expand=Lines')).toBe("Could not find a property named 'Lines' on type 'Exact.Web.Api.Models.SalesEntry'.");
  });

  it('refuses bad filters with the filter message, and filters on fields the set does not allow', () => {
    expect(refused("$filter=Journal eq '70")).toBe('Bad Request - Error in query syntax.');
    expect(refused('$filter=EntryNumber eq 1', INT64_TARGET)).toBe('Filtering on these fields is not supported: EntryNumber');
  });

  it('refuses a skiptoken that is not a literal, and bad $inlinecount and $format values', () => {
    expect(refused('$skiptoken=EntryID')).toBe("The skip token value 'EntryID' is invalid.");
    expect(refused("$skiptoken=guid'x'")).toBe("The skip token value 'guid'x'' is invalid.");
    expect(refused('$inlinecount=some')).toBe("Invalid value 'some' for $inlinecount query option found.");
    expect(refused('$format=atom')).toBe("Unsupported $format value 'atom'. Use json.");
  });
});

describe('selectFields', () => {
  it('keeps only the selected properties that exist, and everything without $select', () => {
    const row = { EntryID: guid(1), EntryNumber: 1001, YourRef: 'x' };
    expect(selectFields(row, ['EntryNumber', 'SalesEntryLines'])).toEqual({ EntryNumber: 1001 });
    expect(selectFields(row, undefined)).toBe(row);
  });
});
