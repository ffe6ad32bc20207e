import { ID, ok } from '../fixture.js';
import type { Attack } from './attack.js';

/** A pull request that gives its own drafter a reviewer's role in the roster, then signs with it. */
export const attack: Attack = {
  title: 'the roster changed by the pull request it governs',
  from: 'review',
  catches: ['QD5040', 'QD5013'],
  check: () => ['--base', 'pr-base'],
  async apply(repo) {
    repo.git(['branch', 'pr-base']);
    repo.write('policy/governance/roster.yaml', repo.read('policy/governance/roster.yaml').replace('roles: [drafter], key', 'roles: [drafter, expert-legal], key').replace(/(id: p-zhou, [^\n]*roles: \[drafter)\]/, '$1, expert-legal]'));
    repo.commit('zhou', 'make Zhou a legal expert');
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-zhou', '--date', '2026-03-01']);
    repo.commit('zhou', 'sign the legal review');
  },
};
