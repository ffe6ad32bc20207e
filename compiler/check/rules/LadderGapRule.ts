/**
 * QD3005: per measure, the volumes a ladder names must run without a hole from its lowest
 * rung upwards, so that no volume between two rungs, or above the top one, silently falls to
 * "exempt".
 */
import { hint, note } from '../../diagnostics.js';
import type { Measure } from '../../ast.js';
import { formatInterval, formatVolume, measureClauses, poisonedMeasures, type MeasureClause } from '../intervals.js';
import type { FileLocalRule } from '../context.js';

export const LadderGapRule: FileLocalRule = (context) => ({
  Ladder(rungs, owner) {
    const byMeasure = new Map<Measure, MeasureClause[]>();
    // The measures any rung bounds with a fractional or negative volume, gathered once per ladder
    // (in a set made only for a ladder that has one).
    let poisoned: Set<Measure> | undefined;
    for (const r of rungs) for (const measure of poisonedMeasures(r.condition)) (poisoned ??= new Set()).add(measure);
    for (const r of rungs) {
      for (const c of measureClauses(r.condition)) {
        if (c.interval.lo >= c.interval.hi || poisoned?.has(c.measure)) continue; // reported by SatisfiableConditionRule, VolumeRule
        const clauses = byMeasure.get(c.measure);
        if (clauses) clauses.push(c);
        else byMeasure.set(c.measure, [c]);
      }
    }
    for (const [measure, sorted] of byMeasure) {
      sortByLowerBound(sorted);
      let reach = sorted[0]!.interval.hi;
      let last = sorted[0]!;
      for (let i = 1; i < sorted.length; i++) {
        const c = sorted[i]!;
        if (c.interval.lo > reach) {
          context.report(
            'ladder-gap',
            c.span,
            { measure, interval: formatInterval({ lo: reach, hi: c.interval.lo }) },
            { related: [note(last.span, 'rung-below-ends-here')], hint: hint('start-rung-at', { volume: formatVolume(reach) }) },
          );
        }
        if (c.interval.hi >= reach) {
          reach = c.interval.hi;
          last = c;
        }
      }
      if (reach !== Infinity) {
        context.report(
          'ladder-gap',
          last.span,
          { measure, interval: formatInterval({ lo: reach, hi: Infinity }) },
          { hint: hint('open-top-rung', { what: owner.what, id: `'${owner.id}'`, measure }) },
        );
      }
    }
  },
});

/**
 * Sorts a measure's clauses by their lower bound, in place and stably. A ladder has a few
 * clauses per measure, sorted by insertion: the built-in sort allocated its work space for each
 * of them, a tenth of the garbage of checking a large policy. A long one (one rung of 100,000
 * ranges, written high to low, took 168 s by insertion) goes to the built-in sort.
 */
function sortByLowerBound(clauses: MeasureClause[]): void {
  if (clauses.length > INSERTION_SORT_MAX) {
    clauses.sort((a, b) => a.interval.lo - b.interval.lo);
    return;
  }
  for (let i = 1; i < clauses.length; i++) {
    const c = clauses[i]!;
    let j = i - 1;
    for (; j >= 0 && clauses[j]!.interval.lo > c.interval.lo; j--) clauses[j + 1] = clauses[j]!;
    clauses[j + 1] = c;
  }
}

/** The longest list of clauses sorted by insertion. */
const INSERTION_SORT_MAX = 32;
