/**
 * QD5027: for an ordered stage (approved: the coordination mechanism, then the committee), each
 * role signs after the one before it — by recorded date and by the date of the signed commit.
 */
import { diagnostic } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { requiredRoles } from '../model.js';
import { signoffsFor } from '../signoffs.js';

export const SignoffOrderRule: GovernanceRule = {
  name: 'signoff-order',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    for (const stage of ctx.roster.signoffs.ordered ?? []) {
      const roles = requiredRoles(ctx.roster, meta, stage);
      const signed = signoffsFor(p, ctx, stage).filter((s) => s.eligible);
      const when = (s: (typeof signed)[number]) => ctx.ledger?.writerOf(s.file.path)?.committerDate;
      for (let i = 1; i < roles.length; i++) {
        const earlier = signed.filter((s) => s.record.role === roles[i - 1]);
        for (const later of signed.filter((s) => s.record.role === roles[i])) {
          const before = earlier.some((e) => later.record.date < e.record.date || (when(later) && when(e) && Date.parse(when(later)!) < Date.parse(when(e)!)));
          if (before) report(diagnostic('signoff-out-of-order', at(later.file, '/date'), { stage, later: roles[i]!, earlier: roles[i - 1]! }), p.folder);
        }
      }
    }
  },
};
