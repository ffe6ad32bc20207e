/** QD2010: a clause that may appear once is given twice. */
import { note } from '../../diagnostics.js';
import type { CheckRule } from '../context.js';

export const DuplicateClauseRule: CheckRule = (context) => ({
  Duplicate(d, where) {
    context.report('duplicate-clause', d.span, { clause: `'${d.clause}'`, context: where }, { related: [note(d.first, 'first-given-here')] });
  },
});
