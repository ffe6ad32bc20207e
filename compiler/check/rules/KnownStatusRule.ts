/** QD2005: a list's status is one of the stages of its life. */
import { hint } from '../../diagnostics.js';
import { didYouMean } from '../../suggest.js';
import type { CheckRule } from '../context.js';

/** The statuses of a list, in the order a list passes through them. */
export const LIST_STATUSES = ['draft', 'consultation', 'approved', 'in-force', 'repealed'] as const;

export const KnownStatusRule: CheckRule = (context) => ({
  List(list) {
    const status = list.status;
    if (!status || (LIST_STATUSES as readonly string[]).includes(status.text)) return;
    context.report('unknown-status', status.span, { status: `'${status.text}'` }, { hint: didYouMean(status.text, LIST_STATUSES) ?? hint('known-statuses', { words: LIST_STATUSES }) });
  },
});
