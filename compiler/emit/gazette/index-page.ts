/** The gazette's index: one entry per document it publishes, each list with its status in plain words. */
import type { PolicyArtifact } from '../../../runtime/artifact.js';
import type { Amendments } from './amendments.js';
import { baselineTitle } from './baseline.js';
import type { Flavour } from './flavour.js';
import { displayTitle, STATUS_ZH } from './list.js';
import { dateZh, md } from './text.js';

export function indexMarkdown(policy: PolicyArtifact, amendments: Amendments | undefined, f: Flavour): string {
  const out = [`# 数据出境负面清单公报${f.anchor('index')}`, '', '## 管理办法与附件', ''];
  const baseline = policy.documents.find((d) => d.id === policy.baseline.id);
  for (const d of policy.documents) {
    if (d === baseline) continue;
    out.push(`- [《${md(d.title)}》](${f.href(d.id)})`);
  }
  out.push(`- [《${md(policy.annex.title)}》](${f.href(policy.annex.id)})`, '');
  out.push('## 国家规定', '');
  // The national rules are one document: its article summary and the thresholds drawn from it.
  const summary = baseline ? `[条文概述](${f.href(baseline.id)})、` : '';
  out.push(`- 《${md(policy.baseline.title)}》：${summary}[${md(baselineTitle(policy.baseline))}](${f.href('baseline')})（概述，非官方文本）`, '');
  out.push('## 负面清单', '', '| 序号 | 名称 | 状态 | 施行日期 |', '| --- | --- | --- | --- |');
  policy.lists.forEach((l, i) => {
    out.push(`| ${i + 1} | [《${md(displayTitle(l))}》](${f.href(`lists/${l.id}`)}) | ${STATUS_ZH[l.status]} | ${dateZh(l.effective.from)} |`);
  });
  out.push('');
  if (amendments) out.push('## 修订说明', '', `- [自上次公布以来的修改](${f.href('amendments')})`, '');
  out.push('---', '', `[版本与核对信息](${f.href('colophon')})（供系统对接与审核核对，不属于公报正文）`, '');
  return out.join('\n');
}
