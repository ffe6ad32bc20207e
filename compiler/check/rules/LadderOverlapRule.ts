/**
 * QD3004: two rungs of one ladder must not claim the same volumes of the same measure; the
 * drafter has to say which pathway a volume gets. Only single-measure clauses are compared
 * exactly; clauses that also test kinds or CIIO status are left to the runtime's
 * strictest-wins rule.
 */
import { hint, note } from '../../diagnostics.js';
import { formatInterval, intersect, isEmpty, measureClauses } from '../intervals.js';
import type { FileLocalRule } from '../context.js';

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
                hint: hint('bound-lighter-rung'),
              },
            );
          }
        }
      }
    }
  },
});
