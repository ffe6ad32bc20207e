import { emptyBranch } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * An edit of an approved list hidden inside an octopus merge, one of whose sides is an empty
 * commit: what the merge introduced is content found in none of its three parents.
 */
export const attack: Attack = {
  title: 'an edit hidden in an octopus merge with an empty side',
  from: 'approved',
  catches: ['QD5026'],
  async apply(repo) {
    emptyBranch(repo, 'empty');
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('NOTES.md', 'side branch\n');
    repo.commit('li', 'a harmless side branch');
    repo.git(['checkout', '-q', 'main']);
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', 'empty', 'side']);
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace('用户调研与体验测试数据', '用户调研数据'));
    repo.commit('li', 'Merge branches empty and side');
  },
};
