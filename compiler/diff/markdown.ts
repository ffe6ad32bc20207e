/**
 * The diff as Markdown for a pull-request comment or the review site: a summary table first,
 * then each change with its witnesses and old/new wording, cut to a size limit with a note
 * saying so. Written in Chinese or English; the change summaries carry both.
 */
import { OUTCOME_NAME_ZH } from '../../runtime/pathway-words.js';
import type { PathwayId } from '../../runtime/artifact.js';
import type { Lang } from '../diagnostic-codes.js';
import type { PolicyChange, PolicyDiff } from './change.js';

/** Every fixed phrase of the report, in both languages. */
const TEXT = {
  zh: {
    title: '政策语义差异',
    bump: '版本升级要求',
    summaryHeader: '| 变更 | 收紧 | 放宽 | 有收有放 | 文字性 | 不兼容 |',
    none: '无实质性变更。',
    listHeader: '| | 内容 | 标识 | 性质 |',
    details: '详细说明',
    breaking: '不兼容',
    witnessHeader: '| 个人信息（人） | 敏感个人信息（人） | 变更前 | 变更后 |',
    before: '变更前：',
    after: '变更后：',
    cut: (n: number) => `_另有 ${n} 项变更因篇幅所限未列出；请在本地运行 \`qingdan diff\` 查看全部。_`,
  },
  en: {
    title: 'qingdan policy diff',
    bump: 'required bump',
    summaryHeader: '| changes | tightening | loosening | mixed | editorial | breaking |',
    none: 'No regulatory change.',
    listHeader: '| | what | id | classification |',
    details: 'Details',
    breaking: 'breaking',
    witnessHeader: '| persons | sensitive persons | before | after |',
    before: 'Before:',
    after: 'After:',
    cut: (n: number) => `_${n} more changes are not shown here (size limit); run \`qingdan diff\` locally for all of them._`,
  },
} as const;

/** Pathways in Chinese as the gazette names them; in English as short table labels. */
const PATHWAY: Record<Lang, Record<PathwayId, string>> = {
  zh: OUTCOME_NAME_ZH,
  en: { 'security-assessment': 'security assessment', 'standard-contract-or-certification': 'standard contract / certification', exempt: 'exempt' },
};

const CLASSIFICATION: Record<Lang, Record<PolicyChange['classification'], string>> = {
  zh: { tightening: '🔒 收紧', loosening: '🔓 放宽', mixed: '⚖️ 有收有放', editorial: '✏️ 文字性' },
  en: { tightening: '🔒 tightening', loosening: '🔓 loosening', mixed: '⚖️ mixed', editorial: '✏️ editorial' },
};

const KIND: Record<Lang, Record<PolicyChange['kind'], string>> = {
  zh: { added: '增加', removed: '删除', changed: '修改' },
  en: { added: 'added', removed: 'removed', changed: 'changed' },
};

const BUMP: Record<Lang, Record<PolicyDiff['bump'], string>> = {
  zh: { major: '主版本', minor: '次版本', patch: '修订号', none: '无' },
  en: { major: 'major', minor: 'minor', patch: 'patch', none: 'none' },
};

/** How `diffMarkdown` writes: the language and a size limit in UTF-8 bytes. */
export interface DiffMarkdownOptions {
  readonly lang?: Lang;
  readonly maxBytes?: number;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('\n') : JSON.stringify(value, null, 1);
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function details(c: PolicyChange, lang: Lang): string {
  const t = TEXT[lang];
  const summary = lang === 'zh' ? '' : ` · ${c.summary.en}`;
  const out = [`#### ${cell(c.summary.zh)} — \`${c.id}\`${c.field ? ` (${c.field})` : ''}`, '', `${CLASSIFICATION[lang][c.classification]}${c.breaking ? ` · **${t.breaking}**` : ''}${summary}`, ''];
  if (c.witnesses && c.witnesses.length > 0) {
    out.push(t.witnessHeader, '| ---: | ---: | --- | --- |');
    for (const w of c.witnesses) out.push(`| ${w.persons} | ${w.sensitive} | ${PATHWAY[lang][w.old]} | ${PATHWAY[lang][w.new]} |`);
    out.push('');
  }
  if (c.kind === 'changed' && c.old !== undefined && c.new !== undefined && !c.witnesses) out.push(t.before, '', quote(c.old), '', t.after, '', quote(c.new), '');
  return out.join('\n');
}

/** Markdown of at most `maxBytes` (UTF-8, default 60,000); when cut, a last line says how many changes were left out. */
export function diffMarkdown(diff: PolicyDiff, options: DiffMarkdownOptions = {}): string {
  const lang = options.lang ?? 'en';
  const maxBytes = options.maxBytes ?? 60_000;
  const t = TEXT[lang];
  const s = diff.summary;
  const head = [
    `## ${t.title}`,
    '',
    `\`${diff.base.revision}\` (${diff.base.policyVersion}) → \`${diff.head.revision}\` (${diff.head.policyVersion}) · ${t.bump}: **${BUMP[lang][diff.bump]}**`,
    '',
    t.summaryHeader,
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${diff.changes.length} | ${s.tightening} | ${s.loosening} | ${s.mixed} | ${s.editorial} | ${s.breaking} |`,
    '',
  ];
  if (diff.changes.length === 0) return [...head, t.none, ''].join('\n');
  head.push(t.listHeader, '| --- | --- | --- | --- |');
  for (const c of diff.changes) head.push(`| ${KIND[lang][c.kind]} | ${cell(c.summary.zh)} | \`${c.id}\` | ${CLASSIFICATION[lang][c.classification]}${c.breaking ? ` · ${t.breaking}` : ''} |`);
  head.push('', `### ${t.details}`, '');
  let out = head.join('\n');
  let shown = 0;
  for (const c of diff.changes) {
    const block = `${details(c, lang)}\n`;
    if (Buffer.byteLength(out + block) > maxBytes - 200) break;
    out += block;
    shown++;
  }
  if (shown < diff.changes.length) out += `\n${t.cut(diff.changes.length - shown)}\n`;
  return out;
}
