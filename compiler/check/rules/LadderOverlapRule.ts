/**
 * QD3004: two rungs of one ladder must not claim the same volumes of the same measure; the
 * drafter has to say which pathway a volume gets. Only single-measure clauses are compared
 * exactly; clauses that also test kinds or CIIO status are left to the runtime's
 * strictest-wins rule.
 */
import type { Measure } from '../../ast.js';
import { hint, note, type Hint } from '../../diagnostics.js';
import { formatInterval, formatVolume, intersect, isEmpty, measureClauses, type Interval } from '../intervals.js';
import { STRICTNESS } from '../../pathway-word.js';
import type { FileLocalRule } from '../context.js';

/**
 * The hint: the lighter rung's bounds below the stricter rung's start, when they are a band.
 * A fixed example (`persons in 10万..100万`) could be the very range the drafter had written.
 */
function boundHint(measure: Measure, lighter: Interval, stricter: Interval): Hint {
  if (stricter.lo <= lighter.lo) return hint('bound-lighter-rung');
  const band = lighter.lo === 0 ? `${measure} < ${formatVolume(stricter.lo)}` : `${measure} in ${formatVolume(lighter.lo)}..${formatVolume(stricter.lo)}`;
  return hint('bound-lighter-rung-to', { condition: `\`${band}\`` });
}

export const LadderOverlapRule: FileLocalRule = (context) => ({
  Ladder(rungs) {
    const clauses = rungs.map((r) => ({ rung: r, clauses: measureClauses(r.condition) }));
    for (let i = 0; i < clauses.length; i++) {
      for (let j = i + 1; j < clauses.length; j++) {
        const a = clauses[i]!;
        const b = clauses[j]!;
        for (const ca of a.clauses) {
          for (const cb of b.clauses) {
            if (ca.measure !== cb.measure) continue;
            const common = intersect(ca.interval, cb.interval);
            if (isEmpty(common)) continue;
            context.report(
              'ladder-overlap',
              cb.span,
              { measure: ca.measure, interval: formatInterval(common), first: `'${a.rung.pathway.word}'`, second: `'${b.rung.pathway.word}'` },
              {
                related: [note(ca.span, 'rung-claims-here', { pathway: `'${a.rung.pathway.word}'` })],
                hint: STRICTNESS[a.rung.pathway.word] >= STRICTNESS[b.rung.pathway.word] ? boundHint(ca.measure, cb.interval, ca.interval) : boundHint(ca.measure, ca.interval, cb.interval),
              },
            );
          }
        }
      }
    }
  },
});
