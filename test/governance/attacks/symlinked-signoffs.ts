import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ID, P } from '../fixture.js';
import type { Attack } from './attack.js';

/** A symlinked signoffs/ folder pointing at sign-offs committed elsewhere. */
export const attack: Attack = {
  title: 'a symlinked signoffs/ folder',
  from: 'review',
  catches: ['QD5030'],
  async apply(repo) {
    repo.git(['mv', `${P}/signoffs`, 'elsewhere']);
    for (const [person, role] of [['p-zheng', 'expert-industry'], ['p-feng', 'expert-legal'], ['p-deng', 'expert-data-security'], ['p-chen', 'provincial-commerce']]) {
      repo.write(`elsewhere/review--${role}--${person}.yaml`, `proposal: ${ID}\nstage: review\nrole: ${role}\nperson: ${person}\ndate: ${repo.clock}\ndigest: "sha256:${'0'.repeat(64)}"\n`);
    }
    symlinkSync('../../elsewhere', join(repo.dir, P, 'signoffs'));
    repo.commit('li', 'sign-offs, by way of a link');
  },
};
