/** Diffing two revisions of the policy: read both with git, compile both in memory, compare. */
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Source } from '../source.js';
import { compileSources } from '../compile.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import type { PolicyDiff } from './change.js';
import { diffPolicies } from './diff.js';
import { resolveRevision, sourcesAt, versionAt, WORKING_TREE } from './revision.js';

export interface RevisionDiff {
  /** Present when both revisions compile. */
  readonly diff?: PolicyDiff;
  readonly base?: PolicyArtifact;
  readonly head?: PolicyArtifact;
  /** The diagnostics of a revision that does not compile; file paths carry the revision. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every source read, for code frames. */
  readonly sources: readonly Source[];
}

/** Compiles `policy/` at both revisions (`WORKTREE` for the working tree) and compares them. */
export async function diffRevisions(root: string, base: string, head: string = WORKING_TREE, paths: readonly string[] = ['policy']): Promise<RevisionDiff> {
  const revisions = [await resolveRevision(root, base), await resolveRevision(root, head)] as const;
  const compiled = await Promise.all(
    revisions.map(async (rev) => {
      const sources = await sourcesAt(root, rev, paths);
      return { sources, result: compileSources(sources, await versionAt(root, rev)) };
    }),
  );
  const diagnostics = compiled.flatMap((c) => c.result.diagnostics.filter((d) => d.severity === 'error'));
  const sources = compiled.flatMap((c) => c.sources);
  const [b, h] = compiled.map((c) => c.result.artifact);
  if (hasErrors(diagnostics) || !b || !h) return { diagnostics, sources };
  const short = (r: string) => (r === WORKING_TREE ? 'working tree' : r.slice(0, 12));
  return { diff: diffPolicies(b, h, { base: short(revisions[0]), head: short(revisions[1]) }), base: b, head: h, diagnostics: [], sources };
}
