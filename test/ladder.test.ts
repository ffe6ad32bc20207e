/**
 * The runtime's flattened ladders against the condition trees they come from: for random
 * conditions (volumes, CIIO, kinds, nested any/all) and random facts, the first rung that holds
 * is the same, whether the ladder became boxes or kept its predicates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../runtime/artifact.js';
import { Predicate } from '../runtime/conditions.js';
import { Ladder } from '../runtime/ladder.js';

const volume = fc.oneof(fc.constantFrom(0, 1, 5000, 10_000, 100_000, 1_000_000, 10_000_000), fc.integer({ min: 0, max: 20_000_000 }));
const KINDS = ['bank-account', 'health', 'location'];

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

function firstByPredicates(conditions: readonly Condition[], f: { persons: number; sensitive: number; kinds: string[]; ciio: boolean }): number | undefined {
  const i = conditions.findIndex((c) => Predicate.of(c).holds(f));
  return i < 0 ? undefined : i;
}

describe('Ladder', () => {
  for (const [name, leaf] of [['volumes and CIIO (boxes)', atom], ['with kinds (predicates)', withKinds]] as const) {
    it(`picks the same first rung as the condition trees: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(tree(leaf), { minLength: 1, maxLength: 4 }), fc.array(facts, { minLength: 1, maxLength: 20 }), (conditions, cases) => {
          const ladder = Ladder.of(conditions.map((when, i) => ({ when, result: i })));
          for (const f of cases) expect(ladder.first(f.persons, f.sensitive, f.kinds, f.ciio)).toBe(firstByPredicates(conditions, f));
        }),
        { numRuns: 3000, seed: 7 },
      );
    });
  }
});
