/**
 * QD3016: a condition of more alternatives than the checks can read once multiplied out
 * (`(a or b) and (c or d) and …` doubles with each group; a long `or` of bounds is not that). Such a condition is left out of the
 * ladder and satisfiability checks, so it is an error, not a silence: 24 groups ran the check
 * out of memory.
 */
import { hint } from '../../diagnostics.js';
import { MAX_ALTERNATIVES, tooManyAlternatives } from '../intervals.js';
import type { FileLocalRule } from '../context.js';

export const ConditionSizeRule: FileLocalRule = (context) => ({
  ConditionRoot(root) {
    if (tooManyAlternatives(root)) context.report('condition-too-complex', root.span, { limit: MAX_ALTERNATIVES }, { hint: hint('fewer-alternatives') });
  },
});
