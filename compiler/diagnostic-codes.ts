/**
 * The catalogue of every diagnostic the compiler can report, TypeScript-style: a stable code,
 * a kebab-case id (esbuild-style, for configuration and documentation), a severity and its
 * English and Chinese templates. Code refers to entries by id and passes typed arguments;
 * the text is derived from the catalogue in the reader's language, never branched on.
 *
 * A template's `{name}` placeholders are its arguments (extracted by the type system, so a
 * missing or misspelt argument does not compile). An argument is verbatim code (an id, a path,
 * a number, a quoted keyword) unless the entry's `slots` names a closed term table below, whose
 * values are translated too: no English ever lands inside Chinese text. Where a message used to
 * take free text (`{reason}`, `{problem}`) each case is its own entry, sharing the code.
 *
 * 1xxx: syntax. 2xxx: names and references. 3xxx: types and values. 4xxx: build and I/O.
 * 5xxx: governance.
 */
import type { ErrorCode as YamlErrorCode } from 'yaml';
import type { PolicyLoadErrorCode } from '../runtime/errors.js';
import type { Outcome } from '../runtime/request.js';
import { OUTCOME_NAME_ZH } from '../runtime/pathway-words.js';
import type { Bump } from './diff/change.js';
import { STAGE_ZH, type Stage } from './governance/stages.js';

export type Severity = 'error' | 'warning';
export type Lang = 'zh' | 'en';

/** A phrase in both languages. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** Each outcome's name in the law, with its id: 数据出境安全评估（security-assessment）. */
function outcomeTerms(): Record<Outcome, Text> {
  const names = Object.entries(OUTCOME_NAME_ZH) as [Outcome, string][];
  return Object.fromEntries(names.map(([id, zh]) => [id, { en: id, zh: `${zh}（${id}）` }])) as Record<Outcome, Text>;
}

/**
 * Closed term tables: the words an argument may take where a message names a kind of thing, a
 * reason or a problem. Each is translated in both languages.
 */
export const TERMS = {
  /** Kinds of declarations and other things a message names. */
  noun: {
    document: { en: 'document', zh: '文件' },
    chapter: { en: 'chapter', zh: '章' },
    article: { en: 'article', zh: '条' },
    annex: { en: 'annex', zh: '附件（数据分类分级参考规则）' },
    rule: { en: 'general identification rule', zh: '一般识别规则' },
    category: { en: 'first-level category', zh: '一级类别' },
    subcategory: { en: 'subcategory', zh: '子类' },
    example: { en: 'example reference rule', zh: '示例参考规则' },
    kind: { en: 'kind of sensitive data', zh: '敏感个人信息种类' },
    standard: { en: 'standard', zh: '标准' },
    baseline: { en: 'national baseline', zh: '国家基线' },
    list: { en: 'negative list', zh: '负面清单' },
    scenario: { en: 'business scenario', zh: '业务场景' },
    item: { en: 'list item', zh: '数据项' },
    zone: { en: 'zone', zh: '片区' },
    sector: { en: 'sector (annex subcategory)', zh: '所属领域（附件子类）' },
    'data-category': { en: 'data category', zh: '数据类别' },
    adoption: { en: 'adoption by reference', zh: '参照适用' },
    exemption: { en: 'exemption', zh: '豁免情形' },
    trigger: { en: 'trigger', zh: '触发情形' },
    rung: { en: 'rung', zh: '量级条件' },
    'below-threshold': { en: 'below-threshold rule', zh: '未达量级规则' },
    validity: { en: 'validity rule', zh: '有效期规则' },
    'entry-into-force': { en: 'entry into force', zh: '施行日期' },
    volume: { en: 'volume', zh: '人数' },
    number: { en: 'number', zh: '编号' },
  },
  /** The blocks a clause can be written in. */
  block: {
    file: { en: 'the top level of a file', zh: '文件顶层' },
    document: { en: 'a document', zh: '文件（document）' },
    chapter: { en: 'a chapter', zh: '章（chapter）' },
    article: { en: 'an article', zh: '条（article）' },
    annex: { en: 'the annex', zh: '附件（annex）' },
    general: { en: 'the general rules', zh: '一般识别规则（general）' },
    rule: { en: 'a rule', zh: '规则（rule）' },
    category: { en: 'a category', zh: '类别（category）' },
    baseline: { en: 'the baseline', zh: '国家基线（baseline）' },
    ladder: { en: 'a ladder', zh: '量级阶梯（ladder）' },
    list: { en: 'a list', zh: '清单（list）' },
    scenario: { en: 'a scenario', zh: '业务场景（scenario）' },
    item: { en: 'an item', zh: '数据项（item）' },
  },
  /** What a syntax error expected or found, besides literal keywords and punctuation. */
  token: {
    eof: { en: 'end of file', zh: '文件结尾' },
    string: { en: 'a string', zh: '字符串' },
    number: { en: 'a number', zh: '数字' },
    date: { en: 'a date (YYYY-MM-DD)', zh: '日期（YYYY-MM-DD）' },
    name: { en: 'a name', zh: '名称' },
    pathway: { en: "a pathway ('assessment', 'contract' or 'exempt')", zh: "出境路径（'assessment'、'contract' 或 'exempt'）" },
    measure: { en: "'persons' or 'sensitive'", zh: "'persons' 或 'sensitive'" },
    comparison: { en: "a comparison ('>=', '>', '<', '<=')", zh: "比较符（'>='、'>'、'<'、'<='）" },
    declaration: { en: "'document', 'annex', 'baseline', 'list' or 'zone'", zh: "'document'、'annex'、'baseline'、'list' 或 'zone'" },
    other: { en: 'something else', zh: '其他内容' },
    more: { en: '…', zh: '……' },
    'list-id': { en: 'a list id of lower-case letters, digits and hyphens', zh: '由小写字母、数字和连字符组成的清单编号' },
  },
  /** How a number literal departs from its canonical spelling. */
  numberProblem: {
    'doubled-underscore': { en: 'a doubled underscore', zh: '连续的下划线' },
    'trailing-underscore': { en: 'an underscore at the end', zh: '以下划线结尾' },
    'leading-zero': { en: 'a leading zero', zh: '前导零' },
  },
  /** Why a file could not be read (Node's errno codes; any other is reported by its code). */
  ioReason: {
    ENOENT: { en: 'no such file or folder', zh: '文件或目录不存在' },
    EACCES: { en: 'permission denied', zh: '没有访问权限' },
    EPERM: { en: 'operation not permitted', zh: '操作不被允许' },
    EISDIR: { en: 'it is a folder', zh: '这是一个目录' },
    ENOTDIR: { en: 'a part of the path is not a folder', zh: '路径中有一段不是目录' },
    ELOOP: { en: 'too many symbolic links', zh: '符号链接层数过多' },
    EMFILE: { en: 'too many open files', zh: '打开的文件过多' },
    ENAMETOOLONG: { en: 'the name is too long', zh: '文件名过长' },
    EIO: { en: 'an input/output error', zh: '输入输出错误' },
    EEXIST: { en: 'something else of that name is there', zh: '已有同名的其他文件' },
    EROFS: { en: 'the file system is read-only', zh: '文件系统为只读' },
    ENOSPC: { en: 'no space is left on the device', zh: '设备已无剩余空间' },
    'not-regular': { en: 'it is a device or a socket, not a file', zh: '这是设备或套接字，不是文件' },
  },
  /** Why a server cannot listen on an address (Node's errno codes; any other is reported by its code). */
  listenReason: {
    EADDRINUSE: { en: 'another program is listening there', zh: '已有其他程序在该地址监听' },
    EACCES: { en: 'permission denied (ports below 1024 need privileges)', zh: '没有权限（1024 以下的端口需要特权）' },
    EADDRNOTAVAIL: { en: 'the address is not one of this machine’s', zh: '该地址不属于本机' },
    ENOTFOUND: { en: 'no such host name or address', zh: '没有这个主机名或地址' },
    EAI_AGAIN: { en: 'the host name cannot be looked up now', zh: '暂时无法解析该主机名' },
  },
  /** What a command was doing to a file when the file system refused (Node's syscall names; any other is `other`). */
  ioOperation: {
    mkdir: { en: 'create the folder', zh: '创建目录' },
    open: { en: 'open', zh: '打开' },
    read: { en: 'read', zh: '读取' },
    write: { en: 'write', zh: '写入' },
    rename: { en: 'rename', zh: '重命名' },
    remove: { en: 'remove', zh: '删除' },
    symlink: { en: 'make the link', zh: '创建链接' },
    other: { en: 'use', zh: '使用' },
  },
  /** Kinds of file that are not regular files. */
  fileKind: {
    directory: { en: 'folder', zh: '目录' },
    symlink: { en: 'symbolic link', zh: '符号链接' },
    fifo: { en: 'FIFO (named pipe)', zh: '命名管道（FIFO）' },
    socket: { en: 'socket', zh: '套接字' },
    device: { en: 'device', zh: '设备文件' },
    submodule: { en: 'submodule', zh: '子模块' },
    other: { en: 'special file', zh: '特殊文件' },
  },
  /** The governance files a message names. */
  governanceFile: {
    proposal: { en: 'proposal', zh: '提案' },
    survey: { en: 'survey', zh: '调研记录' },
    'important-data': { en: 'important-data identification', zh: '重要数据识别记录' },
    'scenario-analysis': { en: 'scenario analysis', zh: '场景分析' },
    comment: { en: 'comment', zh: '意见' },
    concern: { en: 'concern', zh: '关切' },
    signoff: { en: 'sign-off', zh: '签核' },
    roster: { en: 'roster', zh: '名册' },
    record: { en: 'governance record', zh: '治理记录' },
  },
  /** The roster's fields that must be unique. */
  rosterField: {
    person: { en: 'person id', zh: '人员编号' },
    email: { en: 'e-mail address', zh: '电子邮件地址' },
    key: { en: 'signing key', zh: '签名密钥' },
  },
  /** The JSON types a governance schema asks for. */
  jsonType: {
    string: { en: 'a string', zh: '字符串' },
    number: { en: 'a number', zh: '数字' },
    integer: { en: 'a whole number', zh: '整数' },
    boolean: { en: 'true or false', zh: '布尔值（true 或 false）' },
    array: { en: 'a list', zh: '列表' },
    object: { en: 'a mapping', zh: '映射（键值对）' },
    null: { en: 'empty (null)', zh: '空值（null）' },
  },
  /** The formats a governance schema asks for (ajv-formats' names). */
  schemaFormat: {
    date: { en: 'a date (YYYY-MM-DD)', zh: '日期（YYYY-MM-DD）' },
    'date-time': { en: 'a date and time (ISO 8601)', zh: '日期时间（ISO 8601）' },
    time: { en: 'a time of day', zh: '时刻' },
    email: { en: 'an e-mail address', zh: '电子邮件地址' },
    uri: { en: 'a URI', zh: 'URI（统一资源标识符）' },
    other: { en: 'the required format', zh: '规定的格式' },
  },
  /** YAML syntax problems, by the `yaml` package's error code. */
  yamlProblem: {
    ALIAS_PROPS: { en: 'an alias cannot carry an anchor or a tag', zh: '别名不能带锚点或标签' },
    BAD_ALIAS: { en: 'a malformed alias', zh: '别名格式错误' },
    BAD_DIRECTIVE: { en: 'a malformed directive', zh: '指令格式错误' },
    BAD_DQ_ESCAPE: { en: 'an invalid escape in a double-quoted string', zh: '双引号字符串中的转义无效' },
    BAD_INDENT: { en: 'wrong indentation', zh: '缩进错误' },
    BAD_PROP_ORDER: { en: 'an anchor or tag in the wrong place', zh: '锚点或标签位置错误' },
    BAD_SCALAR_START: { en: 'a value starts with a character that must be quoted', zh: '值以须加引号的字符开头' },
    BLOCK_AS_IMPLICIT_KEY: { en: 'a block used as a key', zh: '块结构被用作键' },
    BLOCK_IN_FLOW: { en: 'a block inside a flow collection ([…] or {…})', zh: '流式集合（[…] 或 {…}）中出现块结构' },
    DUPLICATE_KEY: { en: 'a key given twice in one mapping', zh: '同一映射中的键重复' },
    IMPOSSIBLE: { en: 'a structure the parser cannot read', zh: '解析器无法读取的结构' },
    KEY_OVER_1024_CHARS: { en: 'a key longer than 1024 characters', zh: '键超过 1024 个字符' },
    MISSING_CHAR: { en: 'a missing closing character (quote or bracket)', zh: '缺少结束字符（引号或括号）' },
    MULTILINE_IMPLICIT_KEY: { en: 'a key spread over several lines', zh: '键跨越多行' },
    MULTIPLE_ANCHORS: { en: 'several anchors on one value', zh: '同一值有多个锚点' },
    MULTIPLE_DOCS: { en: 'several documents in one file', zh: '一个文件中有多个文档' },
    MULTIPLE_TAGS: { en: 'several tags on one value', zh: '同一值有多个标签' },
    NON_STRING_KEY: { en: 'a key that is not a string', zh: '键不是字符串' },
    RESOURCE_EXHAUSTION: { en: 'too many alias expansions', zh: '别名展开过多' },
    TAB_AS_INDENT: { en: 'a tab used for indentation', zh: '使用制表符缩进' },
    TAG_RESOLVE_FAILED: { en: 'a tag that cannot be resolved', zh: '无法解析的标签' },
    UNEXPECTED_TOKEN: { en: 'an unexpected character or token', zh: '意外的字符或记号' },
    BAD_COLLECTION_TYPE: { en: 'a collection of the wrong kind for its tag', zh: '集合类型与其标签不符' },
  } satisfies Record<YamlErrorCode, Text>,
  /** The YAML shapes a governance file may not use. */
  yamlShape: {
    alias: { en: 'an alias (*name)', zh: '别名（*name）' },
    anchor: { en: 'an anchor (&name)', zh: '锚点（&name）' },
    tag: { en: 'a tag', zh: '标签' },
    'non-string-key': { en: 'a key that is not a plain string', zh: '非普通字符串的键' },
  },
  /** A proposal's stages (measures Art. 9): the Chinese name, with the id the commands take. */
  stage: Object.fromEntries(Object.entries(STAGE_ZH).map(([id, zh]) => [id, { en: id, zh: `${zh}（${id}）` }])) as Record<Stage, Text>,
  /** Why the runtime refuses a policy bundle, by its PolicyLoadError code. */
  bundleRefusal: {
    missing: { en: 'a file it needs is absent', zh: '缺少所需文件' },
    unreadable: { en: 'a file cannot be read', zh: '有文件无法读取' },
    'not-a-file': { en: 'a file is not a regular file', zh: '有文件不是普通文件' },
    'digest-mismatch': { en: 'a file differs from its digest in the manifest', zh: '有文件与清单文件（manifest）中的摘要不符' },
    'unsupported-schema': { en: 'its schema version is not one this runtime reads', zh: '其格式版本不受本运行时支持' },
    invalid: { en: 'a file is not JSON', zh: '有文件不是 JSON' },
    'schema-invalid': { en: 'a file breaks its published schema', zh: '有文件不符合其公布的 Schema' },
    'duplicate-id': { en: 'two list items share one id', zh: '两个数据项使用了同一编号' },
    'archive-corrupt': { en: 'the archive is corrupt', zh: '归档文件已损坏' },
    'archive-truncated': { en: 'the archive ends early', zh: '归档文件不完整' },
    'archive-too-large': { en: 'the archive unpacks beyond its bound', zh: '归档文件解压后超出上限' },
    'archive-path': { en: 'the archive holds a name that is not allowed', zh: '归档文件中有不允许的文件名' },
    'archive-link': { en: 'the archive holds a link', zh: '归档文件中有链接' },
    'archive-entry-type': { en: 'the archive holds something other than regular files', zh: '归档文件中有非普通文件' },
    'archive-duplicate': { en: 'the archive holds one name twice', zh: '归档文件中有重复的文件名' },
    'archive-unexpected-file': { en: 'the archive holds a file its manifest does not list', zh: '归档文件中有清单文件（manifest）未列出的文件' },
    'archive-size': { en: 'a file of the archive has another size than its manifest lists', zh: '归档文件中有文件的大小与清单文件（manifest）不符' },
    'manifest-mismatch': { en: 'the manifest is not the one its signature signs', zh: '清单文件（manifest）与签名所签内容不符' },
    'signature-missing': { en: 'it is not signed', zh: '没有签名' },
    'signature-stripped': { en: 'its signature envelope holds no signature', zh: '签名信封中没有签名' },
    'signature-malformed': { en: 'its signature envelope is malformed', zh: '签名信封格式错误' },
    'signature-unknown-key': { en: 'it is signed only by keys that are not trusted', zh: '仅由不受信任的密钥签名' },
    'signature-invalid': { en: 'a signature does not verify', zh: '签名校验失败' },
    rollback: { en: 'it is older than the bundle already held', zh: '其版本早于已持有的策略包' },
    equivocation: { en: 'it has the version of the bundle held, with other content', zh: '与已持有的策略包版本相同但内容不同' },
  } satisfies Record<PolicyLoadErrorCode, Text>,
  /** The kinds of proposal. */
  proposalKind: {
    list: { en: 'list', zh: '清单提案（list）' },
    baseline: { en: 'baseline', zh: '基线提案（baseline）' },
    governance: { en: 'governance', zh: '治理提案（governance）' },
  },
  /** The outcomes of a decision (the runtime's Outcome): the pathway's name in the law, with the id. */
  outcome: outcomeTerms(),
  /** A version bump (semver) a policy change requires or a changeset declares. */
  bump: {
    major: { en: 'major', zh: '主版本号（major）' },
    minor: { en: 'minor', zh: '次版本号（minor）' },
    patch: { en: 'patch', zh: '修订号（patch）' },
    none: { en: 'none', zh: '无（none）' },
  } satisfies Record<Bump, Text>,
  /** What a volume of an export report or log counts. */
  volumeMeasure: {
    persons: { en: 'persons', zh: '个人信息人数' },
    sensitivePersons: { en: 'sensitive persons', zh: '敏感个人信息人数' },
  },
} as const satisfies Record<string, Record<string, Text>>;

