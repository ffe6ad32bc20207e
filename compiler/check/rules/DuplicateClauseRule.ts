/** QD2010: a clause that may appear once is given twice. */
import type { CheckRule } from '../context.js';

export const DuplicateClauseRule: CheckRule = (context) => ({
  Duplicate(d, where) {
    context.report('duplicate-clause', d.span, { clause: `'${d.clause}'`, context: `this ${where}` }, { related: [{ message: 'first given here', span: d.first }] });
  },
});
