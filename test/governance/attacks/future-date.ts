import { ID, P } from '../fixture.js';
import type { Attack } from './attack.js';

/** A sign-off dated later than the commit that records it (and in the future). */
export const attack: Attack = {
  title: 'a sign-off dated in the future',
  from: 'review',
  catches: ['QD5038'],
  async apply(repo) {
    repo.write(`${P}/signoffs/review--expert-legal--p-feng.yaml`, `proposal: ${ID}\nstage: review\nrole: expert-legal\nperson: p-feng\ndate: 2099-01-01\ndigest: "sha256:${'0'.repeat(64)}"\n`);
    repo.commit('feng', 'sign, dated ahead');
  },
};
