/** QD2001 unknown keyword, QD2008 a keyword used in a block where it does not belong. */
import type { BlockContext, UnknownClause } from '../../ast.js';
import { hint } from '../../diagnostics.js';
import { KEYWORDS } from '../../lexer.js';
import { didYouMean, suggestionList } from '../../suggest.js';
import type { FileLocalRule } from '../context.js';

/** The clauses each block accepts (mirrors the grammar in parser.ts). */
export const CLAUSES: Record<BlockContext, readonly string[]> = {
  file: ['document', 'annex', 'baseline', 'list', 'zone'],
  document: ['numbering', 'source', 'paraphrase', 'published', 'trial', 'chapter'],
  chapter: ['article'],
  article: ['sic'],
  annex: ['basis', 'general', 'kind', 'standard', 'category', 'sic'],
  general: ['rule'],
  rule: ['when', 'basis'],
  category: ['sub', 'example'],
  baseline: ['counting', 'exemption', 'important', 'ciio', 'ladder', 'below', 'validity', 'effective'],
  ladder: ['assessment', 'contract', 'exempt'],
  list: ['sector', 'zones', 'status', 'effective', 'basis', 'adopts', 'proposal', 'issuer', 'docnumber', 'published', 'note', 'scenario'],
  scenario: ['item', 'note'],
  item: ['category', 'fields', 'description', 'important', 'assessment', 'contract', 'exempt', 'basis', 'note'],
};

/**
 * The clause an unknown word of a block most likely misspells, when exactly one of the clauses
 * allowed there is the closest: `secter` → `sector`. Such a clause is then treated as written,
 * so the block is not also reported as lacking it (one mistake, one error).
 */
export function misspeltClause(node: UnknownClause): string | undefined {
  const [best, next] = suggestionList(node.word, CLAUSES[node.context]);
  return best !== undefined && next === undefined ? best : undefined;
}

export const UnknownKeywordRule: FileLocalRule = (context) => ({
  Unknown(node) {
    const allowed = CLAUSES[node.context];
    const allowedHere = hint('allowed-here', { words: allowed });
    if (KEYWORDS.includes(node.word)) {
      context.report('misplaced-clause', node.span, { word: `'${node.word}'`, context: node.context }, { hint: allowedHere });
      return;
    }
    const meant = misspeltClause(node);
    if (meant) {
      const fix = { span: node.span, replacement: meant };
      context.report('unknown-keyword', node.span, { word: `'${node.word}'`, context: node.context }, { hint: hint('did-you-mean', { words: [meant] }), fix });
      return;
    }
    const suggestion = didYouMean(node.word, allowed) ?? didYouMean(node.word, KEYWORDS);
    context.report('unknown-keyword', node.span, { word: `'${node.word}'`, context: node.context }, { hint: suggestion ?? allowedHere });
  },
});
