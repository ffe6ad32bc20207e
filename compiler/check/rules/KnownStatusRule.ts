/** QD2005: a list's status is one of the stages of its life. */
import { hint } from '../../diagnostics.js';
import { didYouMeanAt } from '../../suggest.js';
import type { FileLocalRule } from '../context.js';

/** The statuses of a list, in the order a list passes through them. */
export const LIST_STATUSES = ['draft', 'consultation', 'approved', 'in-force', 'repealed'] as const;

export const KnownStatusRule: FileLocalRule = (context) => ({
  List(list) {
    const status = list.status;
    if (!status || (LIST_STATUSES as readonly string[]).includes(status.text)) return;
    context.report('unknown-status', status.span, { status: `'${status.text}'` }, didYouMeanAt(status.text, LIST_STATUSES, status.span) ?? { hint: hint('known-statuses', { words: LIST_STATUSES }) });
  },
});
