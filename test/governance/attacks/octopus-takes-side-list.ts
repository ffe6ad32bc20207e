import { mergeTaking, type Repo } from '../fixture.js';
import type { Attack } from './attack.js';
import { listFromSide } from './merge-takes-side-list.js';

/**
 * merge-takes-side-list.ts as an octopus: the reworded list in force is taken from the third
 * parent of a merge whose second parent is an empty side branch.
 */
export const attack: Attack = {
  title: 'a list in force reworded on a side, taken from the third parent of an octopus merge',
  from: 'review',
  catches: ['QD5032'],
  apply: (repo) =>
    listFromSide(repo, false, (r: Repo) => {
      r.git(['checkout', '-q', '-b', 'empty', 'main']);
      r.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'commit', '-q', '--allow-empty', '-m', 'nothing']);
      r.git(['checkout', '-q', 'main']);
      mergeTaking(r, ['empty', 'side'], ['policy/lists/icv.qd'], 'side');
    }),
};
