/**
 * QD5049: the baseline has no status of its own — unlike a list, whose draft decides nothing —
 * so a change of the national rules, the measures or the annex is in effect as soon as it is
 * on the branch. A pull request (`--base`) that changes them under a baseline proposal not yet
 * approved is refused: approval comes before the merge. Checked without a base, the history
 * may hold such a change already; it is named, as a warning, until its proposal is approved.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import type { GovernanceRule } from '../context.js';
import { baselineSubstance } from '../lists.js';

const APPROVED = ['approved', 'in-force'];

export const BaselineApprovalRule: GovernanceRule = {
  name: 'baseline-approval',
  commit(c, ctx, report) {
    const file = c.changes.find((ch) => baselineSubstance(ch.path, ch.before) !== baselineSubstance(ch.path, ch.after))?.path;
    const proposal = c.trailer ? ctx.proposals.get(c.trailer) : undefined;
    // A change under no baseline proposal is PolicyChangeRule's (QD5041).
    if (!file || proposal?.kind !== 'baseline' || APPROVED.includes(proposal.stage)) return;
    const args = { commit: c.short, file, proposal: proposal.id, stage: proposal.stage };
    report(diagnostic(ctx.ledger.base ? 'baseline-change-unapproved' : 'baseline-change-pending', undefined, args, { hint: hint('approve-baseline-first', { id: proposal.id }) }), proposal.id);
  },
};
