import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A scenario's expectations are its article's story in literal values. So a scenario file may take values only
// from the scenario kit (moves, procedures, screens, expectations, notes) and its sibling cases, and types from
// anywhere; and the kit itself takes no product constant or message builder that a scenario could echo back.

const ROOT = new URL('..', import.meta.url).pathname;

/** The modules a file of scenarios/catalogue/ may take values from; everything else only as `import type`. */
const KIT = [
  '../actions.js',
  '../exact-moves.js',
  '../procedures.js',
  '../screens.js',
  '../expectations.js',
  '../notes.js',
  '../export-actions.js',
  '../export-moves.js',
  '../scenario.js',
];

/** Product values the kit may use although they are constants: which demo administration a scenario works in. */
const KIT_CONSTANTS_ALLOWED = new Set(['DEMO_DIVISIONS']);

interface ValueImport {
  from: string;
  names: string[];
}

/** The value (not type-only) imports of a TypeScript file. */
function valueImports(file: string, text: string): ValueImport[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: ValueImport[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    const from = statement.moduleSpecifier.text;
    if (!clause) {
      imports.push({ from, names: ['(side effects)'] });
      continue;
    }
    if (clause.isTypeOnly) continue;
    const names: string[] = [];
    if (clause.name) names.push('default');
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
    if (bindings && ts.isNamedImports(bindings))
      names.push(...bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text));
    if (names.length) imports.push({ from, names });
  }
  return imports;
}

async function tsFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => join(dir, name));
}

/** True for a name that is a product constant or message builder a scenario could read its expectations from. */
function isConstantOrWords(name: string): boolean {
  return (
    (/^[A-Z][A-Z0-9_]+$/.test(name) && !KIT_CONSTANTS_ALLOWED.has(name)) || /(^problems$|Problems$|[mM]essages$|^editWarnings?$)/.test(name)
  );
}

describe('the imports of the scenario catalogue', () => {
  it('a scenario takes values only from the scenario kit and its sibling cases; from the product only types', async () => {
    const offending: string[] = [];
    for (const file of await tsFiles(join(ROOT, 'scenarios/catalogue'))) {
      for (const { from, names } of valueImports(file, await readFile(file, 'utf8'))) {
        const sibling = /^\.\/[a-z0-9-]+\.js$/.test(from);
        if (!sibling && !KIT.includes(from)) offending.push(`${basename(file)}: ${names.join(', ')} from ${from}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the kit takes no product constant or message builder, so none can reach a scenario through it', async () => {
    const kit = [...(await tsFiles(join(ROOT, 'scenarios'))), ...(await tsFiles(join(ROOT, 'scenarios/procedure')))];
    const offending: string[] = [];
    for (const file of kit) {
      for (const { from, names } of valueImports(file, await readFile(file, 'utf8'))) {
        if (!/(^|\/)(core|mock-accounting)\//.test(from)) continue;
        offending.push(...names.filter(isConstantOrWords).map((name) => `${basename(file)}: ${name} from ${from}`));
      }
    }
    expect(offending).toEqual([]);
  });

  it('tells a constant or a message builder from a move', () => {
    expect(
      ['EXPORT_FEE_CENTS', 'DEFAULT_EXTERNAL_ID_START', 'syncMessages', 'focusProblems', 'problems', 'editWarning'].every(
        isConstantOrWords,
      ),
    ).toBe(true);
    expect(['DEMO_DIVISIONS', 'euros', 'bookedDocuments', 'ExportWizard', 'undoImport'].some(isConstantOrWords)).toBe(false);
  });

  it('reads type-only imports as types, whichever way they are written', () => {
    const text = "import type { A } from 'x';\nimport { type B, C } from 'y';\nimport { type D } from 'z';\nimport E from 'w';";
    expect(valueImports('f.ts', text)).toEqual([
      { from: 'y', names: ['C'] },
      { from: 'w', names: ['default'] },
    ]);
  });
});
