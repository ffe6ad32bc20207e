/** QD3011: a `sic` annotation names text that the article (or the annex) really contains. */
import type { FileLocalRule } from '../context.js';

export const SicRule: FileLocalRule = (context) => ({
  Article(article) {
    const text = article.paragraphs.map((p) => p.value).join('\n');
    for (const sic of article.sics) {
      if (!text.includes(sic.text.value)) context.report('sic-not-found', sic.text.span, { text: `"${sic.text.value}"`, article: article.number.raw });
    }
  },
  Annex(annex) {
    const texts = [...annex.general.flatMap((g) => g.rules.map((r) => r.text.value)), ...annex.categories.flatMap((c) => c.examples.map((e) => e.text.value))];
    for (const sic of annex.sics) {
      if (!texts.some((t) => t.includes(sic.text.value))) context.report('sic-not-found', sic.text.span, { text: `"${sic.text.value}"`, article: annex.id.text });
    }
  },
});
