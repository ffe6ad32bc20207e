/**
 * What `--help` says, in both languages: one entry per command (by its path, `proposal new`),
 * with its description and those of its arguments (by name) and options (by long flag). The
 * commands in `commands/` declare only their syntax; `localiseHelp` sets every description from
 * this table in the reader's language before the command line is parsed. A test walks the real
 * program and checks that the table covers it exactly and that the Chinese is complete.
 */
import { Help as HelpClass, type Argument, type Command, type Help, type Option } from 'commander';
import { stripVTControlCharacters } from 'node:util';
import type { Lang, Text } from '../compiler/diagnostic-codes.js';
import { displayWidth } from '../compiler/display-width.js';
import { wrapText } from './wrap-text.js';

/** The help of one command. */
export interface CommandHelp {
  readonly description: Text;
  readonly arguments?: Readonly<Record<string, Text>>;
  readonly options?: Readonly<Record<string, Text>>;
}

const JSON_OUT = { en: 'print the result as JSON on stdout', zh: '在标准输出中以 JSON 格式输出结果' };
const SOURCES = { en: 'files or folders of .qd sources', zh: '.qd 源文件或其所在目录' };
const PROPOSAL = { en: 'proposal id', zh: '提案编号' };
const DATE_TODAY = { en: 'date (default: today)', zh: '日期（默认：今天）' };
const BASE_REVISION = { en: 'base revision (default: the merge-base of HEAD with main)', zh: '基准修订版本（默认：HEAD 与 main 的合并基点）' };
const DECIDE_WITH = {
  '--bundle': { en: 'a bundle archive (qingdan bundle) to decide with', zh: '用于判定的策略包归档（由 qingdan bundle 生成）' },
  '--dist': { en: 'the built policy to decide with (when no --bundle)', zh: '用于判定的已构建策略（未指定 --bundle 时）' },
  '--key': { en: 'trusted Ed25519 public key(s): only a bundle they signed is used', zh: '受信任的 Ed25519 公钥：只使用由其签名的策略包' },
};

