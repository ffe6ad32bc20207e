/** QD3007: a condition that no transfer can meet (`persons in 100万..10万`, `ciio and not ciio`). */
import type * as A from '../../ast.js';
import { atomInterval, FULL, formatInterval, intersect, isEmpty, toDnf } from '../intervals.js';
import type { CheckRule } from '../context.js';

function problem(conj: ReturnType<typeof toDnf>[number]): string | undefined {
  const intervals: Partial<Record<A.Measure, ReturnType<typeof atomInterval>>> = {};
  const ciio = new Set<boolean>();
  for (const atom of conj) {
    if (atom.kind === 'Compare' || atom.kind === 'Range') {
      const i = intersect(intervals[atom.measure] ?? FULL, atomInterval(atom));
      if (isEmpty(i)) return `no volume of ${atom.measure} satisfies all of its bounds`;
      intervals[atom.measure] = i;
    } else if (atom.kind === 'Ciio') {
      ciio.add(!atom.negated);
      if (ciio.size > 1) return 'it requires both ciio and not ciio';
    }
  }
  return undefined;
}

export const SatisfiableConditionRule: CheckRule = (context) => ({
  Condition(c) {
    if (c.kind === 'Range') {
      const i = atomInterval(c);
      if (isEmpty(i)) context.report('empty-condition', c.span, { reason: `the range ${c.from.raw}..${c.to.raw} is empty (${formatInterval(i)})` }, { hint: 'write the lower bound first: `in low..high`' });
      return;
    }
    if (c.kind !== 'And') return;
    for (const conj of toDnf(c)) {
      const why = problem(conj);
      if (why) {
        context.report('empty-condition', c.span, { reason: why });
        return;
      }
    }
  },
});
