/**
 * What the site is made from, read from git objects only (never the working tree): the policy
 * compiled at the head commit, the governance files at that commit, and for each proposal the
 * policy at its base — by default the commit before the one that created the proposal, so the
 * diff shows everything the proposal has changed.
 */
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { compileSources } from '../compile.js';
import { compileAt, readRevision } from '../diff/revision.js';
import { resolveCommit } from '../git/log.js';
import { GitError, runGit } from '../git/run.js';
import { checkGovernance, type GovernanceReport } from '../governance/check.js';
import { PROPOSALS_DIR } from '../governance/load.js';
import { gitFailure } from '../governance/snapshot.js';
import type { Source } from '../source.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';

/** The policy a proposal is compared with. */
export interface ProposalBase {
  /** The base commit; undefined when the proposal was created in the repository's first commit. */
  readonly commit?: string;
  /** The policy at the base, when it has one that compiles. */
  readonly policy?: PolicyArtifact;
}

export interface SiteInput {
  /** The commit the site shows. */
  readonly head: string;
  /** The day ages and deadlines are counted to (YYYY-MM-DD). */
  readonly date: string;
  readonly policy: PolicyArtifact;
  /** The governance at the head, checked without the history walk. */
  readonly governance: GovernanceReport;
  /** Each proposal's base, by proposal folder. */
  readonly bases: ReadonlyMap<string, ProposalBase>;
}

export interface SiteOptions {
  /** The revision shown (default HEAD). */
  readonly head?: string;
  /** One base revision for every proposal, instead of each proposal's own. */
  readonly base?: string;
  readonly date: string;
}

/** The commit before the one that added `proposals/<folder>/proposal.yaml` (first parent), if any. */
async function creationParent(root: string, head: string, folder: string): Promise<string | undefined> {
  const added = (await runGit(root, ['log', '--format=%H', '--diff-filter=A', '--full-history', head, '--', `${PROPOSALS_DIR}/${folder}/proposal.yaml`])).toString('utf8').trim().split('\n').filter(Boolean);
  const first = added.at(-1);
  if (!first) return undefined;
  const parents = (await runGit(root, ['rev-list', '--parents', '-n', '1', first])).toString('utf8').trim().split(' ');
  return parents[1];
}

/** Reads everything the site shows; diagnostics (and no input) when the head cannot be read or compiled. */
export async function readSiteInput(root: string, options: SiteOptions): Promise<{ input?: SiteInput; diagnostics: readonly Diagnostic[]; sources: readonly Source[] }> {
  // The revision being read, for the message when git cannot read it.
  let reading = options.head ?? 'HEAD';
  try {
    const head = await resolveCommit(root, reading);
    const read = await readRevision(root, head, ['policy']);
    if (hasErrors(read.diagnostics) || read.version === undefined) return { diagnostics: read.diagnostics, sources: read.sources };
    const compiled = compileSources(read.sources, read.version);
    if (!compiled.artifact) return { diagnostics: compiled.diagnostics, sources: read.sources };
    const governance = await checkGovernance(root, { head, noHistory: true, today: options.date });
    if (options.base) reading = options.base;
    const fixedBase = options.base ? await resolveCommit(root, options.base) : undefined;
    const compiledAt = new Map<string, PolicyArtifact | undefined>();
    const bases = new Map<string, ProposalBase>();
    for (const p of governance.governance.proposals) {
      reading = fixedBase ?? head;
      const commit = fixedBase ?? (await creationParent(root, head, p.folder));
      if (commit) reading = commit;
      if (commit && !compiledAt.has(commit)) compiledAt.set(commit, (await compileAt(root, commit, ['policy'])).artifact);
      const policy = commit ? compiledAt.get(commit) : undefined;
      bases.set(p.folder, { ...(commit ? { commit } : {}), ...(policy ? { policy } : {}) });
    }
    return { input: { head, date: options.date, policy: compiled.artifact, governance, bases }, diagnostics: compiled.diagnostics, sources: read.sources };
  } catch (e) {
    if (e instanceof GitError) return { diagnostics: [gitFailure(e, reading)], sources: [] };
    throw e;
  }
}
