import { ID } from '../fixture.js';
import type { Attack } from './attack.js';

/** A sign-off whose fields are YAML anchors and aliases (one value standing for another). */
export const attack: Attack = {
  title: 'a sign-off written with YAML aliases',
  from: 'review',
  catches: ['QD5031'],
  async apply(repo) {
    repo.write(`proposals/${ID}/signoffs/review--expert-legal--p-feng.yaml`, `proposal: &p ${ID}\nstage: review\nrole: expert-legal\nperson: p-feng\ndate: ${repo.clock}\ndigest: "sha256:${'0'.repeat(64)}"\nnote: *p\n`);
    repo.commit('feng', 'sign, with an alias');
  },
};
