/**
 * What governance reads, taken from one commit's tree and never from the working tree: every
 * regular file under policy/ and proposals/, as text. A symlink, a submodule or any other
 * non-regular entry there is an error (it could make the check read a file other than the one
 * the commit records); a git failure is an I/O error, never a verdict. Files are read up to a
 * bound (QD4014): a 30 MB comment took a check 22 s and 1.3 GB and passed, and a larger one
 * would have exhausted the heap of the CI job checking the pull request that added it.
 */
import { diagnostic, type Diagnostic, hint } from '../diagnostics.js';
import { MAX_SOURCE_BYTES, sourceTooLarge } from '../compile.js';
import { readFilesAt } from '../git/files.js';
import type { ObjectReader } from '../git/objects.js';
import { GitError, gitOutput } from '../git/run.js';
import { withoutBom } from '../source.js';

export const GOVERNED_PATHS = ['policy', 'proposals'] as const;

export interface Snapshot {
  /** The commit read. */
  readonly commit: string;
  /** Path → text of every regular file under the governed paths. */
  readonly files: ReadonlyMap<string, string>;
  /** Non-regular entries (QD5030) and undecodable files (QD4040). */
  readonly diagnostics: Diagnostic[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A record (proposal, comment, sign-off, roster) is a few kilobytes: past this it is not read. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** The largest governed file read at `path`: a policy source may be large, a record may not. */
function limitOf(path: string): number {
  return path.endsWith('.qd') ? MAX_SOURCE_BYTES : MAX_RECORD_BYTES;
}

/**
 * The text of the governed file `path` (a blob of any commit), or undefined when it is no UTF-8
 * or larger than its bound: the history is read too, and a huge file added and removed again
 * would otherwise be parsed as YAML in every check that reads past it.
 */
export function governedText(path: string, bytes: Buffer): string | undefined {
  return bytes.length > limitOf(path) ? undefined : decodeText(bytes);
}

/** Decodes a blob as UTF-8 (without a BOM), or undefined when it is not valid UTF-8. */
export function decodeText(bytes: Buffer): string | undefined {
  try {
    return withoutBom(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

/** The governed files of `commit`, read through `reader`. Rejects with a GitError when git cannot read them. */
export async function readSnapshot(reader: ObjectReader, commit: string, paths: readonly string[] = GOVERNED_PATHS): Promise<Snapshot> {
  const entries = await readFilesAt(reader, commit, paths, () => true, MAX_SOURCE_BYTES);
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const e of entries) {
    const regular = e.kind === 'file' || e.kind === 'executable';
    if (regular && (e.size ?? 0) > limitOf(e.path)) {
      const bytes = e.size ?? 0;
      diagnostics.push(e.path.endsWith('.qd') ? sourceTooLarge(e.path, bytes) : diagnostic('source-too-large', undefined, { path: e.path, bytes, limit: MAX_RECORD_BYTES }, { hint: hint('record-too-large') }));
      continue;
    }
    if (!e.bytes) {
      diagnostics.push(diagnostic('non-regular-file', undefined, { path: e.path, kind: e.kind === 'symlink' || e.kind === 'submodule' ? e.kind : 'other' }, { hint: hint('commit-file-itself') }));
      continue;
    }
    const text = decodeText(e.bytes);
    if (text === undefined) diagnostics.push(diagnostic('governance-not-a-file', undefined, { path: e.path, revision: commit.slice(0, 12) }));
    else files.set(e.path, text);
  }
  return { commit, files, diagnostics };
}

/** A git failure reading `revision` as the I/O error it is (QD4030, exit 2), with git's own message. */
export function gitFailure(e: unknown, revision: string): Diagnostic {
  if (e instanceof GitError) return diagnostic('git-failed-revision', undefined, { revision }, { detail: gitOutput(e) });
  throw e;
}
