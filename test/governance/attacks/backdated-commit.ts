import type { Attack } from './attack.js';

/** A commit back-dated three weeks behind its parent, as a faked review window would need. */
export const attack: Attack = {
  title: 'a back-dated commit',
  from: 'review',
  catches: ['QD5038'],
  async apply(repo) {
    const list = repo.read('policy/lists/icv.qd');
    repo.clock = '2026-03-01';
    repo.write('policy/lists/icv.qd', `${list}\n// a comment, in real time\n`);
    repo.commit('li', 'a commit in real time');
    repo.clock = '2026-02-08';
    repo.write('policy/lists/icv.qd', `${list}\n// a comment, back-dated\n`);
    repo.commit('li', 'a commit dated three weeks before its parent');
  },
};
