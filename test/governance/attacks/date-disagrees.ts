import { ID } from '../fixture.js';
import type { Attack } from './attack.js';

/** A sign-off back-dated by weeks into the review window it needs. */
export const attack: Attack = {
  title: 'a sign-off back-dated well before its commit',
  from: 'review',
  catches: ['QD5039'],
  async apply(repo) {
    repo.clock = '2026-03-20';
    repo.write(`proposals/${ID}/signoffs/review--expert-legal--p-feng.yaml`, `proposal: ${ID}\nstage: review\nrole: expert-legal\nperson: p-feng\ndate: 2026-02-12\ndigest: "sha256:${'0'.repeat(64)}"\n`);
    repo.commit('feng', 'sign, dated five weeks ago');
  },
};
