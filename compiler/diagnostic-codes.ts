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
  'non-canonical-number': { code: 'QD1015', severity: 'error', en: 'number {number} is not written canonically ({problem})', zh: '数字 {number} 的写法不规范（{problemZh}）' },
  'too-many-errors': { code: 'QD1016', severity: 'error', en: 'more than {limit} syntax errors in this file; the rest are not reported', zh: '本文件语法错误超过 {limit} 个，其余不再报告' },

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
  'one-per-policy': { code: 'QD2012', severity: 'error', en: 'the policy declares {count} {what}; it must declare exactly one', zh: '策略声明了 {count} 个{whatZh}，应当恰好声明一个' },
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
  'trial-period-exceeded': { code: 'QD3013', severity: 'error', en: 'the effective period {from} until {until} lies outside the measures\' trial period {trialFrom} until {trialUntil}', zh: '施行期间（{from} 至 {until} 前）超出管理办法的试行期（{trialFrom} 至 {trialUntil} 前）' },
  'thresholds-of-important-item': { code: 'QD3015', severity: 'warning', en: 'item {id} is important data, so it is assessed at any volume and its thresholds never apply', zh: '数据项 {id} 已列为重要数据，无论数量均需安全评估，其量级条件不会生效' },
  'empty-ladder': { code: 'QD3014', severity: 'error', en: '{what} {id} has neither a threshold nor an important-data flag, so it could never apply', zh: '{what} {id} 既无量级条件也未标注为重要数据，永远不会适用' },

  'cannot-read': { code: 'QD4001', severity: 'error', en: 'cannot read {path}: {reason}', zh: '无法读取 {path}：{reason}' },
  'no-sources': { code: 'QD4002', severity: 'error', en: 'no .qd files found under {path}', zh: '在 {path} 下未找到 .qd 文件' },
  'missing-declaration': { code: 'QD4003', severity: 'error', en: 'the policy has no {what}', zh: '策略中缺少{what}' },
  'artifact-invalid': { code: 'QD4004', severity: 'error', en: 'internal error: the emitted {artifact} does not match its schema at {pointer}: {message}', zh: '内部错误：生成的 {artifact} 不符合其 Schema（{pointer}）：{message}' },
  // QD4005–4019: build output and source files. QD4020–4029: input limits. QD4030–4039: git. QD4040–4049: governance I/O.
  'out-contains-project': { code: 'QD4005', severity: 'error', en: 'the output folder {path} is or contains the project root; a build replaces its output folder as a whole', zh: '输出目录 {path} 是项目根目录或包含项目根目录；构建会整体替换输出目录' },
  'out-contains-sources': { code: 'QD4006', severity: 'error', en: 'the output folder {path} is or contains the sources {source}', zh: '输出目录 {path} 是源文件 {source} 或包含源文件' },
  'out-inside-sources': { code: 'QD4007', severity: 'error', en: 'the output folder {path} lies inside the source folder {source}', zh: '输出目录 {path} 位于源目录 {source} 之内' },
  'out-is-file': { code: 'QD4008', severity: 'error', en: 'the output {path} is a file, not a folder', zh: '输出路径 {path} 是文件而非目录' },
  'out-not-build': { code: 'QD4009', severity: 'error', en: 'the output folder {path} holds files no build wrote', zh: '输出目录 {path} 中有非构建生成的文件' },
  'out-foreign-link': { code: 'QD4010', severity: 'error', en: 'the output {path} is a symbolic link that no build made', zh: '输出路径 {path} 是非构建生成的符号链接' },
  'source-symlink': { code: 'QD4011', severity: 'error', en: 'the source {path} is a symbolic link; sources must be regular files inside the project', zh: '源文件 {path} 是符号链接；源文件须为项目内的普通文件' },
  'source-not-regular': { code: 'QD4012', severity: 'error', en: 'the source {path} is a {kind}, not a regular file', zh: '源文件 {path} 是{kindZh}，而非普通文件' },
  'source-outside-project': { code: 'QD4013', severity: 'error', en: 'the source {path} lies outside the project root {root}', zh: '源文件 {path} 位于项目根目录 {root} 之外' },
  'source-too-large': { code: 'QD4014', severity: 'error', en: 'the source {path} has {bytes} bytes, more than the limit of {limit}', zh: '源文件 {path} 大小为 {bytes} 字节，超过上限 {limit}' },
  'name-too-long': { code: 'QD4020', severity: 'error', en: 'a name of {length} characters is longer than the limit of {limit}', zh: '名称长 {length} 个字符，超过上限 {limit}' },
  'string-too-long': { code: 'QD4021', severity: 'error', en: 'a string of {length} characters is longer than the limit of {limit}', zh: '字符串长 {length} 个字符，超过上限 {limit}' },
  'too-many-tokens': { code: 'QD4022', severity: 'error', en: 'the file has more than {limit} tokens; it is not read further', zh: '文件超过 {limit} 个词法单元，其后内容不再读取' },
  'git-failed': { code: 'QD4030', severity: 'error', en: 'git failed on {what}: {message}', zh: 'git 读取{what}失败：{message}' },
  'governance-not-a-file': { code: 'QD4040', severity: 'error', en: '{path} at {revision} is not valid UTF-8 text', zh: '{revision} 中的 {path} 不是有效的 UTF-8 文本' },

  // 5xxx: governance (rosters, proposals, sign-offs, git history). See docs/governance.md.
  'governance-yaml-syntax': { code: 'QD5001', severity: 'error', en: 'YAML syntax error: {message}', zh: 'YAML 语法错误：{message}' },
  'governance-schema': { code: 'QD5002', severity: 'error', en: '{what} {pointer} {message}', zh: '{what} {pointer} 不符合格式：{message}' },
  'proposal-id-mismatch': { code: 'QD5003', severity: 'error', en: 'proposal id {id} does not match its folder {folder}', zh: '提案编号 {id} 与所在目录 {folder} 不一致' },
  'proposal-id-changed': { code: 'QD5004', severity: 'error', en: 'proposal id changed from {was} to {id}; a proposal id never changes', zh: '提案编号由 {was} 改为 {id}；提案编号不得变更' },
  'unknown-person': { code: 'QD5005', severity: 'error', en: 'unknown person {person}: not in the roster', zh: '未知人员 {person}：不在名册中' },
  'unknown-role': { code: 'QD5006', severity: 'error', en: 'unknown role {role}', zh: '未知角色 {role}' },
  'unknown-list': { code: 'QD5007', severity: 'error', en: 'proposal {id} touches list {list}, which the policy does not declare', zh: '提案 {id} 涉及的清单 {list} 在策略中不存在' },
  'unknown-proposal': { code: 'QD5008', severity: 'error', en: '{what} names proposal {ref}, which does not exist', zh: '{what} 引用的提案 {ref} 不存在' },
  'roster-duplicate': { code: 'QD5009', severity: 'error', en: '{what} {value} appears more than once in the roster', zh: '名册中 {what} {value} 重复' },
  'stage-skipped': { code: 'QD5010', severity: 'error', en: 'proposal {id} goes from {from} to {to}: {reason}', zh: '提案 {id} 由 {from} 进入 {to}：{reason}' },
  'stage-history-mismatch': { code: 'QD5011', severity: 'error', en: 'proposal {id}: {problem}', zh: '提案 {id}：{problem}' },
  'missing-signoff': { code: 'QD5012', severity: 'error', en: 'proposal {id} entered {to} without the sign-off of {role} for {stage}', zh: '提案 {id} 进入 {to} 前缺少 {role} 对 {stage} 的签核' },
  'signoff-wrong-role': { code: 'QD5013', severity: 'error', en: '{person} signs as {role} but does not hold that role', zh: '{person} 以 {role} 身份签核，但并不担任该角色' },
  'self-approval': { code: 'QD5014', severity: 'error', en: '{person} signs off proposal {id}, of which they are an author', zh: '{person} 签核了本人起草的提案 {id}' },
  'signoff-wrong-author': { code: 'QD5015', severity: 'error', en: 'the sign-off of {person} was committed by {actual} in {commit}, not by {person}', zh: '{person} 的签核由 {actual} 在提交 {commit} 中加入，而非本人' },
  'signoff-unsigned': { code: 'QD5016', severity: 'error', en: 'commit {commit} adding the sign-off of {person} is not signed with their registered key', zh: '加入 {person} 签核的提交 {commit} 未使用其登记的密钥签名' },
  'signoff-uncommitted': { code: 'QD5017', severity: 'warning', en: 'the sign-off {file} is not committed, so its author cannot be verified yet', zh: '签核文件 {file} 尚未提交，暂无法核验其作者' },
  'signoff-file-name': { code: 'QD5018', severity: 'error', en: 'the sign-off file should be named {expected}', zh: '签核文件应命名为 {expected}' },
  'review-window-short': { code: 'QD5019', severity: 'error', en: 'proposal {id} left review after {days} days; the minimum window is {min} days', zh: '提案 {id} 征求意见仅 {days} 天即结束，最短期限为 {min} 天' },
  'comment-undisposed': { code: 'QD5020', severity: 'error', en: 'comment {comment} on proposal {id} has no disposition, but the proposal is at {stage}', zh: '提案 {id} 已处于 {stage}，但意见 {comment} 尚无处理结果' },
  'open-concern': { code: 'QD5021', severity: 'error', en: 'proposal {id} is at {stage} while concern {concern} is open', zh: '提案 {id} 处于 {stage}，但关切 {concern} 尚未解决' },
  'concern-resolved-by-other': { code: 'QD5022', severity: 'error', en: 'concern {concern} was raised by {raiser} but resolved by {actual}', zh: '关切 {concern} 由 {raiser} 提出，却由 {actual} 解决' },
  'list-status-mismatch': { code: 'QD5023', severity: 'error', en: 'list {list} has status {status}, but its proposal {id} is at {stage} (expected {expected})', zh: '清单 {list} 状态为 {status}，但其提案 {id} 处于 {stage}（应为 {expected}）' },
  'list-without-proposal': { code: 'QD5024', severity: 'warning', en: 'list {list} has status {status} but names no proposal', zh: '清单 {list} 状态为 {status}，但未关联提案' },
  'filing-missing': { code: 'QD5025', severity: 'error', en: 'proposal {id} is at {stage} but records no national filing receipt', zh: '提案 {id} 处于 {stage}，但未记录国家备案回执' },
  'policy-change-outside-proposal': { code: 'QD5026', severity: 'error', en: 'commit {commit} changes {file}: {reason}', zh: '提交 {commit} 修改了 {file}：{reason}' },
  'signoff-out-of-order': { code: 'QD5027', severity: 'error', en: 'for {stage}, {later} signed before {earlier}', zh: '{stage} 阶段中，{later} 先于 {earlier} 签核' },
  'proposal-link-mismatch': { code: 'QD5028', severity: 'error', en: 'proposal {id}: {problem}', zh: '提案 {id}：{problem}' },
  'stage-record-missing': { code: 'QD5029', severity: 'error', en: 'proposal {id} is past {stage} but has no {file}', zh: '提案 {id} 已过 {stage} 阶段，但缺少 {file}' },
  'non-regular-file': { code: 'QD5030', severity: 'error', en: '{path} is a {kind}; only regular files may be under policy/ and proposals/', zh: '{path} 是 {kind}；policy/ 与 proposals/ 下只能有普通文件' },
  'governance-yaml-shape': { code: 'QD5031', severity: 'error', en: 'governance files may not use {shape}', zh: '治理文件不得使用{shape}' },
  'signoff-stale': { code: 'QD5032', severity: 'error', en: 'the {stage} sign-off of {person} on proposal {id} no longer counts: what it approved has changed since', zh: '{person} 对提案 {id} 的 {stage} 签核已失效：其签核的内容此后被修改' },
  'signer-without-key': { code: 'QD5033', severity: 'error', en: '{person} has no key in the trusted roster, so cannot sign', zh: '{person} 在受信名册中没有登记密钥，不能签核' },
  'signoff-binding': { code: 'QD5034', severity: 'error', en: 'the sign-off names {field} {actual}, but it is filed under {expected}', zh: '签核中的 {field} 为 {actual}，但其所在位置对应 {expected}' },
  'record-deleted': { code: 'QD5035', severity: 'error', en: 'commit {commit} deletes {file}; governance records are never deleted', zh: '提交 {commit} 删除了 {file}；治理记录不得删除' },
  'record-altered': { code: 'QD5036', severity: 'error', en: 'commit {commit} changes {field} of {file}, which never changes once recorded', zh: '提交 {commit} 修改了 {file} 的 {field}，该字段一经记录不得修改' },
  'external-entry-unauthorised': { code: 'QD5037', severity: 'error', en: 'commit {commit} records an external {stage} entry of proposal {id}: {reason}', zh: '提交 {commit} 为提案 {id} 记录了外部的 {stage} 阶段：{reason}' },
  'date-after-commit': { code: 'QD5038', severity: 'error', en: '{what} is dated {date}, later than {reference}', zh: '{what} 的日期 {date} 晚于 {reference}' },
  'date-disagrees-with-commit': { code: 'QD5039', severity: 'error', en: '{what} is dated {date}, but the commit {commit} that records it is dated {commitDate}', zh: '{what} 的日期为 {date}，但记录它的提交 {commit} 日期为 {commitDate}' },
  'trust-root-change-unapproved': { code: 'QD5040', severity: 'error', en: 'commit {commit} changes {file}, a trust root, without an approved governance proposal: {reason}', zh: '提交 {commit} 修改了信任根 {file}，但没有经批准的治理提案：{reason}' },
  'baseline-change-outside-baseline-proposal': { code: 'QD5041', severity: 'error', en: 'commit {commit} changes {file}, which only a baseline proposal at an editable stage may change', zh: '提交 {commit} 修改了 {file}；该文件只能由处于可编辑阶段的基线提案修改' },
  'record-number-clash': { code: 'QD5042', severity: 'error', en: 'comment and concern {number} of proposal {id} share a number', zh: '提案 {id} 的意见与关切编号 {number} 重复' },
  'unknown-target': { code: 'QD5043', severity: 'error', en: '{what} names {target}, which is not an item of the proposal\u2019s lists', zh: '{what} 所指的 {target} 不是本提案清单中的数据项' },
  'important-item-with-thresholds': { code: 'QD5044', severity: 'error', en: 'the identification record marks {item} important, but the list gives it volume thresholds', zh: '重要数据识别记录将 {item} 列为重要数据，但清单为其规定了量级条件' },
  'proposal-field-frozen': { code: 'QD5045', severity: 'error', en: 'commit {commit} changes {field} of proposal {id}, which is at {stage}', zh: '提交 {commit} 修改了处于 {stage} 阶段的提案 {id} 的 {field}' },
} as const satisfies Record<string, DiagnosticKind>;

export type DiagnosticId = keyof typeof CODES;
