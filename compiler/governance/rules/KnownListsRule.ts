/** QD5007: a proposal touches only lists the policy declares. */
import { diagnostic } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';

export const KnownListsRule: GovernanceRule = {
  name: 'known-lists',
  proposal(p, ctx, report) {
    const known = new Set(ctx.lists.map((l) => l.id));
    const meta = p.meta.value;
    meta.lists.forEach((l, i) => {
      if (!known.has(l)) report(diagnostic('unknown-list', at(p.meta, `/lists/${i}`), { id: meta.id, list: `'${l}'` }), p.folder);
    });
  },
};
