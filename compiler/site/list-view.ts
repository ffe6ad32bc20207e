/**
 * A proposal's list in gazette form, on the proposal page: rendered by the gazette's own list
 * emitter, and as a revision view of the base list against the head list, with every line the
 * proposal removed in <del> and every line it added in <ins>.
 *
 * The revision view compares the two Markdown renderings line by line (one line per table row,
 * heading or paragraph). Its flavour writes merged cells out in full, so a removed row and an
 * added row have the same columns and may sit side by side in one table. Markers are private-use
 * characters placed around each cell's text before rendering and turned into tags after it; any
 * such character in policy text is replaced first, so none can forge a tag.
 */
import { diffArrays } from 'diff';
import type { Flavour } from '../emit/gazette/flavour.js';
import { listMarkdown } from '../emit/gazette/list.js';
import { renderMarkdown } from '../emit/gazette/render.js';
import type { NegativeList, PolicyArtifact } from '../../runtime/artifact.js';
import { GAZETTE_DIR } from './gazette.js';

/** Links from a page one folder down (proposals/) into the gazette; the emitter adds the `../`. */
const href = (path: string, anchor?: string) => `${GAZETTE_DIR}/${path}.html${anchor ? `#${anchor}` : ''}`;

/** The gazette's marked flavour (anchors, classes, merged cells), linking into the site's gazette. */
const GAZETTE_VIEW: Flavour = { anchor: (id) => ` {id=${id}}`, cls: (name) => ` {.${name}}`, merged: () => '^^', href };

/** Plain rows (merged cells written out), no anchors: the revision view. */
const REVISION_VIEW: Flavour = { anchor: () => '', cls: () => '', merged: (text) => text, href };

const DEL = '\uE000';
const INS = '\uE001';
const END = '\uE002';
const MARKERS = /[\uE000-\uE002]/g;

/** Headings of an embedded page moved `by` levels down, so the page's outline stays in order. */
export function shiftHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + by)}`);
}

/** The list as the gazette renders it, headings shifted under the page's own. */
export function gazetteListHtml(list: NegativeList, policy: PolicyArtifact): string {
  return shiftHeadings(renderMarkdown(listMarkdown(list, policy, policy.annex, GAZETTE_VIEW)), 3);
}

/** The cells of a Markdown table row, as written (escapes kept). */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 1; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\') {
      cell += c + (row[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  return out;
}

const isDelimiterRow = (line: string) => /^\|(\s*:?-+:?\s*\|)+$/.test(line);

/** One Markdown line with its text between `open` and END: each cell of a table row, the text of a heading or paragraph. */
function mark(line: string, open: string): string {
  if (line.trim() === '' || isDelimiterRow(line)) return line;
  if (line.startsWith('|')) return `| ${cells(line).map((c) => `${open}${c}${END}`).join(' | ')} |`;
  const heading = /^(#{1,6} )(.*)$/.exec(line);
  return heading ? `${heading[1]}${open}${heading[2]}${END}` : `${open}${line}${END}`;
}

/**
 * A line the head replaced: two table rows of as many cells become one row, each changed cell
 * showing its old text deleted and its new text inserted; anything else is shown deleted, then inserted.
 */
function replaced(old: string, now: string): string {
  if (old.startsWith('|') && now.startsWith('|') && !isDelimiterRow(old)) {
    const [a, b] = [cells(old), cells(now)];
    if (a.length === b.length) return `| ${a.map((c, k) => (c === b[k] ? c : `${DEL}${c}${END}${INS}${b[k]}${END}`)).join(' | ')} |`;
  }
  const [a, b] = [/^(#{1,6} )?(.*)$/.exec(old)!, /^(#{1,6} )?(.*)$/.exec(now)!];
  if (a[1] === b[1] && old.trim() && now.trim()) return `${a[1] ?? ''}${DEL}${a[2]}${END}${INS}${b[2]}${END}`;
  return [mark(old, DEL), mark(now, INS)].join('\n');
}

const lines = (list: NegativeList | undefined, policy: PolicyArtifact | undefined) =>
  list && policy ? listMarkdown(list, policy, policy.annex, REVISION_VIEW).replace(MARKERS, '\uFFFD').split('\n') : [];

/**
 * The list at the base (`before`) against the list at the head (`after`) as one rendered page,
 * removed text in <del>, added text in <ins>. Either may be absent (a new or a removed list).
 */
export function revisionHtml(before: { list?: NegativeList; policy?: PolicyArtifact }, after: { list?: NegativeList; policy?: PolicyArtifact }): string {
  const parts = diffArrays(lines(before.list, before.policy), lines(after.list, after.policy));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (p.removed && next?.added && next.value.length === p.value.length) {
      out.push(...p.value.map((l, k) => replaced(l, next.value[k]!)));
      i++;
    } else out.push(...(p.removed ? p.value.map((l) => mark(l, DEL)) : p.added ? p.value.map((l) => mark(l, INS)) : p.value));
  }
  const markdown = out.join('\n');
  const html = renderMarkdown(markdown)
    .replace(/\uE000([^\uE000-\uE002]*)\uE002/g, '<del>$1</del>')
    .replace(/\uE001([^\uE000-\uE002]*)\uE002/g, '<ins>$1</ins>');
  return shiftHeadings(html, 3);
}
