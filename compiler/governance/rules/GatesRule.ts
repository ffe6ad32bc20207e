/**
 * QD5012, QD5032: every transition of the effective history has the sign-offs of every role
 * its gate stages require, dated between the entry into the stage left and the transition,
 * and still binding what they approved (a sign-off whose content has changed since is named).
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { requiredRoles } from '../model.js';
import { signoffsFor } from '../signoffs.js';
import { effectivePath, gateStages, transitionError } from '../stages.js';

export const GatesRule: GovernanceRule = {
  name: 'gates',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const kind = meta.kind ?? 'list';
    const path = effectivePath(meta.history);
    for (let k = 1; k < path.length; k++) {
      const from = path[k - 1]!.entry;
      const { entry: to, index } = path[k]!;
      if (to.external || transitionError(from.stage, to.stage, kind)) continue;
      for (const stage of gateStages(from.stage, to.stage)) {
        const dated = signoffsFor(p, ctx, stage).filter((s) => s.eligible && s.record.date >= from.date && s.record.date <= to.date);
        for (const role of requiredRoles(ctx.roster, meta, stage)) {
          const ofRole = dated.filter((s) => s.record.role === role);
          if (ofRole.some((s) => !s.stale)) continue;
          if (ofRole.length) {
            for (const s of ofRole) report(diagnostic('signoff-stale', at(s.file, '/digest'), { stage, person: s.record.person, id: meta.id }, { hint: hint('sign-again', { person: s.record.person, id: meta.id, stage, role }) }), p.folder);
            continue;
          }
          report(diagnostic('missing-signoff', at(p.meta, `/history/${index}`), { id: meta.id, to: to.stage, role, stage }, { hint: hint('signoff-window', { from: from.date, to: to.date, id: meta.id, stage, role }) }), p.folder);
        }
      }
    }
  },
};
