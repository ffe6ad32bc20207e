/**
 * Provenance for a bundle's manifest: for each list, its status, its proposal and the commits
 * that added that proposal's sign-offs — the facts `qingdan governance check` verifies. Kept to
 * this one function over compiler/governance so the bundle depends on little of it.
 */
import type { PolicyArtifact, Provenance } from '../../runtime/artifact.js';
import { readCommits, resolveCommit } from '../git/log.js';
import { withObjectReader } from '../git/objects.js';
import { GitError } from '../git/run.js';
import { loadGovernance } from '../governance/load.js';
import { readSnapshot } from '../governance/snapshot.js';

/** The commit HEAD names, or undefined when `root` is not a git repository with commits. */
async function headOf(root: string): Promise<string | undefined> {
  try {
    return await resolveCommit(root, 'HEAD');
  } catch (e) {
    if (e instanceof GitError) return undefined;
    throw e;
  }
}

/** The provenance of `artifact`'s lists, read from the proposals committed at HEAD and its git history. */
export async function provenance(root: string, artifact: PolicyArtifact): Promise<Provenance> {
  const head = await headOf(root);
  const governance = head ? loadGovernance((await withObjectReader(root, (reader) => readSnapshot(reader, head))).files) : { proposals: [] };
  const lists = [];
  for (const list of artifact.lists) {
    const proposal = list.proposal ? governance.proposals.find((p) => p.folder === list.proposal) : undefined;
    const signoffs = [];
    for (const file of proposal?.signoffs ?? []) {
      if (!file.value) continue;
      const commit = head ? ((await readCommits(root, [head], [file.path]))[0]?.sha ?? null) : null;
      signoffs.push({ stage: file.value.stage, role: file.value.role, person: file.value.person, commit });
    }
    signoffs.sort((a, b) => (a.stage + a.role + a.person < b.stage + b.role + b.person ? -1 : 1));
    lists.push({ id: list.id, status: list.status, proposal: list.proposal ?? null, signoffs });
  }
  return { lists };
}
