import type { Attack } from './attack.js';

/** A zone slipped into a list file with no trailer at all: a list file was compared only for its lists. */
export const attack: Attack = {
  title: 'a zone hidden in a list file',
  from: 'review',
  catches: ['QD5041'],
  async apply(repo) {
    const list = repo.read('policy/lists/ai-training.qd');
    repo.write('policy/lists/ai-training.qd', `${list}\nzone offshore "某离岸区" authority "某公司" basis measures.art5\n`);
    repo.commit('li', 'a zone in a list file', { sign: false });
  },
};
