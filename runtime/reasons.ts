/**
 * The runtime's reasons, obligations and advisories with their Chinese and English text.
 * Item reasons are built once per item at load, so a decision only picks frozen objects.
 */
import type { Exemption, ListItem, NegativeList, PathwayId, Zone } from './artifact.js';
import type { Obligation, Outcome, Reason } from './request.js';

const PATHWAY_ZH: Record<PathwayId, string> = {
  'security-assessment': '申报数据出境安全评估',
  'standard-contract-or-certification': '订立个人信息出境标准合同或通过个人信息保护认证',
  exempt: '免于申报安全评估、订立标准合同、通过保护认证',
};
const PATHWAY_EN: Record<PathwayId, string> = {
  'security-assessment': 'security assessment',
  'standard-contract-or-certification': 'standard contract or certification',
  exempt: 'exempt from all three mechanisms',
};

function reason(code: string, outcome: Outcome, zh: string, en: string, citations: readonly string[], source?: string, inferred?: boolean): Reason {
  return Object.freeze({
    code,
    outcome,
    message: Object.freeze({ zh, en }),
    citations: Object.freeze([...citations]),
    ...(source !== undefined ? { source } : {}),
    ...(inferred ? { inferred: true } : {}),
  });
}

function obligation(code: string, zh: string, en: string, citations: readonly string[]): Obligation {
  return Object.freeze({ code, message: Object.freeze({ zh, en }), citations: Object.freeze([...citations]) });
}

export const NOT_EXPORT = reason('not-export', 'not-applicable', '不属于数据出境活动，不适用负面清单及数据出境规定。', 'Not a data export: neither the lists nor the export rules apply.', ['measures.art2'], undefined, true);

export function importantData(pathway: PathwayId, citations: readonly string[]): Reason {
  return reason('important-data', pathway, '出境数据已被告知或公开发布为重要数据，应当申报数据出境安全评估；国家规定的豁免情形不适用于重要数据。', 'The data has been notified or published as important data: security assessment; no national exemption removes it.', citations);
}

export function exemption(e: Exemption): Reason {
  return reason('national-exemption', 'exempt', `属于《促进和规范数据跨境流动规定》${e.code} 规定的情形（${e.description}），免于申报安全评估、订立标准合同、通过保护认证，且不计入累计数量。`, `Covered by national exemption ${e.code}: exempt, and not counted towards any volume (Art. 27 of the measures).`, [...e.basis, 'measures.art27'], e.code);
}

export function exemptionContradicted(e: Exemption): Reason {
  return reason('exemption-contradicted', 'indeterminate', `所主张的豁免 ${e.code} 仅适用于不含个人信息或重要数据的数据，但本次出境包含个人信息。`, `The claimed exemption ${e.code} covers only data without personal information or important data, but this transfer includes personal information.`, e.basis, e.code);
}

export function exemptionNotForImportant(e: Exemption): Reason {
  return reason('exemption-not-for-important-data', 'security-assessment', `豁免 ${e.code} 不适用于重要数据。`, `Exemption ${e.code} does not cover important data.`, e.basis, e.code, true);
}

export function ciioPersonalInfo(pathway: PathwayId, citations: readonly string[]): Reason {
  return reason('ciio-personal-info', pathway, '关键信息基础设施运营者向境外提供个人信息，应当申报数据出境安全评估；负面清单不适用于关键信息基础设施运营者。', 'A critical information infrastructure operator providing personal information abroad: security assessment; the negative lists do not apply to CIIOs.', citations);
}

/** A part the policy has no provision for: indeterminate, never a lighter pathway. */
export function undecided(code: string): Reason {
  return reason(code, 'indeterminate', '策略中缺少判定该情形的国家基线规定，无法判定。', 'The policy has no baseline provision for this case: it cannot be decided.', ['measures.art14']);
}

export const NOTHING_REGULATED = reason('no-personal-or-important-data', 'exempt', '出境数据不含个人信息，也未被认定为重要数据，无需履行数据出境安全评估、标准合同或认证程序。', 'The transfer has neither personal information nor important data: none of the three mechanisms is required.', ['national.art7', 'national.art8'], undefined, true);

export function unknownItem(id: string): Reason {
  return reason('unknown-item', 'indeterminate', `负面清单中没有数据项 ${id}。`, `No list has the item ${id}.`, ['measures.art12'], id);
}

export function itemNotInZone(id: string, list: NegativeList, zone: string): Reason {
  const where = zone === 'outside' ? '区外数据处理者' : `片区 ${zone}`;
  return reason('list-not-in-zone', 'indeterminate', `${where}不能适用清单「${list.title}」（数据项 ${id}）；请按国家规定在 personalInfo 中申报其数量。`, `The list ${list.id} does not apply to a processor in ${zone} (item ${id}); state its volumes under personalInfo for the national rules.`, ['measures.art6', 'measures.art14'], id);
}

export type Inactivity = 'not-yet-in-force' | 'expired' | 'not-in-force' | 'repealed';

const INACTIVE_ZH: Record<Inactivity, string> = {
  'not-yet-in-force': '尚未施行',
  expired: '已过施行期',
  'not-in-force': '尚未生效（草案、征求意见稿或已批准未施行）',
  repealed: '已废止',
};

