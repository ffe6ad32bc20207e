/** QD2002: every declaration has its own id (item ids unique within their list). */
import { KIND_NAMES } from '../../symbols.js';
import type { CheckRule } from '../context.js';

export const UniqueIdsRule: CheckRule = (context) => {
  for (const c of context.symbols.collisions) {
    context.report(
      'duplicate-id',
      c.span,
      { what: KIND_NAMES[c.kind], id: `'${c.id}'` },
      { related: [{ message: 'first declared here', span: c.first }], hint: 'ids are how citations, requests and diffs find a declaration; give each its own' },
    );
  }
  return {};
};
