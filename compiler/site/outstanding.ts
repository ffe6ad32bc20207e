/**
 * The parts of a proposal's outlook both the board and the proposal page show: the sign-offs
 * still needed (who, in what role), the review window's end, and the open comments and
 * concerns with their text, author, target and age.
 */
import { recordId } from '../governance/record-ids.js';
import { daysBetween, STAGE_ZH } from '../governance/stages.js';
import { dateZh } from '../emit/gazette/text.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import { esc, table } from './html.js';
import { targetLink } from './targets.js';
import { nameOf, type ProposalView } from './views.js';

/** A date as official text writes it, marked up for machines too. */
export function time(date: string): string {
  return `<time datetime="${esc(date)}">${esc(dateZh(date))}</time>`;
}

/** The sign-offs still needed for the next stage, each with the people who may give it; or undefined when none are. */
export function pendingSignoffs(view: ProposalView): string | undefined {
  if (view.outlook.pending.length === 0) return undefined;
  const items = view.outlook.pending.map((s) => {
    const who = s.signers.length ? s.signers.map((p) => `<span class="signer">${esc(p.name)}</span>`).join(' 或 ') : '<span class="warn">名册中无可签署人</span>';
    const stale = s.stale.length ? `（${s.stale.map((id) => esc(nameOf(view.roster, id))).join('、')} 的签署因内容变更已失效，须重新签署）` : '';
    return `<li class="pending-signoff">${esc(STAGE_ZH[s.stage])}：${who}（${esc(s.roleName)}）${stale}</li>`;
  });
  return `<ul class="pending">${items.join('')}</ul>`;
}

/** The review window's end, with whether it has passed on `date`. */
export function reviewDeadline(view: ProposalView, date: string): string | undefined {
  const ends = view.outlook.reviewEnds;
  if (!ends) return undefined;
  const left = daysBetween(date, ends);
  return `<span class="review-deadline">${time(ends)}</span>（${left > 0 ? `尚余 ${left} 天` : '征求意见期已满'}）`;
}

/** Open comments and concerns, oldest first within each kind: number, kind, text, author, target, age. */
export function openItemsTable(view: ProposalView, policy: PolicyArtifact, root: string, date: string): string {
  // A site dated before a record (a rebuilt page of the past, or a mistyped --date) says so rather than count negative days.
  const age = (d: string) => {
    const days = daysBetween(d, date);
    return days >= 0 ? `${days} 天（${time(d)}起）` : `${time(d)}提出，晚于本页日期`;
  };
  const rows = [
    ...view.outlook.openConcerns.map((c) => [esc(recordId('concern', c.path)), '关切（阻止批准）', esc(c.value!.text), esc(nameOf(view.roster, c.value!.raisedBy)), targetLink(c.value!.target, policy, root), age(c.value!.date)]),
    ...view.outlook.openComments.map((c) => [esc(recordId('comment', c.path)), '意见（待答复）', esc(c.value!.text), esc(c.value!.author), targetLink(c.value!.target, policy, root), age(c.value!.date)]),
  ];
  return table('待处理的意见与关切', ['编号', '类型', '内容', '提出者', '针对条目', '已提出'], rows, '没有待处理的意见或关切。');
}
