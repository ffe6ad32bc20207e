/**
 * QD3010: the annex's example column is a merged cell: each example covers a run of
 * consecutive subcategories of its own category, and every subcategory is covered once.
 */
import type { CheckRule } from '../context.js';

export const ExampleCoverageRule: CheckRule = (context) => ({
  Category(category) {
    const order = category.subs.map((s) => s.id.text);
    const coveredBy = new Map<string, string>();
    for (const e of category.examples) {
      const from = order.indexOf(e.from.text);
      const to = order.indexOf(e.to.text);
      if (from < 0 || to < 0) {
        const stray = from < 0 ? e.from : e.to;
        if (context.symbols.get(stray.text)?.kind === 'subcategory') {
          context.report('example-other-category', stray.span, { sub: stray.text, category: category.id.text });
        }
        continue; // an unknown name is reported by KnownReferencesRule
      }
      if (to < from) {
        context.report('example-range-backwards', e.to.span, { from: e.from.text, to: e.to.text });
        continue;
      }
      for (const id of order.slice(from, to + 1)) {
        const prior = coveredBy.get(id);
        if (prior) context.report('example-already-covered', e.from.span, { sub: id, prior });
        else coveredBy.set(id, `${e.from.text}..${e.to.text}`);
      }
    }
    for (const s of category.subs) {
      if (!coveredBy.has(s.id.text)) context.report('example-not-covered', s.id.span, { sub: s.id.text });
    }
  },
});
