/**
 * Reading `policy/` as it was at a git revision (or as it is in the working tree) and
 * compiling it in memory. A commit is read from git objects only, through one
 * `git cat-file --batch-command` per revision, every blob checked against the size git records (the
 * concurrent `git show` calls this replaces returned truncated files under load).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { compileSources, MAX_SOURCE_BYTES, readSources, sourceTooLarge, type CompileResult } from '../compile.js';
import { diagnostic, hasErrors, hint, type Diagnostic } from '../diagnostics.js';
import { readFilesAt, type BlobCache, type RevisionFile } from '../git/files.js';
import { withObjectReader, type ObjectReader } from '../git/objects.js';
import { GitError, gitOutput } from '../git/run.js';
import { spanAt, withoutBom, type Source } from '../source.js';
import { collectSymbols } from '../symbols.js';

/** The working tree, as opposed to a commit. */
export const WORKING_TREE = 'WORKTREE';

/** What a revision holds for the compiler: its `.qd` sources and its package version. */
export interface RevisionSources {
  readonly sources: Source[];
  /** The version in package.json (the policy version the manifest would carry). */
  readonly version: string | undefined;
  /** Why the revision could not be read whole (git failed, a source is not a regular file). */
  readonly diagnostics: Diagnostic[];
}

const PACKAGE_JSON = 'package.json';

/**
 * The `.qd` sources under `paths` (relative to `root`) and the package version at `revision`.
 * Never throws for git's sake: a git failure is a QD4030 diagnostic carrying git's message. A
 * `.qd` entry that is a symlink or a submodule is reported at its path as the working tree's
 * would be (QD4011, QD4012), never followed: its target could be any file on the reader's
 * machine. A blob over the source size limit is reported (QD4014), not read. Revisions read with
 * one `blobs` cache read the files they share once; given a `reader`, the revision is read
 * through it rather than through a git process of its own.
 */
export async function readRevision(root: string, revision: string, paths: readonly string[], blobs?: BlobCache, reader?: ObjectReader): Promise<RevisionSources> {
  if (revision === WORKING_TREE) return readWorkingTree(root, paths);
  const label = revision.slice(0, 12);
  const read = (from: ObjectReader) => readFilesAt(from, revision, [...paths, PACKAGE_JSON], (path) => path.endsWith('.qd') || path === PACKAGE_JSON, MAX_SOURCE_BYTES, blobs);
  let files: RevisionFile[];
  try {
    files = await (reader ? read(reader) : withObjectReader(root, read));
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    return { sources: [], version: undefined, diagnostics: [diagnostic('git-failed-files', undefined, { revision: label, paths: paths.join(' ') }, { detail: gitOutput(e) })] };
  }
  const sources: Source[] = [];
  const diagnostics: Diagnostic[] = [];
  let packageText: string | undefined;
  for (const file of files) {
    // A file that is not read is located at its path, without a code frame: it has no text.
    const path = `${label}:${file.path}`;
    const at = spanAt({ path, text: '' }, 0, 0);
    if (file.bytes) {
      if (file.path === PACKAGE_JSON) packageText = file.bytes.toString('utf8');
      else sources.push({ path, text: sourceText(file.bytes) });
    } else if (file.kind === 'symlink') {
      diagnostics.push(diagnostic('source-symlink', at, { path }, { hint: hint('commit-not-link') }));
    } else if (file.kind === 'file' || file.kind === 'executable') {
      diagnostics.push(sourceTooLarge(path, file.size ?? 0, at));
    } else {
      diagnostics.push(diagnostic('source-not-regular', at, { path, kind: file.kind === 'submodule' ? 'submodule' : 'other' }, { hint: hint('regular-sources') }));
    }
  }
  const version = packageVersion(packageText, `${label}:${PACKAGE_JSON}`, diagnostics);
  return { sources, version, diagnostics };
}

