import { ID, ok, P } from '../fixture.js';
import type { Attack } from './attack.js';

/** A consultation comment deleted instead of given a disposition, and another reworded. */
export const attack: Attack = {
  title: 'a comment deleted, another reworded',
  from: 'review',
  catches: ['QD5035', 'QD5036'],
  async apply(repo) {
    await ok(repo, ['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv.owner-pi', '--text', '建议放宽', '--date', '2026-02-15']);
    await ok(repo, ['proposal', 'comment', ID, '--author', '某协会', '--target', 'icv.owner-pi', '--text', '建议收紧', '--date', '2026-02-15']);
    repo.commit('li', 'record two comments');
    repo.git(['rm', '-q', `${P}/comments/c-001.yaml`]);
    repo.write(`${P}/comments/c-002.yaml`, repo.read(`${P}/comments/c-002.yaml`).replace('建议收紧', '无意见'));
    repo.commit('li', 'tidy the consultation');
  },
};
