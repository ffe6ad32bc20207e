/**
 * The runtime's condition table against the condition trees it comes from: for random
 * conditions (volumes, CIIO, kinds, nested any/all) and random facts, every condition holds in
 * the table exactly when its tree holds — whether it became boxes (with kinds as bitmasks) or
 * stayed a tree (kinds without a bit, an `all` of unrelated kinds tests, too many boxes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../runtime/artifact.js';
import { appendRungCondition, ConditionTable, kindBitsOf, kindsMaskOf, rungConditionEnd, rungConditionHolds } from '../runtime/condition-table.js';
import { Predicate } from '../runtime/conditions.js';
import { expectSame } from './expect-same.js';

const volume = fc.oneof(fc.constantFrom(0, 1, 5000, 10_000, 100_000, 1_000_000, 10_000_000), fc.integer({ min: 0, max: 20_000_000 }));
const KINDS = ['bank-account', 'health', 'location', 'biometric'];

const atom: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ measure: fc.constantFrom('persons' as const, 'sensitive' as const), min: volume, max: volume }).map((c) => ({ measure: c.measure, min: Math.min(c.min, c.max), max: Math.max(c.min, c.max) + 1 })),
  fc.record({ measure: fc.constantFrom('persons' as const, 'sensitive' as const), min: volume }),
  fc.boolean().map((ciio) => ({ ciio })),
);
const withKinds: fc.Arbitrary<Condition> = fc.oneof(atom, fc.subarray(KINDS, { minLength: 1 }).map((kindsAny) => ({ kindsAny })));

function tree(leaf: fc.Arbitrary<Condition>): fc.Arbitrary<Condition> {
  return fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    ),
  })).c;
}

const facts = fc.record({ persons: volume, sensitive: volume, kinds: fc.subarray(KINDS), ciio: fc.boolean() });

describe('ConditionTable', () => {
  const cases = [
    ['volumes and CIIO', atom, KINDS],
    ['with kinds, every kind a bit', withKinds, KINDS],
    ['with kinds, two kinds without a bit (trees)', withKinds, KINDS.slice(0, 2)],
  ] as const;
  for (const [name, leaf, withBits] of cases) {
    it(`holds exactly where the condition tree holds: ${name}`, () => {
      const kindBits = kindBitsOf(withBits);
      fc.assert(
        fc.property(fc.array(tree(leaf), { minLength: 1, maxLength: 4 }), fc.array(facts, { minLength: 1, maxLength: 20 }), (conditions, cases) => {
          const table = ConditionTable.of(conditions, kindBits);
          const trees = conditions.map(Predicate.of);
          for (const f of cases) {
            const mask = kindsMaskOf(f.kinds, kindBits);
            conditions.forEach((c, i) => expectSame(table.holds(i, f.persons, f.sensitive, mask, f.kinds, f.ciio), trees[i]!.holds(f), () => JSON.stringify({ c, f })));
            // Below the table's floor no condition holds (decisions skip the table there).
            if (f.persons < table.floor && f.sensitive < table.floor) conditions.forEach((c, i) => expectSame(trees[i]!.holds(f), false, () => JSON.stringify({ c, f, floor: table.floor })));
          }
        }),
        { numRuns: 3000, seed: 7 },
      );
    });
  }

  it('has as floor the least volume some box needs, and none with a tree', () => {
    const kindBits = kindBitsOf(KINDS);
    const rules: Condition[] = [
      { any: [{ measure: 'persons', min: 10_000_000 }, { measure: 'sensitive', min: 1_000_000 }, { all: [{ measure: 'sensitive', min: 100_000 }, { kindsAny: ['health'] }] }] },
      { all: [{ ciio: true }, { any: [{ measure: 'persons', min: 200_000 }, { measure: 'sensitive', min: 300_000 }] }] },
    ];
    expect(ConditionTable.of(rules, kindBits).floor).toBe(100_000);
    expect(ConditionTable.of([...rules, { all: [{ measure: 'persons', min: 50_000 }, { measure: 'sensitive', min: 70_000 }] }], kindBits).floor).toBe(70_000);
    expect(ConditionTable.of([...rules, { ciio: true }], kindBits).floor).toBe(0);
    expect(ConditionTable.of([...rules, { all: [{ kindsAny: ['health'] }, { kindsAny: ['location'] }] }], kindBits).floor).toBe(0);
    expect(ConditionTable.of([], kindBits).floor).toBe(Infinity);
  });

  it('keeps kinds tests as bitmasks where one implies the other, and as trees where neither does', () => {
    const kindBits = kindBitsOf(KINDS);
    const table = ConditionTable.of(
      [
        { all: [{ kindsAny: ['health'] }, { kindsAny: ['health', 'location'] }, { measure: 'sensitive', min: 10 }] },
        { all: [{ kindsAny: ['health'] }, { kindsAny: ['location'] }] },
      ],
      kindBits,
    );
    expect(table.isTree(0)).toBe(false);
    expect(table.isTree(1)).toBe(true);
  });
});

describe('rung conditions (volume ranges, then boxes)', () => {
  for (const [name, leaf, withBits] of [
    ['volumes and CIIO', atom, KINDS],
    ['with kinds', withKinds, KINDS],
    ['with kinds, two without a bit', withKinds, KINDS.slice(0, 2)],
  ] as const) {
    it(`hold exactly where the condition tree holds, one after another in one array: ${name}`, () => {
      const kindBits = kindBitsOf(withBits);
      fc.assert(
        fc.property(fc.array(tree(leaf), { minLength: 1, maxLength: 4 }), fc.array(facts, { minLength: 1, maxLength: 20 }), (conditions, cases) => {
          const out: number[] = [7]; // something before, as in a ladder
          const at: number[] = [];
          for (const c of conditions) {
            const from = out.length;
            if (appendRungCondition(out, c, kindBits)) at.push(from);
            else {
              expectSame(out.length, from, () => 'a tree appends nothing');
              at.push(-1);
            }
          }
          const b = Float64Array.from(out);
          // Each condition ends where the next begins.
          const flat = at.filter((x) => x >= 0);
          flat.forEach((x, k) => expectSame(rungConditionEnd(b, x), k + 1 < flat.length ? flat[k + 1] : b.length, () => `the end of condition ${k}`));
          const trees = conditions.map(Predicate.of);
          for (const f of cases) {
            const mask = kindsMaskOf(f.kinds, kindBits);
            conditions.forEach((c, k) => {
              if (at[k]! >= 0) expectSame(rungConditionHolds(b, at[k]!, f.persons, f.sensitive, mask, f.ciio ? 1 : 0), trees[k]!.holds(f), () => JSON.stringify({ c, f }));
            });
          }
        }),
        { numRuns: 2000, seed: 11 },
      );
    });
  }

  it('keeps single-measure terms as ranges and the rest as boxes', () => {
    const kindBits = kindBitsOf(KINDS);
    const out: number[] = [];
    appendRungCondition(out, { any: [{ measure: 'persons', min: 10 }, { all: [{ measure: 'sensitive', min: 5, max: 9 }, { measure: 'persons', max: 100 }] }, { all: [{ ciio: true }, { measure: 'persons', min: 3 }] }] }, kindBits);
    // One range (persons ≥ 10), then two boxes (two measures; CIIO).
    expect(out.slice(0, 2)).toEqual([1, 2]);
    expect(out.slice(2, 5)).toEqual([0, 10, Infinity]);
    const ranges: number[] = [];
    appendRungCondition(ranges, { all: [{ measure: 'sensitive', min: 5 }, { measure: 'sensitive', max: 9 }] }, kindBits);
    expect(ranges).toEqual([1, 0, 1, 5, 9]);
  });
});
