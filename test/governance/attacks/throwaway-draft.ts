import { ID, ok } from '../fixture.js';
import type { Attack } from './attack.js';

/** An approved list edited under a throwaway draft proposal, pointed back, the draft deleted. */
export const attack: Attack = {
  title: 'an approved list edited under a throwaway draft',
  from: 'approved',
  catches: ['QD5026', 'QD5035', 'QD5032'],
  async apply(repo) {
    const created = await ok(repo, ['proposal', 'new', 'tmp', '--title', '临时', '--sector', 'S16', '--list', 'icv', '--author', 'p-li', '--date', repo.clock]);
    const tmp = /(2026-\d{4}-tmp)/.exec(created)![1]!;
    const list = repo.read('policy/lists/icv.qd');
    repo.write('policy/lists/icv.qd', list.replace(`proposal "${ID}"`, `proposal "${tmp}"`));
    repo.commit('li', 'point the list at a draft');
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace('用户调研与体验测试数据', '用户调研数据'));
    repo.commit('li', 'edit under the draft');
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(`proposal "${tmp}"`, `proposal "${ID}"`));
    repo.commit('li', 'point it back');
    repo.git(['rm', '-rq', `proposals/${tmp}`]);
    repo.commit('li', 'delete the draft');
  },
};
