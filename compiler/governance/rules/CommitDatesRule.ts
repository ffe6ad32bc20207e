/**
 * QD5038: a governed commit is not dated more than a day before its parent. Commit dates are
 * what the review window and the recorded dates are measured against; a commit back-dated
 * behind the history it follows is how a window would be faked (a day of clock skew is allowed).
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { dayOf, type GovernanceRule } from '../context.js';
import { daysBetween } from '../stages.js';

export const CommitDatesRule: GovernanceRule = {
  name: 'commit-dates',
  commit(c, ctx, report) {
    for (const parent of c.parents) {
      const p = ctx.ledger.commits.find((x) => x.sha === parent);
      if (!p || daysBetween(dayOf(c.committerDate), dayOf(p.committerDate)) <= 1) continue;
      report(diagnostic('date-after-commit', undefined, { what: `the parent ${p.short} of commit ${c.short}`, date: dayOf(p.committerDate), reference: `the commit itself (${dayOf(c.committerDate)})` }, { hint: hint('commits-in-order') }));
    }
  },
};
