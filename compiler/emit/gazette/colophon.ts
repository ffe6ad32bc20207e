/**
 * The colophon: what the official pages leave out for machines and auditors. The build (policy
 * version, digest, source commit, uncommitted changes, what the revision note compares with),
 * and the stable ids behind what the pages show: each document's articles, each list's items
 * by 序号, its proposal, the exemption codes a request names.
 */
import type { PolicyArtifact } from '../../../runtime/artifact.js';
import type { Amendments } from './amendments.js';
import type { Flavour } from './flavour.js';
import { displayTitle, numberedItems } from './list.js';
import { md } from './text.js';

/** Build data of the gazette, printed only here. */
export interface BuildRecord {
  readonly digest: string;
  readonly commit: string | null;
  readonly dirty: boolean;
}

/** An id, digest or commit the compiler made (no backtick can occur in one) as code. */
const code = (text: string) => `\`${text}\``;

export function colophonMarkdown(policy: PolicyArtifact, build: BuildRecord, amendments: Amendments | undefined, f: Flavour): string {
  const source = build.commit ? `${code(build.commit)}${build.dirty ? '（含未提交修改）' : ''}` : '无 git 提交';
  const out = [
    `# 版本与核对信息${f.anchor('colophon')}`,
    '',
    '本页供系统对接与审核核对使用，不属于公报正文。',
    '',
    '| 项目 | 内容 |',
    '| --- | --- |',
    `| 政策版本 | ${md(policy.policyVersion)} |`,
    `| policy.json sha256 | ${code(build.digest)} |`,
    `| 源提交 | ${source} |`,
  ];
  if (amendments) out.push(`| 修订说明的比较基准 | 政策版本 ${md(amendments.sinceVersion)}，源提交 ${md(amendments.since)} |`);
  out.push('', '## 负面清单', '');
  for (const list of policy.lists) {
    out.push(`### 《${md(displayTitle(list))}》`, '', `标识 ${code(list.id)}${list.proposal ? `；制定提案 ${md(list.proposal)}` : ''}；制定依据 ${list.basis.map(code).join('、')}`, '');
    out.push('| 序号 | 数据项 | 标识 |', '| --- | --- | --- |');
    for (const { number, item } of numberedItems(list)) out.push(`| ${number} | ${md(item.title)} | ${code(item.id)} |`);
    out.push('');
  }
  out.push('## 国家基线豁免情形', '', '| 序号 | 代码 |', '| --- | --- |');
  policy.baseline.exemptions.forEach((e, i) => out.push(`| ${i + 1} | ${md(e.code)} |`));
  out.push('', '## 条文标识', '', '条文的标识为“文件标识.art条号”，如第十条为 `measures.art10`。', '');
  out.push('| 文件 | 标识 | 所据文本 |', '| --- | --- | --- |');
  for (const d of policy.documents) out.push(`| 《${md(d.title)}》 | ${code(d.id)} | ${d.source ? md(d.source) : '—'} |`);
  out.push(`| 《${md(policy.annex.title)}》 | ${code(policy.annex.id)} | — |`, '');
  return out.join('\n');
}
