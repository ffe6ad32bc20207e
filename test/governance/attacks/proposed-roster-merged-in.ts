import { approvedGovernanceProposal, enactProposedRoster, mergeTaking, type Repo } from '../fixture.js';
import type { Attack } from './attack.js';

/** The unapproved roster: Li, a drafter, also becomes the provincial CAC (a governance approver). */
const evilOf = (roster: string) => roster.replace('roles: [drafter], key', 'roles: [drafter, provincial-cac], key');

/**
 * Branches forked before a governance proposal existed write its proposed roster (an edit
 * nobody could refuse there). After approval, a merge takes the unapproved one; the approver's
 * enacting commit copies it, as the rule asked; a second merge puts the approved text back, so
 * the approval's digest matches at the head. A merge taking a file verbatim from a side was
 * checked as the side's commits only, where the proposal was editable: the roster in force was
 * one nobody approved, and both checks passed (red team, session 13). Here with an octopus
 * merge and `--base`; the two-parent variant is proposed-roster-merged-in-full.ts.
 */
export async function smuggle(repo: Repo, octopus: boolean): Promise<void> {
  for (const b of ['evil', 'good', 'noise']) repo.git(['branch', b]);
  const id = await approvedGovernanceProposal(repo);
  repo.git(['branch', '-f', 'pr-base']);
  const proposed = `proposals/${id}/roster.yaml`;
  const approved = repo.read(proposed);
  const side = (branch: string, path: string, text: string) => {
    repo.git(['checkout', '-q', branch]);
    repo.write(path, text);
    repo.commit('li', `${branch} work`, { sign: false });
  };
  side('evil', proposed, evilOf(approved));
  side('good', proposed, approved);
  side('noise', 'NOTES.md', 'notes\n');
  repo.git(['checkout', '-q', 'main']);
  mergeTaking(repo, octopus ? ['evil', 'noise'] : ['evil'], [proposed], 'evil');
  // By hand: `proposal advance` itself refuses to enact a proposal whose history fails the check.
  enactProposedRoster(repo, id);
  const meta = repo.read(`proposals/${id}/proposal.yaml`);
  repo.write(`proposals/${id}/proposal.yaml`, meta.replace(/^stage: approved$/m, 'stage: in-force').concat(`  - stage: in-force\n    date: ${repo.clock}\n`));
  repo.commit('wang', `enact\n\nProposal: ${id}`);
  mergeTaking(repo, ['good'], [proposed]);
}

export const attack: Attack = {
  title: 'an unapproved proposed roster merged in after approval, then enacted (octopus, --base)',
  from: 'review',
  catches: ['QD5051'],
  check: () => ['--base', 'pr-base'],
  apply: (repo) => smuggle(repo, true),
};
