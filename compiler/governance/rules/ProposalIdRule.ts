/** QD5003: a proposal's id is the name of its folder. */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';

export const ProposalIdRule: GovernanceRule = {
  name: 'proposal-id',
  proposal(p, _ctx, report) {
    if (p.meta.value.id === p.folder) return;
    report(diagnostic('proposal-id-mismatch', at(p.meta, '/id'), { id: `'${p.meta.value.id}'`, folder: `'${p.folder}'` }, { hint: hint('proposal-folder') }), p.folder);
  },
};
