/** QD5035, QD5036: a comment is never deleted, and once recorded only its disposition changes. */
import { diagnostic, hint } from '../../diagnostics.js';
import { headSpan, proposalOfPath, type GovernanceRule } from '../context.js';
import { yamlValue } from '../ledger.js';
import type { CommentRecord } from '../model.js';
import { commentSchema } from '../schemas.js';

const COMMENT = /^proposals\/[^/]+\/comments\/[^/]+$/;
const FIXED = ['author', 'person', 'date', 'target', 'text'] as const;

export const CommentCommitRule: GovernanceRule = {
  name: 'comment-commits',
  commit(c, ctx, report) {
    for (const ch of c.changes) {
      if (!COMMENT.test(ch.path)) continue;
      const r = (d: Parameters<typeof report>[0]) => report(d, proposalOfPath(ch.path));
      if (ch.status === 'D') {
        r(diagnostic('record-deleted', undefined, { commit: c.short, file: ch.path }, { hint: hint('never-delete-comment') }));
        continue;
      }
      const before = yamlValue<CommentRecord>(ch.path, ch.before, commentSchema);
      const after = yamlValue<CommentRecord>(ch.path, ch.after, commentSchema);
      if (!before || !after) continue;
      for (const field of FIXED) if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) r(diagnostic('record-altered', headSpan(ctx, ch.path, `/${field}`), { commit: c.short, file: ch.path, field }));
    }
  },
};
