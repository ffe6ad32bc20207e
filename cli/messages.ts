/**
 * What the commands say besides diagnostics: what they did ("created …", "wrote …") and the
 * labels of what they show (`proposal status`). A catalogue like the diagnostics' (ids, typed
 * placeholders, term slots, both languages complete; tested with it), rendered in the reader's
 * language.
 */
import type { ArgsOf, MessageKind } from '../compiler/diagnostic-codes.js';
import { render } from '../compiler/diagnostics.js';
import { langOf, type Io } from './io.js';

export const MESSAGES = {
  // proposal new
  'proposal-created': { en: 'created {folder}: {files} (templates: fill in every 待填写)', zh: '已创建 {folder}：{files}（模板：请填写每处“待填写”）', slots: { files: 'words' } },
  'proposal-link-lists': { en: 'add proposal "{id}" to the lists {lists}', zh: '请在清单 {lists} 中添加 proposal "{id}"', slots: { lists: 'words' } },
  // proposal advance, comment, resolve, sign
  'proposal-blocked': { en: '{id} cannot advance to {stage}', zh: '提案 {id} 不能进入{stage}阶段', slots: { stage: 'stage' } },
  'proposal-advanced': { en: '{id}: {from} → {to}', zh: '提案 {id}：{from} → {to}', slots: { from: 'stage', to: 'stage' } },
  'lists-now-status': { en: '{files} now status {status}', zh: '{files} 的状态已改为 {status}', slots: { files: 'words' } },
  'concern-recorded': { en: 'recorded concern {record} in {file}', zh: '已在 {file} 中记录关切 {record}' },
  'concern-sends-back': { en: '{id}: {from} → {to} (a new concern sends it back to review)', zh: '提案 {id}：{from} → {to}（新的关切使其退回论证与征求意见阶段）', slots: { from: 'stage', to: 'stage' } },
  'comment-recorded': { en: 'recorded comment {record} in {file}', zh: '已在 {file} 中记录意见 {record}' },
  'record-updated': { en: 'updated {path}', zh: '已更新 {path}' },
  'file-written': { en: 'wrote {path}', zh: '已写入 {path}' },
  'signoff-commit': { en: 'commit it as {name} <{email}>, signed with your registered key: {command}', zh: '请以 {name} <{email}> 的身份、用已登记的密钥签名提交：{command}' },
  // proposal status
  'status-stage': { en: 'stage: {stage} → next: {next}', zh: '阶段：{stage} → 下一阶段：{next}', slots: { stage: 'stage', next: 'stage' } },
  'status-stage-last': { en: 'stage: {stage} (end of its path)', zh: '阶段：{stage}（已到最后阶段）', slots: { stage: 'stage' } },
  'status-review-window': { en: 'review window: until {date}', zh: '征求意见期：至 {date}' },
  'status-signed': { en: 'signed: {signoffs}', zh: '已签核：{signoffs}', slots: { signoffs: 'words' } },
  'status-signoff': { en: '{stage}: {role} {person} ({date})', zh: '{stage}：{role} {person}（{date}）', slots: { stage: 'stage' } },
  'status-todo': { en: 'to do:', zh: '待办：' },
  'status-by': { en: 'by: {people}', zh: '办理人：{people}', slots: { people: 'words' } },
  'status-blocking': { en: 'blocking: {code} {message}', zh: '阻碍：{code} {message}' },
  'status-recorded-problems': { en: 'problems already in the record: {count} ({command})', zh: '记录中已有的问题：{count} 个（{command}）' },
  'status-ready': { en: 'ready: {command}', zh: '可以推进：{command}' },
} as const satisfies Record<string, MessageKind>;

export type MessageId = keyof typeof MESSAGES;

/** Message `id` with its arguments, in the language of `io`. */
export function say<I extends MessageId>(io: Io, id: I, ...[args]: keyof ArgsOf<(typeof MESSAGES)[I]> extends never ? [] : [ArgsOf<(typeof MESSAGES)[I]>]): string {
  return render(MESSAGES[id], args ?? {}, langOf(io));
}
