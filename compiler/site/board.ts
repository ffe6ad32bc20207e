/**
 * The proposals board (the site's index): for every proposal, its stage, the sign-offs its next
 * stage needs and from whom, the review window's end, and its open comments and concerns.
 */
import { STAGE_ZH } from '../governance/stages.js';
import { esc, facts } from './html.js';
import type { SiteInput } from './input.js';
import { sitePage, type NavEntry } from './layout.js';
import { proposalFiles } from './proposal-page.js';
import { openItemsTable, pendingSignoffs, reviewDeadline } from './outstanding.js';
import { proposalPath, proposalViews, type ProposalView } from './views.js';

function card(view: ProposalView, input: SiteInput): string {
  const meta = view.proposal.meta.value;
  const o = view.outlook;
  const heading = `h-${meta.id}`;
  return `<section class="proposal-card" aria-labelledby="${esc(heading)}">
<h2 id="${esc(heading)}"><a href="${esc(proposalPath(meta.id))}">${esc(meta.title)}</a></h2>
${facts([
  ['提案编号', esc(meta.id)],
  ['当前阶段', `<span class="stage">${esc(STAGE_ZH[meta.stage])}</span>`],
  ['下一阶段', o.next ? esc(STAGE_ZH[o.next]) : '—'],
  ['征求意见期至', reviewDeadline(view, input.date)],
  ['待签署', pendingSignoffs(view)],
  ['待办', o.needsReceipt ? '须录入国家主管部门的备案回执' : undefined],
])}${openItemsTable(view, input.policy, '', input.date)}</section>
`;
}

/** The board and, linked from it, the page of every proposal. */
export function boardFiles(input: SiteInput, nav: readonly NavEntry[]): Map<string, string> {
  const views = proposalViews(input);
  const body = [
    '<h1>提案公示板</h1>',
    `<p>数据出境负面清单的制定提案（管理办法第九条）：各提案所处阶段、进入下一阶段尚需的签署、征求意见期限，以及尚未答复的意见和尚未解决的关切。天数计至 ${esc(input.date)}。</p>`,
    ...(views.length ? views.map((v) => card(v, input)) : ['<p>目前没有提案。</p>']),
  ].join('\n');
  const files = proposalFiles(input, nav);
  files.set('index.html', sitePage(`${body}\n`, { title: '提案公示板', path: 'index.html', nav, date: input.date }));
  return files;
}