export const COMMAND_HELP = {
  qingdan: {
    description: { en: 'policy-as-code for the data-export negative lists of the Guangdong FTZ and the Hetao Shenzhen Park', zh: '中国（广东）自由贸易试验区及河套深圳园区数据出境负面清单的策略即代码工具' },
    options: {
      '--version': { en: 'output the version number', zh: '显示版本号' },
      '--lang': { en: 'language of messages and help (default: from LC_ALL or LANG; zh_* is Chinese)', zh: '提示信息和帮助的语言（默认取自 LC_ALL 或 LANG；zh_* 为中文）' },
    },
  },
  check: {
    description: { en: 'parse and check .qd policy sources; report every problem with its location', zh: '解析并检查 .qd 策略源文件；逐一报告问题及其位置' },
    arguments: { paths: SOURCES },
    options: { '--json': { en: 'print diagnostics as JSON on stdout', zh: '在标准输出中以 JSON 格式输出诊断信息' } },
  },
  build: {
    description: { en: 'compile .qd sources into dist/: policy.json, manifest.json and their JSON Schemas', zh: '将 .qd 源文件编译到 dist/：policy.json、manifest.json 及其 JSON Schema' },
    arguments: { paths: SOURCES },
    options: {
      '--out': { en: 'output folder (replaced only when the build succeeds)', zh: '输出目录（仅在构建成功时替换）' },
      '--amendments-since': { en: 'add a revision note (修订说明) to the gazette: the amendments since this git revision', zh: '在公报中加入修订说明：自该 git 修订版本以来的修订' },
      '--json': JSON_OUT,
    },
  },
  evaluate: {
    description: { en: 'decide the pathway of a planned transfer described by a request (JSON file, or - for stdin)', zh: '判定请求所述拟出境数据的出境路径（JSON 文件，或用 - 表示标准输入）' },
    arguments: { request: { en: 'request.json, or - to read standard input', zh: 'request.json，或用 - 读取标准输入' } },
    options: {
      '--dist': { en: 'the built policy bundle', zh: '已构建的策略包' },
      '--as-of': { en: 'override the request’s asOf (YYYY-MM-DD)', zh: '覆盖请求中的 `asOf` 日期（YYYY-MM-DD）' },
      '--preview': { en: 'let draft, consultation and approved lists decide too', zh: '草案、征求意见稿和已批准的清单也参与判定' },
      '--json': { en: 'print the response JSON', zh: '输出 JSON 格式的判定结果' },
    },
  },
  gazette: {
    description: { en: 'print the built gazette (dist/gazette/*.html) to PDF with chromium', zh: '用 chromium 将已构建的公报（dist/gazette/*.html）打印为 PDF' },
    arguments: { pages: { en: 'pages to print, e.g. measures lists/icv (default: all)', zh: '要打印的页面，例如 measures lists/icv（默认：全部）' } },
    options: {
      '--dist': { en: 'the build output holding gazette/', zh: '包含 gazette/ 的构建输出目录' },
      '--pdf': { en: 'print every page to PDF', zh: '将每个页面打印为 PDF' },
      '--out': { en: 'where the PDFs go: a new or empty folder, or one printed into before', zh: 'PDF 的输出目录：新目录、空目录或曾打印到的目录' },
    },
  },
  diff: {
    description: { en: 'compare the policy at two git revisions in regulatory terms', zh: '从规范意义上比较两个 git 修订版本的策略' },
    arguments: { base: BASE_REVISION, head: { en: 'head revision (default: the working tree)', zh: '目标修订版本（默认：工作区）' } },
    options: {
      '--format': { en: 'markdown | json | amendment', zh: '输出格式：markdown | json | amendment' },
      '--max-bytes': { en: 'cut the Markdown report at this size (for PR comments)', zh: 'Markdown 报告的最大字节数，超出则截断（用于合并请求评论）' },
      '--changeset': { en: 'write a changeset whose bump and summary follow the diff', zh: '写入变更集，其版本级别和摘要依据差异生成' },
    },
  },
  release: { description: { en: 'release checks for CI', zh: '持续集成中的发布检查' } },
  'release check': {
    description: { en: 'fail when policy/ changed since the base without a changeset, or with a lower bump than the diff requires', zh: '若 policy/ 自基准以来有变更却没有变更集，或变更集的版本级别低于差异所要求的，则检查失败' },
    options: { '--base': BASE_REVISION, '--json': { en: 'print the verdict as JSON', zh: '以 JSON 格式输出结论' } },
  },
  proposal: { description: { en: 'draft a list through the stages of measures Art. 9 (proposals/<id>/)', zh: '按管理办法第九条的阶段起草清单（proposals/<id>/）' } },
  'proposal new': {
    description: { en: 'create proposals/<YYYY-NNNN-slug>/proposal.yaml at the draft stage', zh: '新建处于起草阶段的 proposals/<YYYY-NNNN-slug>/proposal.yaml' },
    arguments: { slug: { en: 'short name, e.g. icv', zh: '简称，例如 icv' } },
    options: {
      '--title': { en: 'the list’s title', zh: '清单标题' },
      '--kind': { en: 'list (default), baseline (national baseline, measures, annex) or governance (the roster)', zh: '提案类别：list（默认，清单）、baseline（国家基线、管理办法、附件）或 governance（名册）' },
      '--sector': { en: 'annex sector, e.g. S16 (list proposals)', zh: '附件所属领域，例如 S16（清单提案）' },
      '--list': { en: 'the lists it touches (list proposals)', zh: '涉及的清单（清单提案）' },
      '--author': { en: 'roster ids of its authors', zh: '起草人在名册中的编号' },
      '--date': { en: 'date of the draft (default: today)', zh: '起草日期（默认：今天）' },
    },
  },
  'proposal status': {
    description: { en: 'show a proposal’s stage and what it needs to move on', zh: '显示提案所处阶段及进入下一阶段尚需完成的事项' },
    arguments: { id: { en: 'proposal id (default: all)', zh: '提案编号（默认：全部）' } },
    options: { '--json': { en: 'print as JSON', zh: '以 JSON 格式输出' } },
  },
  'proposal advance': {
    description: { en: 'move a proposal to its next stage (or --to withdrawn|rejected|superseded) and update its lists’ status', zh: '将提案推进到下一阶段（或用 --to 指定 withdrawn|rejected|superseded），并更新其清单的状态' },
    arguments: { id: PROPOSAL },
    options: {
      '--to': { en: 'target stage (default: the next one)', zh: '目标阶段（默认：下一阶段）' },
      '--date': { en: 'date of the transition (default: today)', zh: '推进日期（默认：今天）' },
      '--receipt': { en: 'the national filing receipt (entering filed)', zh: '国家备案回执（进入报备阶段时）' },
      '--filing-date': { en: 'date of the filing receipt (default: --date)', zh: '备案回执日期（默认：同 --date）' },
      '--superseded-by': { en: 'the proposal that supersedes this one', zh: '取代本提案的提案' },
      '--note': { en: 'a note in the history', zh: '写入历史记录的备注' },
    },
  },
  'proposal comment': {
    description: { en: 'record a comment (or, with --concern, a concern that blocks approval) on a proposal', zh: '记录对提案的意见（或用 --concern 记录阻碍批准的关切）' },
    arguments: { id: PROPOSAL },
    options: {
      '--target': { en: 'what it is about: a list or list item (icv.owner-pi)', zh: '所针对的对象：清单或数据项（如 icv.owner-pi）' },
      '--text': { en: 'the comment', zh: '意见内容' },
      '--author': { en: 'who commented (a department, a company, a person)', zh: '提出意见者（部门、企业或个人）' },
      '--person': { en: 'the roster id of the commenter, when they are in the roster', zh: '提出者在名册中的编号（如在名册中）' },
      '--concern': { en: 'a concern: blocks approval until its raiser resolves it (needs --person)', zh: '关切：在提出者解决之前阻碍批准（须指定 --person）' },
      '--date': DATE_TODAY,
    },
  },
  'proposal resolve': {
    description: { en: 'give a comment its disposition, or resolve a concern (only its raiser may)', zh: '给出意见的处理结果，或解决关切（只有提出者可以）' },
    arguments: { id: PROPOSAL, item: { en: 'comment or concern number, e.g. 001', zh: '意见或关切的编号，例如 001' } },
    options: {
      '--decision': { en: 'for a comment: accepted | partly | rejected', zh: '意见的处理结果：accepted | partly | rejected' },
      '--reason': { en: 'why (required for partly and rejected)', zh: '理由（partly 和 rejected 时必填）' },
      '--by': { en: 'roster id of who decides (for a concern: its raiser)', zh: '决定者在名册中的编号（关切须为其提出者）' },
      '--note': { en: 'for a concern: how it was resolved', zh: '关切的解决方式' },
      '--as-chair': { en: 'for a concern: resolved by the chair (the roster’s chair role) in place of its raiser', zh: '关切由主席（名册中的主席角色）代替提出者解决' },
      '--date': DATE_TODAY,
    },
  },
  'proposal sign': {
    description: { en: 'write a sign-off (signoffs/<stage>--<role>--<person>.yaml) binding what HEAD holds; commit it yourself, signed with your key', zh: '写入签核记录（signoffs/<stage>--<role>--<person>.yaml），绑定 HEAD 中的内容；请自行用本人密钥签名提交' },
    arguments: { id: PROPOSAL },
    options: {
      '--stage': { en: 'the stage signed', zh: '签核的阶段' },
      '--role': { en: 'the role you sign in', zh: '签核所用的角色' },
      '--person': { en: 'your roster id', zh: '本人在名册中的编号' },
      '--date': DATE_TODAY,
      '--note': { en: 'a note', zh: '备注' },
    },
  },
  'proposal check': {
    description: { en: 'check proposals (default: all) with every governance rule', zh: '用全部治理规则检查提案（默认：全部）' },
    arguments: { ids: { en: 'proposal ids', zh: '提案编号' } },
    options: {
      '--no-history': { en: 'skip the rules that read git history', zh: '跳过读取 git 历史的规则' },
      '--json': { en: 'print the verdict as JSON', zh: '以 JSON 格式输出结论' },
    },
  },
  governance: { description: { en: 'check the drafting workflow of the lists (rosters, proposals, sign-offs, git history)', zh: '检查清单的起草流程（名册、提案、签核、git 历史）' } },
  'governance check': {
    description: { en: 'check the roster, every proposal, the lists’ statuses and, with git, who committed and signed each sign-off', zh: '检查名册、每项提案、清单状态，并借助 git 核对每份签核由谁提交和签名' },
    options: {
      '--base': { en: 'the trusted revision: its roster is the trust root, and only commits after it are walked', zh: '受信任的修订版本：以其名册为信任根，只检查其后的提交' },
      '--head': { en: 'the revision checked, read from git objects (default: HEAD)', zh: '被检查的修订版本，从 git 对象读取（默认：HEAD）' },
      '--no-history': { en: 'skip the history walk (signatures and commit rules)', zh: '不检查历史（签名和提交规则）' },
      '--json': { en: 'print the verdict as JSON', zh: '以 JSON 格式输出结论' },
    },
  },
  'governance codeowners': {
    description: { en: 'regenerate the CODEOWNERS file from the roster', zh: '根据名册重新生成 CODEOWNERS 文件' },
    options: { '--check': { en: 'do not write; exit 1 when the file is out of date', zh: '不写入；文件过期时以状态码 1 退出' } },
  },
  bundle: {
    description: { en: 'build the policy into one deterministic .tar.gz of data (manifest, policy.json, schemas), optionally signed', zh: '将策略构建为一个确定性的 .tar.gz 数据包（manifest、policy.json、Schema），可选签名' },
    arguments: { paths: SOURCES },
    options: {
      '--out': { en: 'the archive to write', zh: '要写入的归档文件' },
      '--sign': { en: 'sign the manifest with this Ed25519 private key (DSSE envelope)', zh: '用该 Ed25519 私钥签名 manifest（DSSE 信封）' },
      '--gazette': { en: 'carry the gazette (markdown and HTML) as data', zh: '将公报（Markdown 和 HTML）作为数据一并打包' },
    },
  },
  keys: { description: { en: 'signing keys for bundles', zh: '策略包的签名密钥' } },
  'keys generate': {
    description: { en: 'write an Ed25519 key pair: <dir>/private.pem (keep secret) and <dir>/public.pem (give to integrators)', zh: '生成 Ed25519 密钥对：<dir>/private.pem（须保密）和 <dir>/public.pem（提供给集成方）' },
    arguments: { dir: { en: 'folder to write the keys into', zh: '写入密钥的目录' } },
  },
  verify: {
    description: { en: 'verify a bundle archive as a loader would: signature by a trusted key, every file against the manifest, then the policy against its schema', zh: '按运行时载入的方式校验策略包归档：先校验受信任密钥的签名，再按 manifest 校验每个文件，最后按其格式规范校验策略数据' },
    arguments: { bundle: { en: 'a .tar.gz written by qingdan bundle', zh: '由 qingdan bundle 生成的 .tar.gz 文件' } },
    options: { '--key': { en: 'trusted Ed25519 public key(s)', zh: '受信任的 Ed25519 公钥' }, '--json': JSON_OUT },
  },
  report: { description: { en: 'the export report of measures Art. 15: check it against the current bundle, compare it with an export log', zh: '管理办法第十五条的出境报告：按当前策略包检查，或与出境日志比对' } },
  'report check': {
    description: { en: 'validate a report against its schema, re-decide it with the current bundle, and name every item whose pathway changed since it was filed', zh: '按 Schema 校验报告，用当前策略包重新判定，并列出自报告以来出境路径有变化的每个数据项' },
    arguments: { report: { en: 'report.json', zh: '报告文件 report.json' } },
    options: { '--as-of': { en: 're-decide on this date instead of the report’s asOf (YYYY-MM-DD)', zh: '以该日期代替报告中的 `asOf` 重新判定（YYYY-MM-DD）' }, ...DECIDE_WITH, '--json': JSON_OUT },
  },
  'report compare': {
    description: { en: 'count a log of actual exports (one JSON line per transfer) as measures Art. 27 does, and list every difference from the report', zh: '按管理办法第二十七条统计实际出境日志（每次出境一行 JSON），并列出与报告的每处差异' },
    arguments: { report: { en: 'report.json', zh: '报告文件 report.json' }, exports: { en: 'exports.jsonl, or - to read standard input', zh: '出境日志 exports.jsonl，或以 - 读取标准输入' } },
    options: { '--max-persons': { en: 'the most distinct person keys held for de-duplication (16–48 bytes each)', zh: '去重时最多保存的不同个人标识数（每个 16–48 字节）' }, ...DECIDE_WITH, '--json': JSON_OUT },
  },
  serve: {
    description: { en: 'serve a bundle (GET /v1/bundle) and decide requests (POST /v1/decide) over HTTP; SIGHUP or a changed file reloads it', zh: '通过 HTTP 提供策略包（GET /v1/bundle）并判定请求（POST /v1/decide）；收到 SIGHUP 或文件变更时重新加载' },
    arguments: { bundle: { en: 'the archive written by qingdan bundle', zh: '由 qingdan bundle 生成的归档文件' } },
    options: {
      '--key': { en: 'trusted Ed25519 public key(s): only bundles signed by one of them are served', zh: '受信任的 Ed25519 公钥：只提供由其中之一签名的策略包' },
      '--allow-unsigned': { en: 'serve without checking signatures (development only)', zh: '不校验签名（仅用于开发）' },
      '--host': { en: 'address to listen on', zh: '监听地址' },
      '--port': { en: 'port to listen on (0: any free port)', zh: '监听端口（0 表示任一空闲端口）' },
      '--body-limit': { en: 'largest request body; larger is 413', zh: '请求体的最大字节数；超出返回 413' },
      '--max-batch': { en: 'most requests in one batch; more is 413', zh: '一批中最多的请求数；超出返回 413' },
      '--decision-log': { en: 'append one JSON line per decision (time, request digest, pathway, bundle version)', zh: '每次判定追加一行 JSON（时间、请求摘要、出境路径、策略包版本）' },
      '--watch-interval': { en: 'how often to look for a changed bundle file (0: only on SIGHUP)', zh: '检查策略包文件变更的间隔（0 表示仅在收到 SIGHUP 时）' },
      '--log-requests': { en: 'log every HTTP request', zh: '记录每个 HTTP 请求' },
      '--workers': { en: 'server processes sharing the port (node:cluster), to decide on more than one core', zh: '共享端口的服务进程数（node:cluster），以便在多个核心上判定' },
    },
  },
  site: {
    description: { en: 'write the static review site: proposals board, a page per proposal, the gazette (read from git objects)', zh: '生成静态审阅网站：提案看板、每项提案一页、公报（从 git 对象读取）' },
    options: {
      '--out': { en: 'output folder (replaced only when the site is complete)', zh: '输出目录（仅在网站生成完整时替换）' },
      '--date': { en: 'the day ages and review deadlines are counted to (default: today, UTC)', zh: '计算时长和审阅期限所依据的日期（默认：今天，UTC）' },
      '--head': { en: 'the revision shown', zh: '展示的修订版本' },
      '--base': { en: 'compare every proposal with this revision (default: the commit before each proposal was created)', zh: '与该修订版本比较每项提案（默认：每项提案创建前的提交）' },
    },
  },
  fmt: {
    description: { en: 'rewrite .qd sources in canonical layout (comments and Chinese text kept); --check only lists the files that would change', zh: '按规范格式重写 .qd 源文件（保留注释和中文文本）；--check 只列出需要改动的文件' },
    arguments: { paths: SOURCES },
    options: { '--check': { en: 'write nothing; exit 1 when a file is not in canonical form', zh: '不写入；有文件不符合规范格式时以状态码 1 退出' } },
  },
  new: { description: { en: 'create policy files from skeletons', zh: '根据模板新建策略文件' } },
  'new list': {
    description: { en: 'write policy/lists/<id>.qd: a complete draft list for the sector that passes check, its texts marked 待填写', zh: '写入 policy/lists/<id>.qd：该领域完整且能通过检查的清单草稿，其文字标为“待填写”' },
    arguments: { id: { en: 'the list id (lower-case letters, digits, hyphens)', zh: '清单编号（小写字母、数字和连字符）' } },
    options: {
      '--sector': { en: 'the annex subcategory the list covers', zh: '清单所属的附件子类' },
      '--effective': { en: 'first day in effect (default: the first of next month); the list runs two years', zh: '施行首日（默认：下月一日）；清单有效期两年' },
      '--policy': { en: 'the policy folder', zh: '策略目录' },
    },
  },
  lsp: {
    description: { en: 'run the .qd language server over stdio (diagnostics, hover, definition, references, completion, outline, formatting)', zh: '通过标准输入输出运行 .qd 语言服务器（诊断、悬停提示、跳转定义、查找引用、补全、大纲、格式化）' },
    options: { '--stdio': { en: 'talk over stdin/stdout (the default; accepted because editors pass it)', zh: '通过标准输入输出通信（默认；因编辑器会传入此选项而接受）' } },
  },
} as const satisfies Record<string, CommandHelp>;

