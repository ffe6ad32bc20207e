/** QD2003 unresolved references, QD2007 references to the wrong kind of thing. */
import { didYouMean } from '../../suggest.js';
import { KIND_NAMES, type SymbolKind } from '../../symbols.js';
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

const WHAT: Record<ReferenceRole, string> = {
  basis: 'article',
  sector: 'sector (annex subcategory)',
  category: 'data category',
  refers: 'standard',
  kind: 'kind of sensitive data',
  'example-bound': 'subcategory',
};

export const KnownReferencesRule: CheckRule = (context) => ({
  Reference(ref, role) {
    const expected = EXPECTED[role];
    const symbol = context.symbols.get(ref.text);
    if (!symbol) {
      const hint = didYouMean(ref.text, context.symbols.idsOf(expected));
      context.report('unresolved-reference', ref.span, { what: WHAT[role], ref: `'${ref.text}'` }, hint ? { hint } : {});
      return;
    }
    if (!expected.includes(symbol.kind)) {
      context.report(
        'wrong-reference-kind',
        ref.span,
        { ref: `'${ref.text}'`, actual: KIND_NAMES[symbol.kind], expected: expected.map((k) => KIND_NAMES[k]).join(' or ') },
        { related: [{ message: 'declared here', span: symbol.span }] },
      );
    }
  },
});
