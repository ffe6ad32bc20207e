/** Diffing two revisions of the policy: read both from git, compile both in memory, compare. */
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Source } from '../source.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import type { PolicyDiff } from './change.js';
import { compilePair } from './compile-pair.js';
import { diffPolicies } from './diff.js';
import { withObjectReader } from '../git/objects.js';
import { readRevision, resolveRevision, WORKING_TREE } from './revision.js';

export interface RevisionDiff {
  /** Present when both revisions compile. */
  readonly diff?: PolicyDiff;
  readonly base?: PolicyArtifact;
  readonly head?: PolicyArtifact;
  /** Why a revision could not be read or does not compile; file paths carry the revision. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every source read, for code frames. */
  readonly sources: readonly Source[];
}

/**
 * Compiles `policy/` at both revisions (`WORKTREE` for the working tree) and compares them.
 * The head reuses the base's work on every file whose text is unchanged (compile-pair.ts).
 */
export async function diffRevisions(root: string, base: string, head: string = WORKING_TREE, paths: readonly string[] = ['policy']): Promise<RevisionDiff> {
  // One git process resolves and reads both revisions, and is ended before the compiling starts.
  const { revisions, baseRead, headRead } = await withObjectReader(root, async (reader) => {
    // Resolved at once, but a bad base is reported before a bad head, as when resolved in turn.
    const resolved = await Promise.allSettled([resolveRevision(root, base, reader), resolveRevision(root, head, reader)]);
    const revisions = resolved.map((r) => {
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
    // One blob cache: a file unchanged between the revisions is read from git once.
    const blobs = new Map<string, Promise<Buffer | undefined>>();
    const [baseRead, headRead] = await Promise.all([readRevision(root, revisions[0]!, paths, blobs, reader), readRevision(root, revisions[1]!, paths, blobs, reader)]);
    return { revisions, baseRead, headRead };
  });
  const sources = [...baseRead.sources, ...headRead.sources];
  const unread = [...baseRead.diagnostics, ...headRead.diagnostics];
  if (hasErrors(unread) || baseRead.version === undefined || headRead.version === undefined) return { diagnostics: unread, sources };

  const compiled = compilePair({ sources: baseRead.sources, version: baseRead.version }, { sources: headRead.sources, version: headRead.version });
  const diagnostics = [compiled.base, compiled.head].flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
  const [b, h] = [compiled.base.artifact, compiled.head.artifact];
  if (hasErrors(diagnostics) || !b || !h) return { diagnostics, sources };
  const short = (r: string) => (r === WORKING_TREE ? 'working tree' : r.slice(0, 12));
  return { diff: diffPolicies(b, h, { base: short(revisions[0]!), head: short(revisions[1]!) }), base: b, head: h, diagnostics: [], sources };
}
