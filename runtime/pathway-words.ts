/**
 * The pathways in words, defined once for every text that names one: the decisions' reasons and
 * margins, the CLI, the gazettes, the diff's amendments, the language server and the
 * self-assessment page. Our own labels write 免予, as the national provisions and legislative
 * usage do; the measures write 免于 (Art. 13), which stays wherever policy text quotes them.
 */
import type { PathwayId } from './artifact.js';
import type { Outcome } from './request.js';

/** Each outcome's name, as a table cell or a heading shows it. */
export const OUTCOME_NAME_ZH: Readonly<Record<Outcome, string>> = {
  'security-assessment': '数据出境安全评估',
  'standard-contract-or-certification': '个人信息出境标准合同或个人信息保护认证',
  exempt: '免予申报',
  'not-applicable': '不适用',
  indeterminate: '无法判定',
};

/** What each pathway requires, as the verb phrase a sentence ends with (measures Arts 10, 13; national provisions Art. 5). */
export const PATHWAY_PHRASE_ZH: Readonly<Record<PathwayId, string>> = {
  'security-assessment': '申报数据出境安全评估',
  'standard-contract-or-certification': '订立个人信息出境标准合同或通过个人信息保护认证',
  exempt: '免予申报数据出境安全评估、订立个人信息出境标准合同、通过个人信息保护认证',
};
export const PATHWAY_PHRASE_EN: Readonly<Record<PathwayId, string>> = {
  'security-assessment': 'security assessment',
  'standard-contract-or-certification': 'standard contract or certification',
  exempt: 'exempt from all three mechanisms',
};

/** Every outcome as the phrase a sentence ends with: the pathways', and what the other two mean. */
export const OUTCOME_PHRASE_ZH: Readonly<Record<Outcome, string>> = {
  ...PATHWAY_PHRASE_ZH,
  'not-applicable': '不适用数据出境规定',
  indeterminate: '无法判定',
};
export const OUTCOME_PHRASE_EN: Readonly<Record<Outcome, string>> = {
  ...PATHWAY_PHRASE_EN,
  'not-applicable': 'the export rules do not apply',
  indeterminate: 'the policy cannot decide',
};