export function noListInForce(subject: string, lists: readonly NegativeList[], why: Inactivity, asOf: string): Reason {
  const titles = lists.map((l) => `「${l.title}」`).join('、');
  return reason(
    'no-list-in-force',
    'indeterminate',
    `${asOf} 时 ${subject} 所属行业领域的负面清单${titles}${INACTIVE_ZH[why]}；不能据此判断出境路径。`,
    `On ${asOf} no list for ${subject} is in force (${why}): the pathway cannot be decided from it.`,
    ['measures.art13', 'measures.art31'],
    lists[0]?.id,
  );
}

export function itemImportant(item: ListItem): Reason {
  return reason('list-item-important', 'security-assessment', `数据项「${item.title}」被负面清单列为重要数据，无论数量均应申报数据出境安全评估。`, `The list names "${item.id}" as important data: security assessment at any volume.`, item.basis, item.id);
}

export function itemRung(item: ListItem, pathway: PathwayId, citations: readonly string[]): Reason {
  return reason('list-item-threshold', pathway, `数据项「${item.title}」达到负面清单规定的量级：${PATHWAY_ZH[pathway]}。`, `Item ${item.id} reaches the list's threshold: ${PATHWAY_EN[pathway]}.`, citations, item.id);
}

/**
 * Entries of one item in a request are one item: their volumes are summed before its thresholds
 * apply, so splitting a transfer into entries never makes it lighter. Persons are counted
 * de-duplicated (Art. 28), which entries cannot be across each other: the sum is an upper bound,
 * hence inferred.
 */
export function itemEntriesCombined(item: ListItem, entries: number, persons: number, sensitive: number, outcome: Outcome): Reason {
  return reason(
    'item-entries-combined',
    outcome,
    `数据项「${item.title}」在请求中出现 ${entries} 次，已合并计算其数量（个人信息 ${persons} 人、敏感个人信息 ${sensitive} 人）后适用负面清单规定的量级；各条目间可能重复的自然人未去重，如需去重请合并为一个条目申报。`,
    `Item ${item.id} appears in ${entries} entries: their volumes are summed (${persons} persons, ${sensitive} sensitive) before the list's thresholds apply; persons shared between entries are not de-duplicated — state the item once to de-duplicate.`,
    ['measures.art28'],
    item.id,
    true,
  );
}

export function itemBelow(item: ListItem): Reason {
  return reason('list-item-below-threshold', 'exempt', `数据项「${item.title}」未达到负面清单规定的量级，可以免于申报安全评估、订立标准合同、通过保护认证。`, `Item ${item.id} is below every threshold of its list: exempt.`, [...item.basis, 'measures.art13'], item.id, true);
}

export function notOnList(list: NegativeList): Reason {
  return reason('not-on-list', 'exempt', `出境数据属于清单「${list.title}」所列行业领域但不在清单内，可以免于申报安全评估、订立标准合同、通过保护认证。`, `Data of the sector of list ${list.id} that is not on the list: exempt.`, ['measures.art13', 'national.art6'], list.id);
}

export function nationalRung(pathway: PathwayId, citations: readonly string[]): Reason {
  return reason('national-threshold', pathway, `按国家规定的累计数量标准：${PATHWAY_ZH[pathway]}。`, `Under the national thresholds (year to date): ${PATHWAY_EN[pathway]}.`, ['measures.art14', ...citations], 'baseline');
}

export function nationalBelow(pathway: PathwayId, citations: readonly string[]): Reason {
  return reason('national-below-threshold', pathway, '个人信息累计数量未达到国家规定的标准合同或安全评估门槛，免于申报。', 'Personal information below every national threshold: exempt.', ['measures.art14', ...citations], 'baseline');
}

export function reportToRegion(zone: Zone | undefined): Obligation {
  const to = zone?.authority ?? '所属区域管理机构';
  return obligation('report-to-region', `使用负面清单开展数据出境活动，应及时向${to}报告数据出境业务场景、出境数据目录、规模、境外接收方等情况，情况变化时及时报告。`, `Report the export (scenarios, data catalogue, volumes, overseas recipients) to ${zone?.authority ?? 'the regional body'}, and report changes.`, ['measures.art15']);
}

export function assessmentValidity(years: number, citations: readonly string[]): Obligation {
  return obligation('assessment-validity', `数据出境安全评估结果有效期为${years}年。`, `A security assessment is valid for ${years} years.`, citations);
}

export const CERTIFICATION_UNAVAILABLE = obligation('certification-unavailable', '涉及重要数据的，不能通过个人信息保护认证出境。', 'Where important data is involved, certification is not available.', ['national.art7']);

export const SECURITY_DUTIES = obligation('security-duties', '履行数据安全保护义务，采取技术措施和其他必要措施保障数据出境安全；发生安全事件或风险增大的，及时报告。', 'Keep the export secure; report incidents and rising risks to the provincial and regional bodies.', ['measures.art16']);

export function identifyImportant(ruleIds: readonly string[]): Obligation {
  return obligation('identify-important-data', '按附件重要数据统一识别参考规则，出境数据可能属于重要数据：应当自主识别并申报。', "The annex's reference rules suggest the data may be important data: identify and declare it.", ['measures.art7', ...ruleIds]);
}
