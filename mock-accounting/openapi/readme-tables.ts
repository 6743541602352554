import type { Operation } from './paths.js';

/** What the tables read of the document: its paths. */
interface Described {
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'delete'];

/** Text in a Markdown table cell: a `|` would end the cell, even inside a code span. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The back office's routes as a Markdown table: method, path (with its query example), what it does and a body example. */
export function backOfficeTable(doc: Described): string {
  const rows = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/__mock'))
    .flatMap(([path, operations]) =>
      METHODS.filter((method) => operations[method]).map((method) => {
        const op = operations[method] as { summary: string; 'x-query-example'?: string; requestBody?: { 'x-example'?: string } };
        const query = op['x-query-example'] ? ` \`${op['x-query-example']}\`` : '';
        const body = op.requestBody?.['x-example'] ? ` — body \`${op.requestBody['x-example']}\`` : '';
        return `| ${method.toUpperCase()} | \`${path}\`${query} | ${cell(op.summary + body)} |`;
      }),
    );
  return ['| method | path | what it does |', '|---|---|---|', ...rows].join('\n');
}

/**
 * The Exact API's routes as a Markdown table, one row per endpoint: the OAuth routes, then each entity set with its
 * methods on the collection, by key (`(key)`), on its navigations and `/$count`, and what its list says about paging.
 */
export function apiTable(doc: Described): string {
  const groups = new Map<string, Array<{ suffix: string; methods: string[]; notes: string }>>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    const base = path.replace(/\(\{key\}\).*$|\/\$count$/, '');
    const methods = METHODS.filter((method) => operations[method]).map((method) => method.toUpperCase());
    const first = operations[METHODS.find((method) => operations[method])!] as { summary: string; description?: string };
    const group = groups.get(base) ?? [];
    group.push({ suffix: path.slice(base.length), methods, notes: first.description ?? first.summary });
    groups.set(base, group);
  }
  const rows = [...groups].map(([base, parts]) => {
    const methods = parts
      .map(({ suffix, methods: m }) => (suffix ? `\`${suffix.replace('{key}', 'key')}\` ${m.join(' ')}` : m.join(' ')))
      .join(' · ');
    return `| \`${base}\` | ${cell(methods)} | ${cell(parts[0]!.notes)} |`;
  });
  return ['| path | methods | notes |', '|---|---|---|', ...rows].join('\n');
}

/** The README's generated blocks, each between `<!-- openapi:NAME -->` and `<!-- /openapi:NAME -->`. */
export function readmeBlocks(doc: Described): Record<string, string> {
  return { 'back-office': backOfficeTable(doc), api: apiTable(doc) };
}

/**
 * The README with its generated blocks replaced by what the document gives; a block whose markers are missing is a
 * bug in the README (the markers are committed once), so it throws.
 */
export function withGeneratedTables(readme: string, doc: Described): string {
  let text = readme;
  for (const [name, table] of Object.entries(readmeBlocks(doc))) {
    const start = `<!-- openapi:${name} -->`;
    const end = `<!-- /openapi:${name} -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block: add the two markers where the table belongs.`);
    text = `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
  }
  return text;
}
