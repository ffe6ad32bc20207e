/** QD5008, QD5028: `replaces` and `supersededBy` name existing proposals and agree with each other. */
import { diagnostic } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';

export const ProposalLinksRule: GovernanceRule = {
  name: 'proposal-links',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const r = (d: Parameters<typeof report>[0]) => report(d, p.folder);
    for (const field of ['replaces', 'supersededBy'] as const) {
      const ref = meta[field];
      if (ref && !ctx.proposals.has(ref)) r(diagnostic('unknown-proposal', at(p.meta, `/${field}`), { field: `'${field}'`, ref: `'${ref}'` }));
    }
    if (meta.stage === 'superseded' && !meta.supersededBy) r(diagnostic('superseded-without-successor', at(p.meta, '/stage'), { id: meta.id }));
    if (meta.supersededBy && meta.stage !== 'superseded') r(diagnostic('successor-while-active', at(p.meta, '/supersededBy'), { id: meta.id, stage: meta.stage }));
    const other = meta.supersededBy ? ctx.proposals.get(meta.supersededBy) : undefined;
    if (other && other.replaces !== meta.id) r(diagnostic('successor-does-not-replace', at(p.meta, '/supersededBy'), { id: meta.id, successor: meta.supersededBy! }));
  },
};
