import { ID, P } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A sign-off forged on a branch with no roster behind it (an unrelated history), merged in:
 * its commit was trusted with no roster, so it went unverified, and the merge introduced
 * nothing of its own.
 */
export const attack: Attack = {
  title: 'a forged sign-off from a history with no roster, merged',
  from: 'review',
  catches: ['QD5015', 'QD5016'],
  async apply(repo) {
    const name = 'review--expert-legal--p-feng.yaml';
    const signoff = `proposal: ${ID}\nstage: review\nrole: expert-legal\nperson: p-feng\ndate: ${repo.clock}\ndigest: sha256:${'0'.repeat(64)}\n`;
    repo.git(['checkout', '-q', '--orphan', 'side']);
    repo.git(['rm', '-rqf', '.']);
    repo.write(`${P}/signoffs/${name}`, signoff);
    repo.commit('li', 'a sign-off, on a history of its own', { sign: false });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--allow-unrelated-histories', '--no-edit', 'side']);
  },
};
