/**
 * QD3007: a condition, or one alternative of it, that no transfer can meet
 * (`persons in 100万..10万`, `sensitive < 0`, `ciio and not ciio`). Each problem is reported
 * once: at the bound that is empty on its own, or else at the alternative as a whole.
 */
import type * as A from '../../ast.js';
import { atomInterval, FULL, formatInterval, intersect, isEmpty, toDnf } from '../intervals.js';
import type { FileLocalRule } from '../context.js';
import { joinSpans } from '../../source.js';
import { hint } from '../../diagnostics.js';

type Atom = ReturnType<typeof toDnf>[number][number];

type Conflict = { readonly id: 'contradictory-bounds'; readonly measure: A.Measure } | { readonly id: 'ciio-contradiction' };

function conflict(conj: readonly Atom[]): Conflict | undefined {
  const intervals: Partial<Record<A.Measure, ReturnType<typeof atomInterval>>> = {};
  // Two flags, not a set of the values met: this runs for every alternative of every rung.
  let holds = false;
  let fails = false;
  for (const atom of conj) {
    if (atom.kind === 'Compare' || atom.kind === 'Range') {
      const i = intersect(intervals[atom.measure] ?? FULL, atomInterval(atom));
      if (isEmpty(i)) return { id: 'contradictory-bounds', measure: atom.measure };
      intervals[atom.measure] = i;
    } else if (atom.kind === 'Ciio') {
      if (atom.negated) fails = true;
      else holds = true;
      if (holds && fails) return { id: 'ciio-contradiction' };
    }
  }
  return undefined;
}

export const SatisfiableConditionRule: FileLocalRule = (context) => ({
  ConditionRoot(root) {
    // Made at the first problem: nearly every condition has none, and there are several per item.
    let emptyAtoms: Set<Atom> | undefined;
    let reported: Set<string> | undefined;
    for (const conj of toDnf(root)) {
      for (const atom of conj) {
        if ((atom.kind !== 'Compare' && atom.kind !== 'Range') || !isEmpty(atomInterval(atom))) continue;
        (emptyAtoms ??= new Set()).add(atom);
        reported ??= new Set();
        if (reported.has(`${atom.span.offset}`)) continue;
        reported.add(`${atom.span.offset}`);
        if (atom.kind === 'Range') {
          context.report('empty-range', atom.span, { from: atom.from.raw, to: atom.to.raw, interval: formatInterval(atomInterval(atom)) }, { hint: hint('lower-bound-first') });
        } else context.report('impossible-comparison', atom.span, { op: atom.op, value: atom.value.raw });
      }
      // One atom cannot contradict itself unless it is empty (reported above); most alternatives are one atom.
      if (conj.length < 2 || (emptyAtoms && conj.some((a) => emptyAtoms!.has(a)))) continue;
      const why = conflict(conj);
      if (!why) continue;
      reported ??= new Set();
      const first = conj[0]!.span;
      const last = conj.at(-1)!.span;
      const key = `${first.offset}-${last.offset}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const span = joinSpans(first, last);
      if (why.id === 'contradictory-bounds') context.report(why.id, span, { measure: why.measure });
      else context.report(why.id, span);
    }
  },
});
