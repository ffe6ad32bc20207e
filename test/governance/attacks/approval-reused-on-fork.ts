import { approvedGovernanceProposal, ok } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * One governance approval enacted twice: on main, and later by one approver on a branch forked
 * while the proposal was approved (its parent still said "approved"), who then merges main in
 * keeping his own roster (not the one approved either: QD5050 too).
 */
export const attack: Attack = {
  title: 'a governance approval enacted a second time from a fork',
  from: 'review',
  catches: ['QD5048'],
  async apply(repo) {
    const id = await approvedGovernanceProposal(repo);
    repo.git(['branch', 'approved-fork']);
    const roster = repo.read('policy/governance/roster.yaml');
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.commit('wang', `a longer review window\n\nProposal: ${id}`);
    repo.git(['checkout', '-q', 'approved-fork']);
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.write('policy/governance/roster.yaml', roster.replace('reviewWindowDays: 15', 'reviewWindowDays: 1'));
    repo.commit('wang', `a one-day review window\n\nProposal: ${id}`);
    repo.git(['-c', 'user.name=Wang CAC', '-c', 'user.email=wang@example.org', 'merge', '-q', '--no-edit', '-X', 'ours', 'main']);
  },
};