/**
 * Each blob's text, decoded once: revisions read with one blob cache get the same Buffer for a
 * file they share, and then the same string, which the head's reuse of the base's parse finds
 * at once (decoding the 10k-item policy's Chinese text was ~35 ms a revision under load).
 */
const texts = new WeakMap<Buffer, string>();

function sourceText(bytes: Buffer): string {
  let text = texts.get(bytes);
  if (text === undefined) texts.set(bytes, (text = withoutBom(bytes.toString('utf8'))));
  return text;
}

async function readWorkingTree(root: string, paths: readonly string[]): Promise<RevisionSources> {
  const { sources, diagnostics } = await readSources(paths, root);
  const text = await readFile(join(root, PACKAGE_JSON), 'utf8').catch(() => undefined);
  return { sources, version: packageVersion(text, PACKAGE_JSON, diagnostics), diagnostics };
}

/** The `version` of a package.json text; a missing file or field is reported into `diagnostics`. */
function packageVersion(text: string | undefined, path: string, diagnostics: Diagnostic[]): string | undefined {
  if (text === undefined) {
    diagnostics.push(diagnostic('cannot-read', undefined, { path, reason: 'ENOENT' }));
    return undefined;
  }
  let version: unknown;
  try {
    version = (JSON.parse(text) as { version?: unknown } | null)?.version;
  } catch {
    // reported below, as for a missing field
  }
  if (typeof version === 'string') return version;
  diagnostics.push(diagnostic('no-version', undefined, { path }));
  return undefined;
}

/**
 * Compiles the policy at `revision`; its diagnostics name the revision in their file paths.
 * A revision that cannot be read gives only the diagnostics saying why.
 */
export async function compileAt(root: string, revision: string, paths: readonly string[]): Promise<CompileResult> {
  const read = await readRevision(root, revision, paths);
  if (hasErrors(read.diagnostics) || read.version === undefined) return { files: [], symbols: collectSymbols([]), diagnostics: read.diagnostics };
  return compileSources(read.sources, read.version);
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
  // Outside a repository, or in one without a commit, the same refusals as a revision named (QD4032, QD4031): it was an internal error.
  return resolveRevision(root, 'HEAD');
}

/** A revision name git does not know (a usage error, not an internal one). */
export class UnknownRevisionError extends Error {
  constructor(readonly revision: string) {
    super(`unknown git revision '${revision}' (a commit, branch or tag of this repository)`);
  }
}

/** QD4032 for the folder a NotARepositoryError names. */
export function notARepository(e: NotARepositoryError): Diagnostic {
  return diagnostic('not-a-repository', undefined, { path: e.root }, { hint: hint('inside-clone') });
}

/** QD4031 for the revision an UnknownRevisionError names. */
export function unknownRevision(e: UnknownRevisionError): Diagnostic {
  return diagnostic('unknown-revision', undefined, { revision: `'${e.revision}'` }, { hint: hint('revision-names') });
}

/** A revision was asked for outside any git repository: no revision name means anything there. */
export class NotARepositoryError extends Error {
  constructor(readonly root: string) {
    super(`${root} is not in a git repository`);
  }
}

/**
 * The full commit id of a revision name. Given a `reader`, git is asked through it first (a
 * diff then resolves and reads both revisions through one process); a name it does not resolve
 * is asked again of `git rev-parse`, which tells an unknown name from a folder outside a
 * repository.
 */
export async function resolveRevision(root: string, revision: string, reader?: ObjectReader): Promise<string> {
  if (revision === WORKING_TREE) return revision;
  const known = await reader?.info(`${revision}^{commit}`).catch((e: unknown) => {
    if (e instanceof GitError) return undefined;
    throw e;
  });
  if (known) return known.oid;
  const git = simpleGit(root);
  const commit = await git.revparse(['--verify', '--quiet', `${revision}^{commit}`]).catch(() => '');
  if (commit.trim()) return commit.trim();
  if (!(await git.checkIsRepo().catch(() => false))) throw new NotARepositoryError(root);
  throw new UnknownRevisionError(revision);
}