export type TermTable = keyof typeof TERMS;
export type Term<T extends TermTable> = keyof (typeof TERMS)[T] & string;
/** Literal code quoted in a message: a keyword `'sector'`, a string `"…"`. */
export type Quoted = `'${string}'` | `"${string}"`;

/**
 * What an argument slot holds: a term (`'noun'`), a list of terms joined with "or"
 * (`'noun[]'`), a token (a term of `token` or literal quoted code), a list of tokens
 * (`'token[]'`), of code words (`'words'`: a, b, c) or of alternatives (`'choices'`: 'a' or
 * 'b'). Unlisted slots are verbatim code.
 */
export type SlotSpec = TermTable | `${TermTable}[]` | 'token' | 'token[]' | 'words' | 'choices';

export type SlotValue<S> = S extends 'token'
  ? Term<'token'> | Quoted
  : S extends 'token[]'
    ? readonly (Term<'token'> | Quoted)[]
    : S extends 'words' | 'choices'
      ? readonly string[]
      : S extends `${infer T extends TermTable}[]`
        ? readonly Term<T>[]
        : S extends TermTable
          ? Term<S>
          : never;

/** One entry of a catalogue: templates in both languages, and the term slots of its arguments. */
export interface MessageKind extends Text {
  readonly slots?: Readonly<Record<string, SlotSpec>>;
}

export interface DiagnosticKind extends MessageKind {
  readonly code: string;
  readonly severity: Severity;
}

/** The `{name}` placeholders of a template, as a union of names (a brace around spaces is text). */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends '' | `${string} ${string}` ? never : Name) | Placeholders<Rest>
  : never;

/** The arguments an entry takes: one per placeholder, typed by its slot. */
export type ArgsOf<K extends MessageKind> = {
  readonly [N in Placeholders<K['en']>]: K extends { slots: infer S } ? (N extends keyof S ? SlotValue<S[N]> : string | number) : string | number;
};

