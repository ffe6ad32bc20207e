/** QD2010: a clause that may appear once is given twice. */
import { note } from '../../diagnostics.js';
import type { FileLocalRule } from '../context.js';

export const DuplicateClauseRule: FileLocalRule = (context) => ({
  Duplicate(d, where) {
    context.report('duplicate-clause', d.span, { clause: `'${d.clause}'`, context: where }, { related: [note(d.first, 'first-given-here')] });
  },
});
