import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from '../compiler/diff/same-json.js';

// A small domain, so that two independently drawn values are often equal as JSON and often
// differ only in key order, an undefined property, -0 or a non-finite number.
const { value } = fc.letrec((tie) => ({
  leaf: fc.constantFrom<unknown>(undefined, null, true, false, 0, -0, 1, NaN, Infinity, -Infinity, '', 'x', '0', 'null'),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), tie('value')), { maxLength: 3 }).map((entries) => Object.fromEntries(entries)),
  ),
}));

describe('sameJson', () => {
  it('agrees with comparing JSON.stringify texts on arbitrary value pairs', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 20_000, seed: 14 },
    );
  });

  it('is order-sensitive for keys and ignores undefined properties, as the JSON texts are', () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson([NaN], [null])).toBe(true);
    expect(sameJson(undefined, null)).toBe(false);
    expect(sameJson({ when: { measure: 'persons', min: 100 } }, { when: { measure: 'persons', min: 50 } })).toBe(false);
  });
});
