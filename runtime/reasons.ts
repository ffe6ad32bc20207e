/**
 * The runtime's reasons, obligations and advisories with their Chinese and English text.
 * Item reasons are built once per item at load, so a decision only picks frozen objects.
 */
import type { Exemption, ListItem, NegativeList, PathwayId, Zone } from './artifact.js';
import { chineseNumeral } from './chinese-numeral.js';
import { PATHWAY_PHRASE_EN as PATHWAY_EN, PATHWAY_PHRASE_ZH as PATHWAY_ZH } from './pathway-words.js';
import type { Obligation, Outcome, Reason } from './request.js';
import { OUTSIDE_ZONE } from './request.js';


/** Where the runtime's inferences are explained; an inferred reason links to one of its entries. */
export const READING = 'docs/reading-of-the-law.md';

/**
 * A reason; `inferredAt` names the entry of the reading of the law when the reason is our reading.
 * Written out case by case, without spreading optional fields in: reasons for unknown items are
 * built per request, and the policy's own are built when it loads.
 */
function reason(code: string, outcome: Outcome, zh: string, en: string, citations: readonly string[], source?: string, inferredAt?: string): Reason {
  const message = Object.freeze({ zh, en });
  const cited = Object.freeze(citations.slice());
  if (inferredAt === undefined) return Object.freeze(source === undefined ? { code, outcome, message, citations: cited } : { code, outcome, message, citations: cited, source });
  const reading = `${READING}#${inferredAt}`;
  return Object.freeze(source === undefined ? { code, outcome, message, citations: cited, inferred: true, reading } : { code, outcome, message, citations: cited, source, inferred: true, reading });
}

function obligation(code: string, zh: string, en: string, citations: readonly string[], extra: { source?: string; readingAt?: string } = NO_EXTRA): Obligation {
  const message = Object.freeze({ zh, en });
  const cited = Object.freeze(citations.slice());
  const { source, readingAt } = extra;
  if (readingAt === undefined) return Object.freeze(source === undefined ? { code, message, citations: cited } : { code, message, citations: cited, source });
  const reading = `${READING}#${readingAt}`;
  return Object.freeze(source === undefined ? { code, message, citations: cited, reading } : { code, message, citations: cited, source, reading });
}

const NO_EXTRA: { source?: string; readingAt?: string } = Object.freeze({});

export const NOT_EXPORT = reason('not-export', 'not-applicable', '不属于数据出境活动，不适用负面清单及数据出境规定。', 'Not a data export: neither the lists nor the export rules apply.', ['measures.art2'], undefined, 'not-an-export');

export function importantData(pathway: PathwayId, citations: readonly string[]): Reason {
  return reason('important-data', pathway, '出境数据已被告知或公开发布为重要数据，应当申报数据出境安全评估；国家规定的豁免情形不适用于重要数据。', 'The data has been notified or published as important data: security assessment; no national exemption removes it.', citations);
}

/**
 * Where an exemption code (`art3`, `art5.1`: article, and item of its first paragraph) sits in
 * the national rules, as Chinese official text cites it; the code itself for any other form.
 */
function exemptionArticleZh(code: string): string {
  const m = /^art(\d{1,2})(?:\.(\d{1,2}))?$/.exec(code);
  if (!m) return code;
  return `第${chineseNumeral(Number(m[1]))}条${m[2] ? `第一款第（${chineseNumeral(Number(m[2]))}）项` : ''}`;
}

export function exemption(e: Exemption): Reason {
  return reason('national-exemption', 'exempt', `属于《促进和规范数据跨境流动规定》${exemptionArticleZh(e.code)}规定的情形（${e.description}），${PATHWAY_ZH.exempt}，且不计入累计数量。`, `Covered by national exemption ${e.code}: exempt, and not counted towards any volume (Art. 27 of the measures).`, [...e.basis, 'measures.art27'], e.code);
}

export function exemptionContradicted(e: Exemption): Reason {
  return reason('exemption-contradicted', 'indeterminate', `所主张的豁免 ${e.code} 仅适用于不含个人信息或重要数据的数据，但本次出境包含个人信息。`, `The claimed exemption ${e.code} covers only data without personal information or important data, but this transfer includes personal information.`, e.basis, e.code);
}

/**
 * No exemption covers important data: Art. 5's cases by its second paragraph, Arts 3 and 4 in
 * their own terms (the data or the processing has none). The message cites the provision that
 * says so for this exemption.
 */
