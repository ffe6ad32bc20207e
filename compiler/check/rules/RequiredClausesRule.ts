/**
 * QD2009: the clauses a declaration cannot do without. A clause whose keyword is misspelt
 * (`secter S22`) is reported once, as the misspelling with its fix, not also as missing.
 */
import type { UnknownClause } from '../../ast.js';
import type { Term } from '../../diagnostic-codes.js';
import type { FileLocalRule } from '../context.js';
import { misspeltClause } from './UnknownKeywordRule.js';

/** The clauses a block's unknown words stand for. */
function misspelt(unknown: readonly UnknownClause[]): Set<string> {
  return new Set(unknown.map(misspeltClause).filter((c): c is string => c !== undefined));
}

export const RequiredClausesRule: FileLocalRule = (context) => {
  let written = new Set<string>();
  const require = (present: unknown, context_: Term<'noun'>, id: string, clause: string, span: Parameters<typeof context.report>[1]) => {
    if (present || written.has(clause)) return;
    context.report('missing-clause', span, { context: context_, id: `'${id}'`, clause: `'${clause}'` });
  };
  return {
    List(list) {
      written = misspelt(list.unknown);
      require(list.sector, 'list', list.id.text, 'sector', list.id.span);
      require(list.zones.length > 0, 'list', list.id.text, 'zones', list.id.span);
      require(list.status, 'list', list.id.text, 'status', list.id.span);
      require(list.effective, 'list', list.id.text, 'effective', list.id.span);
      require(list.scenarios.length > 0, 'list', list.id.text, 'scenario', list.id.span);
    },
    Baseline(b) {
      written = misspelt(b.unknown);
      require(b.counting, 'baseline', b.id.text, 'counting', b.id.span);
      require(b.ladder, 'baseline', b.id.text, 'ladder', b.id.span);
      require(b.below, 'baseline', b.id.text, 'below', b.id.span);
    },
    Document(d) {
      written = misspelt(d.unknown);
      require(d.chapters.length > 0, 'document', d.id.text, 'chapter', d.id.span);
    },
  };
};
