/**
 * The checker's model of a ladder as regions of volumes (compiler/check/volume-regions.ts, which
 * QD3019 stands on) against brute force: for random ladders of small volumes, kinds tests, CIIO
 * tests and nested and/or, the model finds a larger transfer with a lighter pathway exactly when
 * one exists among all volumes and sets of kinds, and each example it gives is one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as A from '../compiler/ast.js';
import { forgetConditionForms } from '../compiler/check/intervals.js';
import { STRICTNESS } from '../compiler/pathway-word.js';
import { boxAt, kindsCases, ladderBoxes, lighterAbove } from '../compiler/check/volume-regions.js';
import type { Span } from '../compiler/source.js';

const SPAN: Span = { file: 't.qd', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, length: 1 };
const KINDS = ['a', 'b', 'c'];
/** Bounds stay below TOP: every volume at TOP or above behaves as TOP does. */
const TOP = 8;
const volume = (value: number): A.Volume => ({ raw: String(value), value, negative: false, integral: true, span: SPAN });

const atom: fc.Arbitrary<A.Condition> = fc.oneof(
  fc.record({ measure: fc.constantFrom<A.Measure>('persons', 'sensitive'), op: fc.constantFrom<A.Comparator>('>=', '>', '<', '<='), value: fc.integer({ min: 0, max: TOP - 2 }) }).map(({ measure, op, value }) => ({ kind: 'Compare' as const, measure, op, value: volume(value), span: SPAN })),
  fc.record({ measure: fc.constantFrom<A.Measure>('persons', 'sensitive'), from: fc.integer({ min: 0, max: TOP - 2 }), width: fc.integer({ min: 1, max: 4 }) }).map(({ measure, from, width }) => ({ kind: 'Range' as const, measure, from: volume(from), to: volume(Math.min(from + width, TOP - 1)), span: SPAN })),
  fc.subarray(KINDS, { minLength: 1 }).map((kinds) => ({ kind: 'KindsAny' as const, kinds: kinds.map((text) => ({ text, span: SPAN })), span: SPAN })),
  fc.boolean().map((negated) => ({ kind: 'Ciio' as const, negated, span: SPAN })),
);

const condition: fc.Arbitrary<A.Condition> = fc.letrec<{ c: A.Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.array(tie('c'), { minLength: 2, maxLength: 3 }).map((terms) => ({ kind: 'Or' as const, terms, span: SPAN })),
    fc.array(tie('c'), { minLength: 2, maxLength: 3 }).map((terms) => ({ kind: 'And' as const, terms, span: SPAN })),
  ),
})).c;

const ladder: fc.Arbitrary<A.Rung[]> = fc.array(
  fc.record({ word: fc.constantFrom<A.PathwayWord>('assessment', 'contract', 'exempt'), condition }).map(({ word, condition }) => ({ pathway: { word, span: SPAN }, condition, basis: [], span: SPAN })),
  { minLength: 1, maxLength: 3 },
);

/** What the condition says for a transfer (never a CIIO's: ladders do not see them). */
function holds(c: A.Condition, persons: number, sensitive: number, kinds: readonly string[]): boolean {
  switch (c.kind) {
    case 'Or':
      return c.terms.some((t) => holds(t, persons, sensitive, kinds));
    case 'And':
      return c.terms.every((t) => holds(t, persons, sensitive, kinds));
    case 'KindsAny':
      return c.kinds.some((k) => kinds.includes(k.text));
    case 'Ciio':
      return c.negated;
    case 'Range': {
      const v = c.measure === 'persons' ? persons : sensitive;
      return c.from.value <= v && v < c.to.value;
    }
    case 'Compare': {
      const v = c.measure === 'persons' ? persons : sensitive;
      const n = c.value.value;
      return c.op === '>=' ? v >= n : c.op === '>' ? v > n : c.op === '<' ? v < n : v <= n;
    }
  }
}

/** The ladder's pathway (strictness) for a transfer: the strictest rung that holds, else exempt. */
function decide(rungs: readonly A.Rung[], persons: number, sensitive: number, kinds: readonly string[]): number {
  let rank = 0;
  for (const r of rungs) if (holds(r.condition, persons, sensitive, kinds)) rank = Math.max(rank, STRICTNESS[r.pathway.word]);
  return rank;
}

/** Whether some transfer gets a stricter pathway than a larger one naming the same kinds. */
function bruteForceLighterAbove(rungs: readonly A.Rung[]): boolean {
  const subsets = Array.from({ length: 2 ** KINDS.length }, (_, set) => KINDS.filter((_, k) => (set >> k) & 1));
  for (const kinds of subsets) {
    const f = (p: number, s: number) => decide(rungs, p, s, kinds);
    // Monotone along each axis of the grid is monotone everywhere on it.
    for (let p = 0; p <= TOP; p++) for (let s = 0; s <= TOP; s++) if ((p < TOP && f(p, s) > f(p + 1, s)) || (s < TOP && f(p, s) > f(p, s + 1))) return true;
  }
  return false;
}

describe('volume regions of a ladder', () => {
  it('finds a larger transfer with a lighter pathway exactly when brute force does, and every example is one', () => {
    let found = 0;
    fc.assert(
      fc.property(ladder, (rungs) => {
        forgetConditionForms();
        const boxes = ladderBoxes(rungs)!;
        const cases = kindsCases(boxes)!;
        let modelFinds = false;
        for (const { kinds, boxes: holding } of cases) {
          for (const box of holding) {
            if (box.strictness === 0) continue;
            const above = lighterAbove(box, holding);
            if (!above) continue;
            modelFinds = true;
            // The example: the box's corner gets at least the box's pathway, the larger transfer less.
            expect(above.persons >= box.persons.lo && above.sensitive >= box.sensitive.lo).toBe(true);
            expect(decide(rungs, box.persons.lo, box.sensitive.lo, kinds)).toBeGreaterThanOrEqual(box.strictness);
            expect(decide(rungs, above.persons, above.sensitive, kinds)).toBeLessThan(box.strictness);
            expect(boxAt(holding, above)?.strictness ?? 0).toBe(decide(rungs, above.persons, above.sensitive, kinds));
          }
        }
        if (modelFinds) found++;
        expect(modelFinds).toBe(bruteForceLighterAbove(rungs));
      }),
      { numRuns: 1500, seed: 0x3019 },
    );
    // The property must have met both answers many times, or it proves little.
    expect(found).toBeGreaterThan(100);
  });
});
