import { describe, expect, it } from 'vitest';
import { plainCopy } from './plain-copy.js';

describe('plainCopy', () => {
  it('copies plain data deeply: the copy equals the original and shares no object with it', () => {
    const original = { a: [1, { b: 'x', c: null }], d: { e: true, f: [] as number[] } };
    const copied = plainCopy(original);
    expect(copied).toEqual(original);
    copied.d.f.push(1);
    (copied.a[1] as { b: string }).b = 'y';
    expect(original).toEqual({ a: [1, { b: 'x', c: null }], d: { e: true, f: [] } });
  });

  it('keeps a "__proto__" key of parsed JSON as a key, not as the prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"admin": true}, "name": "x"}') as Record<string, unknown>;
    const copied = plainCopy(parsed);
    expect(Object.keys(copied)).toEqual(['__proto__', 'name']);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect((copied as { admin?: boolean }).admin).toBeUndefined();
  });
});
