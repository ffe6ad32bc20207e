/** QD5020: past review, every comment has a disposition. */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, recordName, type GovernanceRule } from '../context.js';
import { PAST_REVIEW } from '../stages.js';

export const CommentsDisposedRule: GovernanceRule = {
  name: 'comments-disposed',
  proposal(p, _ctx, report) {
    const meta = p.meta.value;
    if (!PAST_REVIEW.includes(meta.stage)) return;
    for (const c of p.comments) {
      if (c.value && !c.value.disposition) report(diagnostic('comment-undisposed', at(c, ''), { comment: c.path, id: meta.id, stage: meta.stage }, { hint: hint('resolve-comment', { id: meta.id, comment: recordName(c.path) }) }), p.folder);
    }
  },
};