export function exemptionNotForImportant(e: Exemption, importantBasis: readonly string[]): Reason {
  const citations = [...new Set([...e.basis, ...importantBasis])];
  const byArt5 = /^art5(\.|$)/.test(e.code);
  const zh = byArt5 ? '《促进和规范数据跨境流动规定》第五条第二款：前款所称向境外提供的个人信息，不包括重要数据' : `《促进和规范数据跨境流动规定》${exemptionArticleZh(e.code)}所列情形本身不含重要数据`;
  const en = byArt5 ? 'national Art. 5, second paragraph' : `national ${e.code}, in its own terms`;
  return reason('exemption-not-for-important-data', 'security-assessment', `豁免 ${e.code} 不适用于重要数据（${zh}）。`, `Exemption ${e.code} does not cover important data (${en}).`, citations, e.code);
}

export function ciioPersonalInfo(pathway: PathwayId, citations: readonly string[]): Reason {
  // Measures Art. 10(一)1 puts a CIIO's personal information in every list's assessment part: the
  // lists cover CIIOs, and what lightens a list's items by volume does not reach them (our reading).
  return reason('ciio-personal-info', pathway, '关键信息基础设施运营者向境外提供个人信息，应当申报数据出境安全评估（负面清单第（一）部分第1项）；清单按数量规定的路径不适用于其个人信息。', 'A critical information infrastructure operator providing personal information abroad: security assessment (part (一) 1 of every list, measures Art. 10); a list’s volume thresholds do not apply to it.', citations, undefined, 'lists-not-for-ciio');
}

/** A part the policy has no provision for: indeterminate, never a lighter pathway. */
export function undecided(code: string): Reason {
  return reason(code, 'indeterminate', '策略中缺少判定该情形的国家基线规定，无法判定。', 'The policy has no baseline provision for this case: it cannot be decided.', ['measures.art14']);
}

/**
 * An export on a day before the national rules the policy models were in force: other rules
 * applied then, which the policy does not hold, so it cannot decide (never their lighter answer).
 */
export function beforeNationalRules(title: string, from: string, citations: readonly string[]): Reason {
  return reason(
    'before-national-rules',
    'indeterminate',
    `判定日期早于《${title}》施行之日（${from}）：此前适用的数据出境规定未纳入本策略，无法判定。`,
    `The date is before ${from}, when the national rules this policy models (${title}) took effect: the rules that applied before are not in the policy, so it cannot be decided.`,
    citations,
    undefined,
    'national-rules-in-force',
  );
}

export const NOTHING_REGULATED = reason('no-personal-or-important-data', 'exempt', '出境数据不含个人信息，也未被认定为重要数据，无需履行数据出境安全评估、标准合同或认证程序。', 'The transfer has neither personal information nor important data: none of the three mechanisms is required.', ['national.art7', 'national.art8'], undefined, 'nothing-regulated');

export function unknownItem(id: string): Reason {
  return reason('unknown-item', 'indeterminate', `负面清单中没有数据项 ${id}。`, `No list has the item ${id}.`, ['measures.art12'], id);
}

export type Inactivity = 'not-yet-in-force' | 'expired' | 'not-in-force' | 'repealed' | 'trial-ended';

/** Whether a list decides on a day (`in-force`), and if not why. */
export type ListState = 'in-force' | Inactivity;

const INACTIVE_ZH: Record<Exclude<Inactivity, 'trial-ended'>, string> = {
  'not-yet-in-force': '尚未施行',
  expired: '已过施行期',
  'not-in-force': '尚未生效（草案、征求意见稿或已批准未施行）',
  repealed: '已废止',
};

/** The trial period ended: the measures no longer give any list effect (measures Art. 31). */
const TRIAL_ENDED_ZH = '管理办法试行期已届满';

/**
 * A list that does not decide on `asOf`: it names the list and its status, and the national
 * rules decide its data (docs/reading-of-the-law.md#no-list-decides). Built once per list and state.
 */
export function pendingList(list: NegativeList, why: Inactivity | 'not-in-zone', zone: string): Obligation {
  const state = why === 'not-in-zone' ? (zone === OUTSIDE_ZONE ? '不适用于区外数据处理者' : `不适用于区域 ${zone}`) : why === 'trial-ended' ? TRIAL_ENDED_ZH + '，清单随之失效' : INACTIVE_ZH[why];
  const citations = why === 'trial-ended' ? ['measures.art14', 'measures.art31'] : why === 'not-in-zone' ? ['measures.art6', 'measures.art14'] : ['measures.art14', 'national.art6'];
  return obligation(
    'pending-list',
    `清单「${list.title}」（状态：${STATUS_ZH[list.status]}）${state}，不能据以判定；其所列数据按国家规定判定。该清单生效并适用后，判定可能不同。`,
    `The list ${list.id} (status ${list.status}) does not decide here (${why}); its data is decided by the national rules. Once it takes effect and applies, the decision may differ.`,
    citations,
    { source: list.id, readingAt: why === 'trial-ended' ? 'trial-period' : 'no-list-decides' },
  );
}

