import { recordApproval, signedBaselineProposal } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * The national rules edited after their legal review, then approved and put in force at once:
 * a proposal in force is spared sign-offs that went stale under another proposal's change, never
 * under its own.
 */
export const attack: Attack = {
  title: 'the national rules edited after their legal review, then enacted',
  from: 'review',
  catches: ['QD5032'],
  async apply(repo) {
    const id = await signedBaselineProposal(repo, 'thresholds', (own) => {
      repo.write('policy/national.qd', repo.read('policy/national.qd').replace(/100万/, '1000万'));
      repo.commit('li', `raise a threshold after the review\n\nProposal: ${own}`);
    });
    recordApproval(repo, id, true);
    repo.commit('li', 'approved and in force');
  },
};
