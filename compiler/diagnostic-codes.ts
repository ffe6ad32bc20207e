/**
 * The catalogue of every diagnostic the compiler can report, TypeScript-style: a stable code,
 * a kebab-case id (esbuild-style, for configuration and documentation), a severity and its
 * English and Chinese text. Code refers to entries by id, never to free text.
 *
 * 1xxx: syntax. 2xxx: names and references. 3xxx: types and values. 4xxx: build and I/O.
 */
export type Severity = 'error' | 'warning';

export interface DiagnosticKind {
  readonly code: string;
  readonly severity: Severity;
  /** English template; `{name}` placeholders are filled from the report's arguments. */
  readonly en: string;
  readonly zh: string;
}

export const CODES = {
  'unexpected-character': { code: 'QD1001', severity: 'error', en: 'unexpected character {char}', zh: '非法字符 {char}' },
  'unterminated-string': { code: 'QD1002', severity: 'error', en: 'unterminated string literal', zh: '字符串缺少结束引号' },
  'unterminated-comment': { code: 'QD1003', severity: 'error', en: 'unterminated block comment', zh: '块注释未闭合' },
  'invalid-escape': { code: 'QD1004', severity: 'error', en: 'invalid escape sequence {escape} in string', zh: '字符串中的转义序列 {escape} 无效' },
  'unexpected-token': { code: 'QD1010', severity: 'error', en: 'expected {expected} but found {found}', zh: '此处应为 {expected}，实际为 {found}' },
  'no-viable-alternative': { code: 'QD1011', severity: 'error', en: 'unexpected {found}; expected {expected}', zh: '意外的 {found}；应为 {expected}' },
  'expected-at-least-one': { code: 'QD1012', severity: 'error', en: 'expected at least one {expected} but found {found}', zh: '至少需要一个 {expected}，实际为 {found}' },
  'nesting-too-deep': { code: 'QD1014', severity: 'error', en: 'brackets ({, ( or [) nested more than {limit} deep', zh: '括号嵌套超过 {limit} 层' },
  'unexpected-trailing-input': { code: 'QD1013', severity: 'error', en: 'unexpected {found} after the last declaration', zh: '最后一个声明之后出现多余的 {found}' },

  'unknown-keyword': { code: 'QD2001', severity: 'error', en: 'unknown keyword {word} in {context}', zh: '{context} 中出现未知关键字 {word}' },
  'duplicate-id': { code: 'QD2002', severity: 'error', en: '{what} {id} is declared more than once', zh: '{what} {id} 重复声明' },
  'unresolved-reference': { code: 'QD2003', severity: 'error', en: 'cannot find {what} {ref}', zh: '找不到{what} {ref}' },
  'unknown-zone': { code: 'QD2004', severity: 'error', en: 'unknown zone {zone}', zh: '未知片区 {zone}' },
  'unknown-status': { code: 'QD2005', severity: 'error', en: 'unknown status {status}', zh: '未知状态 {status}' },
  'missing-basis': { code: 'QD2006', severity: 'error', en: '{what} {id} has no legal basis', zh: '{what} {id} 缺少法律依据（basis）' },
  'wrong-reference-kind': { code: 'QD2007', severity: 'error', en: '{ref} is {actual}, but {expected} is required here', zh: '{ref} 是{actual}，此处需要{expected}' },
  'misplaced-clause': { code: 'QD2008', severity: 'error', en: '{word} is not allowed in {context}', zh: '{word} 不能出现在 {context} 中' },
  'missing-clause': { code: 'QD2009', severity: 'error', en: '{context} {id} has no {clause} clause', zh: '{context} {id} 缺少 {clause} 子句' },
  'duplicate-clause': { code: 'QD2010', severity: 'error', en: '{clause} is given more than once in {context}', zh: '{context} 中 {clause} 重复出现' },
  'unknown-counting': { code: 'QD2011', severity: 'error', en: 'unknown counting window {window}', zh: '未知统计周期 {window}' },

  'invalid-date': { code: 'QD3001', severity: 'error', en: 'invalid date {date}: {reason}', zh: '日期 {date} 无效：{reason}' },
  'negative-volume': { code: 'QD3002', severity: 'error', en: 'a volume cannot be negative', zh: '数量不能为负数' },
  'non-integer-volume': { code: 'QD3003', severity: 'error', en: '{what} {volume} is not a whole number', zh: '{whatZh} {volume} 不是整数' },
  'ladder-overlap': { code: 'QD3004', severity: 'error', en: '{measure} {interval} matches both the {first} rung and the {second} rung', zh: '{measure} 在 {interval} 同时满足 {first} 与 {second} 两级条件' },
  'ladder-gap': { code: 'QD3005', severity: 'error', en: '{measure} {interval} falls between rungs and would be exempt', zh: '{measure} 在 {interval} 落在各级条件之间，将被视为免于申报' },
  'ladder-not-monotone': { code: 'QD3006', severity: 'error', en: 'the {stricter} rung starts below the {lighter} rung for {measure}: a larger volume would get a lighter pathway', zh: '{measure} 上 {stricter} 一级低于 {lighter} 一级：数量越大路径反而越宽松' },
  'empty-condition': { code: 'QD3007', severity: 'error', en: 'this condition can never hold: {reason}', zh: '该条件永远不成立：{reason}' },
  'bad-numbering': { code: 'QD3008', severity: 'error', en: '{what} {found} should be numbered {expected}', zh: '{what} {found} 的编号应为 {expected}' },
  'invalid-period': { code: 'QD3009', severity: 'error', en: 'effective period ends ({until}) on or before it starts ({from})', zh: '施行期间的截止日（{until}）不晚于起始日（{from}）' },
  'example-coverage': { code: 'QD3010', severity: 'error', en: '{problem}', zh: '{problem}' },
  'sic-not-found': { code: 'QD3011', severity: 'error', en: 'the text {text} marked [sic] does not occur in article {article}', zh: '标注为原文错误的 {text} 未出现在第 {article} 条中' },
  'volume-out-of-range': { code: 'QD3012', severity: 'error', en: 'volume {volume} is larger than any population', zh: '数量 {volume} 超出合理范围' },
  'trial-period-exceeded': { code: 'QD3013', severity: 'warning', en: 'the effective period is longer than the two-year trial period of the measures', zh: '施行期间超过管理办法规定的两年试行期' },
  'thresholds-of-important-item': { code: 'QD3015', severity: 'warning', en: 'item {id} is important data, so it is assessed at any volume and its thresholds never apply', zh: '数据项 {id} 已列为重要数据，无论数量均需安全评估，其量级条件不会生效' },
  'empty-ladder': { code: 'QD3014', severity: 'error', en: '{what} {id} has neither a threshold nor an important-data flag, so it could never apply', zh: '{what} {id} 既无量级条件也未标注为重要数据，永远不会适用' },

  'cannot-read': { code: 'QD4001', severity: 'error', en: 'cannot read {path}: {reason}', zh: '无法读取 {path}：{reason}' },
  'no-sources': { code: 'QD4002', severity: 'error', en: 'no .qd files found under {path}', zh: '在 {path} 下未找到 .qd 文件' },
  'missing-declaration': { code: 'QD4003', severity: 'error', en: 'the policy has no {what}', zh: '策略中缺少{what}' },
  'artifact-invalid': { code: 'QD4004', severity: 'error', en: 'internal error: the emitted {artifact} does not match its schema at {pointer}: {message}', zh: '内部错误：生成的 {artifact} 不符合其 Schema（{pointer}）：{message}' },
} as const satisfies Record<string, DiagnosticKind>;

export type DiagnosticId = keyof typeof CODES;
