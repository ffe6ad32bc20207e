/** QD3006: a larger volume never gets a lighter pathway: stricter rungs sit above lighter ones. */
import { note } from '../../diagnostics.js';
import { isEmpty, measureClauses } from '../intervals.js';
import { STRICTNESS } from '../../pathway-word.js';
import type { FileLocalRule } from '../context.js';

export const LadderMonotoneRule: FileLocalRule = (context) => ({
  Ladder(rungs) {
    const clauses = rungs.map((r) => ({ rung: r, clauses: measureClauses(r.condition) }));
    for (const strict of clauses) {
      for (const light of clauses) {
        if (STRICTNESS[strict.rung.pathway.word] <= STRICTNESS[light.rung.pathway.word]) continue;
        for (const cs of strict.clauses) {
          for (const cl of light.clauses) {
            if (cs.measure !== cl.measure || isEmpty(cs.interval) || isEmpty(cl.interval) || cs.interval.hi > cl.interval.lo) continue;
            context.report(
              'ladder-not-monotone',
              cs.span,
              { stricter: `'${strict.rung.pathway.word}'`, lighter: `'${light.rung.pathway.word}'`, measure: cs.measure },
              { related: [note(cl.span, 'rung', { pathway: `'${light.rung.pathway.word}'` })] },
            );
          }
        }
      }
    }
  },
});
