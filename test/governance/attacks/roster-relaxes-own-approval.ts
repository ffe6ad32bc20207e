import type { Attack } from './attack.js';

/**
 * A governance proposal approved by hand the day after it entered review, enacted by one
 * approver with a roster that requires no governance sign-off and a one-day window: without
 * `--base`, the head's roster judged the approval it was itself enacted under.
 */
export const attack: Attack = {
  title: 'a roster change that relaxes the rules of its own approval',
  from: 'review',
  catches: ['QD5012', 'QD5019'],
  async apply(repo) {
    const id = '2026-0009-relax';
    const d = repo.clock;
    const d1 = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const meta = (stages: [string, string][]) => `id: ${id}\nkind: governance\ntitle: 简化名册规则\nlists: []\nauthors: [p-li]\nstage: ${stages.at(-1)![0]}\nhistory:\n${stages.map(([s, t]) => `  - { stage: ${s}, date: ${t} }\n`).join('')}`;
    repo.write(`proposals/${id}/proposal.yaml`, meta([['draft', d], ['review', d]]));
    repo.commit('li', 'a governance proposal in review', { sign: false });
    repo.clock = d1;
    repo.write(`proposals/${id}/proposal.yaml`, meta([['draft', d], ['review', d], ['approved', d1]]));
    repo.commit('li', 'approved by hand, no sign-off', { sign: false });
    const roster = repo.read('policy/governance/roster.yaml').replace('reviewWindowDays: 15', 'reviewWindowDays: 1').replace(/governance: \{ approved: \[provincial-cac, provincial-data-bureau\] \}/, 'governance: {}');
    repo.write('policy/governance/roster.yaml', roster);
    repo.write(`proposals/${id}/proposal.yaml`, meta([['draft', d], ['review', d], ['approved', d1], ['in-force', d1]]));
    repo.commit('wang', `Simplify the roster\n\nProposal: ${id}`);
  },
};
