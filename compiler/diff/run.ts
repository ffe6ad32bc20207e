/** Diffing two revisions of the policy: read both from git, compile both in memory, compare. */
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Source } from '../source.js';
import { compileSources } from '../compile.js';
import { parseSource, type ParseResult } from '../parse.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import type { PolicyDiff } from './change.js';
import { diffPolicies } from './diff.js';
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
 * A head file whose text is unchanged reuses the base's parse (most files, in most diffs); its
 * locations then name the base revision, which matters only for diagnostics, so a head with
 * errors is compiled again from scratch to locate them exactly.
 */
export async function diffRevisions(root: string, base: string, head: string = WORKING_TREE, paths: readonly string[] = ['policy']): Promise<RevisionDiff> {
  const revisions = [await resolveRevision(root, base), await resolveRevision(root, head)] as const;
  // One blob cache: a file unchanged between the revisions is read from git once.
  const blobs = new Map<string, Promise<Buffer | undefined>>();
  const [baseRead, headRead] = await Promise.all([readRevision(root, revisions[0], paths, blobs), readRevision(root, revisions[1], paths, blobs)]);
  const sources = [...baseRead.sources, ...headRead.sources];
  const unread = [...baseRead.diagnostics, ...headRead.diagnostics];
  if (hasErrors(unread) || baseRead.version === undefined || headRead.version === undefined) return { diagnostics: unread, sources };

  const parsedByText = new Map<string, ParseResult>();
  const baseResult = compileSources(baseRead.sources, baseRead.version, (source) => {
    const parsed = parseSource(source);
    parsedByText.set(source.text, parsed);
    return parsed;
  });
  let headResult = compileSources(headRead.sources, headRead.version, (source) => parsedByText.get(source.text) ?? parseSource(source));
  if (hasErrors(headResult.diagnostics)) headResult = compileSources(headRead.sources, headRead.version);

  const diagnostics = [baseResult, headResult].flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
  const [b, h] = [baseResult.artifact, headResult.artifact];
  if (hasErrors(diagnostics) || !b || !h) return { diagnostics, sources };
  const short = (r: string) => (r === WORKING_TREE ? 'working tree' : r.slice(0, 12));
  return { diff: diffPolicies(b, h, { base: short(revisions[0]), head: short(revisions[1]) }), base: b, head: h, diagnostics: [], sources };
}
