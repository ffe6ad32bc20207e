/** QD5042: comments and concerns of a proposal are numbered in one sequence, so a number names one record. */
import { diagnostic } from '../../diagnostics.js';
import { at, recordName, type GovernanceRule } from '../context.js';

export const RecordNumbersRule: GovernanceRule = {
  name: 'record-numbers',
  proposal(p, _ctx, report) {
    const comments = new Set(p.comments.map((c) => recordName(c.path)));
    for (const c of p.concerns) {
      const number = recordName(c.path);
      if (comments.has(number)) report(diagnostic('record-number-clash', at(c, ''), { id: p.meta.value.id, number }), p.folder);
    }
  },
};
