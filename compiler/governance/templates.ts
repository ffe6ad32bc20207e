/**
 * The record templates `proposal new` writes into a new list proposal: the survey (需求调研),
 * the important-data identification (重要数据识别) and the scenario analysis (业务场景分析), each
 * valid against its schema, prefilled from the proposal's lists (their scenarios and items) and
 * commented field by field, with every value the experts must supply marked 待填写. A record
 * still holding the mark is not a record: the proposal cannot leave its stage (QD5029).
 * The review, approval and filing stages record comments, concerns, sign-offs and the filing
 * receipt, which the commands write; the folder's README says which, and how.
 */
import type { ListInfo } from './lists.js';
import { PROPOSED_ROSTER, ROSTER_PATH } from './load.js';
import type { ProposalMeta } from './model.js';
import { RECORD_KINDS } from './record-ids.js';

/** The mark of a value still to be filled in. */
export const TO_FILL = '待填写';

/** Whether a record still holds a value marked to be filled in. */
export function unfilled(record: unknown): boolean {
  return JSON.stringify(record ?? null).includes(TO_FILL);
}

/** A YAML scalar for any text (a JSON string is a YAML double-quoted scalar). */
const q = (text: string) => JSON.stringify(text);
const fill = (what: string) => q(`${TO_FILL}：${what}`);

function ownLists(meta: Pick<ProposalMeta, 'lists'>, lists: readonly ListInfo[]): ListInfo[] {
  return lists.filter((l) => meta.lists.includes(l.id));
}

function survey(meta: ProposalMeta, lists: readonly ListInfo[], date: string): string {
  const out = [
    `# 需求调研（管理办法第九条第（一）项）— ${meta.id}`,
    '# 调研清单涉及的业务场景、数据类别、量级和字段。请替换全部“待填写”。',
    '# 格式见 compiler/governance/schemas.ts（surveySchema）。在需求调研阶段签署。',
    'conducted:',
    `  from: ${date}   # 调研开始日期 (YYYY-MM-DD)`,
    `  until: ${date}  # 调研结束日期`,
    '  participants:   # 参与调研的单位',
    `    - ${fill('参与单位')}`,
    'scenarios:        # 每个业务场景一项',
  ];
  const scenarios = ownLists(meta, lists).flatMap((l) => l.decl.scenarios.map((s) => ({ list: l.id, title: s.title.value })));
  for (const s of scenarios.length ? scenarios : [{ list: undefined, title: `${TO_FILL}：业务场景` }]) {
    out.push(`  - scenario: ${q(s.title)}   # 业务场景`);
    if (s.list) out.push(`    list: ${s.list}`);
    out.push(
      '    categories:   # 该场景涉及的数据类别',
      `      - category: ${fill('数据类别')}`,
      `        volume: ${fill('量级，如“年均约50万人”')}`,
      '        fields:     # 字段',
      `          - ${fill('字段')}`,
    );
  }
  out.push('# note: 补充说明（可选）', '');
  return out.join('\n');
}

function importantData(meta: ProposalMeta, lists: readonly ListInfo[]): string {
  const out = [
    `# 重要数据识别（管理办法第九条第（二）项）— ${meta.id}`,
    '# 逐项说明清单的数据项是否属于重要数据及理由，并替换全部“待填写”；',
    '# 属于重要数据的，将 important 设为 true（该项随后不再设量级条件）。',
    `method: ${fill('识别方法与所依据的标准、目录')}`,
    'items:',
  ];
  const items = ownLists(meta, lists).flatMap((l) => l.decl.scenarios.flatMap((s) => s.items.map((i) => ({ id: `${l.id}.${i.id.text}`, title: i.title.value }))));
  if (items.length === 0) out.push('  []  # 清单尚无数据项');
  for (const i of items) {
    out.push(`  - item: ${i.id}   # ${i.title.replace(/\n/g, ' ')}`, '    important: false', `    reason: ${fill('识别理由')}`, '    # basis: 依据（可选）');
  }
  out.push('# note: 补充说明（可选）', '');
  return out.join('\n');
}

