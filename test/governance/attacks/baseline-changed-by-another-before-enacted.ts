import { ok, recordApproval, signedBaselineProposal } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A baseline proposal's legal review signed; a second baseline proposal then changes the same
 * rules; the first is approved and put in force without a new review. Changes under other
 * proposals are forgiven only once a proposal is in force, never before its approval.
 */
export const attack: Attack = {
  title: 'the baseline changed under another proposal between a review and its enactment',
  from: 'review',
  catches: ['QD5032'],
  async apply(repo) {
    const first = await signedBaselineProposal(repo, 'first', async () => {
      const created = await ok(repo, ['proposal', 'new', 'second', '--title', '国家规定', '--kind', 'baseline', '--author', 'p-li', '--date', '2026-03-03']);
      const second = /(2026-\d{4}-second)/.exec(created)![1]!;
      repo.write('policy/national.qd', repo.read('policy/national.qd').replace(/100万/, '2000万'));
      repo.commit('li', `second proposal, and its change\n\nProposal: ${second}`);
    });
    recordApproval(repo, first, true);
    repo.commit('li', 'first approved and in force');
  },
};
