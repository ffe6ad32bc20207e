/** QD2001 unknown keyword, QD2008 a keyword used in a block where it does not belong. */
import type { BlockContext } from '../../ast.js';
import { KEYWORDS } from '../../lexer.js';
import { didYouMean } from '../../suggest.js';
import type { CheckRule } from '../context.js';

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
  baseline: ['counting', 'exemption', 'important', 'ciio', 'ladder', 'below', 'validity'],
  ladder: ['assessment', 'contract', 'exempt'],
  list: ['sector', 'zones', 'status', 'effective', 'basis', 'adopts', 'proposal', 'issuer', 'docnumber', 'published', 'note', 'scenario'],
  scenario: ['item', 'note'],
  item: ['category', 'fields', 'description', 'important', 'assessment', 'contract', 'exempt', 'basis', 'note'],
};

const CONTEXT_NAMES: Record<BlockContext, string> = {
  file: 'the top level of a file',
  document: 'a document',
  chapter: 'a chapter',
  article: 'an article',
  annex: 'the annex',
  general: 'the general rules',
  rule: 'a rule',
  category: 'a category',
  baseline: 'the baseline',
  ladder: 'a ladder',
  list: 'a list',
  scenario: 'a scenario',
  item: 'an item',
};

export const UnknownKeywordRule: CheckRule = (context) => ({
  Unknown(node) {
    const allowed = CLAUSES[node.context];
    const where = CONTEXT_NAMES[node.context];
    const allowedText = `allowed here: ${allowed.join(', ')}`;
    if (KEYWORDS.includes(node.word)) {
      context.report('misplaced-clause', node.span, { word: `'${node.word}'`, context: where }, { hint: allowedText });
      return;
    }
    const suggestion = didYouMean(node.word, allowed) ?? didYouMean(node.word, KEYWORDS);
    context.report('unknown-keyword', node.span, { word: `'${node.word}'`, context: where }, { hint: suggestion ?? allowedText });
  },
});
