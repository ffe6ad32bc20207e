/** QD2003 unresolved references, QD2007 references to the wrong kind of thing. */
import { didYouMean } from '../../suggest.js';
import { note } from '../../diagnostics.js';
import type { Term } from '../../diagnostic-codes.js';
import type { SymbolKind } from '../../symbols.js';
import type { CheckRule } from '../context.js';
import type { ReferenceRole } from '../visitor.js';

const EXPECTED: Record<ReferenceRole, readonly SymbolKind[]> = {
  basis: ['article', 'rule'],
  sector: ['subcategory'],
  category: ['subcategory', 'category'],
  refers: ['standard'],
  kind: ['kind'],
  'example-bound': ['subcategory'],
};

const WHAT: Record<ReferenceRole, Term<'noun'>> = {
  basis: 'article',
  sector: 'sector',
  category: 'data-category',
  refers: 'standard',
  kind: 'kind',
  'example-bound': 'subcategory',
};

export const KnownReferencesRule: CheckRule = (context) => ({
  Reference(ref, role) {
    const expected = EXPECTED[role];
    const symbol = context.symbols.get(ref.text);
    if (!symbol) {
      const suggestion = didYouMean(ref.text, context.symbols.idsOf(expected));
      context.report('unresolved-reference', ref.span, { what: WHAT[role], ref: `'${ref.text}'` }, suggestion ? { hint: suggestion } : {});
      return;
    }
    if (!expected.includes(symbol.kind)) {
      context.report(
        'wrong-reference-kind',
        ref.span,
        { ref: `'${ref.text}'`, actual: symbol.kind, expected },
        { related: [note(symbol.span, 'declared-here')] },
      );
    }
  },
});
