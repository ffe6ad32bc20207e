import { ID, ok, P } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A concern that sent an approved proposal back to review, erased by an unsigned merge of a
 * branch forked at the approval: the merge took back the proposal's shorter history and the
 * list, and dropped the concern, each "from a parent" that had never changed them.
 */
export const attack: Attack = {
  title: 'a concern and its return to review erased by a merge',
  from: 'approved',
  catches: ['QD5035', 'QD5036'],
  async apply(repo) {
    repo.git(['branch', 'old-work']);
    await ok(repo, ['proposal', 'comment', ID, '--target', 'icv', '--text', '出境接收方未评估', '--person', 'p-zheng', '--concern', '--date', '2026-03-06']);
    repo.commit('zheng', 'a concern: back to review');
    repo.git(['checkout', '-q', 'old-work']);
    repo.write('README.md', 'notes\n');
    repo.commit('li', 'notes', { sign: false });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', 'old-work']);
    repo.git(['checkout', 'old-work', '--', `${P}/proposal.yaml`, 'policy/lists/icv.qd']);
    repo.git(['rm', '-q', '-r', `${P}/concerns`]);
    repo.commit('li', 'Merge branch old-work', { sign: false });
  },
};
