import type { z } from 'zod';

// A case file of 10,000 invoices holds some 100,000 objects, and zod walks them at a few µs each. A saved case is
// almost always valid, so a plain check derived from the same schema answers first, and zod runs only when it says
// no: every refusal is still zod's, word for word. The check is stricter than zod: it answers only for a value zod
// accepts, and then with what zod returns (keys in the schema's order, nothing stripped or filled in); for anything
// else, a schema it does not know included, it answers NOT_QUICK. Like zod, it compiles each object's check into
// one function, so that each field is tested where it is read.

/** The answer of a quick parser for a value it leaves to zod. */
export const NOT_QUICK: unique symbol = Symbol('not quick');

/** Zod's output for the value when the value is plainly valid, else NOT_QUICK. */
export type QuickParser = (value: unknown) => unknown;

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Thrown while compiling, and caught there, at a schema this module does not know: the whole value goes to zod. */
class UnknownSchema extends Error {}

/** A literal as source text, for the primitives JSON can hold. */
function literal(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new UnknownSchema();
}

class Compiler {
  readonly functions: string[] = [];
  readonly patterns: RegExp[] = [];
  private readonly named = new Map<z.ZodType, string>();

  /** A condition on `v` for a schema checked in place (a primitive), or undefined for one that needs a function. */
  test(schema: z.ZodType, v: string): string | undefined {
    const def = defOf(schema);
    // Checks are read on strings and numbers; on anything else (an array's length, a refinement) they go to zod.
    if ((def.checks ?? []).length > 0 && def.type !== 'string' && def.type !== 'number') throw new UnknownSchema();
    const checks = (def.checks ?? []).map((c) => this.check(c._zod.def, v));
    switch (def.type) {
      case 'string':
        return [`typeof ${v} === "string"`, ...checks].join(' && ');
      case 'number':
        return [`typeof ${v} === "number" && Number.isFinite(${v})`, ...checks].join(' && ');
      case 'boolean':
        return `typeof ${v} === "boolean"`;
      case 'literal':
        return `(${def.values!.map((value) => `${v} === ${literal(value)}`).join(' || ')})`;
      // Of string values only: a TypeScript enum's numbers come with reverse keys that zod leaves out.
      case 'enum':
        if (Object.values(def.entries!).some((value) => typeof value !== 'string')) throw new UnknownSchema();
        return `(${Object.values(def.entries!)
          .map((value) => `${v} === ${literal(value)}`)
          .join(' || ')})`;
      // zod answers with the first option that accepts: of literals, only the one that matches can.
      case 'union':
        if (def.options!.some((option) => defOf(option).type !== 'literal')) throw new UnknownSchema();
        return `(${def.options!.map((option) => this.test(option, v)).join(' || ')})`;
      case 'nullable': {
        const inner = this.test(def.innerType!, v);
        return inner === undefined ? undefined : `(${v} === null || ${inner})`;
      }
      case 'object':
      case 'record':
      case 'array':
        return undefined;
      default:
        throw new UnknownSchema();
    }
  }

  private check(check: Record<string, unknown>, v: string): string {
    switch (check.check) {
      case 'string_format': {
        const pattern = check.pattern;
        if (check.format !== 'regex' || !(pattern instanceof RegExp) || pattern.global || pattern.sticky) throw new UnknownSchema();
        this.patterns.push(pattern);
        return `P[${this.patterns.length - 1}].test(${v})`;
      }
      case 'min_length':
        return `${v}.length >= ${literal(check.minimum)}`;
      case 'max_length':
        return `${v}.length <= ${literal(check.maximum)}`;
      case 'number_format':
        if (check.format !== 'safeint') throw new UnknownSchema();
        return `Number.isSafeInteger(${v})`;
      case 'greater_than':
        return `${v} ${check.inclusive ? '>=' : '>'} ${literal(check.value)}`;
      case 'less_than':
        return `${v} ${check.inclusive ? '<=' : '<'} ${literal(check.value)}`;
      default:
        throw new UnknownSchema();
    }
  }

