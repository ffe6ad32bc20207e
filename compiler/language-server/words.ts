/** Conditions and ladders in words, in the measures' own phrasing (以上 includes, 不满 excludes; Art. 30). */
import { PATHWAY_PHRASE_ZH } from '../../runtime/pathway-words.js';
import type * as A from '../ast.js';
import { PATHWAYS } from '../pathway-word.js';

const MEASURE: Record<A.Measure, string> = { persons: '个人信息（不含敏感个人信息）', sensitive: '敏感个人信息' };

/** What the pathway of a rung written with `word` requires, as the measures phrase it. */
export function pathwayInWords(word: A.PathwayWord): string {
  return PATHWAY_PHRASE_ZH[PATHWAYS[word]];
}

/** `persons >= 100万 or sensitive in 1..1万` → 个人信息（不含敏感个人信息）100万人以上，或敏感个人信息1人以上、不满1万人. */
export function conditionInWords(c: A.Condition): string {
  switch (c.kind) {
    case 'Or':
      return c.terms.map(conditionInWords).join('，或');
    case 'And':
      return c.terms.map(conditionInWords).join('，且');
    case 'Compare': {
      const v = `${c.value.raw}人`;
      const phrase = { '>=': `${v}以上`, '>': `超过${v}`, '<': `不满${v}`, '<=': `${v}以下` }[c.op];
      return `${MEASURE[c.measure]}${phrase}`;
    }
    case 'Range':
      return `${MEASURE[c.measure]}${c.from.raw}人以上、不满${c.to.raw}人`;
    case 'KindsAny':
      return `涉及${c.kinds.map((k) => k.text).join('、')}之一`;
    case 'Ciio':
      return c.negated ? '非关键信息基础设施运营者' : '关键信息基础设施运营者';
  }
}

/** One line per rung: `condition：pathway`. */
export function ladderInWords(rungs: readonly A.Rung[]): string[] {
  return rungs.map((r) => `${conditionInWords(r.condition)}：${pathwayInWords(r.pathway.word)}`);
}
