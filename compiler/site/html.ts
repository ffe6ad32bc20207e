/** Small HTML builders for the site's pages; every text passed in is escaped here. */
import { escapeHtml } from '../emit/gazette/render.js';

export const esc = escapeHtml;

/**
 * A table with a caption and column headers (`scope="col"`); `rows` are cells of HTML already
 * escaped. No table is written without rows: `empty` is said instead.
 */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="meta">${esc(empty)}</p>\n`;
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${esc(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n`;
}

/** A definition list of facts: label → HTML already escaped (facts without a value are left out). */
export function facts(entries: readonly (readonly [string, string | undefined])[]): string {
  const shown = entries.filter((e): e is readonly [string, string] => e[1] !== undefined && e[1] !== '');
  return `<dl class="facts">\n${shown.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('\n')}\n</dl>\n`;
}
