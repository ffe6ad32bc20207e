import { approveByHand, signReviewAndApproval } from '../fixture.js';
import type { Attack } from './attack.js';

/** A 15-day review window recorded in dates, but passed in minutes of commit time (sign-offs dated after their commits). */
export const attack: Attack = {
  title: 'a review window that took no time',
  from: 'review',
  catches: ['QD5019', 'QD5038'],
  async apply(repo) {
    // Every commit happens on the day review opened, whatever the files say.
    await signReviewAndApproval(repo, { keepClock: true });
    approveByHand(repo);
    repo.commit('li', 'approved, with a recorded date 22 days later');
  },
};