export const CODES = {
  'unexpected-character': { code: 'QD1001', severity: 'error', en: 'unexpected character {char}', zh: '非法字符 {char}' },
  'full-width-character': { code: 'QD1001', severity: 'error', en: 'full-width {char} outside a string', zh: '字符串之外出现全角字符 {char}' },
  'comparison-sign': { code: 'QD1001', severity: 'error', en: 'the sign {char} is not a comparison of the language', zh: '符号 {char} 不是本语言的比较符' },
  'chinese-date': { code: 'QD1001', severity: 'error', en: 'the date {date} is written in Chinese', zh: '日期 {date} 采用了中文写法' },
  'persons-unit': { code: 'QD1001', severity: 'error', en: 'the unit {unit} after a number', zh: '数字后出现单位 {unit}' },
  'chinese-outside-string': { code: 'QD1001', severity: 'error', en: 'Chinese text {char} outside a string', zh: '字符串之外出现中文 {char}' },
  'unterminated-string': { code: 'QD1002', severity: 'error', en: 'unterminated string literal', zh: '字符串缺少结束引号' },
  'unterminated-comment': { code: 'QD1003', severity: 'error', en: 'unterminated block comment', zh: '块注释未闭合' },
  'control-character': { code: 'QD1005', severity: 'error', en: 'the string holds the control character {codepoint}', zh: '字符串中含有控制字符 {codepoint}' },
  'empty-string': { code: 'QD1006', severity: 'error', en: 'the string has no text', zh: '字符串没有内容' },
  'invalid-escape': { code: 'QD1004', severity: 'error', en: 'invalid escape sequence {escape} in string', zh: '字符串中的转义序列 {escape} 无效' },
  'unexpected-token': { code: 'QD1010', severity: 'error', en: 'expected {expected} but found {found}', zh: '此处应为 {expected}，实际为 {found}', slots: { expected: 'token[]', found: 'token' } },
  'no-viable-alternative': { code: 'QD1011', severity: 'error', en: 'unexpected {found}; expected {expected}', zh: '意外的 {found}；应为 {expected}', slots: { expected: 'token[]', found: 'token' } },
  'expected-at-least-one': { code: 'QD1012', severity: 'error', en: 'expected at least one {expected} but found {found}', zh: '至少需要一个 {expected}，实际为 {found}', slots: { expected: 'token[]', found: 'token' } },
  'nesting-too-deep': { code: 'QD1014', severity: 'error', en: 'brackets nested more than {limit} deep', zh: '括号嵌套超过 {limit} 层' },
  'unexpected-trailing-input': { code: 'QD1013', severity: 'error', en: 'unexpected {found} after the last declaration', zh: '最后一个声明之后出现多余的 {found}', slots: { found: 'token' } },
  'non-canonical-number': { code: 'QD1015', severity: 'error', en: 'number {number} is not written canonically ({problems})', zh: '数字 {number} 的写法不规范（{problems}）', slots: { problems: 'numberProblem[]' } },
  'too-many-errors': { code: 'QD1016', severity: 'error', en: 'more than {limit} syntax errors in this file; the rest are not reported', zh: '本文件语法错误超过 {limit} 个，其余不再报告' },

  'unknown-keyword': { code: 'QD2001', severity: 'error', en: 'unknown keyword {word} in {context}', zh: '{context}中出现未知关键字 {word}', slots: { context: 'block' } },
  'duplicate-id': { code: 'QD2002', severity: 'error', en: '{what} {id} is declared more than once', zh: '{what} {id} 重复声明', slots: { what: 'noun' } },
  'unresolved-reference': { code: 'QD2003', severity: 'error', en: 'cannot find {what} {ref}', zh: '找不到{what} {ref}', slots: { what: 'noun' } },
  'unknown-zone': { code: 'QD2004', severity: 'error', en: 'unknown zone {zone}', zh: '未知片区 {zone}' },
  'unknown-status': { code: 'QD2005', severity: 'error', en: 'unknown status {status}', zh: '未知状态 {status}' },
  'missing-basis': { code: 'QD2006', severity: 'error', en: '{what} {id} has no legal basis', zh: '{what} {id} 缺少法律依据（basis）', slots: { what: 'noun' } },
  'wrong-reference-kind': { code: 'QD2007', severity: 'error', en: '{ref} is of kind {actual}, but {expected} is required here', zh: '{ref} 是{actual}，此处需要{expected}', slots: { actual: 'noun', expected: 'noun[]' } },
  'misplaced-clause': { code: 'QD2008', severity: 'error', en: '{word} is not allowed in {context}', zh: '{word} 不能出现在{context}中', slots: { context: 'block' } },
  'missing-clause': { code: 'QD2009', severity: 'error', en: '{context} {id} has no {clause} clause', zh: '{context} {id} 缺少 {clause} 子句', slots: { context: 'noun' } },
  'duplicate-clause': { code: 'QD2010', severity: 'error', en: '{clause} is given more than once in {context}', zh: '{context}中 {clause} 重复出现', slots: { context: 'block' } },
  'reserved-zone-id': { code: 'QD2013', severity: 'error', en: 'no zone may be called {id}: requests use it for a processor in no zone of the policy', zh: '片区不得命名为 {id}：请求以此表示不在任何片区的数据处理者' },
  'one-per-policy': { code: 'QD2012', severity: 'error', en: 'the policy must declare exactly one {what}; it declares {count}', zh: '策略应当恰好声明一个{what}，实际声明了 {count} 个', slots: { what: 'noun' } },
  'unknown-counting': { code: 'QD2011', severity: 'error', en: 'unknown counting window {window}', zh: '未知统计周期 {window}' },

  'invalid-date-format': { code: 'QD3001', severity: 'error', en: 'invalid date {date}: write it as YYYY-MM-DD with two-digit month and day', zh: '日期 {date} 无效：应写作 YYYY-MM-DD，月和日均为两位数' },
  'invalid-date-month': { code: 'QD3001', severity: 'error', en: 'invalid date {date}: there is no month {month}', zh: '日期 {date} 无效：不存在 {month} 月' },
  'invalid-date-day': { code: 'QD3001', severity: 'error', en: 'invalid date {date}: {month} has {days} days', zh: '日期 {date} 无效：{month} 只有 {days} 天' },
  'negative-volume': { code: 'QD3002', severity: 'error', en: 'a volume cannot be negative', zh: '数量不能为负数' },
  'non-integer-volume': { code: 'QD3003', severity: 'error', en: '{what} {volume} is not a whole number', zh: '{what} {volume} 不是整数', slots: { what: 'noun' } },
  'ladder-overlap': { code: 'QD3004', severity: 'error', en: '{measure} {interval} matches both the {first} rung and the {second} rung', zh: '{measure} 在 {interval} 同时满足 {first} 与 {second} 两级条件' },
  'ladder-gap': { code: 'QD3005', severity: 'error', en: '{measure} {interval} falls between rungs and would be exempt', zh: '{measure} 在 {interval} 落在各级条件之间，将被视为免于申报' },
  'ladder-not-monotone': { code: 'QD3006', severity: 'error', en: 'the {stricter} rung starts below the {lighter} rung for {measure}: a larger volume would get a lighter pathway', zh: '{measure} 上 {stricter} 一级低于 {lighter} 一级：数量越大路径反而越宽松' },
  'empty-range': { code: 'QD3007', severity: 'error', en: 'this condition can never hold: the range {from}..{to} is empty ({interval})', zh: '该条件永远不成立：区间 {from}..{to} 为空（{interval}）' },
  'ladder-lighter-above': { code: 'QD3019', severity: 'error', en: 'the {stricter} rung holds at {at}, but the larger {above} gets {lighter}: a larger volume would get a lighter pathway', zh: '{at} 时适用 {stricter} 一级，而数量更大的 {above} 却适用 {lighter}：数量越大路径反而越宽松' },
  'no-years': { code: 'QD3018', severity: 'error', en: 'a period of {years} years is none: it is at least one year', zh: '{years} 年不构成期限：期限至少为一年' },
  'trial-too-long': { code: 'QD3017', severity: 'error', en: 'a trial of {years} years ends after the year 9999, which no date can write', zh: '试行期 {years} 年将结束于 9999 年之后，无法用日期表示' },
  'condition-too-complex': { code: 'QD3016', severity: 'error', en: 'this condition has more than {limit} alternatives, and more than its bounds, once its `and`s of `or`s are multiplied out: the checks cannot read it', zh: '该条件展开 `and` 与 `or` 后超过 {limit} 种情形，且多于其所写的界限数，无法检查' },
  'impossible-comparison': { code: 'QD3007', severity: 'error', en: 'this condition can never hold: no number of persons is {op} {value}', zh: '该条件永远不成立：人数不可能 {op} {value}' },
  'contradictory-bounds': { code: 'QD3007', severity: 'error', en: 'this condition can never hold: no volume of {measure} satisfies all of its bounds', zh: '该条件永远不成立：{measure} 的各项界限无法同时满足' },
  'ciio-contradiction': { code: 'QD3007', severity: 'error', en: 'this condition can never hold: it requires both ciio and not ciio', zh: '该条件永远不成立：同时要求 ciio 与 not ciio' },
  'bad-numbering': { code: 'QD3008', severity: 'error', en: '{what} {found} should be numbered {expected}', zh: '{what} {found} 的编号应为 {expected}', slots: { what: 'noun' } },
  'invalid-period': { code: 'QD3009', severity: 'error', en: 'effective period ends ({until}) on or before it starts ({from})', zh: '施行期间的截止日（{until}）不晚于起始日（{from}）' },
  'example-other-category': { code: 'QD3010', severity: 'error', en: '{sub} belongs to another category than {category}', zh: '{sub} 不属于类别 {category}' },
  'example-range-backwards': { code: 'QD3010', severity: 'error', en: 'example range {from}..{to} runs backwards', zh: '示例范围 {from}..{to} 起止颠倒' },
  'example-already-covered': { code: 'QD3010', severity: 'error', en: '{sub} is already covered by the example {prior}', zh: '{sub} 已被示例 {prior} 覆盖' },
  'example-not-covered': { code: 'QD3010', severity: 'error', en: '{sub} is not covered by any example reference rule', zh: '{sub} 未被任何示例参考规则覆盖' },
  'sic-not-found': { code: 'QD3011', severity: 'error', en: 'the text {text} marked [sic] does not occur in article {article}', zh: '标注为原文错误的 {text} 未出现在第 {article} 条中' },
  'volume-out-of-range': { code: 'QD3012', severity: 'error', en: 'volume {volume} is larger than any population', zh: '数量 {volume} 超出合理范围' },
  'trial-period-exceeded': { code: 'QD3013', severity: 'error', en: 'the effective period {from} until {until} lies outside the measures\' trial period {trialFrom} until {trialUntil}', zh: '施行期间（{from} 至 {until} 前）超出管理办法的试行期（{trialFrom} 至 {trialUntil} 前）' },
  'thresholds-of-important-item': { code: 'QD3015', severity: 'warning', en: 'item {id} is important data, so it is assessed at any volume and its thresholds never apply', zh: '数据项 {id} 已列为重要数据，无论数量均需安全评估，其量级条件不会生效' },
  'empty-ladder': { code: 'QD3014', severity: 'error', en: '{what} {id} has neither a threshold nor an important-data flag, so it could never apply', zh: '{what} {id} 既无量级条件也未标注为重要数据，永远不会适用', slots: { what: 'noun' } },

  'cannot-read': { code: 'QD4001', severity: 'error', en: 'cannot read {path}: {reason}', zh: '无法读取 {path}：{reason}', slots: { reason: 'ioReason' } },
  'cannot-read-errno': { code: 'QD4001', severity: 'error', en: 'cannot read {path} (error {errno})', zh: '无法读取 {path}（错误 {errno}）' },
  'io-failed': { code: 'QD4016', severity: 'error', en: 'cannot {operation} {path}: {reason}', zh: '无法{operation} {path}：{reason}', slots: { operation: 'ioOperation', reason: 'ioReason' } },
  'cannot-listen': { code: 'QD4017', severity: 'error', en: 'cannot listen on {address}: {reason}', zh: '无法在 {address} 上监听：{reason}', slots: { reason: 'listenReason' } },
  'cannot-listen-errno': { code: 'QD4017', severity: 'error', en: 'cannot listen on {address} (error {errno})', zh: '无法在 {address} 上监听（错误 {errno}）' },
  'io-failed-errno': { code: 'QD4016', severity: 'error', en: 'cannot {operation} {path} (error {errno})', zh: '无法{operation} {path}（错误 {errno}）', slots: { operation: 'ioOperation' } },
  'not-in-commit': { code: 'QD4001', severity: 'error', en: 'cannot read {path}: it is not in commit {commit}', zh: '无法读取 {path}：提交 {commit} 中没有该文件' },
  'no-version': { code: 'QD4001', severity: 'error', en: 'cannot read {path}: it has no "version" string', zh: '无法读取 {path}：其中没有 "version" 字符串' },
  'no-sources': { code: 'QD4002', severity: 'error', en: 'no .qd files found under {path}', zh: '在 {path} 下未找到 .qd 文件' },
  'missing-declaration': { code: 'QD4003', severity: 'error', en: 'the policy does not have exactly one {what}', zh: '策略中{what}不是恰好一个', slots: { what: 'noun' } },
  'artifact-invalid': { code: 'QD4004', severity: 'error', en: 'internal error: the emitted {artifact} does not match its schema at {pointer} ({keyword})', zh: '内部错误：生成的 {artifact} 不符合其 Schema（{pointer}，{keyword}）' },
  // QD4005–4019: build output and source files. QD4020–4029: input limits. QD4030–4039: git. QD4040–4049: governance I/O.
  'out-contains-project': { code: 'QD4005', severity: 'error', en: 'the output folder {path} is or contains the project root; a build replaces its output folder as a whole', zh: '输出目录 {path} 是项目根目录或包含项目根目录；构建会整体替换输出目录' },
  'out-contains-sources': { code: 'QD4006', severity: 'error', en: 'the output folder {path} is or contains the sources {source}', zh: '输出目录 {path} 是源文件 {source} 或包含源文件' },
  'out-inside-sources': { code: 'QD4007', severity: 'error', en: 'the output folder {path} lies inside the source folder {source}', zh: '输出目录 {path} 位于源目录 {source} 之内' },
  'out-is-file': { code: 'QD4008', severity: 'error', en: 'the output {path} is a file, not a folder', zh: '输出路径 {path} 是文件而非目录' },
  'out-not-build': { code: 'QD4009', severity: 'error', en: 'the output folder {path} holds files no build wrote', zh: '输出目录 {path} 中有非构建生成的文件' },
  'out-other-output': { code: 'QD4009', severity: 'error', en: 'the output folder {path} holds what qingdan {other} wrote; it is not replaced', zh: '输出目录 {path} 中是 qingdan {other} 的输出，不会被替换' },
  'out-foreign-link': { code: 'QD4010', severity: 'error', en: 'the output {path} is a symbolic link that no build made', zh: '输出路径 {path} 是非构建生成的符号链接' },
  'source-symlink': { code: 'QD4011', severity: 'error', en: 'the source {path} is a symbolic link; sources must be regular files inside the project', zh: '源文件 {path} 是符号链接；源文件须为项目内的普通文件' },
  'source-not-regular': { code: 'QD4012', severity: 'error', en: 'the source {path} is a {kind}, not a regular file', zh: '源文件 {path} 是{kind}，而非普通文件', slots: { kind: 'fileKind' } },
  'source-outside-project': { code: 'QD4013', severity: 'error', en: 'the source {path} lies outside the project root {root}', zh: '源文件 {path} 位于项目根目录 {root} 之外' },
  'source-too-large': { code: 'QD4014', severity: 'error', en: 'the source {path} has {bytes} bytes, more than the limit of {limit}', zh: '源文件 {path} 大小为 {bytes} 字节，超过上限 {limit}' },
  'name-too-long': { code: 'QD4020', severity: 'error', en: 'a name of {length} characters is longer than the limit of {limit}', zh: '名称长 {length} 个字符，超过上限 {limit}' },
  'string-too-long': { code: 'QD4021', severity: 'error', en: 'a string of {length} characters is longer than the limit of {limit}', zh: '字符串长 {length} 个字符，超过上限 {limit}' },
  'too-many-tokens': { code: 'QD4022', severity: 'error', en: 'the file has more than {limit} tokens; it is not read further', zh: '文件超过 {limit} 个词法单元，其后内容不再读取' },
  // git's own error text never enters these templates: it rides along as the diagnostic's raw `detail`.
  'git-failed-files': { code: 'QD4030', severity: 'error', en: 'git could not read {paths} at revision {revision}', zh: 'git 无法读取修订版本 {revision} 中的 {paths}' },
  'git-failed-revision': { code: 'QD4030', severity: 'error', en: 'git could not read the revision {revision}', zh: 'git 无法读取修订版本 {revision}' },
  'not-a-repository': { code: 'QD4032', severity: 'error', en: '{path} is not in a git repository, where revisions are', zh: '{path} 不在 git 仓库中，无从读取修订版本' },
  'unknown-revision': { code: 'QD4031', severity: 'error', en: 'unknown git revision {revision}', zh: '未知的 git 修订版本 {revision}' },
  'history-shallow': { code: 'QD4033', severity: 'error', en: 'the history is cut at {commit} (a shallow clone): what came before it cannot be checked', zh: '提交历史在 {commit} 处被截断（浅克隆）：此前的历史无法检查' },
  'git-failed-history': { code: 'QD4030', severity: 'error', en: 'git could not read the governed history', zh: 'git 无法读取受治理的提交历史' },
  // QD4050–4059: the command line itself (exit 2), by commander's error code; see cli/usage-error.ts.
  'cli-unknown-option': { code: 'QD4050', severity: 'error', en: 'unknown option {option}', zh: '未知选项 {option}' },
  'cli-unknown-command': { code: 'QD4051', severity: 'error', en: 'unknown command {command}', zh: '未知命令 {command}' },
  'cli-missing-argument': { code: 'QD4052', severity: 'error', en: 'the required argument {argument} is missing', zh: '缺少必填参数 {argument}' },
  'cli-option-missing-value': { code: 'QD4053', severity: 'error', en: 'the option {option} needs a value', zh: '选项 {option} 缺少取值' },
  'cli-missing-option': { code: 'QD4054', severity: 'error', en: 'the required option {option} is not given', zh: '未指定必填选项 {option}' },
  'cli-invalid-value': { code: 'QD4055', severity: 'error', en: 'the value {value} of {option} is not allowed', zh: '{option} 的取值 {value} 不被允许' },
  'cli-too-many-arguments': { code: 'QD4056', severity: 'error', en: 'too many arguments: {command} takes {expected}, got {received}', zh: '参数过多：{command} 接受 {expected} 个参数，实际为 {received} 个' },
  'cli-conflicting-options': { code: 'QD4057', severity: 'error', en: '{option} cannot be used with {other}', zh: '{option} 不能与 {other} 同时使用' },
  'cli-usage': { code: 'QD4058', severity: 'error', en: 'the command line is not valid', zh: '命令行无效' },
  // QD4060–4099: what a command itself refuses (exit 2): a value it cannot use, something it cannot find.
  'cli-invalid-date': { code: 'QD4060', severity: 'error', en: 'the date {date} of {option} is not a date YYYY-MM-DD', zh: '{option} 的日期 {date} 无效，应写作 YYYY-MM-DD' },
  'cli-not-positive-integer': { code: 'QD4060', severity: 'error', en: 'the value {value} of {option} is not a positive whole number', zh: '{option} 的取值 {value} 不是正整数' },
  'cli-not-whole-number': { code: 'QD4060', severity: 'error', en: 'the value {value} of {option} is not a whole number (0 or more)', zh: '{option} 的取值 {value} 不是非负整数' },
  'cli-number-too-large': { code: 'QD4060', severity: 'error', en: 'the value {value} of {option} is more than {limit}', zh: '{option} 的取值 {value} 超过 {limit}' },
  'cli-not-port': { code: 'QD4060', severity: 'error', en: 'the value {value} of --port is not a port number (0 to 65535)', zh: '--port 的取值 {value} 不是端口号（0 至 65535）' },
  'cli-governance-unreadable': { code: 'QD4061', severity: 'error', en: 'cannot read the committed governance files (see above)', zh: '无法读取已提交的治理文件（见上文）' },
  'cli-roster-invalid': { code: 'QD4061', severity: 'error', en: 'the roster {path} is missing or invalid (see above)', zh: '名册 {path} 缺失或无效（见上文）' },
  'cli-unknown-proposal': { code: 'QD4062', severity: 'error', en: 'there is no proposal {id} under {folder} at HEAD; commit it first', zh: 'HEAD 的 {folder} 下没有提案 {id}；请先提交' },
  'cli-unknown-proposals': { code: 'QD4062', severity: 'error', en: 'there is no proposal {ids}', zh: '没有提案 {ids}', slots: { ids: 'words' } },
  'cli-proposal-invalid': { code: 'QD4063', severity: 'error', en: 'proposal {id} has invalid metadata (see above); fix it first', zh: '提案 {id} 的元数据无效（见上文）；请先修正' },
  'cli-unknown-person': { code: 'QD4064', severity: 'error', en: 'unknown person {person}: not in {path}', zh: '未知人员 {person}：不在 {path} 中' },
  'cli-transition-from-final': { code: 'QD4065', severity: 'error', en: '{id} cannot go from {from} to {to}: {from} is final, nothing follows it', zh: '提案 {id} 不能从{from}进入{to}：{from}是终结阶段，其后没有阶段', slots: { from: 'stage', to: 'stage' } },
  'cli-transition-not-on-path': { code: 'QD4065', severity: 'error', en: '{id} cannot go from {from} to {to}: a {kind} proposal has no {to} stage', zh: '提案 {id} 不能从{from}进入{to}：{kind}没有{to}阶段', slots: { from: 'stage', to: 'stage', kind: 'proposalKind' } },
  'cli-transition-skips': { code: 'QD4065', severity: 'error', en: '{id} cannot go from {from} to {to}: it would skip {skipped}', zh: '提案 {id} 不能从{from}进入{to}：将跳过{skipped}', slots: { from: 'stage', to: 'stage', skipped: 'stage[]' } },
  'cli-transition-same-stage': { code: 'QD4065', severity: 'error', en: '{id} cannot go from {from} to {to}: a stage cannot follow itself', zh: '提案 {id} 不能从{from}进入{to}：阶段不能接续其自身', slots: { from: 'stage', to: 'stage' } },
  'cli-transition-backwards': { code: 'QD4065', severity: 'error', en: '{id} cannot go from {from} to {to}: a proposal only goes back to review, and only from approved or filed', zh: '提案 {id} 不能从{from}进入{to}：提案只能退回论证与征求意见阶段，且只能从审批或报备阶段退回', slots: { from: 'stage', to: 'stage' } },
  'cli-nothing-follows': { code: 'QD4066', severity: 'error', en: '{id} is at {stage}; nothing follows', zh: '提案 {id} 处于{stage}阶段，其后没有阶段', slots: { stage: 'stage' } },
  'cli-superseded-by-required': { code: 'QD4054', severity: 'error', en: 'superseding a proposal needs --superseded-by <id>', zh: '取代提案须指定 `--superseded-by <id>`' },
  'cli-invalid-slug': { code: 'QD4067', severity: 'error', en: '{slug} is not a valid slug (lower-case letters, digits and hyphens)', zh: '{slug} 不是有效的简称（只能由小写字母、数字和连字符组成）' },
  'cli-list-proposal-needs-lists': { code: 'QD4068', severity: 'error', en: 'a list proposal needs --sector and --list', zh: '清单提案须指定 --sector 和 --list' },
  'cli-proposal-names-no-list': { code: 'QD4068', severity: 'error', en: 'a {kind} proposal names no sector and no list', zh: '{kind}不指定领域和清单', slots: { kind: 'proposalKind' } },
  'cli-unknown-list': { code: 'QD4069', severity: 'error', en: 'unknown list {list}', zh: '未知清单 {list}' },
  'cli-unknown-target': { code: 'QD4070', severity: 'error', en: 'unknown target {target}: not a list of {id} or an item of one', zh: '未知对象 {target}：既不是提案 {id} 的清单，也不是其中的数据项' },
  'cli-proposal-closed': { code: 'QD4071', severity: 'error', en: '{id} is at {stage}; open a new proposal that replaces it instead', zh: '提案 {id} 已处于{stage}阶段；请另立新提案取代它', slots: { stage: 'stage' } },
  'cli-author-or-person': { code: 'QD4054', severity: 'error', en: 'a comment needs --author <name> or --person <id>', zh: '意见须指定 `--author <name>` 或 `--person <id>`' },
  'cli-record-ambiguous': { code: 'QD4072', severity: 'error', en: '{record} names more than one record ({ids}); give the id with its prefix', zh: '{record} 对应多条记录（{ids}）；请写出带前缀的编号', slots: { ids: 'words' } },
  'cli-unknown-record': { code: 'QD4072', severity: 'error', en: 'there is no comment or concern {record} in {folder}', zh: '{folder} 中没有意见或关切 {record}' },
  'cli-record-refused': { code: 'QD4087', severity: 'error', en: 'governance check would refuse {path} as written (see above): nothing is written', zh: '治理检查将拒绝按此写入的 {path}（见上文）：未写入任何内容' },
  'cli-not-a-mapping': { code: 'QD4073', severity: 'error', en: '{path} is not a YAML mapping', zh: '{path} 不是 YAML 映射' },
  'cli-not-chair': { code: 'QD4074', severity: 'error', en: '{person} does not hold the chair role {role}', zh: '{person} 不担任主席角色 {role}' },
  'cli-no-chair': { code: 'QD4074', severity: 'error', en: 'the roster names no chair role, so nobody resolves a concern as the chair', zh: '名册未指定主席角色，无人能以主席身份解决关切' },
  'cli-not-raiser': { code: 'QD4074', severity: 'error', en: 'only {raiser}, who raised this concern, or the chair (--as-chair) may resolve it', zh: '只有提出该关切的 {raiser} 或主席（--as-chair）可以解决它' },
  'cli-note-required': { code: 'QD4054', severity: 'error', en: 'resolving a concern needs --note <text>', zh: '解决关切须指定 `--note <text>`' },
  'cli-decision-required': { code: 'QD4054', severity: 'error', en: 'the disposition of a comment needs --decision', zh: '意见的处理结果须指定 --decision' },
  'cli-reason-required': { code: 'QD4054', severity: 'error', en: 'the decision {decision} needs --reason <text>', zh: '处理结果 {decision} 须指定 `--reason <text>`' },
  'cli-unknown-role': { code: 'QD4075', severity: 'error', en: 'unknown role {role}', zh: '未知角色 {role}' },
  'cli-role-not-held': { code: 'QD4075', severity: 'error', en: '{person} does not hold the role {role}', zh: '{person} 不担任角色 {role}' },
  'cli-self-signoff': { code: 'QD4076', severity: 'error', en: '{person} is an author of {id}', zh: '{person} 是提案 {id} 的起草人' },
  'cli-no-key': { code: 'QD4077', severity: 'error', en: '{person} has no key in the roster', zh: '{person} 在名册中没有登记公钥' },
  'cli-cannot-diff': { code: 'QD4078', severity: 'error', en: 'cannot diff: a revision cannot be read or does not compile (see above)', zh: '无法比较：有修订版本无法读取或无法编译（见上文）' },
  'cli-signing-key': { code: 'QD4079', severity: 'error', en: 'cannot use {path} as a signing key', zh: '无法将 {path} 用作签名私钥' },
  'cli-key-exists': { code: 'QD4080', severity: 'error', en: '{path} already holds a key; it is not overwritten', zh: '{path} 中已有密钥，不会覆盖' },
  'cli-file-exists': { code: 'QD4080', severity: 'error', en: '{path} exists already', zh: '{path} 已存在' },
  'cli-input-too-large': { code: 'QD4085', severity: 'error', en: '{path} is larger than {limit} bytes: not read', zh: '{path} 超过 {limit} 字节，未读取' },
  'cli-serve-folder': { code: 'QD4086', severity: 'error', en: '{path} is a folder: serve takes a bundle archive', zh: '{path} 是目录：服务需要策略包归档文件' },
  'cli-stdin-too-large': { code: 'QD4085', severity: 'error', en: 'the standard input is larger than {limit} bytes: not read', zh: '标准输入超过 {limit} 字节，未读取' },
  'cli-not-a-bundle-file': { code: 'QD4080', severity: 'error', en: '{path} exists and is not a qingdan bundle; it is not overwritten', zh: '{path} 已存在且不是 qingdan 策略包，不会覆盖' },
  'cli-no-gazette': { code: 'QD4081', severity: 'error', en: 'there is no gazette in {path}', zh: '{path} 中没有公报' },
  'cli-no-gazette-page': { code: 'QD4081', severity: 'error', en: 'no such gazette page: {pages}', zh: '没有这些公报页面：{pages}', slots: { pages: 'words' } },
  'cli-not-a-pdf-folder': { code: 'QD4080', severity: 'error', en: '{path} is neither empty nor a folder that gazette --pdf printed into; nothing is printed there', zh: '{path} 既不是空目录，也不是 `gazette --pdf` 曾打印到的目录，不在其中打印' },
  'cli-pdf-failed': { code: 'QD4082', severity: 'error', en: 'chromium could not print the gazette page {page}', zh: 'chromium 无法打印公报页面 {page}' },
  'cli-no-chromium': { code: 'QD4082', severity: 'error', en: 'chromium was not found', zh: '未找到 chromium' },
  'cli-request-not-json': { code: 'QD4083', severity: 'error', en: 'the request {path} is not JSON', zh: '请求 {path} 不是 JSON' },
  'cli-policy-refused': { code: 'QD4084', severity: 'error', en: 'cannot load the policy {path}: {reason}', zh: '无法加载策略 {path}：{reason}', slots: { reason: 'bundleRefusal' } },
  'cli-policy-refused-code': { code: 'QD4084', severity: 'error', en: 'cannot load the policy {path} ({code})', zh: '无法加载策略 {path}（{code}）' },
  'cli-public-key': { code: 'QD4079', severity: 'error', en: 'the --key file {path} is not an Ed25519 public key', zh: '--key 指定的文件 {path} 不是可用于验签的公钥' },
  'cli-serve-needs-key': { code: 'QD4054', severity: 'error', en: 'serve needs --key <public.pem>, or --allow-unsigned to serve without checking signatures', zh: '服务须指定 `--key <public.pem>`，或用 --allow-unsigned 不校验签名' },
  'internal-error': { code: 'QD4099', severity: 'error', en: 'internal error: qingdan failed (set `QINGDAN_DEBUG=1` to see where)', zh: '内部错误：qingdan 运行失败（设置 `QINGDAN_DEBUG=1` 可查看出错位置）' },
  // An edit of policy text through its syntax tree (compiler/edit.ts) that cannot be made.
  'edit-file-has-errors': { code: 'QD4015', severity: 'error', en: '{path} has errors (see above); fix them before it is edited', zh: '{path} 有错误（见上文）；请先修正再编辑' },
  'edit-no-list': { code: 'QD4015', severity: 'error', en: '{path} declares no list {list}', zh: '{path} 中没有清单 {list}' },
  'edit-no-scenario': { code: 'QD4015', severity: 'error', en: 'list {list} has no scenario {scenario}', zh: '清单 {list} 中没有业务场景 {scenario}' },
  'edit-no-item': { code: 'QD4015', severity: 'error', en: 'list {list} has no item {item}', zh: '清单 {list} 中没有数据项 {item}' },
  'edit-item-exists': { code: 'QD4015', severity: 'error', en: 'list {list} already has an item {item}', zh: '清单 {list} 中已有数据项 {item}' },
  'edit-not-one-item': { code: 'QD4015', severity: 'error', en: 'the item text is not one well-formed item declaration', zh: '数据项文本不是一个格式正确的数据项声明' },
  'governance-not-a-file': { code: 'QD4040', severity: 'error', en: '{path} at {revision} is not valid UTF-8 text', zh: '{revision} 中的 {path} 不是有效的 UTF-8 文本' },

  // 5xxx: governance (rosters, proposals, sign-offs, git history). See docs/governance.md.
  'governance-yaml-syntax': { code: 'QD5001', severity: 'error', en: 'YAML syntax error: {problem}', zh: 'YAML 语法错误：{problem}', slots: { problem: 'yamlProblem' } },
  // Schema violations, one entry per ajv keyword; {pointer} is the JSON pointer of the value.
  'schema-required': { code: 'QD5002', severity: 'error', en: '{file} {pointer} is missing the required property {property}', zh: '{file} {pointer} 缺少必填属性 {property}', slots: { file: 'governanceFile' } },
  'schema-unknown-property': { code: 'QD5002', severity: 'error', en: '{file} {pointer} has the unknown property {property}', zh: '{file} {pointer} 含有未知属性 {property}', slots: { file: 'governanceFile' } },
  'schema-enum': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be one of: {allowed}', zh: '{file} {pointer} 只能是以下之一：{allowed}', slots: { file: 'governanceFile', allowed: 'words' } },
  'schema-const': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be {allowed}', zh: '{file} {pointer} 只能是 {allowed}', slots: { file: 'governanceFile' } },
  'schema-type': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be {type}', zh: '{file} {pointer} 应为{type}', slots: { file: 'governanceFile', type: 'jsonType[]' } },
  'schema-pattern': { code: 'QD5002', severity: 'error', en: '{file} {pointer} does not match the pattern {pattern}', zh: '{file} {pointer} 不符合模式 {pattern}', slots: { file: 'governanceFile' } },
  'schema-format': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be {format}', zh: '{file} {pointer} 应为{format}', slots: { file: 'governanceFile', format: 'schemaFormat' } },
  'schema-minimum': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be at least {limit}', zh: '{file} {pointer} 不得小于 {limit}', slots: { file: 'governanceFile' } },
  'schema-maximum': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be at most {limit}', zh: '{file} {pointer} 不得大于 {limit}', slots: { file: 'governanceFile' } },
  'schema-min-items': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must have at least {limit} entries', zh: '{file} {pointer} 至少应有 {limit} 项', slots: { file: 'governanceFile' } },
  'schema-max-items': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must have at most {limit} entries', zh: '{file} {pointer} 至多只能有 {limit} 项', slots: { file: 'governanceFile' } },
  'schema-min-length': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be at least {limit} characters long', zh: '{file} {pointer} 至少应有 {limit} 个字符', slots: { file: 'governanceFile' } },
  'schema-max-length': { code: 'QD5002', severity: 'error', en: '{file} {pointer} must be at most {limit} characters long', zh: '{file} {pointer} 至多只能有 {limit} 个字符', slots: { file: 'governanceFile' } },
  'schema-unique-items': { code: 'QD5002', severity: 'error', en: '{file} {pointer} repeats an entry: entries {first} and {second} are the same', zh: '{file} {pointer} 有重复项：第 {first} 项与第 {second} 项相同', slots: { file: 'governanceFile' } },
  'schema-property-name': { code: 'QD5002', severity: 'error', en: '{file} {pointer} has a property with an invalid name {property}', zh: '{file} {pointer} 的属性名 {property} 无效', slots: { file: 'governanceFile' } },
  'schema-other': { code: 'QD5002', severity: 'error', en: '{file} {pointer} breaks the schema rule {keyword}', zh: '{file} {pointer} 违反了格式规则 {keyword}', slots: { file: 'governanceFile' } },
  'proposal-id-mismatch': { code: 'QD5003', severity: 'error', en: 'proposal id {id} does not match its folder {folder}', zh: '提案编号 {id} 与所在目录 {folder} 不一致' },
  'proposal-id-changed': { code: 'QD5004', severity: 'error', en: 'proposal id changed from {was} to {id}; a proposal id never changes', zh: '提案编号由 {was} 改为 {id}；提案编号不得变更' },
  'unknown-person': { code: 'QD5005', severity: 'error', en: 'unknown person {person}: not in the roster', zh: '未知人员 {person}：不在名册中' },
  'unknown-role': { code: 'QD5006', severity: 'error', en: 'unknown role {role}', zh: '未知角色 {role}' },
  'unknown-list': { code: 'QD5007', severity: 'error', en: 'proposal {id} touches list {list}, which the policy does not declare', zh: '提案 {id} 涉及的清单 {list} 在策略中不存在' },
  'unknown-proposal': { code: 'QD5008', severity: 'error', en: 'the field {field} names proposal {ref}, which does not exist', zh: '字段 {field} 引用的提案 {ref} 不存在' },
  'list-names-unknown-proposal': { code: 'QD5008', severity: 'error', en: 'list {list} names proposal {ref}, which does not exist', zh: '清单 {list} 引用的提案 {ref} 不存在' },
  'roster-duplicate': { code: 'QD5009', severity: 'error', en: 'the {what} {value} appears more than once in the roster', zh: '名册中{what} {value} 重复', slots: { what: 'rosterField' } },
  'stage-skipped': { code: 'QD5010', severity: 'error', en: 'proposal {id} goes from {from} to {to}: skips {skipped}', zh: '提案 {id} 由{from}进入{to}：跳过了{skipped}', slots: { from: 'stage', to: 'stage', skipped: 'stage[]' } },
  'stage-not-allowed': { code: 'QD5010', severity: 'error', en: 'proposal {id} cannot go from {from} to {to}', zh: '提案 {id} 不能由{from}进入{to}', slots: { from: 'stage', to: 'stage' } },
  'history-not-from-draft': { code: 'QD5011', severity: 'error', en: 'proposal {id}: history must start at draft', zh: '提案 {id}：历史记录须从 draft 阶段开始' },
  'history-ends-elsewhere': { code: 'QD5011', severity: 'error', en: 'proposal {id}: stage is {stage} but the history ends at {last}', zh: '提案 {id}：阶段为{stage}，但历史记录止于{last}', slots: { stage: 'stage', last: 'stage' } },
  'history-backwards': { code: 'QD5011', severity: 'error', en: 'proposal {id}: history goes back in time ({date} after {previous})', zh: '提案 {id}：历史记录日期倒退（{date} 在 {previous} 之后）' },
  'external-not-first': { code: 'QD5011', severity: 'error', en: 'proposal {id}: external (pre-governance) entries may only open the history', zh: '提案 {id}：外部（治理流程之前的）记录只能位于历史记录开头' },
  'missing-signoff': { code: 'QD5012', severity: 'error', en: 'proposal {id} entered {to} without the sign-off of {role} for {stage}', zh: '提案 {id} 进入{to}前缺少 {role} 对{stage}的签核', slots: { to: 'stage', stage: 'stage' } },
  'signoff-wrong-role': { code: 'QD5013', severity: 'error', en: '{person} signs as {role} but does not hold that role', zh: '{person} 以 {role} 身份签核，但并不担任该角色' },
  'self-approval': { code: 'QD5014', severity: 'error', en: '{person} signs off proposal {id}, of which they are an author', zh: '{person} 签核了本人起草的提案 {id}' },
  'signoff-wrong-author': { code: 'QD5015', severity: 'error', en: 'the sign-off of {person} was committed by {actual} in {commit}, not by {person}', zh: '{person} 的签核由 {actual} 在提交 {commit} 中加入，而非本人' },
  'signoff-unsigned': { code: 'QD5016', severity: 'error', en: 'commit {commit} adding the sign-off of {person} is not signed with their registered key', zh: '加入 {person} 签核的提交 {commit} 未使用其登记的密钥签名' },
  'signoff-uncommitted': { code: 'QD5017', severity: 'warning', en: 'the sign-off {file} is not committed, so its author cannot be verified yet', zh: '签核文件 {file} 尚未提交，暂无法核验其作者' },
  'signoff-file-name': { code: 'QD5018', severity: 'error', en: 'the sign-off file should be named {expected}', zh: '签核文件应命名为 {expected}' },
  'review-window-short': { code: 'QD5019', severity: 'error', en: 'proposal {id} left review after {days} days; the minimum window is {min} days', zh: '提案 {id} 征求意见仅 {days} 天即结束，最短期限为 {min} 天' },
  'comment-undisposed': { code: 'QD5020', severity: 'error', en: 'comment {comment} on proposal {id} has no disposition, but the proposal is at {stage}', zh: '提案 {id} 已处于{stage}，但意见 {comment} 尚无处理结果', slots: { stage: 'stage' } },
  'open-concern': { code: 'QD5021', severity: 'error', en: 'proposal {id} is at {stage} while concern {concern} is open', zh: '提案 {id} 处于{stage}，但关切 {concern} 尚未解决', slots: { stage: 'stage' } },
  'concern-resolved-by-other': { code: 'QD5022', severity: 'error', en: 'concern {concern} was raised by {raiser} but resolved by {actual}', zh: '关切 {concern} 由 {raiser} 提出，却由 {actual} 解决' },
  'concern-resolved-by-key': { code: 'QD5022', severity: 'error', en: 'concern {concern} was raised by {raiser} but resolved by the key of {signer}', zh: '关切 {concern} 由 {raiser} 提出，却由 {signer} 的密钥签名解决' },
  'concern-resolved-unsigned': { code: 'QD5022', severity: 'error', en: 'concern {concern} was raised by {raiser} but resolved by an unsigned commit {commit} by {author}', zh: '关切 {concern} 由 {raiser} 提出，却由 {author} 的未签名提交 {commit} 解决' },
  'list-status-mismatch': { code: 'QD5023', severity: 'error', en: 'list {list} has status {status}, but its proposal {id} is at {stage} (expected {expected})', zh: '清单 {list} 状态为 {status}，但其提案 {id} 处于 {stage}（应为 {expected}）' },
  'list-without-proposal': { code: 'QD5024', severity: 'warning', en: 'list {list} has status {status} but names no proposal', zh: '清单 {list} 状态为 {status}，但未关联提案' },
  'filing-missing': { code: 'QD5025', severity: 'error', en: 'proposal {id} is at {stage} but records no national filing receipt', zh: '提案 {id} 处于{stage}，但未记录国家备案回执', slots: { stage: 'stage' } },
  'change-of-unproposed-list': { code: 'QD5026', severity: 'error', en: 'commit {commit} changes {file}: list {list} belongs to no proposal', zh: '提交 {commit} 修改了 {file}：清单 {list} 不属于任何提案' },
  'change-by-unknown-proposal': { code: 'QD5026', severity: 'error', en: 'commit {commit} changes {file}: proposal {proposal} does not exist at that commit', zh: '提交 {commit} 修改了 {file}：该提交中不存在提案 {proposal}' },
  'change-at-frozen-stage': { code: 'QD5026', severity: 'error', en: "commit {commit} changes {file}: proposal {proposal} is at {stage}, where only the list's status and proposal link may change", zh: '提交 {commit} 修改了 {file}：提案 {proposal} 处于{stage}阶段，此时只能修改清单的状态和提案关联', slots: { stage: 'stage' } },
  'change-without-trailer': { code: 'QD5026', severity: 'error', en: 'commit {commit} changes {file}: the commit has no `Proposal: <id>` trailer', zh: '提交 {commit} 修改了 {file}：提交说明中没有 `Proposal: <id>`' },
  'change-at-stage': { code: 'QD5026', severity: 'error', en: 'commit {commit} changes {file}: proposal {proposal} is at {stage}', zh: '提交 {commit} 修改了 {file}：提案 {proposal} 处于{stage}阶段', slots: { stage: 'stage' } },
  'signoff-out-of-order': { code: 'QD5027', severity: 'error', en: 'for {stage}, {later} signed before {earlier}', zh: '{stage}阶段中，{later} 先于 {earlier} 签核', slots: { stage: 'stage' } },
  'superseded-without-successor': { code: 'QD5028', severity: 'error', en: 'proposal {id}: it is superseded but names no supersededBy', zh: '提案 {id}：已被取代，但未写明 `supersededBy`' },
  'successor-while-active': { code: 'QD5028', severity: 'error', en: 'proposal {id}: it names supersededBy but is at {stage}', zh: '提案 {id}：写明了 `supersededBy`，但处于{stage}阶段', slots: { stage: 'stage' } },
  'successor-does-not-replace': { code: 'QD5028', severity: 'error', en: 'proposal {id}: {successor} does not say it replaces {id}', zh: '提案 {id}：{successor} 未写明其取代 {id}' },
  'list-not-in-proposal': { code: 'QD5028', severity: 'error', en: 'proposal {id}: list {list} names this proposal but the proposal does not list it', zh: '提案 {id}：清单 {list} 关联了本提案，但本提案未列入该清单' },
  'stage-record-missing': { code: 'QD5029', severity: 'error', en: 'proposal {id} is past {stage} but has no {file}', zh: '提案 {id} 已过{stage}阶段，但缺少 {file}', slots: { stage: 'stage' } },
  'non-regular-file': { code: 'QD5030', severity: 'error', en: '{path} is a {kind}; only regular files may be under policy/ and proposals/', zh: '{path} 是{kind}；policy/ 与 proposals/ 下只能有普通文件', slots: { kind: 'fileKind' } },
  'governance-yaml-shape': { code: 'QD5031', severity: 'error', en: 'governance files may not use {shape}', zh: '治理文件不得使用{shape}', slots: { shape: 'yamlShape' } },
  'governance-yaml-tag': { code: 'QD5031', severity: 'error', en: 'governance files may not use a tag ({tag})', zh: '治理文件不得使用标签（{tag}）' },
  'signoff-stale': { code: 'QD5032', severity: 'error', en: 'the {stage} sign-off of {person} on proposal {id} no longer counts: what it approved has changed since', zh: '{person} 对提案 {id} 的{stage}签核已失效：其签核的内容此后被修改', slots: { stage: 'stage' } },
  'signer-without-key': { code: 'QD5033', severity: 'error', en: '{person} has no key in the trusted roster, so cannot sign', zh: '{person} 在受信名册中没有登记密钥，不能签核' },
  'signoff-binding': { code: 'QD5034', severity: 'error', en: 'the sign-off\u2019s field {field} is {actual}, but it is filed under {expected}', zh: '签核中的字段 {field} 为 {actual}，但其所在位置对应 {expected}' },
  'record-deleted': { code: 'QD5035', severity: 'error', en: 'commit {commit} deletes {file}; governance records are never deleted', zh: '提交 {commit} 删除了 {file}；治理记录不得删除' },
  'record-altered': { code: 'QD5036', severity: 'error', en: 'commit {commit} changes the field {field} of {file}, which never changes once recorded', zh: '提交 {commit} 修改了 {file} 的字段 {field}，该字段一经记录不得修改' },
  'external-entry-by-non-registrar': { code: 'QD5037', severity: 'error', en: 'commit {commit} records an external {stage} entry of proposal {id}: {signer} is not a registrar', zh: '提交 {commit} 为提案 {id} 记录了外部的{stage}阶段：{signer} 不是登记员', slots: { stage: 'stage' } },
  'external-entry-unsigned': { code: 'QD5037', severity: 'error', en: 'commit {commit} records an external {stage} entry of proposal {id}: the commit is not signed by a registrar', zh: '提交 {commit} 为提案 {id} 记录了外部的{stage}阶段：该提交未经登记员签名', slots: { stage: 'stage' } },
  'external-entry-too-late': { code: 'QD5037', severity: 'error', en: "the external {stage} entry of proposal {id} is dated {date}, after the roster's first commit ({adopted})", zh: '提案 {id} 外部的{stage}阶段记录日期为 {date}，晚于名册的首次提交（{adopted}）', slots: { stage: 'stage' } },
  // Dates later than they can be: what is dated, and what it is compared with, are each an entry.
  'signoff-dated-after-today': { code: 'QD5038', severity: 'error', en: 'the sign-off of {person} is dated {date}, later than today ({today})', zh: '{person} 的签核日期 {date} 晚于今天（{today}）' },
  'stage-entry-dated-after-today': { code: 'QD5038', severity: 'error', en: 'the {stage} entry of proposal {id} is dated {date}, later than today ({today})', zh: '提案 {id} 的{stage}阶段记录日期 {date} 晚于今天（{today}）', slots: { stage: 'stage' } },
  'signoff-dated-after-commit': { code: 'QD5038', severity: 'error', en: 'the sign-off of {person} is dated {date}, later than its commit {commit} ({commitDate})', zh: '{person} 的签核日期 {date} 晚于记录它的提交 {commit}（{commitDate}）' },
  'stage-entry-dated-after-commit': { code: 'QD5038', severity: 'error', en: 'the {stage} entry of proposal {id} is dated {date}, later than its commit {commit} ({commitDate})', zh: '提案 {id} 的{stage}阶段记录日期 {date} 晚于记录它的提交 {commit}（{commitDate}）', slots: { stage: 'stage' } },
  'parent-dated-after-commit': { code: 'QD5038', severity: 'error', en: 'the parent {parent} of commit {commit} is dated {date}, later than the commit itself ({commitDate})', zh: '提交 {commit} 的父提交 {parent} 日期 {date} 晚于该提交本身（{commitDate}）' },
  'signoff-disagrees-with-commit': { code: 'QD5039', severity: 'error', en: 'the sign-off of {person} is dated {date}, but the commit {commit} that records it is dated {commitDate}', zh: '{person} 的签核日期为 {date}，但记录它的提交 {commit} 日期为 {commitDate}' },
  'stage-entry-disagrees-with-commit': { code: 'QD5039', severity: 'error', en: 'the {stage} entry of proposal {id} is dated {date}, but the commit {commit} that records it is dated {commitDate}', zh: '提案 {id} 的{stage}阶段记录日期为 {date}，但记录它的提交 {commit} 日期为 {commitDate}', slots: { stage: 'stage' } },
  'trust-root-without-trailer': { code: 'QD5040', severity: 'error', en: 'commit {commit} changes {file}, a trust root, without an approved governance proposal: the commit has no `Proposal: <id>` trailer', zh: '提交 {commit} 修改了信任根 {file}，但没有经批准的治理提案：提交说明中没有 `Proposal: <id>`' },
  'trust-root-unknown-proposal': { code: 'QD5040', severity: 'error', en: 'commit {commit} changes {file}, a trust root, without an approved governance proposal: proposal {proposal} does not exist before the commit', zh: '提交 {commit} 修改了信任根 {file}，但没有经批准的治理提案：该提交之前不存在提案 {proposal}' },
  'trust-root-wrong-kind': { code: 'QD5040', severity: 'error', en: 'commit {commit} changes {file}, a trust root, without an approved governance proposal: proposal {proposal} is of kind {kind}, not governance', zh: '提交 {commit} 修改了信任根 {file}，但没有经批准的治理提案：提案 {proposal} 的类别（kind）为 {kind}，而非治理提案（governance）' },
  'trust-root-not-approved': { code: 'QD5040', severity: 'error', en: 'commit {commit} changes {file}, a trust root, without an approved governance proposal: proposal {proposal} is at {stage}, not approved', zh: '提交 {commit} 修改了信任根 {file}，但没有经批准的治理提案：提案 {proposal} 处于{stage}阶段，尚未批准', slots: { stage: 'stage' } },
  'baseline-change-outside-baseline-proposal': { code: 'QD5041', severity: 'error', en: 'commit {commit} changes {file}, which only a baseline proposal at an editable stage may change', zh: '提交 {commit} 修改了 {file}；该文件只能由处于可编辑阶段的基线提案修改' },
  'record-number-clash': { code: 'QD5042', severity: 'error', en: 'comment and concern {number} of proposal {id} share a number', zh: '提案 {id} 的意见与关切编号 {number} 重复' },
  'unknown-target': { code: 'QD5043', severity: 'error', en: '{file} names {target}, which is not an item of the proposal\u2019s lists', zh: '{file} 所指的 {target} 不是本提案清单中的数据项' },
  'important-item-with-thresholds': { code: 'QD5044', severity: 'error', en: 'the identification record marks {item} important, but the list gives it volume thresholds', zh: '重要数据识别记录将 {item} 列为重要数据，但清单为其规定了量级条件' },
  'trust-root-unsigned': { code: 'QD5047', severity: 'error', en: 'commit {commit} changes the trust roots under proposal {proposal}, but is not signed by a person holding a role that approves it ({roles}): the change is bound to no approver', zh: '提交 {commit} 依据提案 {proposal} 修改了信任根，但未由担任批准角色（{roles}）的人员签名：该修改未与任何批准人绑定', slots: { roles: 'words' } },
  'trust-root-not-enacted': { code: 'QD5048', severity: 'error', en: 'commit {commit} changes the trust roots under proposal {proposal}, but does not record its entry into in-force: one approval allows one change', zh: '提交 {commit} 依据提案 {proposal} 修改了信任根，但未同时记录该提案进入施行阶段：一次批准只允许一次修改' },
  'trust-root-approval-used': { code: 'QD5048', severity: 'error', en: 'commit {commit} changes the trust roots under proposal {proposal}, which {enacted} already enacted: one approval allows one change', zh: '提交 {commit} 依据提案 {proposal} 修改了信任根，但该提案已在 {enacted} 施行：一次批准只允许一次修改' },
  'baseline-change-unapproved': { code: 'QD5049', severity: 'error', en: 'commit {commit} changes {file} under baseline proposal {proposal}, which is at {stage}: the change would take effect before it is approved', zh: '提交 {commit} 依据基线提案 {proposal} 修改了 {file}，而该提案处于{stage}阶段：修改将在批准前生效', slots: { stage: 'stage' } },
  'baseline-change-pending': { code: 'QD5049', severity: 'warning', en: 'commit {commit} changed {file} under baseline proposal {proposal}, which is at {stage}: the change is in effect but not approved', zh: '提交 {commit} 依据基线提案 {proposal} 修改了 {file}，而该提案处于{stage}阶段：修改已生效但尚未批准', slots: { stage: 'stage' } },
  'trust-root-not-as-approved': { code: 'QD5050', severity: 'error', en: 'commit {commit} makes {file} other than the roster proposal {proposal} proposes and was approved with', zh: '提交 {commit} 对 {file} 的修改与提案 {proposal} 所提出并经批准的名册不一致' },
  'merge-drops-change': { code: 'QD5052', severity: 'error', en: 'merge {commit} drops the change {parent} made to {file}: both sides changed it and the merge kept the other side\'s', zh: '合并提交 {commit} 丢弃了 {parent} 对 {file} 的修改：双方均修改了该文件，合并只保留了另一方的内容' },
  'proposed-roster-frozen': { code: 'QD5051', severity: 'error', en: 'commit {commit} changes the roster proposal {proposal} proposes, which is at {stage}', zh: '提交 {commit} 修改了处于{stage}阶段的提案 {proposal} 所提出的名册', slots: { stage: 'stage' } },
  'roster-moved-since-approval': { code: 'QD5053', severity: 'error', en: 'commit {commit} enacts proposal {proposal}, approved at {approval} against a roster that has changed since: enacting it would undo those changes', zh: '提交 {commit} 施行提案 {proposal}，但该提案于 {approval} 批准时所依据的名册此后已被修改：施行它将撤销这些修改' },
  'roster-moved-before-enactment': { code: 'QD5053', severity: 'error', en: 'proposal {proposal} was approved at {approval} against a roster that has changed since: enacting it would undo those changes', zh: '提案 {proposal} 于 {approval} 批准时所依据的名册此后已被修改：施行它将撤销这些修改' },
  'governance-base-not-ancestor': { code: 'QD5046', severity: 'error', en: 'the base {base} is not an ancestor of the head {head}: the history between them cannot be checked', zh: '基准 {base} 不是目标 {head} 的祖先提交：无法检查两者之间的历史' },
  'proposal-field-frozen': { code: 'QD5045', severity: 'error', en: 'commit {commit} changes the field {field} of proposal {id}, which is at {stage}', zh: '提交 {commit} 修改了处于{stage}阶段的提案 {id} 的字段 {field}', slots: { stage: 'stage' } },
} as const satisfies Record<string, DiagnosticKind>;

