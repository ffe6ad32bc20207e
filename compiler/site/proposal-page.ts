/**
 * A page per proposal: what it still needs, its lists in gazette form, what it changes against
 * its base (the semantic diff, the amending decisions, and the list with insertions and
 * deletions marked), the records of each stage, the sign-offs (who, when, what digest, whether
 * it still counts) and the consultation feedback table.
 */
import { displayTitle } from '../emit/gazette/list.js';
import { STAGE_ZH } from '../governance/stages.js';
import { esc, facts, table } from './html.js';
import type { SiteInput } from './input.js';
import { sitePage, type NavEntry } from './layout.js';
import { gazetteListHtml, revisionHtml } from './list-view.js';
import { concernsTable, feedbackTable } from './feedback.js';
import { openItemsTable, pendingSignoffs, reviewDeadline, time } from './outstanding.js';
import { proposalDiffHtml } from './proposal-diff.js';
import { historyTable, stageRecords } from './records.js';
import { nameOf, proposalPath, proposalViews, type ProposalView } from './views.js';

const KIND_ZH = { list: '负面清单', baseline: '国家基线、管理办法或附件', governance: '治理规则（名册与签署规则）' } as const;

function signoffsTable(view: ProposalView): string {
  const rows = view.signoffs.map((s) => [
    esc(STAGE_ZH[s.record.stage]),
    esc(view.roster.roles[s.record.role]?.name ?? s.record.role),
    esc(nameOf(view.roster, s.record.person)),
    time(s.record.date),
    `<span class="digest">${esc(s.record.digest)}</span>`,
    !s.eligible ? '<span class="warn">不计入（签署人不符合条件）</span>' : s.stale ? '<span class="warn">已失效：所签内容已变更</span>' : '<span class="ok">有效</span>',
  ]);
  return table('签署记录', ['阶段', '角色', '签署人', '日期', '所签内容摘要（sha256）', '状态'], rows, '尚无签署。');
}

function listsSection(view: ProposalView, input: SiteInput): string {
  const meta = view.proposal.meta.value;
  const out: string[] = [];
  for (const id of meta.lists) {
    const head = input.policy.lists.find((l) => l.id === id);
    const before = view.base.policy?.lists.find((l) => l.id === id);
    const title = head ? displayTitle(head) : before ? displayTitle(before) : id;
    out.push(`<section aria-labelledby="list-${esc(id)}">\n<h2 id="list-${esc(id)}">《${esc(title)}》</h2>`);
    out.push('<h3>公报样式</h3>', head ? `<div class="gazette-view">\n${gazetteListHtml(head, input.policy)}</div>` : '<p class="meta">该清单已不在当前版本中。</p>');
    out.push('<h3>修订对照</h3>', '<p class="meta">与基准版本相比：<del>删除的内容</del>，<ins>增加的内容</ins>。</p>');
    out.push(`<div class="gazette-view revision">\n${revisionHtml({ ...(before ? { list: before } : {}), ...(view.base.policy ? { policy: view.base.policy } : {}) }, { ...(head ? { list: head } : {}), policy: input.policy })}</div>`, '</section>');
  }
  return out.join('\n');
}

function page(view: ProposalView, input: SiteInput, nav: readonly NavEntry[]): string {
  const meta = view.proposal.meta.value;
  const o = view.outlook;
  const isList = (meta.kind ?? 'list') === 'list';
  const body = [
    `<h1>${esc(meta.title)}</h1>`,
    facts([
      ['提案编号', esc(meta.id)],
      ['类型', esc(KIND_ZH[meta.kind ?? 'list'])],
      ['行业领域', meta.sector ? esc(meta.sector) : undefined],
      ['起草人', esc(meta.authors.map((a) => nameOf(view.roster, a)).join('、'))],
      ['当前阶段', `<span class="stage">${esc(STAGE_ZH[meta.stage])}</span>`],
      ['下一阶段', o.next ? esc(STAGE_ZH[o.next]) : '—'],
      ['征求意见期至', reviewDeadline(view, input.date)],
      ['备案回执', meta.filing ? `${esc(meta.filing.receipt)}（${time(meta.filing.date)}）` : undefined],
      ['说明', meta.note ? esc(meta.note) : undefined],
    ]),
    '<h2>尚待完成</h2>',
    facts([
      ['待签署', pendingSignoffs(view) ?? '无'],
      ['待办', o.needsReceipt ? '须录入国家主管部门的备案回执' : undefined],
    ]),
    openItemsTable(view, input.policy, '../', input.date),
    isList ? listsSection(view, input) : '',
    '<h2>与基准版本的差异</h2>',
    proposalDiffHtml(meta, view.base, input.policy, input.head, 3),
    '<h2>各阶段记录</h2>',
    historyTable(view.proposal),
    isList ? stageRecords(view.proposal, input.policy, 3) : '',
    '<h2>签署</h2>',
    signoffsTable(view),
    '<h2>意见采纳情况</h2>',
    feedbackTable(view, input.policy),
    concernsTable(view, input.policy),
  ].join('\n');
  return sitePage(`${body}\n`, { title: meta.title, path: proposalPath(meta.id), nav, date: input.date });
}

/** The page of every proposal. */
export function proposalFiles(input: SiteInput, nav: readonly NavEntry[]): Map<string, string> {
  return new Map(proposalViews(input).map((v) => [proposalPath(v.proposal.meta.value.id), page(v, input, nav)]));
}
