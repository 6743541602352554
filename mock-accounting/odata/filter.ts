// Over 250 lines: the tokenizer, parser, checker and evaluator of one small grammar, which read best together.
import { isCalendarDay, type Result } from '../../primitives/index.js';
import { isGuid, normalizeGuid, type EdmType, type EdmValue, type FieldTypes, type Row } from './edm.js';

/** A parsed `$filter` expression. */
export type FilterNode =
  | { kind: 'literal'; type: EdmType | 'Null'; value: EdmValue }
  | { kind: 'property'; name: string }
  | { kind: 'call'; name: FunctionName; args: FilterNode[] }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'binary'; op: BinaryOperator; left: FilterNode; right: FilterNode };

type BinaryOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'and' | 'or';
type FunctionName = (typeof FUNCTIONS)[number];

const FUNCTIONS = ['trim', 'substringof', 'startswith', 'endswith', 'tolower', 'toupper', 'length'] as const;
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/** A `$filter` the mock cannot parse or apply; the message is what Exact would answer. */
export interface FilterProblem {
  code: 'bad_filter';
  message: string;
}

type Token =
  | { t: 'str'; v: string }
  | { t: 'typed'; kind: string; v: string }
  | { t: 'num'; v: string }
  | { t: 'word'; v: string }
  | { t: '(' | ')' | ',' };

const SYNTAX = 'Bad Request - Error in query syntax.';

/** How deeply parentheses, function calls and `not` may nest; deeper is a syntax error rather than a stack overflow (a 500). */
const MAX_DEPTH = 100;

/** Unwinds the recursive-descent parser on a syntax error; never leaves this module. */
class Syntax extends Error {}

function tokenize(text: string): Token[] | FilterProblem {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: ch });
      i += 1;
    } else if (ch === "'") {
      const str = readQuoted(text, i);
      if (!str) return { code: 'bad_filter', message: SYNTAX };
      tokens.push({ t: 'str', v: str.value });
      i = str.end;
    } else if (/[-\d]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?[LlMmDdFf]?/.exec(text.slice(i));
      if (!m) return { code: 'bad_filter', message: SYNTAX };
      tokens.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][\w/]*/.exec(text.slice(i))!;
      i += m[0].length;
      if (text[i] === "'" && ['guid', 'datetime', 'datetimeoffset', 'time'].includes(m[0].toLowerCase())) {
        const str = readQuoted(text, i);
        if (!str) return { code: 'bad_filter', message: SYNTAX };
        tokens.push({ t: 'typed', kind: m[0].toLowerCase(), v: str.value });
        i = str.end;
      } else {
        tokens.push({ t: 'word', v: m[0] });
      }
    } else {
      return { code: 'bad_filter', message: SYNTAX };
    }
  }
  return tokens;
}

function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i];
    i += 1;
  }
  return undefined;
}

/** Parses the subset of OData v2 `$filter` that Exact clients use (operators, literals, a few functions). */
export function parseFilter(text: string): Result<FilterNode, FilterProblem> {
  const tokenized = tokenize(text);
  if (!Array.isArray(tokenized)) return { ok: false, problem: tokenized };
  const tokens: Token[] = tokenized;
  let pos = 0;
  let depth = 0;
  const nested = (parse: () => FilterNode): FilterNode => {
    if (++depth > MAX_DEPTH) throw new Syntax();
    try {
      return parse();
    } finally {
      depth -= 1;
    }
  };
  const peekWord = () => {
    const token = tokens[pos];
    return token?.t === 'word' ? token.v.toLowerCase() : undefined;
  };
  function or(): FilterNode {
    let left = and();
    while (peekWord() === 'or') {
      pos += 1;
      left = { kind: 'binary', op: 'or', left, right: and() };
    }
    return left;
  }
  function and(): FilterNode {
    let left = comparison();
    while (peekWord() === 'and') {
      pos += 1;
      left = { kind: 'binary', op: 'and', left, right: comparison() };
    }
    return left;
  }
  function comparison(): FilterNode {
    const left = unary();
    const op = peekWord();
    if (op && COMPARISONS.has(op)) {
      pos += 1;
      return { kind: 'binary', op: op as BinaryOperator, left, right: unary() };
    }
    return left;
  }
  // `not` is a unary operator and binds tighter than any comparison ([MS-ODATA] 2.2.3.6.1.1.2, the OData v2
  // operator precedence table): `not Blocked eq true` is `(not Blocked) eq true`, not `not (Blocked eq true)`.
  function unary(): FilterNode {
    if (peekWord() === 'not') {
      pos += 1;
      return { kind: 'not', operand: nested(unary) };
    }
    return primary();
  }
  function primary(): FilterNode {
    const token = tokens[pos++];
    if (!token) throw new Syntax();
    switch (token.t) {
      case '(': {
        const inner = nested(or);
        if (tokens[pos++]?.t !== ')') throw new Syntax();
        return inner;
      }
      case 'str':
        return { kind: 'literal', type: 'String', value: token.v };
      case 'num':
        return numberLiteral(token.v);
      case 'typed':
        return typedLiteral(token.kind, token.v);
      case 'word': {
        const word = token.v.toLowerCase();
        if (word === 'true' || word === 'false') return { kind: 'literal', type: 'Boolean', value: word === 'true' };
        if (word === 'null') return { kind: 'literal', type: 'Null', value: null };
        if (tokens[pos]?.t === '(') {
          if (!(FUNCTIONS as readonly string[]).includes(word)) throw new Syntax();
          pos += 1;
          const args: FilterNode[] = [];
          if (tokens[pos]?.t !== ')') {
            args.push(nested(or));
            while (tokens[pos]?.t === ',') {
              pos += 1;
              args.push(nested(or));
            }
          }
          if (tokens[pos++]?.t !== ')') throw new Syntax();
          return { kind: 'call', name: word as FunctionName, args };
        }
        return { kind: 'property', name: token.v };
      }
      default:
        throw new Syntax();
    }
  }

  try {
    const node = or();
    if (pos !== tokens.length) return { ok: false, problem: { code: 'bad_filter', message: SYNTAX } };
    return { ok: true, value: node };
  } catch (error) {
    if (error instanceof Syntax) return { ok: false, problem: { code: 'bad_filter', message: SYNTAX } };
    throw error;
  }
}

