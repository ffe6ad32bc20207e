import type { Attack } from './attack.js';

/**
 * A pull request that opens a baseline proposal and, in the same commit, raises a national
 * threshold: the baseline has no draft status, so the change would decide from the merge on.
 */
export const attack: Attack = {
  title: 'a national threshold raised by a pull request whose proposal is a draft',
  from: 'review',
  catches: ['QD5049'],
  check: () => ['--base', 'pr-base'],
  async apply(repo) {
    repo.git(['branch', 'pr-base']);
    const id = '2026-0009-thresholds';
    repo.write(`proposals/${id}/proposal.yaml`, `id: ${id}\nkind: baseline\ntitle: 国家规定\nlists: []\nauthors: [p-li]\nstage: draft\nhistory:\n  - { stage: draft, date: ${repo.clock} }\n`);
    repo.write('policy/national.qd', repo.read('policy/national.qd').replace(/100万/, '1000万'));
    repo.commit('li', `raise a national threshold\n\nProposal: ${id}`);
  },
};