/** The help printer's own words: section titles, the built-in help option and command, and notes on values. */
export const HELP_WORDS = {
  'Usage:': { en: 'Usage:', zh: '用法：' },
  'Arguments:': { en: 'Arguments:', zh: '参数：' },
  'Options:': { en: 'Options:', zh: '选项：' },
  'Global Options:': { en: 'Global Options:', zh: '全局选项：' },
  'Commands:': { en: 'Commands:', zh: '命令：' },
  '[options]': { en: '[options]', zh: '[选项]' },
  '[command]': { en: '[command]', zh: '[命令]' },
  help: { en: 'display help for command', zh: '显示命令帮助' },
  choices: { en: 'choices', zh: '可选值' },
  default: { en: 'default', zh: '默认' },
} as const satisfies Record<string, Text>;

/** The punctuation of the value notes in each language. */
const NOTE_MARKS = { en: { open: ' (', colon: ': ', comma: ', ', close: ')' }, zh: { open: '（', colon: '：', comma: '、', close: '）' } } as const;

/** `(choices: …, default: …)` after a description, in `lang`. */
function valueNotes(described: string, item: Pick<Option, 'argChoices' | 'defaultValue' | 'defaultValueDescription'>, showDefault: boolean, lang: Lang): string {
  const m = NOTE_MARKS[lang];
  const notes = [
    ...(item.argChoices ? [`${HELP_WORDS.choices[lang]}${m.colon}${item.argChoices.join(m.comma)}`] : []),
    ...(showDefault && item.defaultValue !== undefined ? [`${HELP_WORDS.default[lang]}${m.colon}${item.defaultValueDescription ?? JSON.stringify(item.defaultValue)}`] : []),
  ];
  return notes.length ? `${described}${m.open}${notes.join(lang === 'zh' ? '；' : m.comma)}${m.close}` : described;
}

