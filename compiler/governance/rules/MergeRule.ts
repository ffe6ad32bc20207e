/**
 * QD5052: a merge keeps both sides' changes to governed files. One that gives a file the other
 * side's content, dropping a change its parent made since they forked, undoes that change in no
 * commit of its own — a concern and its return to review, an approved proposed roster, a list
 * or baseline text in force — and, with the side put first, in no parent's history either.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import type { GovernanceRule } from '../context.js';

const PROPOSAL_FOLDER = /^proposals\/([^/]+)\//;

export const MergeRule: GovernanceRule = {
  name: 'merges',
  commit(c, _ctx, report) {
    for (const d of c.discarded) {
      report(diagnostic('merge-drops-change', undefined, { commit: c.short, parent: d.parent.slice(0, 12), file: d.path }, { hint: hint('merge-keeping-both') }), PROPOSAL_FOLDER.exec(d.path)?.[1]);
    }
  },
};
