/**
 * The runtime's problems in the reader's language. The runtime stays language-free: each problem
 * it reports carries a closed keyword or code and typed params (a request's or report's schema
 * keyword, a check beyond the schema, a bad export-log line, a difference between a report and
 * its log), and its `message` is English for programs that read it. This catalogue renders them
 * in Chinese and English, like the diagnostics' (same placeholders in both languages, term slots;
 * tested with them in test/diagnostic-catalogue.test.ts).
 */
import type { Lang, MessageKind, Term } from './diagnostic-codes.js';
import { render } from './diagnostics.js';
import type { Difference, LineRule, LogProblem, ReportProblem, RequestProblem } from '../runtime/index.js';
import type { SchemaKeyword } from '../runtime/request.js';

export const PROBLEMS = {
  // JSON Schema keywords (ajv's params)
  'schema-required': { en: 'missing the required property {property}', zh: '缺少必需的属性 {property}' },
  'schema-additionalProperties': { en: 'unknown property {property}: the schema does not allow it', zh: '未知属性 {property}：此处不允许出现该属性' },
  'schema-type': { en: 'must be {type}', zh: '应为{type}', slots: { type: 'jsonType[]' } },
  'schema-enum': { en: 'must be one of {values}', zh: '应为以下值之一：{values}', slots: { values: 'choices' } },
  'schema-const': { en: 'must be {value}', zh: '应为 {value}' },
  'schema-minimum': { en: 'must be at least {limit}', zh: '不得小于 {limit}' },
  'schema-maximum': { en: 'must be at most {limit}', zh: '不得大于 {limit}' },
  'schema-exclusiveMinimum': { en: 'must be more than {limit}', zh: '应大于 {limit}' },
  'schema-exclusiveMaximum': { en: 'must be less than {limit}', zh: '应小于 {limit}' },
  'schema-minLength': { en: 'must be at least {limit} characters long', zh: '长度不得少于 {limit} 个字符' },
  'schema-maxLength': { en: 'must be at most {limit} characters long', zh: '长度不得超过 {limit} 个字符' },
  'schema-minItems': { en: 'must have at least {limit} items', zh: '不得少于 {limit} 项' },
  'schema-maxItems': { en: 'must have at most {limit} items', zh: '不得多于 {limit} 项' },
  'schema-uniqueItems': { en: 'items {i} and {j} are the same: each must differ', zh: '第 {i} 项与第 {j} 项相同：各项不得重复' },
  'schema-pattern': { en: 'must match the pattern {pattern}', zh: '应符合格式 {pattern}' },
  'schema-format': { en: 'must be {format}', zh: '应为{format}', slots: { format: 'schemaFormat' } },
  'schema-if': { en: 'does not match the schema its condition selects ({branch})', zh: '不符合其条件所要求的格式（{branch}）' },
  'schema-oneOf': { en: 'must match exactly one of the allowed forms', zh: '应恰好符合一种允许的形式' },
  'schema-anyOf': { en: 'must match at least one of the allowed forms', zh: '应至少符合一种允许的形式' },
  'schema-not': { en: 'must not match the excluded form', zh: '不得符合被排除的形式' },
  'schema-invalid': { en: 'does not conform to the schema ({keyword})', zh: '不符合规定的格式（{keyword}）' },
  // The runtime's checks beyond the schema
  'calendar-date': { en: '{date} is not a day of the calendar', zh: '{date} 不是日历上存在的日期' },
  'unknown-name': { en: '{name} is not a {vocabulary} the policy defines; one of {allowed}', zh: '{name} 不是本策略定义的{vocabulary}；可选：{allowed}', slots: { vocabulary: 'noun', allowed: 'choices' } },
  // Reports
  'not-json': { en: 'not valid JSON', zh: '不是有效的 JSON' },
  'report-recipient-item': { en: 'the recipient receives {item}, which is not in the catalogue', zh: '境外接收方接收的数据项 {item} 不在出境数据目录中' },
  'report-decided-twice': { en: 'the decision gives {item} twice', zh: '判定中数据项 {item} 出现两次' },
  'report-decided-not-in-catalogue': { en: 'the decision gives {item}, which is not in the catalogue', zh: '判定中的数据项 {item} 不在出境数据目录中' },
  'report-not-decided': { en: 'the decision gives no pathway for {item}', zh: '判定未给出数据项 {item} 的出境路径' },
  // Export logs
  'log-line-object': { en: 'must be a JSON object', zh: '应为 JSON 对象' },
  'log-line-date': { en: 'must be a calendar date YYYY-MM-DD', zh: '应为日历上存在的日期（YYYY-MM-DD）' },
  'log-line-item': { en: "must be a list item id (<list>.<item>) or 'personalInfo'", zh: "应为数据项编号（<清单>.<数据项>）或 'personalInfo'" },
  'log-line-person-key': { en: 'must be a string of 1 to 256 characters', zh: '应为 1 至 256 个字符的字符串' },
  'log-line-one-person': { en: 'a line with a `personKey` is one person: no `persons` or `sensitivePersons`', zh: '带 `personKey` 的行只代表一个人：不得再写 `persons` 或 `sensitivePersons`' },
  'log-line-boolean': { en: 'must be `true` or `false`', zh: '应为 `true` 或 `false`' },
  'log-line-volume': { en: 'must be an integer from 0', zh: '应为不小于 0 的整数' },
  'log-line-some-volume': { en: 'needs `persons`, `sensitivePersons` or a `personKey`', zh: '需要 `persons`、`sensitivePersons` 或 `personKey` 之一' },
  'log-unknown-exemption': { en: "{exemption} is not one of the baseline's exemptions: {allowed}", zh: '{exemption} 不是国家基线的豁免情形；可选：{allowed}', slots: { allowed: 'choices' } },
  'log-line-too-long': { en: 'longer than {limit} bytes', zh: '超过 {limit} 字节' },
  'log-too-many-persons': { en: 'more than {limit} distinct persons: counting stopped (raise --max-persons)', zh: '不同的人员超过 {limit} 个：计数已停止（请调高 --max-persons）' },
  // Differences between a report and its export log (measures Art. 19)
  'difference-unreported-item': {
    en: 'unreported item {item}: exported ({persons} persons, {sensitivePersons} sensitive) but not in the report (first at line {firstLine})',
    zh: '未报告的数据项 {item}：已出境（{persons} 人，其中敏感个人信息 {sensitivePersons} 人），但报告中没有（首见于第 {firstLine} 行）',
  },
  'difference-volume-above-report': { en: '{item}: {actual} {measure} exported, above the {reported} reported', zh: '{item}：已出境{measure} {actual}，高于报告的 {reported}', slots: { measure: 'volumeMeasure' } },
  'difference-volume-below-report': { en: '{item}: {actual} {measure} exported so far, below the {reported} reported', zh: '{item}：目前已出境{measure} {actual}，低于报告的 {reported}', slots: { measure: 'volumeMeasure' } },
  'difference-threshold-crossed': { en: 'threshold crossed: {item}: filed {filed}, the volumes exported need {actual}', zh: '超过量级：{item}：报告的出境路径为{filed}，按实际出境量应为{actual}', slots: { filed: 'outcome', actual: 'outcome' } },
  'difference-threshold-crossed-transfer': { en: 'threshold crossed: the transfer: filed {filed}, the volumes exported need {actual}', zh: '超过量级：整体出境：报告的出境路径为{filed}，按实际出境量应为{actual}', slots: { filed: 'outcome', actual: 'outcome' } },
} as const satisfies Record<string, MessageKind>;

