import type { Attack } from './attack.js';
import { smuggle } from './proposed-roster-merged-in.js';

/** proposed-roster-merged-in.ts with a merge of two and the whole history checked. */
export const attack: Attack = {
  title: 'an unapproved proposed roster merged in after approval, then enacted',
  from: 'review',
  catches: ['QD5051'],
  apply: (repo) => smuggle(repo, false),
};
