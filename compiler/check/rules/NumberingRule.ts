/**
 * QD3008: chapters, articles and general rules are numbered 1, 2, 3 … without gaps or repeats;
 * the annex's categories are C01, C02 … and its subcategories S01, S02 … across categories, in
 * the order of its table, so no list or request can name a sector the annex does not number
 * (an `S99` where the annex ends at S40). A paraphrase summarises the articles it needs: its
 * article numbers may leave some out, but still rise in the order written.
 */
import type { Name, Volume } from '../../ast.js';
import type { Term } from '../../diagnostic-codes.js';
import { hint } from '../../diagnostics.js';
import type { FileLocalRule } from '../context.js';

/** The code the annex gives the n-th category (`C`) or subcategory (`S`): C01, S16. */
function annexCode(prefix: 'C' | 'S', n: number): string {
  return `${prefix}${String(n).padStart(2, '0')}`;
}

export const NumberingRule: FileLocalRule = (context) => {
  const sequence = (what: Term<'noun'>, numbers: readonly Volume[]) => {
    numbers.forEach((n, i) => {
      if (n.integral && n.value !== i + 1) {
        context.report('bad-numbering', n.span, { what, found: n.raw, expected: i + 1 }, { hint: hint('sequential-numbers') });
      }
    });
  };
  const rising = (what: Term<'noun'>, numbers: readonly Volume[]) => {
    let previous = 0;
    for (const n of numbers) {
      if (!n.integral) continue;
      if (n.value <= previous) context.report('bad-numbering', n.span, { what, found: n.raw, expected: previous + 1 }, { hint: hint('rising-numbers') });
      previous = Math.max(previous, n.value);
    }
  };
  const codes = (what: Term<'noun'>, prefix: 'C' | 'S', names: readonly Name[]) => {
    names.forEach((name, i) => {
      const expected = annexCode(prefix, i + 1);
      if (name.text === expected) return;
      context.report('bad-numbering', name.span, { what, found: `'${name.text}'`, expected: `'${expected}'` }, {
        hint: hint('annex-codes', { expected: `'${expected}'`, first: annexCode(prefix, 1), second: annexCode(prefix, 2) }),
      });
    });
  };
  return {
    Document(d) {
      sequence('chapter', d.chapters.map((c) => c.number));
      (d.paraphrase ? rising : sequence)('article', d.chapters.flatMap((c) => c.articles.map((a) => a.number)));
    },
    General(g) {
      sequence('rule', g.rules.map((r) => r.number));
    },
    Annex(a) {
      codes('category', 'C', a.categories.map((c) => c.id));
      codes('subcategory', 'S', a.categories.flatMap((c) => c.subs.map((s) => s.id)));
    },
  };
};
