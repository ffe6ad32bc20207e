import { ID, ok, P } from '../fixture.js';
import type { Attack } from './attack.js';

/** A concern cleared by deleting its file. */
export const attack: Attack = {
  title: 'a concern deleted instead of resolved',
  from: 'review',
  catches: ['QD5035'],
  async apply(repo) {
    await ok(repo, ['proposal', 'comment', ID, '--concern', '--person', 'p-feng', '--target', 'icv.owner-pi', '--text', '门槛过低', '--date', '2026-02-20']);
    repo.commit('feng', 'raise a concern');
    repo.git(['rm', '-q', `${P}/concerns/k-001.yaml`]);
    repo.commit('li', 'make the concern go away');
  },
};
