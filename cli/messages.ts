/**
 * What the commands say besides diagnostics: what they did ("created …", "wrote …") and the
 * labels of what they show (`proposal status`). A catalogue like the diagnostics' (ids, typed
 * placeholders, term slots, both languages complete; tested with it), rendered in the reader's
 * language.
 */
import type { ArgsOf, MessageKind } from '../compiler/diagnostic-codes.js';
import { render } from '../compiler/diagnostics.js';
import { printableText } from '../compiler/printable.js';
import { langOf, type Io } from './io.js';

export const MESSAGES = {
  // proposal new
  'proposal-created': { en: 'created {folder}: {files} (templates: fill in every 待填写)', zh: '已创建 {folder}：{files}（模板：请填写每处“待填写”）', slots: { files: 'words' } },
  'proposal-link-lists': { en: 'add proposal "{id}" to the lists {lists}', zh: '请在清单 {lists} 中添加 proposal "{id}"', slots: { lists: 'words' } },
  // proposal advance, comment, resolve, sign
  'proposal-blocked': { en: '{id} cannot advance to {stage}', zh: '提案 {id} 不能进入{stage}阶段', slots: { stage: 'stage' } },
  'proposal-advanced': { en: '{id}: {from} → {to}', zh: '提案 {id}：{from} → {to}', slots: { from: 'stage', to: 'stage' } },
  'roster-enacted': { en: '{path} is now the roster proposal {id} proposes: commit it with the proposal, signed by a governance approver, with the trailer "Proposal: {id}"', zh: '{path} 已改为提案 {id} 所提出的名册：请与提案一起提交，由治理审批人签名，并附 "Proposal: {id}"' },
  'lists-now-status': { en: '{files} now status {status}', zh: '{files} 的状态已改为 {status}', slots: { files: 'words' } },
  'concern-recorded': { en: 'recorded concern {record} in {file}', zh: '已在 {file} 中记录关切 {record}' },
  'concern-sends-back': { en: '{id}: {from} → {to} (a new concern sends it back to review)', zh: '提案 {id}：{from} → {to}（新的关切使其退回论证与征求意见阶段）', slots: { from: 'stage', to: 'stage' } },
  'comment-recorded': { en: 'recorded comment {record} in {file}', zh: '已在 {file} 中记录意见 {record}' },
  'record-updated': { en: 'updated {path}', zh: '已更新 {path}' },
  'file-written': { en: 'wrote {path}', zh: '已写入 {path}' },
  'signoff-commit': { en: 'commit it as {name} <{email}>, signed with your registered key: {command}', zh: '请以 {name} <{email}> 的身份、用已登记的密钥签名提交：{command}' },
  // check, build, fmt, governance, new, keys, bundle, site, gazette, diff
  'check-clean': { en: 'files checked: {count}; no errors', zh: '已检查文件：{count} 个；没有错误' },
  'build-written': { en: 'built {count} files into {folder}', zh: '已构建 {count} 个文件到 {folder}' },
  'build-failed': { en: 'build failed: {folder} left unchanged', zh: '构建失败：{folder} 未作改动' },
  'fmt-would-reformat': { en: 'would reformat {path}', zh: '需要重新排版 {path}' },
  'fmt-formatted': { en: 'formatted {path}', zh: '已排版 {path}' },
  'fmt-canonical': { en: 'files in canonical form: {count}', zh: '已是规范格式的文件：{count} 个' },
  'governance-clean-since-anchor': { en: 'governance: proposals checked: {count}, at {head} (history since the trust anchor {anchor}): no errors', zh: '治理检查：已检查提案 {count} 个，位于 {head}（自信任锚点 {anchor} 起的历史）：没有错误' },
  'governance-clean-after-base': { en: 'governance: proposals checked: {count}, at {head} (history after {base}, trusting its roster): no errors', zh: '治理检查：已检查提案 {count} 个，位于 {head}（{base} 之后的历史，信任其名册）：没有错误' },
  'governance-clean-no-keys': { en: 'governance: proposals checked: {count}, at {head} (no roster with keys yet, so no history is governed): no errors', zh: '治理检查：已检查提案 {count} 个，位于 {head}（名册尚未登记密钥，历史不受治理）：没有错误' },
  'governance-clean-no-history': { en: 'governance: proposals checked: {count}, at {head} (no history walk): no errors', zh: '治理检查：已检查提案 {count} 个，位于 {head}（未检查历史）：没有错误' },
  'codeowners-up-to-date': { en: '{path} is up to date', zh: '{path} 已是最新' },
  'codeowners-out-of-date': { en: '{path} is out of date: run {command}', zh: '{path} 已过期：请运行 {command}' },
  'keys-written': { en: 'wrote {privateKey} and {publicKey} (key id {keyid}…)', zh: '已写入 {privateKey} 和 {publicKey}（密钥编号 {keyid}…）' },
  'bundle-failed': { en: 'bundle failed: {path} not written', zh: '打包失败：未写入 {path}' },
  'bundle-written': { en: 'bundled {version} (sha256 {digest}) into {path}', zh: '已将 {version}（sha256 {digest}）打包到 {path}' },
  'bundle-written-signed': { en: 'bundled {version} (sha256 {digest}), signed into {path}', zh: '已将 {version}（sha256 {digest}）签名打包到 {path}' },
  'site-written': { en: 'wrote the site ({count} files) into {folder}; open {index}', zh: '已将网站（{count} 个文件）写入 {folder}；请打开 {index}' },
  'changeset-written': { en: 'wrote {path} ({bump})', zh: '已写入 {path}（{bump}）' },
  'changeset-exists': { en: '{path} already says this change ({bump}): nothing written', zh: '{path} 已记载此变更（{bump}）：未写入' },
  'no-changeset': { en: 'no regulatory change: no changeset written', zh: '没有规范性变更：未写入变更集（changeset）' },
  // verify, evaluate, report
  'verify-ok': { en: 'ok: {path} is bundle {version} (sha256 {digest}), signed by a trusted key', zh: '校验通过：{path} 是策略包 {version}（sha256 {digest}），由受信任的密钥签名' },
  'request-invalid': { en: 'invalid request {path}: problems: {count}', zh: '请求 {path} 无效：问题 {count} 个' },
  'report-invalid': { en: 'invalid report {path}: problems: {count}', zh: '报告 {path} 无效：问题 {count} 个' },
  'report-valid-current': { en: '{path}: valid; filed with bundle {version} (the current one)', zh: '{path}：有效；报告所用策略包为 {version}（即当前策略包）' },
  'report-valid-redecided': { en: '{path}: valid; filed with bundle {version}, re-decided with {current} (sha256 {digest}…)', zh: '{path}：有效；报告所用策略包为 {version}，已用 {current}（sha256 {digest}…）重新判定' },
  'report-unchanged': { en: 'unchanged: every item keeps the pathway filed ({pathway})', zh: '未变化：每个数据项仍为报告的出境路径：{pathway}', slots: { pathway: 'outcome' } },
  'report-changed': { en: 'changed: {item}: filed {filed}, now {now}', zh: '已变化：{item}：报告为{filed}，现为{now}', slots: { filed: 'outcome', now: 'outcome' } },
  'report-changed-transfer': { en: 'changed: the transfer: filed {filed}, now {now}', zh: '已变化：整体出境：报告为{filed}，现为{now}', slots: { filed: 'outcome', now: 'outcome' } },
  'log-summary': {
    en: '{path}: {lines} lines; {year}: {counted} counted, {excluded} under an exemption (not counted, measures Art. 27), {otherYear} in other years, {invalid} bad',
    zh: '{path}：共 {lines} 行；{year} 年：计入 {counted} 行，属豁免情形 {excluded} 行（依《管理办法》第二十七条不计入），其他年份 {otherYear} 行，无效 {invalid} 行',
  },
  'log-incomplete': { en: 'incomplete: counting stopped (see the problems above)', zh: '不完整：计数已停止（见上方的问题）' },
  'log-part': { en: '{item}: {persons} persons, {sensitivePersons} sensitive ({lines} transfers, last {last})', zh: '{item}：{persons} 人，其中敏感个人信息 {sensitivePersons} 人（出境 {lines} 次，最近一次 {last}）' },
  'log-consistent': { en: 'consistent with {path}', zh: '与 {path} 一致' },
  'log-more-bad-lines': { en: '{path}: … and {count} more bad lines', zh: '{path}：……另有 {count} 行无效' },
  'tool-said': { en: '{tool} (its own output, verbatim): {text}', zh: '{tool} 原文输出（未翻译）：{text}' },
  // release check
  'release-ok': { en: 'ok: {verdict}', zh: '通过：{verdict}' },
  'release-failed': { en: 'error: {verdict}', zh: '未通过：{verdict}' },
  'release-no-change': { en: 'no regulatory change: no changeset needed', zh: '没有规范性变更：无需变更集（changeset）' },
  'release-no-changeset': { en: 'policy/ changed ({required} required) but no changeset was added; run {command}', zh: 'policy/ 已变更（需要提升{required}），但未添加变更集（changeset）；请运行 {command}', slots: { required: 'bump' } },
  'release-bump-too-small': { en: 'the changesets declare a {declared} bump, but the policy changes require {required}', zh: '变更集声明提升{declared}，但策略变更需要提升{required}', slots: { declared: 'bump', required: 'bump' } },
  'release-sufficient': { en: 'changesets declare {declared} (required: {required})', zh: '变更集声明提升{declared}（需要：{required}）', slots: { declared: 'bump', required: 'bump' } },
  // evaluate: the decision as printed
  'decision-pathway': { en: 'pathway', zh: '出境路径' },
  'decision-preview': { en: '[preview: lists not yet in force decided too]', zh: '[预览：尚未施行的清单也参与了判定]' },
  'decision-basis': { en: 'basis', zh: '依据' },
  'decision-basis-list': { en: 'list {lists}', zh: '清单 {lists}', slots: { lists: 'words' } },
  'decision-basis-baseline': { en: 'national baseline ({id})', zh: '国家基线（{id}）' },
  'decision-basis-none': { en: 'none', zh: '无' },
  'decision-as-of': { en: 'as of', zh: '判定日期' },
  'decision-reasons': { en: 'reasons', zh: '理由' },
  'decision-inferred': { en: '(inferred)', zh: '（推断）' },
  'decision-cites': { en: 'cites {citations}', zh: '引用 {citations}', slots: { citations: 'words' } },
  'decision-obligations': { en: 'obligations', zh: '义务' },
  'decision-advisories': { en: 'advisories', zh: '提示' },
  'decision-policy': { en: 'policy {version} · sha256 {digest}', zh: '策略 {version} · sha256 {digest}' },
  // proposal status
  'status-stage': { en: 'stage: {stage} → next: {next}', zh: '阶段：{stage} → 下一阶段：{next}', slots: { stage: 'stage', next: 'stage' } },
  'status-stage-last': { en: 'stage: {stage} (end of its path)', zh: '阶段：{stage}（已到最后阶段）', slots: { stage: 'stage' } },
  'status-review-window': { en: 'review window: until {date}', zh: '征求意见期：至 {date}' },
  'status-signed': { en: 'signed: {signoffs}', zh: '已签核：{signoffs}', slots: { signoffs: 'words' } },
  'status-signoff': { en: '{stage}: {role} {person} ({date})', zh: '{stage}：{role} {person}（{date} 签核）', slots: { stage: 'stage' } },
  'status-todo': { en: 'to do:', zh: '待办：' },
  'status-by': { en: 'by: {people}', zh: '办理人：{people}', slots: { people: 'words' } },
  'status-blocking': { en: 'blocking: {code} {message}', zh: '阻碍：{code} {message}' },
  'status-recorded-problems': { en: 'problems already in the record: {count} ({command})', zh: '记录中已有的问题：{count} 个（{command}）' },
  'status-ready': { en: 'ready: {command}', zh: '可以推进：{command}' },
} as const satisfies Record<string, MessageKind>;

export type MessageId = keyof typeof MESSAGES;

/**
 * Message `id` with its arguments, in the language of `io`. Arguments come from the command line
 * and from files (paths, ids, titles): their control characters are shown escaped, as in
 * diagnostics — a path holding ESC [31m recoloured the terminal in `verify`'s "ok" line.
 */
export function say<I extends MessageId>(io: Io, id: I, ...[args]: keyof ArgsOf<(typeof MESSAGES)[I]> extends never ? [] : [ArgsOf<(typeof MESSAGES)[I]>]): string {
  return render(MESSAGES[id], printableArgs(args ?? {}), langOf(io));
}

function printableArgs<T extends object>(args: T): T {
  const shown = (v: unknown): unknown => (typeof v === 'string' ? printableText(v) : Array.isArray(v) ? v.map(shown) : v);
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, shown(v)])) as T;
}
