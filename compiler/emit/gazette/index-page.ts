/** The gazette's index: every document it publishes, with status. */
import type { PolicyArtifact } from '../../../runtime/artifact.js';
import type { Amendments } from './amendments.js';
import { STATUS_ZH } from './list.js';
import { md } from './text.js';

export function indexMarkdown(policy: PolicyArtifact, amendments?: Amendments): string {
  const out = ['# 数据出境负面清单公报 {id=index}', '', `政策版本 ${md(policy.policyVersion)}`, '', '## 管理办法与附件', ''];
  for (const d of policy.documents) out.push(`- [${md(d.title)}](${d.id}.html)${d.paraphrase ? '（概述，非官方文本）' : ''}`);
  out.push(`- [${md(policy.annex.title)}](${policy.annex.id}.html)`);
  out.push(`- [国家基线：${md(policy.baseline.title)}](baseline.html)`, '', '## 负面清单', '');
  for (const l of policy.lists) out.push(`- [${md(l.title)}](lists/${l.id}.html)（${STATUS_ZH[l.status]}）`);
  if (amendments) out.push('', '## 修订说明', '', `- [相对于政策版本 ${md(amendments.sinceVersion)}（源提交 ${md(amendments.since)}）的修改](amendments.html)`);
  out.push('');
  return out.join('\n');
}
