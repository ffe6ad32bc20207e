import { approvedGovernanceProposal, ok } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A roster change enacted properly, then undone by an unsigned merge of an old branch that never
 * touched the roster: the merge took the old roster "from a parent", and a file taken verbatim
 * from a parent was checked by no rule.
 */
export const attack: Attack = {
  title: 'a roster change undone by merging an old branch',
  from: 'review',
  catches: ['QD5040'],
  async apply(repo) {
    repo.git(['branch', 'old-work']);
    const id = await approvedGovernanceProposal(repo);
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.commit('wang', `a longer review window\n\nProposal: ${id}`);
    repo.git(['checkout', '-q', 'old-work']);
    repo.write('README.md', 'notes\n');
    repo.commit('li', 'notes', { sign: false });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', 'old-work']);
    repo.git(['checkout', 'old-work', '--', 'policy/governance/roster.yaml']);
    repo.commit('li', 'Merge branch old-work', { sign: false });
  },
};