export type ProblemMessageId = keyof typeof PROBLEMS;

/** A message id and its arguments: what a problem says, before it is put in a language. */
export interface ProblemText {
  readonly id: ProblemMessageId;
  readonly args: Readonly<Record<string, unknown>>;
}

/** Code as quoted in a message: a name as the user wrote it. */
const quoted = (v: unknown) => `'${String(v)}'`;

/** A JSON type of ajv's `type` param (`string`, `integer,null`) as terms. */
function jsonTypes(type: string): Term<'jsonType'>[] {
  return type.split(',') as Term<'jsonType'>[];
}

const FORMATS: ReadonlySet<string> = new Set(['date', 'date-time', 'time', 'email', 'uri']);

/** What a schema keyword's problem says. */
function schemaText(p: RequestProblem & { keyword: SchemaKeyword }): ProblemText {
  switch (p.keyword) {
    case 'required':
      return { id: 'schema-required', args: { property: quoted(p.params.missingProperty) } };
    case 'additionalProperties':
      return { id: 'schema-additionalProperties', args: { property: quoted(p.params.additionalProperty) } };
    case 'type':
      return { id: 'schema-type', args: { type: jsonTypes(p.params.type) } };
    case 'enum':
      return { id: 'schema-enum', args: { values: p.params.allowedValues.map(String) } };
    case 'const':
      return { id: 'schema-const', args: { value: JSON.stringify(p.params.allowedValue) } };
    case 'format':
      return { id: 'schema-format', args: { format: FORMATS.has(p.params.format) ? p.params.format : 'other' } };
    case 'pattern':
      return { id: 'schema-pattern', args: { pattern: `\`${p.params.pattern}\`` } };
    case 'if':
      return { id: 'schema-if', args: { branch: p.params.failingKeyword } };
    case 'uniqueItems':
      return { id: 'schema-uniqueItems', args: { i: p.params.j, j: p.params.i } };
    case 'invalid':
      return { id: 'schema-invalid', args: { keyword: p.params.keyword } };
    case 'oneOf':
    case 'anyOf':
    case 'not':
      return { id: `schema-${p.keyword}`, args: {} };
    default:
      return { id: `schema-${p.keyword}`, args: { limit: p.params.limit } };
  }
}

