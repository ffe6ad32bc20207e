import { ID, ok } from '../fixture.js';
import type { Attack } from './attack.js';

/** A pull request whose signed sign-off commits are squash-merged: the signatures are gone. */
export const attack: Attack = {
  title: 'a squash merge of signed sign-offs',
  from: 'review',
  catches: ['QD5015', 'QD5016'],
  async apply(repo) {
    repo.git(['checkout', '-q', '-b', 'pr']);
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-03-01']);
    repo.commit('feng', 'legal review, signed');
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'pr']);
    repo.commit('li', 'Squash-merge the legal review');
  },
};
