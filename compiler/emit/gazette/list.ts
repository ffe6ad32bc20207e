/**
 * A negative list as a gazette page: a cover (title, status, version, effective period, zones,
 * legal basis) and for each business scenario the table 数据类别 | 数据项 | 字段 | 描述 | 量级 | 出境路径,
 * one row per threshold rung, the item's own cells merged over its rungs.
 */
import type { Annex, ListItem, NegativeList, PolicyArtifact } from '../../../runtime/artifact.js';
import { conditionZh, md, PATHWAY_ZH } from './text.js';

export const STATUS_ZH: Record<NegativeList['status'], string> = {
  draft: '草案',
  consultation: '征求意见稿',
  approved: '已批准（尚未施行）',
  'in-force': '施行中',
  repealed: '已废止',
};

function itemRows(item: ListItem, categoryName: string, kinds: ReadonlyMap<string, string>): string[] {
  const head = `${md(categoryName)} | ${md(item.title)} {id=${item.id}} | ${item.fields.map(md).join('、') || '—'} | ${item.description ? md(item.description) : '—'}`;
  const merged = '^^ | ^^ | ^^ | ^^';
  if (item.important) return [`| ${head} | 任意数量（列为重要数据） | ${PATHWAY_ZH['security-assessment']} |`];
  const rows = item.ladder.map((r, i) => `| ${i === 0 ? head : merged} | ${md(conditionZh(r.when, kinds))} | ${PATHWAY_ZH[r.pathway]} |`);
  rows.push(`| ${merged} | 未达到以上量级 | ${PATHWAY_ZH.exempt}（管理办法第十三条） |`);
  return rows;
}

export function listMarkdown(list: NegativeList, policy: PolicyArtifact, annex: Annex): string {
  const kinds = new Map(annex.sensitiveKinds.map((k) => [k.code, k.name]));
  const subs = new Map(annex.categories.flatMap((c) => c.subcategories.map((s) => [s.code, s.name] as const)));
  const zones = new Map(policy.zones.map((z) => [z.id, z.name]));
  const cite = (ids: readonly string[]) => ids.map((id) => `[${id}](../${id.split('.')[0]}.html#${id})`).join('、');
  const out = [
    `# ${md(list.title)} {id=${list.id}}`,
    '',
    '| 项目 | 内容 |',
    '| --- | --- |',
    `| 状态 | ${STATUS_ZH[list.status]} |`,
    `| 版本 | ${md(policy.policyVersion)} |`,
    `| 行业领域 | ${md(list.sector)} ${md(subs.get(list.sector) ?? '')} |`,
    `| 施行期间 | ${list.effective.from} 起${list.effective.until ? `，至 ${list.effective.until} 前` : ''} |`,
    `| 适用区域 | ${list.zones.map((z) => md(zones.get(z) ?? z)).join('、')} |`,
    `| 制定依据 | ${cite(list.basis)} |`,
  ];
  if (list.adopts) out.push(`| 参照执行 | ${md(list.adopts.title)}（${cite(list.adopts.basis)}） |`);
  if (list.proposal) out.push(`| 制定提案 | ${md(list.proposal)} |`);
  out.push('');
  if (list.notes.length > 0) {
    out.push('## 说明 {id=' + list.id + '.notes}', '');
    list.notes.forEach((n, i) => out.push(`${i + 1}\\. ${md(n)}`, ''));
  }
  for (const scenario of list.scenarios) {
    out.push(`## 业务场景：${md(scenario.title)} {id=${scenario.id}}`, '');
    for (const n of scenario.notes) out.push(md(n), '');
    out.push('| 数据类别 | 数据项 | 字段 | 描述 | 量级 | 出境路径 |', '| --- | --- | --- | --- | --- | --- |');
    for (const item of scenario.items) out.push(...itemRows(item, `${item.category} ${subs.get(item.category) ?? ''}`, kinds));
    out.push('');
  }
  return out.join('\n');
}
