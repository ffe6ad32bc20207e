/** Text helpers for gazettes: Markdown escaping, Chinese numerals, thresholds in words. */
import type { Condition } from '../../../runtime/artifact.js';

/**
 * Escapes what Markdown, and the gazette's markdown-it plugins, would read as syntax, so DSL
 * text renders exactly as written: no emphasis, links, attributes (`{…}`, and the quotes that
 * markdown-it-attrs reads as the start of a value), merged cells (`^^`),
 * entities or HTML can come from policy text; a line break cannot end a table row; and a
 * paragraph starting "1.", "-" or four spaces stays a paragraph (surrounding blanks, which
 * Markdown drops or reads as code, are trimmed).
 */
export function md(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/^[ \t]+|[ \t]+$/g, '')
    .replace(/[\\`*_{}[\]<>#|~&$^"]/g, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

// Defined in the runtime, whose reasons cite articles too.
export { chineseNumeral } from '../../../runtime/chinese-numeral.js';

/** A volume as the regulation writes it: 1000000 → 100万. */
export function volume(n: number): string {
  if (n >= 100_000_000 && n % 100_000_000 === 0) return `${n / 100_000_000}亿`;
  if (n >= 10_000 && n % 10_000 === 0) return `${n / 10_000}万`;
  return String(n);
}

const MEASURE_ZH = { persons: '个人信息', sensitive: '敏感个人信息' } as const;

/** A threshold condition in the regulation's words (以上 includes, 不满 excludes). */
export function conditionZh(c: Condition, kinds: ReadonlyMap<string, string>): string {
  if ('any' in c) return c.any.map((t) => conditionZh(t, kinds)).join('；或');
  // An alternative inside a conjunction is bracketed, so 且 and 或 cannot be misread.
  if ('all' in c) return c.all.map((t) => ('any' in t ? `（${conditionZh(t, kinds)}）` : conditionZh(t, kinds))).join('，且');
  if ('measure' in c) {
    const what = MEASURE_ZH[c.measure];
    if (c.min !== undefined && c.max !== undefined) return `${volume(c.min)}人以上、不满${volume(c.max)}人的${what}`;
    if (c.min !== undefined) return `${volume(c.min)}人以上${what}`;
    if (c.max !== undefined) return `不满${volume(c.max)}人的${what}`;
    return `任意数量的${what}`;
  }
  if ('kindsAny' in c) return `包含${c.kindsAny.map((k) => kinds.get(k) ?? k).join('、')}`;
  return c.ciio ? '关键信息基础设施运营者' : '关键信息基础设施运营者以外的数据处理者';
}


/** 2027-01-01 → 2027年1月1日, as dates are written in official text. */
export function dateZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The day before `date` (YYYY-MM-DD): the last day of a period that ends before `date`. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A value still to be filled in (【文号待定】, or 【待定】 after a label), marked so no reader takes it for the official one. */
export function placeholder(what: string): string {
  return `【${what}待定】`;
}
