/** QD3008: chapters, articles and general rules are numbered 1, 2, 3 … without gaps or repeats. */
import type { Volume } from '../../ast.js';
import type { CheckRule } from '../context.js';

export const NumberingRule: CheckRule = (context) => {
  const sequence = (what: string, numbers: readonly Volume[]) => {
    numbers.forEach((n, i) => {
      if (n.integral && n.value !== i + 1) {
        context.report('bad-numbering', n.span, { what, found: n.raw, expected: i + 1 }, { hint: 'numbers run 1, 2, 3 … in the order written; citations depend on them' });
      }
    });
  };
  return {
    Document(d) {
      sequence('chapter', d.chapters.map((c) => c.number));
      sequence('article', d.chapters.flatMap((c) => c.articles.map((a) => a.number)));
    },
    General(g) {
      sequence('rule', g.rules.map((r) => r.number));
    },
  };
};
