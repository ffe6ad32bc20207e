import { recordApproval, signedBaselineProposal } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A baseline proposal whose legal review is signed, then a national threshold raised tenfold
 * under it, then approved: its sign-offs covered no baseline text, so the review still counted.
 */
export const attack: Attack = {
  title: 'the national rules edited after their legal review',
  from: 'review',
  catches: ['QD5032'],
  async apply(repo) {
    const id = await signedBaselineProposal(repo, 'thresholds', (own) => {
      repo.write('policy/national.qd', repo.read('policy/national.qd').replace(/100万/, '1000万'));
      repo.commit('li', `raise a threshold after the review\n\nProposal: ${own}`);
    });
    recordApproval(repo, id, false);
    repo.commit('li', 'approved');
  },
};
