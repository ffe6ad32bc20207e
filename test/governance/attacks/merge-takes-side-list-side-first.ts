import type { Attack } from './attack.js';
import { listFromSide } from './merge-takes-side-list.js';

/** merge-takes-side-list.ts merged the other way: the side merges main (first parent the side), main fast-forwards, no trailer. */
export const attack: Attack = {
  title: 'a list in force reworded on a side forked at review, the side merging main',
  from: 'review',
  catches: ['QD5032'],
  apply: (repo) => listFromSide(repo, true),
};
