/**
 * QD5019: review lasts at least the roster's window before every approval, voided ones too — by the recorded dates, and by the dates
 * of the signed commits that recorded entering review and leaving it (recorded dates are
 * self-asserted; the commits' are what the signatures cover).
 */
import { diagnostic } from '../../diagnostics.js';
import { historySpan, rosterForEntry, type GovernanceRule } from '../context.js';
import { daysBetween, transitionsTaken } from '../stages.js';

export const ReviewWindowRule: GovernanceRule = {
  name: 'review-window',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const recorded = ctx.ledger?.entryCommits(p.meta.path) ?? [];
    // Every approval taken, a voided one too: until it was voided it counted.
    for (const { from, fromIndex, to, index } of transitionsTaken(meta.history)) {
      if (from.stage !== 'review' || to.stage !== 'approved' || to.external) continue;
      let days = daysBetween(from.date, to.date);
      const [a, b] = [recorded[fromIndex], recorded[index]];
      if (a && b) days = Math.min(days, daysBetween(a.committerDate.slice(0, 10), b.committerDate.slice(0, 10)));
      const min = rosterForEntry(ctx, p, index).reviewWindowDays; // the window in force when the approval was recorded
      if (days < min) report(diagnostic('review-window-short', historySpan(p, index, 'date'), { id: meta.id, days, min }), p.folder);
    }
  },
};
