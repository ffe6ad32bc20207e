import type { Attack } from './attack.js';

/**
 * A governance proposal approved by hand — no sign-off, no review window — used at once to
 * change the roster, then sent back to review, which voided the approval: the check looked only
 * at the effective history, and the approval that let the trust roots change was never gated.
 */
export const attack: Attack = {
  title: 'a hand-written governance approval, rewound once used',
  from: 'review',
  catches: ['QD5012', 'QD5019'],
  async apply(repo) {
    const id = '2026-0009-tidy';
    const d = repo.clock;
    const meta = (stages: string[]) => `id: ${id}\nkind: governance\ntitle: 整理名册\nlists: []\nauthors: [p-li]\nstage: ${stages.at(-1)}\nhistory:\n${stages.map((s) => `  - { stage: ${s}, date: ${d} }\n`).join('')}`;
    repo.write(`proposals/${id}/proposal.yaml`, meta(['draft', 'review', 'approved']));
    repo.commit('li', 'a governance proposal, approved by hand');
    repo.write('policy/governance/roster.yaml', repo.read('policy/governance/roster.yaml').replace('reviewWindowDays: 15', 'reviewWindowDays: 1'));
    repo.commit('wang', `shorten the review window\n\nProposal: ${id}`);
    repo.write(`proposals/${id}/proposal.yaml`, meta(['draft', 'review', 'approved', 'review']));
    repo.commit('li', 'back to review');
  },
};
