/**
 * QD5005, QD5021, QD5022: a concern is raised by a roster person and closed only by them (or
 * by the chair, recorded `asChair`); none is open past review or was open at approval. The
 * ledger checks that the resolution was committed and signed by the person it names.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, recordName, type GovernanceRule } from '../context.js';
import { personById } from '../model.js';
import { PAST_REVIEW } from '../stages.js';

export const ConcernsRule: GovernanceRule = {
  name: 'concerns',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const r = (d: Parameters<typeof report>[0]) => report(d, p.folder);
    const approvedAt = [...meta.history].reverse().find((e) => e.stage === 'approved')?.date;
    for (const c of p.concerns) {
      const v = c.value;
      if (!v) continue;
      const name = recordName(c.path);
      if (!personById(ctx.roster, v.raisedBy)) r(diagnostic('unknown-person', at(c, '/raisedBy'), { person: `'${v.raisedBy}'` }));
      if (v.resolution && v.resolution.by !== v.raisedBy) {
        const chair = ctx.roster.chair;
        const byChair = v.resolution.asChair && chair && personById(ctx.roster, v.resolution.by)?.roles.includes(chair);
        if (!byChair) r(diagnostic('concern-resolved-by-other', at(c, '/resolution/by'), { concern: name, raiser: v.raisedBy, actual: v.resolution.by }, { hint: hint('raiser-resolves') }));
      }
      const openNow = !v.resolution;
      const openAtApproval = approvedAt !== undefined && v.date <= approvedAt && (!v.resolution || v.resolution.date > approvedAt);
      if (PAST_REVIEW.includes(meta.stage) && (openNow || openAtApproval)) {
        r(diagnostic('open-concern', at(c, ''), { id: meta.id, stage: meta.stage, concern: name }, { hint: hint('concern-back-to-review') }));
      }
    }
  },
};
