import type { Attack } from './attack.js';

const ROSTER = 'policy/governance/roster.yaml';

/**
 * A pull request whose head merges an unrelated history, first parent first, whose root commit
 * writes a roster of its own (every person with a key, Li with an approver's role). The trust
 * anchor was the first roster commit of the head's whole history that gave everyone a key: the
 * pull request's own root, so the walk after it never saw the commit that changed the roster,
 * and `governance check --base` passed with no proposal, approval or signature (red team,
 * session 13). The anchor now comes from the base's history.
 */
export const attack: Attack = {
  title: 'a pull request that makes its own root commit the trust anchor',
  from: 'review',
  catches: ['QD5040'],
  check: () => ['--base', 'pr-base'],
  async apply(repo) {
    repo.git(['branch', 'pr-base']);
    const evil = repo.read(ROSTER).replace('roles: [drafter], key', 'roles: [drafter, provincial-cac], key');
    repo.git(['checkout', '-q', '--orphan', 'orphan']);
    repo.git(['rm', '-rq', '--cached', '.']);
    repo.git(['clean', '-fdq']);
    repo.write(ROSTER, evil);
    repo.commit('li', 'a roster', { sign: false });
    const orphan = repo.git(['rev-parse', 'HEAD']).trim();
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', '--allow-unrelated-histories', '-X', 'theirs', 'main']);
    repo.git(['checkout', orphan, '--', ROSTER]);
    repo.commit('li', 'Merge branch main', { sign: false });
  },
};