export type DiagnosticId = keyof typeof CODES;
export type DiagnosticArgs<I extends DiagnosticId> = ArgsOf<(typeof CODES)[I]>;

/**
 * Hints: what to do about a diagnostic. Like the codes, a hint is an id with typed arguments,
 * rendered in the reader's language.
 */
export const HINTS = {
  'did-you-mean': { en: 'did you mean {words}?', zh: '是否应为 {words}？', slots: { words: 'choices' } },
  'allowed-here': { en: 'allowed here: {words}', zh: '此处可用：{words}', slots: { words: 'words' } },
  'known-zones': { en: 'zones: {words}', zh: '已声明的片区：{words}', slots: { words: 'words' } },
  'known-statuses': { en: 'statuses: {words}', zh: '可用状态：{words}', slots: { words: 'words' } },
  'known-windows': { en: 'windows: {words}', zh: '可用统计周期：{words}', slots: { words: 'words' } },
  'cli-choices': { en: 'allowed: {words}', zh: '可用取值：{words}', slots: { words: 'words' } },
  'inside-clone': { en: 'run the command inside a clone of the policy repository', zh: '请在策略仓库的克隆中运行此命令' },
  'revision-names': { en: 'a revision is a commit, branch or tag of this repository', zh: '修订版本是本仓库的提交、分支或标签' },
  'listen-elsewhere': { en: 'choose another --port (or --host), or stop the program listening there', zh: '请改用其他 --port（或 --host），或停止在该地址监听的程序' },
  'input-bound': { en: 'a request or report is far smaller; check that the right file (or pipe) was given', zh: '请求或报告远小于此；请检查给定的文件（或管道）是否正确' },
  'public-key-only': { en: 'this is a private key: give the public one (public.pem); the private key stays where bundles are signed', zh: '这是私钥：请提供公钥（public.pem）；私钥只应留在签署策略包之处' },
  'another-zone-id': { en: 'give the zone another id, such as its place name in pinyin', zh: '请为该片区另取标识，例如其地名的拼音' },
  'key-files': { en: '--key takes one or more files: name the bundle before --key, or end the key files with --', zh: '--key 可接多个文件：请将策略包写在 --key 之前，或以 -- 结束密钥文件列表' },
  'workers-cores': { en: 'the limit is four per core of this machine: decisions are work for a core, and processes beyond the cores only take turns', zh: '上限为本机每个处理器核四个进程：判定需要占用处理器核，进程多于核数只会轮流运行' },
  'base-before-head': { en: 'the base is the commit the head was made from (for a pull request, its target branch), not a later one', zh: '基准应是目标所基于的提交（对拉取请求而言为其目标分支），而不是其后的提交' },
  'fewer-alternatives': { en: 'write the rung as a few alternatives (`or`) of bounds, or split it into rungs', zh: '请将该级条件写成少数几个以 `or` 连接的界限，或拆分为多级' },
  'write-text': { en: 'write the text the clause needs, or leave the clause out', zh: '请写出该子句所需的文字，或删去该子句' },
  'remove-control-character': { en: 'remove it: published text has no control characters (a line break is written \\n)', zh: '请删除：公布的文本中没有控制字符（换行写作 \\n）' },
  'bundle-first': { en: 'write one with `qingdan bundle --sign <private.pem>` and serve that file', zh: '请先用 `qingdan bundle --sign <私钥>` 生成归档文件，再提供该文件' },
  'record-too-large': { en: 'a governance record holds a few kilobytes of text: commit what it must say, and link or store anything larger elsewhere', zh: '治理记录只应有几千字节的文字：请提交其必须陈述的内容，更大的材料请以链接或在别处保存' },
  'new-pdf-folder': { en: 'name a new or empty folder for the PDFs (-o), or move these files away first', zh: '请为打印文件另取新目录或空目录（`-o`），或先将这些文件移走' },
  'new-output-file': { en: 'name a new file for the bundle (-o), or move this one away first', zh: '请为策略包另取文件名（-o），或先将该文件移走' },
  'io-path': { en: 'check the path and its permissions: a file read must exist, a folder written to must be on a file system you may write to', zh: '请检查路径及其权限：要读取的文件须存在，要写入的目录须位于您有权写入的文件系统' },
  'cli-help': { en: 'run with --help for usage', zh: '使用 --help 查看用法' },
  'write-instead': { en: 'write {replacement}', zh: '应写作 {replacement}' },
  'ascii-punctuation': { en: "use the ASCII {replacement} here; full-width punctuation belongs inside strings", zh: '此处应使用半角 {replacement}；全角标点只能出现在字符串中' },
  'remove-full-width': { en: 'remove it; full-width punctuation belongs inside strings', zh: '请删除；全角标点只能出现在字符串中' },
  'ascii-digits': { en: 'numbers are written in ASCII digits: {replacement}', zh: '数字应使用半角数字：{replacement}' },
  'ascii-comparison': { en: 'write {replacement}', zh: '应写作 {replacement}' },
  'iso-date': { en: 'dates are written YYYY-MM-DD: {replacement}', zh: '日期应写作 YYYY-MM-DD：{replacement}' },
  'no-unit': { en: 'volumes count natural persons without a unit: write {replacement}', zh: '数量即自然人数，不写单位：应写作 {replacement}' },
  'quote-chinese': { en: 'Chinese text must be written inside a string literal "…"', zh: '中文须写在字符串 "…" 之内' },
  'names-unquoted': { en: 'names (ids, zones, statuses) are written without quotes', zh: '名称（编号、片区、状态）不加引号' },
  'one-title': { en: 'a declaration takes one title string; paragraphs belong inside an article', zh: '声明只有一个标题字符串；段落应写在条文（article）中' },
  'matching-brace': { en: 'check that every { has its matching }', zh: '请检查每个 { 是否都有对应的 }' },
  escapes: { en: 'only \\", \\\\ and \\n are escapes', zh: '只有 \\"、\\\\ 和 \\n 是转义序列' },
  'close-string': { en: 'close the string with " on the same line', zh: '请在同一行内用 " 结束字符串' },
  'close-comment': { en: 'close the comment with */', zh: '请用 */ 结束注释' },
  'split-string': { en: 'split the text into several strings (an article takes one string per paragraph)', zh: '请将文本拆为多个字符串（条文每段一个字符串）' },
  'short-name': { en: 'a name is a short id such as owner-pi; put prose in a string', zh: '名称是 owner-pi 这样的短编号；文字请写在字符串中' },
  'split-files': { en: 'split the lists into several files', zh: '请将清单拆分为多个文件' },
  'fix-first-errors': { en: 'fix the first errors and check again', zh: '请先修正前面的错误，再重新检查' },
  'nesting': { en: 'a list nests scenario → item → condition; check for a missing } or )', zh: '清单的嵌套为 业务场景 → 数据项 → 条件；请检查是否缺少 } 或 )' },
  'unique-ids': { en: 'ids are how citations, requests and diffs find a declaration; give each its own', zh: '引用、请求和差异比对都靠编号找到声明；每个声明须有自己的编号' },
  'add-basis': { en: 'add `basis <document>.art<N>` citing the article it rests on', zh: '请添加 `basis <document>.art<N>`，引用其所依据的条文' },
  'merge-into': { en: 'merge it into {id} or delete it', zh: '请将其并入 {id} 或删除' },
  'check-whole-policy': { en: 'check the whole policy folder (qingdan check policy), not a single file', zh: '请检查整个策略目录（qingdan check policy），而非单个文件' },
  'positive-volume': { en: 'volumes count natural persons (Art. 27); write 0 or more', zh: '数量为自然人数（第二十七条），应为 0 或以上' },
  'whole-persons': { en: 'persons are counted whole; `1.5万` is fine, `1.00005万` is not', zh: '人数须为整数；`1.5万` 可以，`1.00005万` 不可以' },
  'whole-numbers': { en: 'chapters, articles, rules and years are numbered with whole numbers', zh: '章、条、规则和年份的编号须为整数' },
  'bound-lighter-rung': { en: 'bound the lighter rung below the stricter one', zh: '请将较宽松的一级限定在较严格一级之下' },
  'bound-lighter-rung-to': { en: 'bound the lighter rung below the stricter one: {condition}', zh: '请将较宽松的一级限定在较严格一级之下：{condition}' },
  'start-rung-at': { en: 'start this rung at {volume} or extend the rung below', zh: '请将这一级从 {volume} 起算，或延伸下一级' },
  'open-top-rung': { en: 'the top rung of {what} {id} must be open-ended (`{measure} >= …`)', zh: '{what} {id} 的最高一级须不设上限（`{measure} >= …`）', slots: { what: 'noun' } },
  'lower-bound-first': { en: 'write the lower bound first: `in low..high`', zh: '请先写下限：`in low..high`' },
  'sequential-numbers': { en: 'numbers run 1, 2, 3 … in the order written; citations depend on them', zh: '编号按书写顺序为 1、2、3……；引用依赖这些编号' },
  'rising-numbers': { en: 'a paraphrase may leave articles out, but the numbers it keeps rise in the order written', zh: '概述可以略去部分条文，但保留的条号须按书写顺序递增' },
  'annex-codes': { en: 'did you mean {expected}? The annex numbers its codes {first}, {second} … in the order of its table, and lists and requests cite these codes', zh: '是否应为 {expected}？附件按表格顺序编号为 {first}、{second}……，清单和请求引用这些编号' },
  'trial-before': { en: "the measures' trial runs from {from} until {until}; a list cannot take effect before the measures", zh: '管理办法试行期为 {from} 至 {until} 前；清单不能早于管理办法施行' },
  'trial-until': { en: "the measures' trial runs from {from} until {until}; write until {until} or earlier", zh: '管理办法试行期为 {from} 至 {until} 前；请写 until {until} 或更早' },
  'trial-runs': { en: "the measures' trial runs from {from} until {until}", zh: '管理办法试行期为 {from} 至 {until} 前' },
  'trial-before-unconfirmed': { en: "the measures' trial runs from {from} until {until} (publication date to be confirmed); a list cannot take effect before the measures", zh: '管理办法试行期为 {from} 至 {until} 前（公布日期待确认）；清单不能早于管理办法施行' },
  'trial-until-unconfirmed': { en: "the measures' trial runs from {from} until {until} (publication date to be confirmed); write until {until} or earlier", zh: '管理办法试行期为 {from} 至 {until} 前（公布日期待确认）；请写 until {until} 或更早' },
  'trial-runs-unconfirmed': { en: "the measures' trial runs from {from} until {until} (publication date to be confirmed)", zh: '管理办法试行期为 {from} 至 {until} 前（公布日期待确认）' },
  'important-or-thresholds': { en: 'remove the thresholds, or remove `important` if only large volumes are important data', zh: '请删除量级条件；若仅大量数据才属重要数据，则删除 `important`' },
  'mark-important': { en: 'mark it `important` or give it `assessment when …` / `contract when …`', zh: '请标注 `important`，或写明 `assessment when …` / `contract when …`' },
  'another-list-id': { en: 'choose another id, or edit the existing list', zh: '请另选编号，或编辑已有清单' },
  // Build and I/O.
  'copy-not-link': { en: 'copy the file into the project instead of linking to it', zh: '请将文件复制到项目中，而非链接' },
  'commit-not-link': { en: 'commit the file itself: a policy source is never read through a link', zh: '请提交文件本身：策略源文件不经链接读取' },
  'regular-sources': { en: 'policy sources are regular .qd files', zh: '策略源文件须为普通 .qd 文件' },
  'inside-project': { en: 'sources are read only from inside the project, so that a build depends on the project alone', zh: '源文件只从项目内读取，使构建只依赖项目本身' },
  'file-too-large': { en: 'a policy file this large is not policy text; split the lists into several files', zh: '如此大的文件不是策略文本；请将清单拆分为多个文件' },
  'out-in-project': { en: 'name a folder inside the project for the build, such as dist', zh: '请为构建指定项目内的目录，例如 dist' },
  'out-no-sources': { en: 'the build replaces its output folder as a whole; name a folder that holds no sources, such as dist', zh: '构建会整体替换输出目录；请指定不含源文件的目录，例如 dist' },
  'out-outside-sources': { en: 'keep built artifacts out of the source folders; name a folder such as dist', zh: '构建产物不应放在源目录中；请指定 dist 这样的目录' },
  'out-own-link': { en: 'a build only replaces the link it made itself; remove the link or name another folder', zh: '构建只替换自己创建的链接；请删除该链接或另选目录' },
  'out-folder': { en: 'name a folder, such as dist', zh: '请指定一个目录，例如 dist' },
  'out-own-folders': { en: 'give the build and the site folders of their own, such as dist and site', zh: '请为构建输出与评审网站各用一个目录' },
  'out-empty': { en: 'a build replaces its output folder as a whole; name an absent or empty folder, or move these files away', zh: '构建会整体替换输出目录；请指定不存在或为空的目录，或移走这些文件' },
  // Governance.
  'record-filing': { en: 'record the national filing receipt: qingdan proposal advance <id> --to filed --receipt <number>', zh: '请记录国家备案回执：qingdan proposal advance <id> --to filed --receipt <number>' },
  'link-proposal': { en: 'add proposal "<id>" to the list; no list is in force unless its proposal is filed', zh: '请在清单中添加 proposal "<id>"；提案未备案的清单不会生效' },
  'create-proposal': { en: 'create it with: qingdan proposal new', zh: '请用 qingdan proposal new 创建' },
  'advance-updates-status': { en: '`qingdan proposal advance` updates the status of the lists it governs', zh: '`qingdan proposal advance` 会更新其所管清单的状态' },
  'signer-in-roster': { en: 'every signer must be in policy/governance/roster.yaml', zh: '每位签核人都须在 policy/governance/roster.yaml 中' },
  'enrol-key': { en: 'enrol the person\u2019s public key in the roster through a governance proposal', zh: '请通过治理提案将其公钥登记到名册中' },
  'holds-roles': { en: '{person} holds: {words}', zh: '{person} 担任：{words}', slots: { words: 'words' } },
  'roles-are': { en: 'roles: {words}', zh: '角色：{words}', slots: { words: 'words' } },
  'no-self-signoff': { en: 'nobody signs off their own proposal', zh: '任何人都不得签核本人的提案' },
  'proposal-folder': { en: 'a proposal lives in proposals/<id>/; its id never changes', zh: '提案位于 proposals/<id>/；其编号不得变更' },
  'raiser-resolves': { en: 'only the person who raised a concern, or the chair recorded as such, resolves it', zh: '关切只能由提出者或登记的主席解决' },
  'concern-back-to-review': { en: 'a new concern sends the proposal back to review until its raiser resolves it', zh: '新的关切会使提案退回审查，直至提出者解决' },
  'registrar-records': { en: 'a registrar records stages completed outside this workflow, citing the external document', zh: '流程之外完成的阶段由登记员记录，并引用外部文件' },
  'one-stage-at-a-time': { en: 'advance one stage at a time with `qingdan proposal advance`', zh: '请用 `qingdan proposal advance` 逐阶段推进' },
  'enact-proposed-roster': { en: 'copy {path} to the roster as it is, in the commit that advances {id} to in-force', zh: '请在将 {id} 推进至施行阶段的提交中，将 {path} 原样作为名册' },
  'merge-keeping-both': { en: 'merge again keeping both sides\' changes, and undo a change, if it must go, in a commit of its own', zh: '请重新合并并保留双方的修改；如需撤销某项修改，请另行单独提交' },
  'propose-on-roster-in-force': { en: 'open a new governance proposal whose roster starts from the roster in force now', zh: '请以现行名册为基础另行提出治理提案' },
  'fetch-whole-history': { en: 'fetch the whole history (`git fetch --unshallow`; in CI, a checkout with `fetch-depth: 0`)', zh: '请获取完整历史（`git fetch --unshallow`；在持续集成中检出时设置 `fetch-depth: 0`）' },
  'raise-concern-first': { en: 'raise a concern to send the proposal back to review first', zh: '请先提出关切，使提案退回审查' },
  'enact-with-roster': { en: 'advance {id} to in-force (`qingdan proposal advance {id} --to in-force`) and commit it with the trust roots, in one signed commit', zh: '请将 {id} 推进至施行阶段（`qingdan proposal advance {id} --to in-force`），并与信任根的修改一起以一次签名提交' },
  'approve-baseline-first': { en: 'take proposal {id} to approved before its change of the baseline is merged', zh: '请先使提案 {id} 获得批准，再合并其对基线的修改' },
  'open-baseline-proposal': { en: 'open a baseline proposal (kind: baseline) and name it in a `Proposal: <id>` trailer', zh: '请新建基线提案（kind: baseline），并在提交说明中写明 `Proposal: <id>`' },
  'never-delete-proposal': { en: 'a proposal ends withdrawn, rejected or superseded; it is never deleted', zh: '提案以撤回、否决或被取代结束，不得删除' },
  'history-grows': { en: 'the history only grows: `qingdan proposal advance` appends to it', zh: '历史记录只增不改：`qingdan proposal advance` 会追加记录' },
  'never-delete-comment': { en: 'a comment is answered by its disposition, never deleted', zh: '意见以处理结果答复，不得删除' },
  'never-delete-concern': { en: 'a concern is closed by its resolution, never by deleting it', zh: '关切以解决结束，不得删除' },
  'raiser-commits-resolution': { en: 'the raiser (or the chair) commits the resolution, signed with their key', zh: '解决由提出者（或主席）以其密钥签名提交' },
  'commits-in-order': { en: 'commits follow each other in time; a back-dated commit is refused', zh: '提交须按时间先后；倒签日期的提交将被拒绝' },
  'signer-commits': { en: 'a sign-off is committed by the person it names', zh: '签核须由其署名者本人提交' },
  'sign-commit': { en: 'commit with -c gpg.format=ssh -c user.signingkey=<your key> -S', zh: '请用 -c gpg.format=ssh -c user.signingkey=<your key> -S 签名提交' },
  'sign-again': { en: '{person} signs again: qingdan proposal sign {id} --stage {stage} --role {role} --person {person}', zh: '{person} 需重新签核：qingdan proposal sign {id} --stage {stage} --role {role} --person {person}' },
  'signoff-window': { en: 'sign-offs count when dated between {from} and {to}; qingdan proposal sign {id} --stage {stage} --role {role} --person <id>', zh: '日期在 {from} 至 {to} 之间的签核才有效；qingdan proposal sign {id} --stage {stage} --role {role} --person <id>' },
  'resolve-comment': { en: 'qingdan proposal resolve {id} {comment} --decision accepted|partly|rejected', zh: '请记录处理结果：qingdan proposal resolve {id} {comment} --decision accepted|partly|rejected' },
  'fill-record': { en: '{file} still holds values marked {marker}: fill them in', zh: '{file} 中仍有标为 {marker} 的内容：请填写' },
  'existing-records': { en: 'the records are: {words}', zh: '现有记录：{words}', slots: { words: 'words' } },
  'stricter-above': { en: 'every larger volume, naming the same kinds, must meet a rung at least as strict: bound this alternative, or give the volumes above it a stricter rung', zh: '同样类别下更大的数量均须满足不低于此级的条件：请为该情形设定上限，或为其上的数量设定更严格的一级' },
  'install-chromium': { en: "install Debian's chromium headless shell and CJK fonts (`apt-get install chromium-headless-shell fonts-noto-cjk`; chromium itself also does) or set CHROMIUM_PATH", zh: '请安装 Debian 的 chromium 无界面版及中文字体（`apt-get install chromium-headless-shell fonts-noto-cjk`；chromium 亦可），或设置 `CHROMIUM_PATH`' },
  'run-build-first': { en: 'run `qingdan build` first', zh: '请先运行 `qingdan build`' },
  'commit-proposal-first': { en: 'commit the proposal, then run the command again', zh: '请先提交该提案，再运行此命令' },
  // What `qingdan proposal status` lists as still to do before the next stage (compiler/governance/todo.ts).
  'todo-sign': { en: 'sign {stage} as {roleName} ({role})', zh: '以{roleName}（{role}）身份签核{stage}阶段', slots: { stage: 'stage' } },
  'todo-sign-again': { en: 'sign {stage} as {roleName} ({role}); the sign-off of {stale} no longer counts: what it approved has changed', zh: '以{roleName}（{role}）身份签核{stage}阶段；{stale} 的签核已失效：其所批准的内容已变更', slots: { stage: 'stage', stale: 'words' } },
  'todo-answer-comment': { en: 'answer comment {comment} ({author}, on {target}) with a disposition', zh: '答复意见 {comment}（{author}，针对 {target}），给出处理结果' },
  'todo-resolve-concern': { en: 'resolve concern {concern} (on {target}); the chair may close it instead (--as-chair)', zh: '解决关切 {concern}（针对 {target}）；也可由主席关闭（--as-chair）' },
  'todo-wait-review': { en: 'wait for the end of the review window on {date}', zh: '等待征求意见期于 {date} 结束' },
  'todo-filing-receipt': { en: 'record the national filing receipt', zh: '记录国家备案回执' },
  'commit-file-itself': { en: 'commit the file itself, not a link to it', zh: '请提交文件本身，而非指向它的链接' },
} as const satisfies Record<string, MessageKind>;

export type HintId = keyof typeof HINTS;

/** Notes of related locations ("first declared here"). */
export const NOTES = {
  'first-declared-here': { en: 'first declared here', zh: '首次声明于此' },
  'first-given-here': { en: 'first given here', zh: '首次出现于此' },
  'declared-here': { en: 'declared here', zh: '声明于此' },
  'rung-below-ends-here': { en: 'the rung below ends here', zh: '下一级止于此' },
  'rung-claims-here': { en: 'the {pathway} rung claims it here', zh: '{pathway} 一级在此已涵盖' },
  rung: { en: 'the {pathway} rung', zh: '{pathway} 一级' },
  'measures-published-here': { en: 'the measures are published here', zh: '管理办法的公布日期在此' },
} as const satisfies Record<string, MessageKind>;

export type NoteId = keyof typeof NOTES;
