import { ok } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A drafter's unsigned commit under a throwaway draft proposal adds a file whose name holds the
 * byte 0x1E and, in the same commit, gives herself a reviewer's role in the roster. The history
 * reader split git's output on 0x1E: the path ended the commit's record, the roster change listed
 * after it was read as part of no commit, and both checks passed (red team of session 13).
 */
export const attack: Attack = {
  title: 'a roster change hidden behind a path holding the record separator',
  from: 'review',
  catches: ['QD5040'],
  check: () => ['--base', 'pr-base'],
  async apply(repo) {
    repo.git(['branch', 'pr-base']);
    const created = await ok(repo, ['proposal', 'new', 'cover', '--title', 'cover', '--kind', 'governance', '--author', 'p-li', '--date', repo.clock]);
    const draft = /(\d{4}-\d{4}-cover)/.exec(created)![1]!;
    repo.write('policy/\x1enothing-to-see', 'x\n');
    repo.write('policy/governance/roster.yaml', repo.read('policy/governance/roster.yaml').replace('roles: [drafter], key', 'roles: [drafter, provincial-cac], key'));
    repo.commit('li', `tidy\n\nProposal: ${draft}`, { sign: false });
  },
};
