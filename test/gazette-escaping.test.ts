/**
 * Policy text in the gazette is text: whatever a title, note, description or field says —
 * Markdown, markdown-it-attrs `{…}`, the rowspan plugin's `^^`, HTML, line breaks — every page
 * keeps the structure it has with plain text, and shows the text as written.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitGazette } from '../compiler/emit/gazette/emit.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { buildRealPolicy } from './support.js';

let artifact: PolicyArtifact;
beforeAll(async () => {
  ({ artifact } = await buildRealPolicy());
});

/** Keys whose string values (or arrays of strings) are policy text the gazette prints. */
const TEXT_KEYS = new Set(['title', 'name', 'description', 'text', 'correction', 'source', 'numberingNote', 'proposal', 'authority', 'notes', 'paragraphs', 'fields']);
/** Codes printed as text but never looked up: a standard's number, an exemption's code. */
const PRINTED_CODES = new Set(['standards', 'exemptions']);

/**
 * A copy of `value` with every policy text replaced by `text(n)`, n counting the texts. Ids,
 * codes that pages look up, dates and enums are kept, so only the texts differ between copies.
 */
function replaceTexts<T>(value: T, text: (n: number) => string): T {
  let n = 0;
  const walk = (v: unknown, key: string, parent: string): unknown => {
    // The annex's typo notes appear where a text contains the typo: kept, so that pages with
    // placeholder and with random texts have the same notes (none of them contains a typo).
    if (key === 'sic' && parent === 'annex') return v;
    const isText = TEXT_KEYS.has(key) || (key === 'code' && PRINTED_CODES.has(parent));
    if (typeof v === 'string') return isText ? text(n++) : v;
    if (Array.isArray(v)) return v.map((x) => (isText && typeof x === 'string' ? text(n++) : walk(x, isText ? key : '', key)));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k, key === '' ? parent : key)]));
    return v;
  };
  return walk(value, '', '') as T;
}

/** Pieces hostile text is made of: Markdown and plugin syntax, HTML, entities, blanks, breaks. */
const PIECES = [
  '^^', '^', '{', '}', '{.cls}', '{id=measures.art1}', '{rowspan=3}', '|', '\\|', '\\', '`', '```', '*', '**', '_', '~~', '[', ']', '(', ')',
  '[a](javascript:x)', '![i](x.png)', '<', '>', '<b>', '</td>', '&', '&amp;', '&#123;', '#', '# ', '## ', '- ', '+ ', '* ', '1. ', '2) ', '> ',
  '---', '===', '    ', '\t', ' ', '\n', '\r', '\r\n', ':', '$', '=', '!', '"', "'", '.', 'a', '文', '　', '1',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

/** The text as the page shows it: line breaks are spaces, and surrounding blanks are dropped. */
function shown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
}

const escapeHtml = new MarkdownIt().utils.escapeHtml;

/** The HTML tags of every page in order, with their attributes: the pages' structure. */
function skeleton(pages: ReadonlyMap<string, string>): Map<string, string[]> {
  return new Map([...pages].filter(([path]) => path.endsWith('.html')).map(([path, html]) => [path, html.match(/<[^>]*>/g) ?? []]));
}

describe('gazette escaping', () => {
  it('keeps every page’s structure and shows hostile policy text as written (property)', () => {
    const source = { digest: 'd', commit: null, dirty: false };
    const plain = skeleton(emitGazette(replaceTexts(artifact, (n) => `t${n}`), source));
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 16, maxLength: 16 }), (texts) => {
        // Never empty once shown: an absent description prints a dash, which is structure.
        const pick = (n: number) => (shown(texts[n % texts.length]!) === '' ? `x${texts[n % texts.length]}` : texts[n % texts.length]!);
        const pages = emitGazette(replaceTexts(artifact, pick), source);
        expect(skeleton(pages)).toEqual(plain);
        const all = [...pages.values()].join('\n');
        for (let n = 0; n < texts.length; n++) expect(all).toContain(escapeHtml(shown(pick(n))));
      }),
      { numRuns: 40 },
    );
  });

  it('does not merge a cell whose text is ^^ into the row above', () => {
    const list = artifact.lists[0]!;
    const item = list.scenarios[0]!.items[0]!;
    const evil: PolicyArtifact = {
      ...artifact,
      lists: [{ ...list, scenarios: [{ ...list.scenarios[0]!, items: [item, { ...item, id: `${item.id}-2`, title: '^^', description: '^^', fields: ['^^'] }] }] }],
    };
    const html = emitGazette(evil, { digest: 'd', commit: null, dirty: false }).get(`lists/${list.id}.html`)!;
    const cells = (html.match(/<td[^>]*>[^<]*\^\^[^<]*<\/td>/g) ?? []).length;
    expect(cells).toBe(3); // the title, the field and the description, each in its own cell
    expect(html).toMatch(new RegExp(`<td id="${item.id}-2"[^>]*>\\^\\^</td>`));
  });
});
