/**
 * A pure renumbering of a document: the same chapters with the same paragraphs in the same
 * order, only grouped into articles differently (a paragraph made the second paragraph of the
 * article before it, or split off as an article of its own). The wording of the law is
 * unchanged, so the diff reports one editorial change instead of a rewritten article for every
 * number that moved; it is still breaking, because citations of the moved numbers change.
 */
import type { Article, LegalDocument } from '../../runtime/artifact.js';
import { chineseNumeral } from '../emit/gazette/text.js';

/** Where one paragraph sits before and after: `art19¶2` and the like. */
export interface ParagraphMove {
  readonly from: string;
  readonly to: string;
}

/** The text of a document with its article boundaries taken out. */
function wording(d: LegalDocument): string {
  return JSON.stringify(d.chapters.map((c) => [c.number, c.title, c.articles.flatMap((a) => a.paragraphs)]));
}

function positions(d: LegalDocument): string[] {
  return d.chapters.flatMap((c) => c.articles.flatMap((a: Article) => a.paragraphs.map((_, i) => (i === 0 ? `art${a.number}` : `art${a.number}¶${i + 1}`))));
}

/**
 * The paragraphs that moved when `after` renumbers `before` with the wording unchanged;
 * undefined when the wording changed too, or nothing moved.
 */
export function renumbering(before: LegalDocument, after: LegalDocument): ParagraphMove[] | undefined {
  if (wording(before) !== wording(after)) return undefined;
  const from = positions(before);
  const to = positions(after);
  const moves = from.flatMap((f, i) => (f === to[i] ? [] : [{ from: f, to: to[i]! }]));
  return moves.length > 0 ? moves : undefined;
}

function positionZh(p: string): string {
  const [article, paragraph] = p.slice(3).split('¶');
  return `第${chineseNumeral(Number(article))}条${paragraph ? `第${chineseNumeral(Number(paragraph))}款` : ''}`;
}

/** The renumbering in the words of an amending decision: 原第二十条改为第十九条第二款；…… */
export function renumberingZh(moves: readonly ParagraphMove[]): string {
  return `条文重新编号，内容不变：${moves.map((m) => `原${positionZh(m.from)}改为${positionZh(m.to)}`).join('；')}`;
}
