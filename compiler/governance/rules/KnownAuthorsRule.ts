/** QD5005: every author of a proposal is in the trusted roster. */
import { diagnostic } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { personById } from '../model.js';

export const KnownAuthorsRule: GovernanceRule = {
  name: 'known-authors',
  proposal(p, ctx, report) {
    p.meta.value.authors.forEach((a, i) => {
      if (!personById(ctx.roster, a)) report(diagnostic('unknown-person', at(p.meta, `/authors/${i}`), { person: `'${a}'` }), p.folder);
    });
  },
};
