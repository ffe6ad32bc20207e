/** QD2002: every declaration has its own id (item ids unique within their list). */
import { hint, note } from '../../diagnostics.js';
import type { CheckRule } from '../context.js';

export const UniqueIdsRule: CheckRule = (context) => {
  for (const c of context.symbols.collisions) {
    context.report(
      'duplicate-id',
      c.span,
      { what: c.kind, id: `'${c.id}'` },
      { related: [note(c.first, 'first-declared-here')], hint: hint('unique-ids') },
    );
  }
  return {};
};