/** An item a list that does not decide would name as important data: identify and declare (measures Art. 7). */
export function pendingImportantItem(item: ListItem): Obligation {
  return obligation(
    'pending-list-important-item',
    `数据项「${item.title}」被尚未适用的清单列为重要数据：清单生效前不以此为重要数据申报安全评估，但应当按规定自主识别、申报重要数据。`,
    `Item ${item.id} is named as important data by a list that does not decide here: identify and declare it as important data if it is (measures Art. 7).`,
    ['measures.art7', item.id],
    { source: item.id, readingAt: 'no-list-decides' },
  );
}

const STATUS_ZH: Record<NegativeList['status'], string> = { draft: '草案', consultation: '征求意见稿', approved: '已批准', 'in-force': '施行中', repealed: '已废止' };

export function itemImportant(item: ListItem): Reason {
  return reason('list-item-important', 'security-assessment', `数据项「${item.title}」被负面清单列为重要数据，无论数量均应申报数据出境安全评估。`, `The list names "${item.id}" as important data: security assessment at any volume.`, item.basis, item.id);
}

export function itemRung(item: ListItem, pathway: PathwayId, citations: readonly string[]): Reason {
  return reason('list-item-threshold', pathway, `数据项「${item.title}」达到负面清单规定的量级：${PATHWAY_ZH[pathway]}。`, `Item ${item.id} reaches the list's threshold: ${PATHWAY_EN[pathway]}.`, citations, item.id);
}

/**
 * Entries of one item in a request are one item: their volumes are summed before its thresholds
 * apply, so splitting a transfer into entries never makes it lighter. Persons are counted
 * de-duplicated (Art. 27), which entries cannot be across each other: the sum is an upper bound,
 * hence inferred.
 */
export function itemEntriesCombined(item: ListItem, entries: number, persons: number, sensitive: number, outcome: Outcome): Reason {
  return reason(
    'item-entries-combined',
    outcome,
    `数据项「${item.title}」在请求中出现 ${entries} 次，已合并计算其数量（个人信息 ${persons} 人、敏感个人信息 ${sensitive} 人）后适用负面清单规定的量级；各条目间可能重复的自然人未去重，如需去重请合并为一个条目申报。`,
    `Item ${item.id} appears in ${entries} entries: their volumes are summed (${persons} persons, ${sensitive} sensitive) before the list's thresholds apply; persons shared between entries are not de-duplicated — state the item once to de-duplicate.`,
    ['measures.art27'],
    item.id,
    'item-entries-combined',
  );
}

export function itemBelow(item: ListItem): Reason {
  return reason('list-item-below-threshold', 'exempt', `数据项「${item.title}」未达到负面清单规定的量级，可以${PATHWAY_ZH.exempt}。`, `Item ${item.id} is below every threshold of its list: exempt.`, [...item.basis, 'measures.art13'], item.id, 'item-below-threshold');
}

export function notOnList(list: NegativeList): Reason {
  return reason('not-on-list', 'exempt', `出境数据属于清单「${list.title}」所列行业领域但不在清单内，可以${PATHWAY_ZH.exempt}。`, `Data of the sector of list ${list.id} that is not on the list: exempt.`, ['measures.art13', 'national.art6'], list.id);
}

/**
 * Why the national rules decide: no list covers the sector (measures Art. 14, as written), a
 * list exists but does not decide (our reading), or the measures' trial has ended (our reading).
 */
export type NationalGround = 'no-list' | 'list-does-not-decide' | 'trial-ended';

const GROUND: Record<NationalGround, { zh: string; en: string; citations: readonly string[]; readingAt?: string }> = {
  'no-list': { zh: '', en: '', citations: ['measures.art14'] },
  'list-does-not-decide': { zh: '所属行业领域的负面清单尚未生效或不适用，视为不属于负面清单所列行业领域，', en: 'No list decides here (not in force, or not for this zone), so ', citations: ['measures.art14', 'national.art6'], readingAt: 'no-list-decides' },
  'trial-ended': { zh: `${TRIAL_ENDED_ZH}，负面清单不再适用，`, en: "The measures' trial period has ended and no list applies, so ", citations: ['measures.art14', 'measures.art31'], readingAt: 'trial-period' },
};

export function nationalRung(pathway: PathwayId, citations: readonly string[], ground: NationalGround): Reason {
  const g = GROUND[ground];
  return reason('national-threshold', pathway, `${g.zh}按国家规定的累计数量标准：${PATHWAY_ZH[pathway]}。`, `${g.en}under the national thresholds (year to date): ${PATHWAY_EN[pathway]}.`, [...g.citations, ...citations], 'baseline', g.readingAt);
}

