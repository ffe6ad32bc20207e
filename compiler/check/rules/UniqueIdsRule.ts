/**
 * QD2002: every declaration has its own id (item ids unique within their list), and each
 * exemption of the baseline its own code: the runtime keeps one exemption per code, so a second
 * `exemption "art3"` silently replaced the first (a data-only exemption turned into one for
 * personal information, and a transfer it contradicted came out exempt).
 */
import { hint, note } from '../../diagnostics.js';
import type { Span } from '../../source.js';
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
  return {
    Baseline(baseline) {
      const first = new Map<string, Span>();
      for (const e of baseline.exemptions) {
        const earlier = first.get(e.code.value);
        if (!earlier) first.set(e.code.value, e.code.span);
        else context.report('duplicate-id', e.code.span, { what: 'exemption', id: `'${e.code.value}'` }, { related: [note(earlier, 'first-declared-here')], hint: hint('unique-ids') });
      }
    },
  };
};
