/**
 * How far a commit is from a release, read from git's objects: the number of commits reachable
 * from HEAD and not from the release. It grows with every commit along a history, which is what
 * orders the builds between two releases.
 */
import { GitError, runGit } from './run.js';

/**
 * The number of commits in `since..HEAD` (all of HEAD's history when `since` is null); 0 outside
 * a repository or before its first commit, where there is no history to count.
 */
export async function commitsSince(root: string, since: string | null): Promise<number> {
  try {
    const out = await runGit(root, ['rev-list', '--count', since ? `${since}..HEAD` : 'HEAD', '--']);
    return Number(out.toString('utf8').trim());
  } catch (e) {
    if (!(e instanceof GitError) || e.exitCode === null) throw e;
    return 0;
  }
}
