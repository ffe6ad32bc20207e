/**
 * QD5023, QD5024, QD5008, QD5028: each list's status follows its proposal's stage, a list
 * names an existing proposal that lists it, and only a draft list may name none.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { listStatusFor } from '../stages.js';

export const ListStatusRule: GovernanceRule = {
  name: 'list-status',
  state(ctx, report) {
    const byId = new Map(ctx.governance.proposals.filter((p) => p.meta?.value).map((p) => [p.meta!.value!.id, p] as const));
    for (const l of ctx.lists) {
      if (!l.proposal) {
        if (l.status && l.status !== 'draft') report(diagnostic('list-without-proposal', l.decl.status!.span, { list: l.id, status: l.status }, { hint: hint('link-proposal') }));
        if (l.status === 'in-force') report(diagnostic('list-status-mismatch', l.decl.status!.span, { list: l.id, status: l.status, id: '(none)', stage: '(none)', expected: 'draft' }));
        continue;
      }
      const p = byId.get(l.proposal);
      const meta = ctx.proposals.get(l.proposal);
      if (!p || !meta) {
        report(diagnostic('list-names-unknown-proposal', l.decl.proposal!.span, { list: l.id, ref: `'${l.proposal}'` }, { hint: hint('create-proposal') }));
        continue;
      }
      const expected = listStatusFor(meta.stage);
      if (l.status && !expected.includes(l.status)) report(diagnostic('list-status-mismatch', l.decl.status!.span, { list: l.id, status: l.status, id: meta.id, stage: meta.stage, expected: expected.join(' or ') }, { hint: hint('advance-updates-status') }), l.proposal);
      if (!meta.lists.includes(l.id)) report(diagnostic('list-not-in-proposal', at(p.meta!, '/lists'), { id: meta.id, list: l.id }), l.proposal);
    }
  },
};
