/**
 * What a commit's tree holds under some paths, as git records it: each entry's mode, so that
 * callers can refuse symlinks and submodules instead of following them, and each blob's size,
 * so that a short read is caught.
 */
import { runGit } from './run.js';

/** The kinds of tree entry git records, by mode. */
export type EntryKind = 'file' | 'executable' | 'symlink' | 'submodule' | 'other';

export interface TreeEntry {
  readonly path: string;
  readonly kind: EntryKind;
  /** The object id of the blob (or, for a submodule, of the commit). */
  readonly oid: string;
  /** The blob's size in bytes; undefined for a submodule. */
  readonly size: number | undefined;
}

const KINDS: Record<string, EntryKind> = { '100644': 'file', '100755': 'executable', '120000': 'symlink', '160000': 'submodule' };

/**
 * Every entry under `paths` (all of the tree when empty) at `revision`, recursively, sorted by
 * path. Rejects with a GitError when git cannot list the tree.
 */
export async function listTree(root: string, revision: string, paths: readonly string[] = []): Promise<TreeEntry[]> {
  const out = await runGit(root, ['ls-tree', '-r', '-z', '--long', '--full-tree', revision, '--', ...paths]);
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    // "<mode> SP <type> SP <oid> SP+ <size> TAB <path>"
    const tab = record.indexOf('\t');
    const [mode = '', , oid = '', size = ''] = record.slice(0, tab).split(/ +/);
    entries.push({ path: record.slice(tab + 1), kind: KINDS[mode] ?? 'other', oid, size: size === '-' ? undefined : Number(size) });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
