/**
 * QD5035, QD5036, QD5022: a concern is never deleted and never reworded; its resolution is
 * written in a commit signed by the person the resolution names.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { headSpan, proposalOfPath, recordName, type GovernanceRule } from '../context.js';
import { yamlValue } from '../ledger.js';
import { personById, type ConcernRecord } from '../model.js';
import { concernSchema } from '../schemas.js';

const CONCERN = /^proposals\/[^/]+\/concerns\/[^/]+$/;
const FIXED = ['raisedBy', 'date', 'target', 'text'] as const;

export const ConcernCommitRule: GovernanceRule = {
  name: 'concern-commits',
  commit(c, ctx, report) {
    const roster = ctx.ledger.trustedRoster(c);
    for (const ch of c.changes) {
      if (!CONCERN.test(ch.path)) continue;
      const r = (d: Parameters<typeof report>[0]) => report(d, proposalOfPath(ch.path));
      if (ch.status === 'D') {
        r(diagnostic('record-deleted', undefined, { commit: c.short, file: ch.path }, { hint: hint('never-delete-concern') }));
        continue;
      }
      const before = yamlValue<ConcernRecord>(ch.path, ch.before, concernSchema);
      const after = yamlValue<ConcernRecord>(ch.path, ch.after, concernSchema);
      if (!after) continue;
      if (before) {
        for (const field of FIXED) if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) r(diagnostic('record-altered', headSpan(ctx, ch.path, `/${field}`), { commit: c.short, file: ch.path, field }));
        if (before.resolution && !after.resolution) r(diagnostic('record-altered', undefined, { commit: c.short, file: ch.path, field: 'resolution' }));
      }
      if (!after.resolution || JSON.stringify(before?.resolution) === JSON.stringify(after.resolution)) continue;
      const by = roster && personById(roster, after.resolution.by);
      const signer = ctx.ledger.signer(c);
      if (!by || signer?.toLowerCase() !== by.email.toLowerCase()) {
        const span = headSpan(ctx, ch.path, '/resolution');
        const concern = recordName(ch.path);
        const advice = { hint: hint('raiser-commits-resolution') };
        if (signer) r(diagnostic('concern-resolved-by-key', span, { concern, raiser: after.raisedBy, signer }, advice));
        else r(diagnostic('concern-resolved-unsigned', span, { concern, raiser: after.raisedBy, commit: c.short, author: `${c.authorName} <${c.authorEmail}>` }, advice));
      }
    }
  },
};
