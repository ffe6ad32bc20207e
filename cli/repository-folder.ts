/**
 * The folder a command that reads and writes the repository's files by their repository paths
 * (`proposals/…`, `policy/governance/…`, `.github/CODEOWNERS`, `.changeset/…`) works in: the top
 * of the repository, wherever in it the command is run. From `policy/lists` they looked for
 * `policy/lists/policy/…`, wrote `policy/lists/.github/CODEOWNERS`, and read no proposals.
 */
import { repositoryRoot } from '../compiler/git/log.js';

/** The repository's top folder, or `cwd` outside a repository (the command then says so itself). */
export async function repositoryFolder(cwd: string): Promise<string> {
  try {
    return await repositoryRoot(cwd);
  } catch {
    return cwd;
  }
}
