/** The national baseline as a summary page: exemptions, triggers and the threshold ladder. */
import { OUTCOME_NAME_ZH } from '../../../runtime/pathway-words.js';
import type { Annex, Baseline, LegalDocument } from '../../../runtime/artifact.js';
import { citations } from './cite.js';
import type { Flavour } from './flavour.js';
import { conditionZh, md } from './text.js';

/** The baseline page's title: a summary of the national rules, not a second copy of them. */
export function baselineTitle(baseline: Baseline): string {
  return `《${baseline.title}》出境路径门槛与豁免情形一览`;
}

export function baselineMarkdown(baseline: Baseline, documents: readonly LegalDocument[], annex: Annex, f: Flavour): string {
  const kinds = new Map(annex.sensitiveKinds.map((k) => [k.code, k.name]));
  const cite = (ids: readonly string[]) => citations(ids, documents, '', f);
  const out = [
    `# ${md(baselineTitle(baseline))}${f.anchor(`baseline.${baseline.id}`)}`,
    '',
    '> **概述，非官方文本。** 本页概括 qingdan 所依据的国家规定门槛与豁免情形；数量自当年1月1日起累计，按自然人去重统计。' + f.cls('paraphrase-note'),
    '',
  ];
  // Before this day other rules applied, which the policy does not hold: the runtime cannot decide.
  if (baseline.effective) out.push(`本页所列规定自${baseline.effective.from}起施行（${cite(baseline.effective.basis)}）；判定日期早于该日的数据出境，本策略无法判定。`, '');
  out.push(
    `## 出境路径门槛${f.anchor('baseline.ladder')}`,
    '',
    '| 条件 | 出境路径 | 依据 |',
    '| --- | --- | --- |',
  );
  if (baseline.important) out.push(`| 向境外提供重要数据 | ${OUTCOME_NAME_ZH[baseline.important.pathway]} | ${cite(baseline.important.basis)} |`);
  if (baseline.ciio) out.push(`| 关键信息基础设施运营者向境外提供个人信息 | ${OUTCOME_NAME_ZH[baseline.ciio.pathway]} | ${cite(baseline.ciio.basis)} |`);
  for (const rung of baseline.ladder) out.push(`| ${md(conditionZh(rung.when, kinds))} | ${OUTCOME_NAME_ZH[rung.pathway]} | ${cite(rung.basis)} |`);
  out.push(`| 未达到以上任一门槛 | ${OUTCOME_NAME_ZH[baseline.below.pathway]} | ${cite(baseline.below.basis)} |`, '');
  out.push(`## 豁免情形${f.anchor('baseline.exemptions')}`, '', '| 序号 | 范围 | 情形 | 依据 |', '| --- | --- | --- | --- |');
  for (const [i, e] of baseline.exemptions.entries()) {
    out.push(`| ${i + 1} | ${e.scope === 'data' ? '不含个人信息、重要数据的数据' : '个人信息'} | ${md(e.description)} | ${cite(e.basis)} |`);
  }
  out.push('');
  if (baseline.validity) out.push(`安全评估结果有效期为${baseline.validity.years}年（${cite(baseline.validity.basis)}）。`, '');
  return out.join('\n');
}