  /** Statements that parse `v` into `p` (declared by the caller) or return NQ; `same` turns false when p !== v. */
  parse(schema: z.ZodType, v: string, p: string): string {
    const test = this.test(schema, v);
    if (test !== undefined) return `if (!(${test})) return NQ; ${p} = ${v};`;
    const def = defOf(schema);
    if (def.type === 'nullable') return `if (${v} === null) ${p} = null; else { ${this.parse(def.innerType!, v, p)} }`;
    return `${p} = ${this.function(schema)}(${v}); if (${p} === NQ) return NQ; if (${p} !== ${v}) same = false;`;
  }

  /** The name of the function that parses values of an object, record or array schema. */
  function(schema: z.ZodType): string {
    const known = this.named.get(schema);
    if (known) return known;
    const name = `f${this.named.size}`;
    this.named.set(schema, name);
    const def = defOf(schema);
    const plain =
      'if (typeof v !== "object" || v === null || (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)) return NQ;';
    let body: string;
    if (def.type === 'object') body = plain + this.objectBody(def.shape!);
    else if (def.type === 'record') {
      const key = defOf(def.keyType!);
      if (key.type !== 'string' || (key.checks ?? []).length > 0) throw new UnknownSchema();
      // zod writes each key into a new object, where `__proto__` would set the prototype instead.
      body = `${plain} if (Object.getOwnPropertySymbols(v).length > 0) return NQ; let o, same = true, p;
        for (const k in v) { if (k === "__proto__") return NQ; const x = v[k]; ${this.parse(def.valueType!, 'x', 'p')}
          if (!same) { o ??= { ...v }; o[k] = p; same = true; } }
        return o ?? v;`;
    } else if (def.type === 'array')
      body = `if (!Array.isArray(v)) return NQ; let o, same = true, p;
        for (let i = 0; i < v.length; i += 1) { const x = v[i]; ${this.parse(def.element!, 'x', 'p')}
          if (!same) { o ??= [...v]; o[i] = p; same = true; } }
        return o ?? v;`;
    else throw new UnknownSchema();
    this.functions.push(`function ${name}(v) { ${body} }`);
    return name;
  }

  /**
   * An object has the shape's keys and no other (zod strips or refuses others). It comes back as it is when its keys
   * are in the shape's order and its fields come back as they are, else as a new object in the shape's order.
   */
  private objectBody(shape: Record<string, z.ZodType>): string {
    const fields = Object.entries(shape).map(([key, field]) => {
      const def = defOf(field);
      if (def.type === 'default' || def.type === 'optional') return { key, schema: def.innerType!, kind: def.type };
      return { key, schema: field, kind: 'required' };
    });
    const keys = JSON.stringify(fields.map((f) => f.key));
    const optional = JSON.stringify(fields.map((f) => f.kind === 'optional'));
    const reads = fields.map(({ key, schema, kind }, i) => {
      const k = JSON.stringify(key);
      // A default's absence is filled in by zod: only a value that is there can be quick.
      const absent = kind === 'optional' ? `if (Object.hasOwn(v, ${k})) return NQ;` : 'return NQ;';
      return `const x${i} = v[${k}]; let p${i}; if (x${i} === undefined) { ${absent} } else { present += 1; ${this.parse(schema, `x${i}`, `p${i}`)} }`;
    });
    const build = fields.map(({ key }, i) => `if (x${i} !== undefined) o[${JSON.stringify(key)}] = p${i};`);
    return `const K = ${keys}, O = ${optional}; let at = 0, ordered = true;
      for (const k in v) { while (at < K.length && K[at] !== k && O[at]) at += 1; if (K[at] !== k) { ordered = false; break; } at += 1; }
      let same = true, present = 0; ${reads.join('\n')}
      if (ordered && same) return v;
      if (present !== Object.keys(v).length) return NQ;
      const o = {}; ${build.join(' ')} return o;`;
  }
}

/** The quick parser of a schema: compiled once, to be called on many values. */
export function quickParser(schema: z.ZodType): QuickParser {
  const compiler = new Compiler();
  try {
    const entry = compiler.function(schema);
    return new Function('NQ', 'P', `${compiler.functions.join('\n')}\nreturn ${entry};`)(NOT_QUICK, compiler.patterns) as QuickParser;
  } catch (error) {
    if (error instanceof UnknownSchema) return () => NOT_QUICK;
    throw error;
  }
}
