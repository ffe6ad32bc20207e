import { approvedGovernanceProposal, enactProposedRoster, mergeKeeping } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * proposed-roster-merged-in.ts with each merge made from the side (`git checkout evil && git
 * merge main`, then main fast-forwarded): the first parent is a branch forked before the
 * proposal existed, against which the proposed roster did not move and where nothing was
 * frozen. The round-1 fix judged a merge against its first parent only, and both checks passed
 * (red team, session 13, round 2).
 */
export const attack: Attack = {
  title: 'an unapproved proposed roster merged in from the side, enacted, then put back the same way',
  from: 'review',
  catches: ['QD5051', 'QD5052'],
  check: () => ['--base', 'pr-base'],
  async apply(repo) {
    for (const b of ['evil', 'good']) repo.git(['branch', b]);
    const id = await approvedGovernanceProposal(repo);
    repo.git(['branch', '-f', 'pr-base']);
    const proposed = `proposals/${id}/roster.yaml`;
    const approved = repo.read(proposed);
    const mergeFromSide = (branch: string, text: string) => {
      repo.git(['checkout', '-q', branch]);
      repo.write(proposed, text);
      repo.commit('li', `${branch} work`, { sign: false });
      mergeKeeping(repo, branch, 'main', [proposed]);
      repo.git(['checkout', '-q', 'main']);
      repo.git(['merge', '-q', '--ff-only', branch]);
    };
    mergeFromSide('evil', approved.replace('roles: [drafter], key', 'roles: [drafter, provincial-cac], key'));
    enactProposedRoster(repo, id);
    const meta = repo.read(`proposals/${id}/proposal.yaml`);
    repo.write(`proposals/${id}/proposal.yaml`, meta.replace(/^stage: approved$/m, 'stage: in-force').concat(`  - stage: in-force\n    date: ${repo.clock}\n`));
    repo.commit('wang', `enact\n\nProposal: ${id}`);
    mergeFromSide('good', approved);
  },
};
