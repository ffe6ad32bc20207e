import { ID } from '../fixture.js';
import type { Attack } from './attack.js';

/** The national baseline changed under a `Proposal:` trailer naming an unrelated list proposal. */
export const attack: Attack = {
  title: 'national.qd changed under a list proposal',
  from: 'review',
  catches: ['QD5041'],
  async apply(repo) {
    const text = repo.read('policy/national.qd');
    const edited = text.replace(/100万/, '1000万');
    if (edited === text) throw new Error('national.qd has no threshold to change');
    repo.write('policy/national.qd', edited);
    repo.commit('li', `raise a national threshold\n\nProposal: ${ID}`);
  },
};
