import { approveByHand, ID, ok, signReview } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * Approved, sent back to review by a concern the same day, the concern resolved, and approved
 * again with no new sign-off: the sign-offs of the voided approval were dated on the day the
 * review was re-entered, and a day holds both.
 */
export const attack: Attack = {
  title: 'sign-offs of a voided approval counted again because they share its day',
  from: 'review',
  catches: ['QD5012'],
  async apply(repo) {
    const day = '2026-03-05';
    await signReview(repo, day);
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', day]);
    repo.commit('xu', 'coordination');
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', day]);
    repo.commit('ma', 'committee');
    await ok(repo, ['proposal', 'advance', ID, '--date', day]);
    repo.commit('li', 'approved');
    await ok(repo, ['proposal', 'comment', ID, '--target', 'icv', '--text', '接收方评估不足', '--person', 'p-deng', '--concern', '--date', day]);
    repo.commit('deng', 'a concern: back to review');
    await ok(repo, ['proposal', 'resolve', ID, 'k-001', '--by', 'p-deng', '--note', '已补充', '--date', '2026-03-06']);
    repo.commit('deng', 'concern resolved');
    repo.clock = '2026-03-20';
    approveByHand(repo, '2026-03-20');
    repo.commit('li', 're-approved, no new sign-off');
  },
};