/** What a request's problem says: its schema keyword, or the runtime's check. */
export function requestProblemText(p: RequestProblem): ProblemText {
  if (p.keyword === 'calendar-date') return { id: 'calendar-date', args: { date: p.params.date } };
  if (p.keyword === 'unknown-name') return { id: 'unknown-name', args: { name: quoted(p.params.name), vocabulary: p.params.vocabulary, allowed: p.params.allowed } };
  return schemaText(p);
}

/** What a report's problem says. */
export function reportProblemText(p: ReportProblem): ProblemText {
  switch (p.code) {
    case 'schema':
    case 'unknown-name':
      return requestProblemText(p);
    case 'recipient-item-not-in-catalogue':
      return { id: 'report-recipient-item', args: { item: p.params.item } };
    case 'decision-items-mismatch': {
      const ids = { 'decided-twice': 'report-decided-twice', 'not-in-catalogue': 'report-decided-not-in-catalogue', 'not-decided': 'report-not-decided' } as const;
      return { id: ids[p.params.reason], args: { item: p.params.item } };
    }
  }
}

const LINE_RULES = {
  object: 'log-line-object',
  date: 'log-line-date',
  item: 'log-line-item',
  'person-key': 'log-line-person-key',
  'one-person': 'log-line-one-person',
  boolean: 'log-line-boolean',
  volume: 'log-line-volume',
  'some-volume': 'log-line-some-volume',
} as const satisfies Record<LineRule, ProblemMessageId>;

/** What a bad line of an export log says. */
export function logProblemText(p: LogProblem): ProblemText {
  switch (p.code) {
    case 'not-json':
      return { id: 'not-json', args: {} };
    case 'line-invalid':
      return { id: LINE_RULES[p.params.rule], args: {} };
    case 'unknown-exemption':
      return { id: 'log-unknown-exemption', args: { exemption: JSON.stringify(p.params.exemption) ?? 'undefined', allowed: p.params.allowed } };
    case 'line-too-long':
      return { id: 'log-line-too-long', args: { limit: p.params.limit } };
    case 'too-many-persons':
      return { id: 'log-too-many-persons', args: { limit: p.params.limit } };
  }
}

/** What a difference between a report and its export log says. */
export function differenceText(d: Difference): ProblemText {
  switch (d.kind) {
    case 'unreported-item':
      return { id: 'difference-unreported-item', args: { item: d.item, persons: d.persons, sensitivePersons: d.sensitivePersons, firstLine: d.firstLine } };
    case 'volume-above-report':
    case 'volume-below-report':
      return { id: `difference-${d.kind}`, args: { item: d.item, measure: d.measure, reported: d.reported, actual: d.actual } };
    case 'threshold-crossed':
      return d.item === undefined
        ? { id: 'difference-threshold-crossed-transfer', args: { filed: d.filed, actual: d.actual } }
        : { id: 'difference-threshold-crossed', args: { item: d.item, filed: d.filed, actual: d.actual } };
  }
}

/** A problem's text in `lang`. */
export function problemString(t: ProblemText, lang: Lang): string {
  return render(PROBLEMS[t.id], t.args, lang);
}

/** The problem as `--json` gives it: the runtime's fields, and what it says in `says` — `{id, args, text}`, the text in `lang`. */
export function withText<P extends object>(p: P, t: ProblemText, lang: Lang): P & { readonly says: ProblemText & { readonly text: string } } {
  return { ...p, says: { ...t, text: problemString(t, lang) } };
}
