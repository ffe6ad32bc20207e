import { ok, recordApproval } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A baseline proposal raises a national threshold, signed and in force; a merge of an old
 * branch then gives national.qd the old text with a comment added. Said by the old branch in
 * substance but not byte for byte, it was neither the merge's own change nor a rollback, and no
 * commit changed the baseline after the sign-offs: the check passed with the raise undone (red
 * team, session 13, round 2).
 */
export const attack: Attack = {
  title: 'an in-force baseline change rolled back by a merge, a comment added',
  from: 'review',
  catches: ['QD5052', 'QD5041'],
  async apply(repo) {
    repo.git(['branch', 'old']);
    const oldNational = repo.read('policy/national.qd');
    const created = await ok(repo, ['proposal', 'new', 'thresholds', '--title', '国家规定', '--kind', 'baseline', '--author', 'p-li', '--date', '2026-03-01']);
    const id = /(2026-\d{4}-thresholds)/.exec(created)![1]!;
    repo.write('policy/national.qd', oldNational.replace(/100万/, '1000万'));
    repo.commit('li', `Propose thresholds\n\nProposal: ${id}`);
    await ok(repo, ['proposal', 'advance', id, '--date', '2026-03-01']);
    repo.commit('li', 'Open its review');
    await ok(repo, ['proposal', 'sign', id, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-03-02']);
    repo.commit('feng', 'legal review');
    await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', '2026-03-17']);
    repo.commit('xu', 'coordination');
    await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-18']);
    repo.commit('ma', 'committee');
    recordApproval(repo, id, true);
    repo.commit('li', 'approved and in force');
    repo.git(['checkout', '-q', 'old']);
    repo.write('NOTES.md', 'notes\n');
    repo.commit('li', 'notes', { sign: false });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', 'old']);
    repo.write('policy/national.qd', `// merged\n${oldNational}`);
    repo.commit('li', 'Merge old', { sign: false });
  },
};
