/**
 * QD5038: a governed commit is not dated more than a day before any of its parents, governed or
 * not (a commit outside policy/, the base). Commit dates are what the review window and the
 * recorded dates are measured against; a commit back-dated behind the history it follows is how
 * a window would be faked (a day of clock skew is allowed). Compared only with governed parents,
 * a commit on top of a README change, or on the base itself, could be dated weeks back.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { dayOf, type GovernanceRule } from '../context.js';
import { daysBetween } from '../stages.js';

export const CommitDatesRule: GovernanceRule = {
  name: 'commit-dates',
  commit(c, ctx, report) {
    for (const parent of c.parents) {
      const date = ctx.ledger.parentDate(parent);
      if (!date || daysBetween(dayOf(c.committerDate), dayOf(date)) <= 1) continue;
      report(diagnostic('parent-dated-after-commit', undefined, { parent: parent.slice(0, 12), commit: c.short, date: dayOf(date), commitDate: dayOf(c.committerDate) }, { hint: hint('commits-in-order') }));
    }
  },
};
