/**
 * Reading `policy/` as it was at a git revision (or as it is in the working tree) and
 * compiling it in memory, with simple-git. Paths stay unquoted (`core.quotepath=false`, `-z`)
 * so Chinese file names survive.
 */
import { simpleGit } from 'simple-git';
import { compileSources, readSources, type CompileResult } from '../compile.js';
import type { Source } from '../source.js';

/** The working tree, as opposed to a commit. */
export const WORKING_TREE = 'WORKTREE';

/** The `.qd` sources under `paths` at `revision`, read with `git ls-tree` and `git show`. */
export async function sourcesAt(root: string, revision: string, paths: readonly string[]): Promise<Source[]> {
  if (revision === WORKING_TREE) return (await readSources(paths, root)).sources;
  const git = simpleGit(root);
  const listing = await git.raw(['-c', 'core.quotepath=false', 'ls-tree', '-r', '-z', '--name-only', revision, '--', ...paths]);
  const files = listing.split('\0').filter((f) => f.endsWith('.qd')).sort();
  return Promise.all(files.map(async (path) => ({ path: `${revision.slice(0, 12)}:${path}`, text: await git.show([`${revision}:${path}`]) })));
}

/** The version in package.json at `revision` (the policy version the manifest would carry). */
export async function versionAt(root: string, revision: string): Promise<string> {
  const text = revision === WORKING_TREE ? await import('node:fs/promises').then((fs) => fs.readFile(`${root}/package.json`, 'utf8')) : await simpleGit(root).show([`${revision}:package.json`]);
  return (JSON.parse(text) as { version: string }).version;
}

/** Compiles the policy at `revision`; its diagnostics name the revision in their file paths. */
export async function compileAt(root: string, revision: string, paths: readonly string[]): Promise<CompileResult> {
  return compileSources(await sourcesAt(root, revision, paths), await versionAt(root, revision));
}

/** The commit `main` and HEAD share: the default base of a diff. */
export async function defaultBase(root: string): Promise<string> {
  const git = simpleGit(root);
  for (const branch of ['main', 'origin/main']) {
    try {
      return (await git.raw(['merge-base', 'HEAD', branch])).trim();
    } catch {
      // try the next name
    }
  }
  return (await git.revparse(['HEAD'])).trim();
}

/** A revision name git does not know (a usage error, not an internal one). */
export class UnknownRevisionError extends Error {
  constructor(readonly revision: string) {
    super(`unknown git revision '${revision}' (a commit, branch or tag of this repository)`);
  }
}

/** The full commit id of a revision name. */
export async function resolveRevision(root: string, revision: string): Promise<string> {
  if (revision === WORKING_TREE) return revision;
  const commit = await simpleGit(root)
    .revparse(['--verify', '--quiet', `${revision}^{commit}`])
    .catch(() => '');
  if (!commit.trim()) throw new UnknownRevisionError(revision);
  return commit.trim();
}
