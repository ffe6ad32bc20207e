import { parseDocument, type YAMLSeq } from 'yaml';
import { P, signReviewAndApproval } from '../fixture.js';
import type { Attack } from './attack.js';

/** A 15-day review window recorded in dates, but passed in minutes of commit time (sign-offs dated after their commits). */
export const attack: Attack = {
  title: 'a review window that took no time',
  from: 'review',
  catches: ['QD5019', 'QD5038'],
  async apply(repo) {
    // Every commit happens on the day review opened, whatever the files say.
    await signReviewAndApproval(repo, { keepClock: true });
    const doc = parseDocument(repo.read(`${P}/proposal.yaml`));
    doc.set('stage', 'approved');
    (doc.get('history') as YAMLSeq).add(doc.createNode({ stage: 'approved', date: '2026-03-05' }));
    repo.write(`${P}/proposal.yaml`, doc.toString());
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/^(\s*status\s+)consultation/m, '$1approved'));
    repo.commit('li', 'approved, with a recorded date 22 days later');
  },
};