function numberLiteral(text: string): FilterNode {
  const suffix = /[A-Za-z]$/.exec(text)?.[0]?.toUpperCase();
  const digits = suffix ? text.slice(0, -1) : text;
  const type: EdmType = suffix === 'L' ? 'Int64' : suffix || digits.includes('.') ? 'Double' : 'Int32';
  return { kind: 'literal', type, value: Number(digits) };
}

function typedLiteral(kind: string, text: string): FilterNode {
  if (kind === 'guid') {
    if (!isGuid(text)) throw new Syntax();
    return { kind: 'literal', type: 'Guid', value: normalizeGuid(text) };
  }
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /Z|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms) || !isCalendarDay(text)) throw new Syntax();
  return { kind: 'literal', type: 'DateTime', value: ms };
}

/** Checks a parsed filter against an entity set's properties; returns the problem Exact would report, or undefined. */
export function checkFilter(
  node: FilterNode,
  fields: FieldTypes,
  typeName: string,
  filterable?: readonly string[],
): FilterProblem | undefined {
  switch (node.kind) {
    case 'property':
      if (!Object.hasOwn(fields, node.name)) {
        return { code: 'bad_filter', message: `Could not find a property named '${node.name}' on type '${typeName}'.` };
      }
      if (filterable && !filterable.includes(node.name)) {
        return { code: 'bad_filter', message: `Filtering on these fields is not supported: ${node.name}` };
      }
      return undefined;
    case 'literal':
      return undefined;
    case 'not': {
      const problem = checkFilter(node.operand, fields, typeName, filterable);
      if (problem) return problem;
      const type = operandType(node.operand, fields);
      return type === 'Boolean'
        ? undefined
        : { code: 'bad_filter', message: `Operator 'not' incompatible with operand type 'Edm.${type}'.` };
    }
    case 'call':
      for (const arg of node.args) {
        const problem = checkFilter(arg, fields, typeName, filterable);
        if (problem) return problem;
      }
      return node.args.length === (node.name === 'substringof' || node.name === 'startswith' || node.name === 'endswith' ? 2 : 1)
        ? undefined
        : {
            code: 'bad_filter',
            message: `No function signature for the function with name '${node.name}' matches the specified arguments.`,
          };
    case 'binary':
      return checkFilter(node.left, fields, typeName, filterable) ?? checkFilter(node.right, fields, typeName, filterable);
  }
}

const BOOLEAN_FUNCTIONS: ReadonlySet<string> = new Set(['substringof', 'startswith', 'endswith']);

/** The EDM type an expression evaluates to, as far as `not` needs to know it. */
function operandType(node: FilterNode, fields: FieldTypes): EdmType | 'Null' {
  switch (node.kind) {
    case 'literal':
      return node.type;
    case 'property':
      return fields[node.name] ?? 'String';
    case 'call':
      return BOOLEAN_FUNCTIONS.has(node.name) ? 'Boolean' : node.name === 'length' ? 'Int32' : 'String';
    case 'not':
    case 'binary':
      return 'Boolean';
  }
}

/** Evaluates a checked filter against one row. */
export function matchesFilter(node: FilterNode, row: Row, fields: FieldTypes): boolean {
  return evaluate(node, row, fields) === true;
}

function evaluate(node: FilterNode, row: Row, fields: FieldTypes): EdmValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'property': {
      const value = row[node.name] ?? null;
      return fields[node.name] === 'Guid' && typeof value === 'string' ? value.toLowerCase() : value;
    }
    case 'not':
      return !evaluate(node.operand, row, fields);
    case 'call': {
      const args = node.args.map((arg) => evaluate(arg, row, fields));
      const text = (i: number) => (args[i] === null || args[i] === undefined ? '' : String(args[i]));
      switch (node.name) {
        case 'trim':
          return text(0).trim();
        case 'tolower':
          return text(0).toLowerCase();
        case 'toupper':
          return text(0).toUpperCase();
        case 'length':
          return text(0).length;
        case 'substringof':
          return text(1).toLowerCase().includes(text(0).toLowerCase());
        case 'startswith':
          return text(0).startsWith(text(1));
        case 'endswith':
          return text(0).endsWith(text(1));
      }
      break;
    }
    case 'binary': {
      if (node.op === 'and') return evaluate(node.left, row, fields) === true && evaluate(node.right, row, fields) === true;
      if (node.op === 'or') return evaluate(node.left, row, fields) === true || evaluate(node.right, row, fields) === true;
      return compare(node.op, evaluate(node.left, row, fields), evaluate(node.right, row, fields));
    }
  }
  return null;
}

function compare(op: BinaryOperator, left: EdmValue, right: EdmValue): boolean {
  if (op === 'eq') return left === right;
  if (op === 'ne') return left !== right;
  if (left === null || right === null) return false;
  switch (op) {
    case 'gt':
      return left > right;
    case 'ge':
      return left >= right;
    case 'lt':
      return left < right;
    case 'le':
      return left <= right;
  }
  return false;
}
