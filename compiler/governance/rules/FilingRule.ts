/** QD5025: a list proposal filed or in force records the national filing receipt. */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';

export const FilingRule: GovernanceRule = {
  name: 'filing',
  proposal(p, _ctx, report) {
    const meta = p.meta.value;
    if ((meta.kind ?? 'list') !== 'list' || !(meta.stage === 'filed' || meta.stage === 'in-force') || meta.filing) return;
    report(diagnostic('filing-missing', at(p.meta, '/stage'), { id: meta.id, stage: meta.stage }, { hint: hint('record-filing') }), p.folder);
  },
};
