/**
 * QD2006: every rule rests on an article. A list cites its basis; an item inherits its list's
 * basis unless it cites its own; every baseline provision, zone and Art. 30 adoption cites one.
 */
import type { Term } from '../../diagnostic-codes.js';
import { hint } from '../../diagnostics.js';
import type { FileLocalRule } from '../context.js';

export const LegalBasisRule: FileLocalRule = (context) => {
  const missing = (what: Term<'noun'>, id: string, span: Parameters<typeof context.report>[1]) =>
    context.report('missing-basis', span, { what, id: `'${id}'` }, { hint: hint('add-basis') });
  return {
    List(list) {
      if (list.basis.length === 0) missing('list', list.id.text, list.id.span);
      if (list.adopts && list.adopts.basis.length === 0) missing('adoption', list.id.text, list.adopts.span);
    },
    Baseline(b) {
      for (const e of b.exemptions) if (e.basis.length === 0) missing('exemption', e.code.value, e.span);
      for (const t of b.triggers) if (t.basis.length === 0) missing('trigger', t.on, t.span);
      for (const r of b.ladder?.rungs ?? []) if (r.basis.length === 0) missing('rung', r.pathway.word, r.span);
      if (b.below && b.below.basis.length === 0) missing('below-threshold', b.below.pathway.word, b.below.span);
      if (b.validity && b.validity.basis.length === 0) missing('validity', b.validity.pathway.word, b.validity.span);
      if (b.effective && b.effective.basis.length === 0) missing('entry-into-force', b.effective.from.raw, b.effective.span);
    },
    Zone(z) {
      if (z.basis.length === 0) missing('zone', z.id.text, z.id.span);
    },
  };
};