/** A usage line with commander's `[options]` and `[command]` in `lang`. */
function usageWords(usage: string, lang: Lang): string {
  return usage.replace('[options]', HELP_WORDS['[options]'][lang]).replace('[command]', HELP_WORDS['[command]'][lang]);
}

/** The help printer's configuration in `lang`: titles and value notes in its words. */
function helpIn(lang: Lang): Partial<Help> {
  const titles = HELP_WORDS as Record<string, Text>;
  const usage = HELP_WORDS['Usage:'][lang];
  return {
    styleTitle: (title: string) => titles[title]?.[lang] ?? title,
    // commander puts a space after the title of the usage line; a full-width colon needs none.
    formatHelp(this: Help, command: Command, helper: Help) {
      const text = HelpClass.prototype.formatHelp.call(this, command, helper);
      return usage.endsWith('：') && text.startsWith(`${usage} `) ? usage + text.slice(usage.length + 1) : text;
    },
    // commander leaves a description column narrower than 40 unwrapped, overflowing the line; ten Chinese characters still read well.
    minWidthToWrap: 20,
    // Chinese has no spaces to wrap at: lines break where Unicode's line breaking allows, by display width.
    boxWrap(this: Help, text: string, width: number) {
      return width < this.minWidthToWrap ? text : wrapText(text, width, (t) => this.displayWidth(t));
    },
    // Chinese takes two columns in a terminal: columns line up only when it is counted so.
    displayWidth: (text: string) => displayWidth(stripVTControlCharacters(text)),
    // commander writes `[options]` and `[command]` into usage lines.
    commandUsage(this: Help, command: Command) {
      return usageWords(HelpClass.prototype.commandUsage.call(this, command), lang);
    },
    subcommandTerm(this: Help, command: Command) {
      return usageWords(HelpClass.prototype.subcommandTerm.call(this, command), lang);
    },
    // A boolean flag's default (true for --no-history) is for programmers, as commander has it.
    optionDescription: (o: Option) => valueNotes(o.description, o, o.required || o.optional, lang),
    argumentDescription: (a: Argument) => valueNotes(a.description, a, true, lang),
  };
}

/** Sets every description of `program` and its commands from the table, in `lang`. */
export function localiseHelp(program: Command, lang: Lang): void {
  const visit = (command: Command, path: readonly string[]) => {
    const help: CommandHelp = (COMMAND_HELP as Record<string, CommandHelp>)[path.join(' ') || 'qingdan']!;
    command.description(help.description[lang]);
    for (const a of command.registeredArguments) a.description = help.arguments![a.name()]![lang];
    for (const o of command.options) o.description = help.options![o.long!]![lang];
    command.helpOption('-h, --help', HELP_WORDS.help[lang]);
    if (command.commands.length) command.helpCommand('help [command]', HELP_WORDS.help[lang]);
    command.configureHelp(helpIn(lang));
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
}