export function nationalBelow(pathway: PathwayId, citations: readonly string[], ground: NationalGround): Reason {
  const g = GROUND[ground];
  return reason('national-below-threshold', pathway, `${g.zh}个人信息累计数量未达到国家规定的标准合同或安全评估门槛，免于申报。`, `${g.en}personal information below every national threshold: exempt.`, [...g.citations, ...citations], 'baseline', g.readingAt);
}

export function reportToRegion(zone: Zone | undefined): Obligation {
  const to = zone?.authority ?? '所属区域管理机构';
  return obligation('report-to-region', `使用负面清单开展数据出境活动，应及时向${to}报告数据出境业务场景、出境数据目录、规模、境外接收方等情况，情况变化时及时报告。`, `Report the export (scenarios, data catalogue, volumes, overseas recipients) to ${zone?.authority ?? 'the regional body'}, and report changes.`, ['measures.art15']);
}

export function assessmentValidity(years: number, citations: readonly string[]): Obligation {
  return obligation('assessment-validity', `数据出境安全评估结果有效期为${years}年；期满需继续出境的，可在期满前依规定申请延长。`, `A security assessment is valid for ${years} years; an extension may be applied for before it expires.`, citations);
}

export const CERTIFICATION_UNAVAILABLE = obligation('certification-unavailable', '涉及重要数据的，不能通过个人信息保护认证出境。', 'Where important data is involved, certification is not available.', ['national.art7']);

export const SECURITY_DUTIES = obligation('security-duties', '履行数据安全保护义务，采取技术措施和其他必要措施保障数据出境安全；发生安全事件或风险增大的，及时报告。', 'Keep the export secure; report incidents and rising risks to the provincial and regional bodies.', ['measures.art16']);

/** Which figure an advisory from the annex's rules was computed from. */
export type Figure = 'holdings' | 'transfer';

export function identifyImportant(ruleIds: readonly string[], figure: Figure): Obligation {
  const zh = figure === 'holdings' ? '依据申报的持有量（processor.holdings）' : '依据本次出境数量（未申报持有量；附件规则所称“掌握”的数量不少于此数）';
  const en = figure === 'holdings' ? 'computed from the stated holdings' : 'computed from this transfer\'s volumes (no holdings stated; holdings are at least these)';
  return obligation('identify-important-data', `按附件重要数据统一识别参考规则，${zh}，数据处理者掌握的数据可能属于重要数据：应当自主识别并申报。`, `The annex's reference rules suggest the data may be important data (${en}): identify and declare it.`, ['measures.art7', ...ruleIds], { readingAt: figure === 'holdings' ? 'holdings' : 'important-data-advisories' });
}

/**
 * Export control and technology export follow their own laws (measures Art. 24): the pathway
 * decided under the data-export rules does not cover them.
 */
export const EXPORT_CONTROL = obligation(
  'export-control',
  '出境数据涉及《中华人民共和国出口管制法》规定的管制物项相关技术资料或《中华人民共和国对外贸易法》规定的技术出口管理事项的，按照《中华人民共和国出口管制法》《中华人民共和国对外贸易法》等法律法规、规章规定执行。本次判定的出境路径仅依数据出境规定作出，不涵盖出口管制和技术出口管理。',
  'Export control and technology export follow 《中华人民共和国出口管制法》 and 《中华人民共和国对外贸易法》: the pathway decided here is under the data-export rules only and does not cover export control.',
  ['measures.art24'],
  { readingAt: 'export-control' },
);

/** 《中华人民共和国个人信息保护法》 Art. 39: informing and separate consent, whatever the pathway. */
export const PI_NOTICE_AND_CONSENT = obligation(
  'pi-notice-and-separate-consent',
  '向境外提供个人信息，应当向个人告知境外接收方的名称或者姓名、联系方式、处理目的、处理方式、个人信息的种类以及个人行使权利的方式和程序等事项，并取得个人的单独同意（《中华人民共和国个人信息保护法》第三十九条）；豁免申报不免除该义务。',
  'Inform the individuals of the overseas recipient, purposes, methods, kinds of personal information and how to exercise their rights, and obtain their separate consent (PIPL Art. 39); no exemption removes this.',
  ['pipl.art39'],
  { readingAt: 'pi-duties' },
);

/** 《中华人民共和国个人信息保护法》 Arts 55–56: the personal-information protection impact assessment. */
export const PI_IMPACT_ASSESSMENT = obligation(
  'pi-impact-assessment',
  '向境外提供个人信息，应当事前进行个人信息保护影响评估，并对处理情况进行记录（《中华人民共和国个人信息保护法》第五十五条、第五十六条）；豁免申报不免除该义务。',
  'Carry out a personal-information protection impact assessment beforehand and keep records (PIPL Arts 55–56); no exemption removes this.',
  ['pipl.art55', 'pipl.art56'],
  { readingAt: 'pi-duties' },
);
