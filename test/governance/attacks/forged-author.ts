import { ID, ok } from '../fixture.js';
import type { Attack } from './attack.js';

/** A sign-off committed under the signer's name and email, without their key. */
export const attack: Attack = {
  title: 'a forged author, unsigned or signed with another key',
  from: 'review',
  catches: ['QD5016'],
  async apply(repo) {
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-03-01']);
    repo.commit('feng', 'as Feng, unsigned', { sign: false });
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-industry', '--person', 'p-zheng', '--date', '2026-03-01']);
    repo.commit('zheng', 'as Zheng, with Li\u2019s key', { key: 'li' });
  },
};
