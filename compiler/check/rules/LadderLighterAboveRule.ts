/**
 * QD3019: a larger transfer never gets a lighter pathway, also where rungs test kinds of
 * sensitive information or bound both measures at once. For each set of kinds a transfer may
 * name, every volume above one a rung decides must meet a rung at least as strict; the
 * diagnostic gives the two transfers as an example. Where only single-measure alternatives are
 * involved, QD3005 and QD3006 already say so, and this rule does not repeat them.
 */
import { hint, note } from '../../diagnostics.js';
import { formatVolume } from '../intervals.js';
import { boxAt, kindsCases, ladderBoxes, lighterAbove, type Volumes } from '../volume-regions.js';
import type { FileLocalRule } from '../context.js';

/** `persons 0, sensitive 1万`, and the kinds named when there are any. */
function transfer(v: Volumes, kinds: readonly string[]): string {
  const volumes = `persons ${formatVolume(v.persons)}, sensitive ${formatVolume(v.sensitive)}`;
  return kinds.length === 0 ? volumes : `${volumes}, kinds [${kinds.join(', ')}]`;
}

export const LadderLighterAboveRule: FileLocalRule = (context) => ({
  Ladder(rungs) {
    const boxes = ladderBoxes(rungs);
    if (!boxes?.some((b) => b.conditional)) return;
    const cases = kindsCases(boxes);
    if (!cases) return;
    const reported = new Set<string>();
    for (const { kinds, boxes: holding } of cases) {
      for (const box of holding) {
        if (box.strictness === 0) continue;
        // Only a conditional box, or a conditional lighter one, makes a finding QD3005 and QD3006
        // have not made: the search is skipped where neither can be (most boxes of a large policy).
        if (!box.conditional && !holding.some((b) => b.conditional && b.strictness < box.strictness)) continue;
        const above = lighterAbove(box, holding);
        if (!above) continue;
        const lighter = boxAt(holding, above);
        if (!box.conditional && !lighter?.conditional) continue; // QD3005 or QD3006
        const key = `${box.span.offset} ${lighter?.rung ?? -1}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const lighterWord = lighter ? rungs[lighter.rung]!.pathway.word : 'exempt';
        context.report(
          'ladder-lighter-above',
          box.span,
          { stricter: `'${rungs[box.rung]!.pathway.word}'`, lighter: `'${lighterWord}'`, at: transfer({ persons: box.persons.lo, sensitive: box.sensitive.lo }, kinds), above: transfer(above, kinds) },
          { related: lighter ? [note(lighter.span, 'rung', { pathway: `'${lighterWord}'` })] : [], hint: hint('stricter-above') },
        );
      }
    }
  },
});