function scenarioAnalysis(meta: ProposalMeta, lists: readonly ListInfo[]): string {
  const out = [
    `# 业务场景分析（管理办法第九条第（三）项）— ${meta.id}`,
    '# 逐个业务场景说明数据出境的必要性、境外接收方、风险和拟适用的出境路径。',
    'scenarios:',
  ];
  const scenarios = ownLists(meta, lists).flatMap((l) => l.decl.scenarios.map((s) => ({ list: l.id, title: s.title.value })));
  for (const s of scenarios.length ? scenarios : [{ list: undefined, title: `${TO_FILL}：业务场景` }]) {
    out.push(`  - scenario: ${q(s.title)}`);
    if (s.list) out.push(`    list: ${s.list}`);
    out.push(
      `    necessity: ${fill('数据出境的必要性')}`,
      '    recipients:   # 境外接收方',
      `      - ${fill('境外接收方')}`,
      '    risks:        # 出境风险',
      `      - ${fill('风险')}`,
      `    pathway: ${fill('拟适用的出境路径')}`,
    );
  }
  out.push('# note: 补充说明（可选）', '');
  return out.join('\n');
}

/** The rows of the three stage records only a list proposal has (a baseline or governance proposal has no survey). */
const LIST_RECORD_ROWS = `| 需求调研 | \`survey.yaml\` | 按模板填写，替换全部“${TO_FILL}” |
| 重要数据识别 | \`important-data.yaml\` | 按模板逐项填写 |
| 业务场景分析 | \`scenario-analysis.yaml\` | 按模板逐项填写 |
`;

/** The folder's guide: every stage's record, who writes it and with which command. */
function readme(meta: ProposalMeta): string {
  const c = RECORD_KINDS.comment;
  const k = RECORD_KINDS.concern;
  return `# ${meta.id}：${meta.title}

各阶段的记录（管理办法第九条）及其填写方式：

| 阶段 | 记录 | 如何填写 |
| --- | --- | --- |
${(meta.kind ?? 'list') === 'list' ? LIST_RECORD_ROWS : ''}| 论证与征求意见 | \`${c.folder}/${c.prefix}-NNN.yaml\`（意见）、\`${k.folder}/${k.prefix}-NNN.yaml\`（关切） | \`qingdan proposal comment ${meta.id} --target <清单或数据项> --text …\`；关切加 \`--concern --person <id>\`；答复 \`qingdan proposal resolve ${meta.id} ${c.prefix}-001 --decision accepted|partly|rejected --reason … --by <id>\` |
| 各阶段签署 | \`signoffs/<阶段>--<角色>--<人员>.yaml\` | \`qingdan proposal sign ${meta.id} --stage <阶段> --role <角色> --person <id>\`，本人签名提交 |
| 审批、报备 | 签署；备案回执记入 \`proposal.yaml\` 的 \`filing\` | \`qingdan proposal advance ${meta.id} --receipt <回执号>\` |
${meta.kind === 'governance' ? `| 拟施行的名册 | \`${PROPOSED_ROSTER}\` | 由现行名册复制而来，修改为拟施行的名册；审查与批准的签署覆盖其内容，批准后不得再改；施行时原样复制为 \`${ROSTER_PATH}\` |\n` : ''}
尚需完成的事项：\`qingdan proposal status ${meta.id}\`，或 \`qingdan site\` 生成的提案公示板。
`;
}

/**
 * File name (inside the proposal's folder) → text of every template for a new proposal. A
 * governance proposal starts from `roster`, the roster now, which it edits into the one it proposes.
 */
export function recordTemplates(meta: ProposalMeta, lists: readonly ListInfo[], date: string, roster: string): Map<string, string> {
  const files = new Map([['README.md', readme(meta)]]);
  if (meta.kind === 'governance') files.set(PROPOSED_ROSTER, roster);
  if ((meta.kind ?? 'list') !== 'list') return files;
  files.set('survey.yaml', survey(meta, lists, date));
  files.set('important-data.yaml', importantData(meta, lists));
  files.set('scenario-analysis.yaml', scenarioAnalysis(meta, lists));
  return files;
}
