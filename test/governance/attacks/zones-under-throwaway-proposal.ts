import type { Attack } from './attack.js';

/**
 * The zones (measures Art. 5: which bodies oversee which area) rewritten under a throwaway draft
 * proposal of another kind: only the national rules, the measures and the annex were baseline text.
 */
export const attack: Attack = {
  title: 'the zones rewritten under a throwaway proposal',
  from: 'review',
  catches: ['QD5041'],
  async apply(repo) {
    const id = '2026-0009-tidy';
    repo.write(`proposals/${id}/proposal.yaml`, `id: ${id}\nkind: governance\ntitle: 整理\nlists: []\nauthors: [p-li]\nstage: draft\nhistory:\n  - { stage: draft, date: ${repo.clock} }\n`);
    const zones = repo.read('policy/zones.qd');
    const edited = zones.replace('"河套深圳园区发展署"', '"某公司"');
    if (edited === zones) throw new Error('zones.qd has no Hetao authority to change');
    repo.write('policy/zones.qd', edited);
    repo.commit('li', `tidy the zones\n\nProposal: ${id}`, { sign: false });
  },
};
