/**
 * Provenance for a bundle's manifest: for each list, its status, its proposal and the commits
 * that added that proposal's sign-offs — the facts `qingdan governance check` verifies. Kept to
 * this one function over compiler/governance so the bundle depends on little of it.
 */
import type { PolicyArtifact, Provenance } from '../../runtime/artifact.js';
import { History } from '../governance/history.js';
import { loadGovernance } from '../governance/load.js';

/** The provenance of `artifact`'s lists, read from the proposals under `root` and its git history. */
export async function provenance(root: string, artifact: PolicyArtifact): Promise<Provenance> {
  const governance = await loadGovernance(root);
  const history = await History.open(root);
  const lists = [];
  for (const list of artifact.lists) {
    const proposal = list.proposal ? governance.proposals.find((p) => p.folder === list.proposal) : undefined;
    const signoffs = [];
    for (const file of proposal?.signoffs ?? []) {
      if (!file.value) continue;
      const commit = history ? ((await history.commitsTouching(file.path))[0]?.sha ?? null) : null;
      signoffs.push({ stage: file.value.stage, role: file.value.role, person: file.value.person, commit });
    }
    signoffs.sort((a, b) => (a.stage + a.role + a.person < b.stage + b.role + b.person ? -1 : 1));
    lists.push({ id: list.id, status: list.status, proposal: list.proposal ?? null, signoffs });
  }
  return { lists };
}
