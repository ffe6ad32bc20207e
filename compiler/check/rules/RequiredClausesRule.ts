/** QD2009: the clauses a declaration cannot do without. */
import type { CheckRule } from '../context.js';

export const RequiredClausesRule: CheckRule = (context) => {
  const require = (present: unknown, context_: string, id: string, clause: string, span: Parameters<typeof context.report>[1]) => {
    if (present) return;
    context.report('missing-clause', span, { context: context_, id: `'${id}'`, clause: `'${clause}'` });
  };
  return {
    List(list) {
      require(list.sector, 'list', list.id.text, 'sector', list.id.span);
      require(list.zones.length > 0, 'list', list.id.text, 'zones', list.id.span);
      require(list.status, 'list', list.id.text, 'status', list.id.span);
      require(list.effective, 'list', list.id.text, 'effective', list.id.span);
      require(list.scenarios.length > 0, 'list', list.id.text, 'scenario', list.id.span);
    },
    Baseline(b) {
      require(b.counting, 'baseline', b.id.text, 'counting', b.id.span);
      require(b.ladder, 'baseline', b.id.text, 'ladder', b.id.span);
      require(b.below, 'baseline', b.id.text, 'below', b.id.span);
    },
    Document(d) {
      require(d.chapters.length > 0, 'document', d.id.text, 'chapter', d.id.span);
    },
  };
};
