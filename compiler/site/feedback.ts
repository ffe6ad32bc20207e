/**
 * The consultation feedback table (意见采纳情况表): every comment with its disposition — 采纳,
 * 部分采纳 or 不采纳 with the reason — and the concerns with how each was resolved.
 */
import { recordId } from '../governance/record-ids.js';
import { DECISION_ZH } from '../governance/model.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import { esc, table } from './html.js';
import { time } from './outstanding.js';
import { targetLink } from './targets.js';
import { nameOf, type ProposalView } from './views.js';

export function feedbackTable(view: ProposalView, policy: PolicyArtifact): string {
  const rows = view.proposal.comments.flatMap((c, i) => {
    const v = c.value;
    if (!v) return [];
    const d = v.disposition;
    return [[
      String(i + 1),
      esc(recordId('comment', c.path)),
      `${esc(v.author)}，${time(v.date)}`,
      targetLink(v.target, policy, '../'),
      esc(v.text),
      d ? `<strong>${esc(DECISION_ZH[d.decision])}</strong>${d.reason ? `：${esc(d.reason)}` : ''}` : '<span class="warn">待答复</span>',
      d ? `${d.by ? esc(nameOf(view.roster, d.by)) : '—'}，${time(d.date)}` : '—',
    ]];
  });
  return table('意见采纳情况表', ['序号', '意见编号', '提出者与日期', '针对条目', '意见内容', '采纳情况与理由', '答复人与日期'], rows, '尚未收到意见。');
}

export function concernsTable(view: ProposalView, policy: PolicyArtifact): string {
  const rows = view.proposal.concerns.flatMap((c) => {
    const v = c.value;
    if (!v) return [];
    const r = v.resolution;
    const state = r ? `已解决：${esc(r.note)}（${esc(nameOf(view.roster, r.by))}${r.asChair ? '，以主持人身份' : ''}，${time(r.date)}）` : '<span class="warn">未解决，阻止批准</span>';
    return [[esc(recordId('concern', c.path)), esc(nameOf(view.roster, v.raisedBy)), time(v.date), targetLink(v.target, policy, '../'), esc(v.text), state]];
  });
  return table('关切处理情况', ['关切编号', '提出人', '日期', '针对条目', '内容', '处理情况'], rows, '没有关切。');
}
