/**
 * A negative list as a gazette page, in the form of a published notice (公告): the notice's
 * title, 发布机关, 文号 and 发布日期 (marked placeholders until the list declares them), the
 * enacting sentence once the list is approved, then the list: its particulars, notes and, for
 * each business scenario, the table 序号 | 数据类别 | 数据项 | 字段 | 描述 | 量级 | 出境路径, one
 * row per threshold rung, the item's own cells merged over its rungs. Internal ids and
 * proposals stay out of the page (they are on the colophon).
 */
import { OUTCOME_NAME_ZH } from '../../../runtime/pathway-words.js';
import type { Annex, ListItem, NegativeList, PolicyArtifact } from '../../../runtime/artifact.js';
import { citations } from './cite.js';
import type { Flavour } from './flavour.js';
import { conditionZh, dateZh, dayBefore, md, placeholder } from './text.js';

/** The status of a list in plain words. */
export const STATUS_ZH: Record<NegativeList['status'], string> = {
  draft: '草案',
  consultation: '征求意见中',
  approved: '已批准，尚未施行',
  'in-force': '施行中',
  repealed: '已废止',
};

const DRAFT_MARK = '（草案）';

/** True while the list is not yet adopted: its title carries （草案）. */
export function isDraft(list: NegativeList): boolean {
  return list.status === 'draft' || list.status === 'consultation';
}

/** The list's name without （草案）, as it is cited once adopted. */
export function officialTitle(list: Pick<NegativeList, 'title'>): string {
  return list.title.endsWith(DRAFT_MARK) ? list.title.slice(0, -DRAFT_MARK.length) : list.title;
}

/** The list's title as the gazette prints it: with （草案） only while it is a draft or under consultation. */
export function displayTitle(list: NegativeList): string {
  return officialTitle(list) + (isDraft(list) ? DRAFT_MARK : '');
}

/** The items of a list in order, each with its 序号 (numbered through the whole list, from 1). */
export function numberedItems(list: NegativeList): Array<{ readonly number: number; readonly item: ListItem; readonly scenario: string }> {
  let number = 0;
  return list.scenarios.flatMap((s) => s.items.map((item) => ({ number: ++number, item, scenario: s.title })));
}

/** A list's period of effect in words: 2027年1月1日起施行，至2028年6月30日止. */
export function periodZh(effective: NegativeList['effective']): string {
  return `${dateZh(effective.from)}起施行${effective.until ? `，至${dateZh(dayBefore(effective.until))}止` : ''}`;
}

function itemRows(number: number, item: ListItem, categoryName: string, kinds: ReadonlyMap<string, string>, f: Flavour): string[] {
  const cells = [String(number), md(categoryName), md(item.title), item.fields.map(md).join('、') || '—', item.description ? md(item.description) : '—'];
  const head = cells.map((c, i) => (i === 2 ? `${c}${f.anchor(item.id)}` : c)).join(' | ');
  const merged = cells.map(f.merged).join(' | ');
  if (item.important) return [`| ${head} | 任意数量（列为重要数据） | ${OUTCOME_NAME_ZH['security-assessment']} |`];
  const rows = item.ladder.map((r, i) => `| ${i === 0 ? head : merged} | ${md(conditionZh(r.when, kinds))} | ${OUTCOME_NAME_ZH[r.pathway]} |`);
  rows.push(`| ${merged} | 未达到以上量级 | ${OUTCOME_NAME_ZH.exempt}（管理办法第十三条） |`);
  return rows;
}

/** 发布机关, 文号 and 发布日期, each a marked placeholder until the list declares it. */
function particularsOfIssue(list: NegativeList, labelled: boolean): { issuer: string; docnumber: string; date: string } {
  const missing = (what: string) => placeholder(labelled ? '' : what);
  const date = list.published ? `${dateZh(list.published.date)}${list.published.confirmed ? '' : '【待确认】'}` : missing('发布日期');
  return { issuer: list.issuer ? md(list.issuer) : missing('发布机关'), docnumber: list.docnumber ? md(list.docnumber) : missing('文号'), date };
}

/** The notice that publishes an adopted list: title, 文号, enacting sentence and signature. */
function notice(list: NegativeList, policy: PolicyArtifact, f: Flavour): string[] {
  const issue = particularsOfIssue(list, false);
  const name = `《${md(officialTitle(list))}》`;
  const basis = list.basis.length > 0 ? `根据${citations(list.basis, policy.documents, '../', f)}，` : '';
  const enacting = list.status === 'repealed' ? `${name}已废止。` : `${basis}现发布${name}，自${periodZh(list.effective)}。`;
  return [
    `# 关于发布${name}的公告${f.anchor(list.id)}`,
    '',
    `${issue.docnumber}${f.cls('doc-number')}`,
    '',
    enacting,
    '',
    '特此公告。',
    '',
    `附件：${name}`,
    '',
    `${issue.issuer}${f.cls('signature')}`,
    '',
    `${issue.date}${f.cls('signature')}`,
    '',
    `## ${name}`,
    '',
  ];
}

/** A draft's heading: the title with （草案） and the particulars still to be decided. */
function draftHeading(list: NegativeList, f: Flavour): string[] {
  const issue = particularsOfIssue(list, true);
  return [`# ${md(displayTitle(list))}${f.anchor(list.id)}`, '', `发布机关：${issue.issuer}；文号：${issue.docnumber}；发布日期：${issue.date}${f.cls('doc-number')}`, ''];
}

export function listMarkdown(list: NegativeList, policy: PolicyArtifact, annex: Annex, f: Flavour): string {
  const kinds = new Map(annex.sensitiveKinds.map((k) => [k.code, k.name]));
  const subs = new Map(annex.categories.flatMap((c) => c.subcategories.map((s) => [s.code, s.name] as const)));
  const zones = new Map(policy.zones.map((z) => [z.id, z.name]));
  const out = isDraft(list) ? draftHeading(list, f) : notice(list, policy, f);
  out.push(
    '| 项目 | 内容 |',
    '| --- | --- |',
    `| 状态 | ${STATUS_ZH[list.status]} |`,
    `| 行业领域 | ${md(list.sector)} ${md(subs.get(list.sector) ?? '')} |`,
    `| 施行期间 | ${periodZh(list.effective)} |`,
    `| 适用区域 | ${list.zones.map((z) => md(zones.get(z) ?? z)).join('、')} |`,
    `| 制定依据 | ${citations(list.basis, policy.documents, '../', f)} |`,
  );
  if (list.adopts) out.push(`| 参照执行 | ${md(list.adopts.title)}（${citations(list.adopts.basis, policy.documents, '../', f)}） |`);
  out.push('');
  // Under a notice the list is the annex (##), so its parts are one level down.
  const part = isDraft(list) ? '##' : '###';
  if (list.notes.length > 0) {
    out.push(`${part} 说明${f.anchor(`${list.id}.notes`)}`, '');
    list.notes.forEach((n, i) => out.push(`${i + 1}\\. ${md(n)}`, ''));
  }
  const numbers = new Map(numberedItems(list).map((n) => [n.item.id, n.number]));
  for (const scenario of list.scenarios) {
    out.push(`${part} 业务场景：${md(scenario.title)}${f.anchor(scenario.id)}`, '');
    for (const n of scenario.notes) out.push(md(n), '');
    out.push('| 序号 | 数据类别 | 数据项 | 字段 | 描述 | 量级 | 出境路径 |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const item of scenario.items) out.push(...itemRows(numbers.get(item.id)!, item, `${item.category} ${subs.get(item.category) ?? ''}`, kinds, f));
    out.push('');
  }
  return out.join('\n');
}
