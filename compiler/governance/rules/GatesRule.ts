/**
 * QD5012, QD5032: every transition a proposal took has the sign-offs of every role its gate
 * stages require, dated between the entry into the stage left and the transition; those of the
 * effective history still bind what they approved (a sign-off whose content has changed since
 * is named). A transition a return to review voided was taken all the same: it needed its
 * sign-offs then, though they bind nothing now (a hand-written approval, rewound at once, let
 * a governance proposal change the trust roots unseen). Each transition is judged by the roster
 * in force when it was recorded, and a sign-off committed before the stage was (re-)entered does
 * not count for leaving it.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, rosterForEntry, signedSince, type GovernanceRule } from '../context.js';
import { requiredRoles } from '../model.js';
import { signoffsFor } from '../signoffs.js';
import { gateStages, transitionError, transitionsTaken } from '../stages.js';

export const GatesRule: GovernanceRule = {
  name: 'gates',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const kind = meta.kind ?? 'list';
    for (const { from, fromIndex, to, index, voided } of transitionsTaken(meta.history)) {
      if (to.external || transitionError(from.stage, to.stage, kind)) continue;
      // Judged by the roster of the commit that recorded the transition, not the head's.
      const roster = rosterForEntry(ctx, p, index);
      for (const stage of gateStages(from.stage, to.stage)) {
        const dated = signoffsFor(p, { ...ctx, roster }, stage).filter((s) => s.eligible && s.record.date >= from.date && s.record.date <= to.date && (voided || signedSince(ctx, p, fromIndex, s.file.path)));
        for (const role of requiredRoles(roster, meta, stage)) {
          const ofRole = dated.filter((s) => s.record.role === role);
          if (ofRole.some((s) => voided || !s.stale)) continue;
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
