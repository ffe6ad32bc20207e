import { emptyBranch, mergeTaking, type Repo } from '../fixture.js';
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
      emptyBranch(r, 'empty');
      mergeTaking(r, ['empty', 'side'], ['policy/lists/icv.qd'], 'side');
    }),
};
