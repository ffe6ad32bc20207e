/**
 * What a commit's tree holds under some paths, as git records it: each entry's mode, so that
 * callers can refuse symlinks and submodules instead of following them, and each blob's size,
 * so that a short read is caught. Read from the tree objects themselves, through the caller's
 * ObjectReader (no `git ls-tree` process of its own).
 */
import type { ObjectReader, TreeRecord } from './objects.js';
import { GitError } from './run.js';

/** The kinds of tree entry git records, by mode. */
export type EntryKind = 'file' | 'executable' | 'symlink' | 'submodule' | 'other';

export interface TreeEntry {
  readonly path: string;
  readonly kind: EntryKind;
  /** The object id of the blob (or, for a submodule, of the commit). */
  readonly oid: string;
  /** The blob's size in bytes; undefined for a submodule, NaN for a blob git cannot read. */
  readonly size: number | undefined;
}

const KINDS: Record<string, EntryKind> = { '100644': 'file', '100755': 'executable', '120000': 'symlink', '160000': 'submodule' };
/** A tree's mode, as git writes it (and as some old tools wrote it, zero-padded). */
const TREE_MODES = new Set(['40000', '040000']);

/**
 * Every entry under `paths` (all of the tree when empty; each path a plain path from the top of
 * the tree) at `revision`, recursively, sorted by path. Rejects with a GitError when git cannot
 * read the revision or one of its trees, or when a name under `paths` is not UTF-8.
 */
export async function listTree(reader: ObjectReader, revision: string, paths: readonly string[] = []): Promise<TreeEntry[]> {
  const top = await reader.readTree(`${revision}^{tree}`);
  // git's own answer, as the message: the object name, then "missing".
  if (!top) throw new GitError(['cat-file', '--batch-command'], `${revision}^{tree} missing`, null, undefined, true);
  const found = new Map<string, TreeRecord & { path: string }>();
  const under = async (records: readonly TreeRecord[], prefix: string, rest: readonly string[]): Promise<void> => {
    // A path names one entry of this tree, followed further down; no path left takes every entry.
    const [name, ...deeper] = rest;
    const chosen = name === undefined ? records : records.filter((r) => r.utf8 && r.name === name);
    await Promise.all(
      chosen.map(async (r) => {
        const path = prefix + r.name;
        // Refused, not read under a name it does not have: two such names can read the same.
        if (!r.utf8) throw new GitError(['cat-file', '--batch-command'], `${revision}:${path}: a file name that is not UTF-8`);
        if (!TREE_MODES.has(r.mode)) {
          // A path that goes on below a file names nothing (as a pathspec would match nothing).
          if (deeper.length === 0) found.set(path, { ...r, path });
          return;
        }
        const records = await reader.readTree(r.oid);
        if (!records) throw new GitError(['cat-file', '--batch-command'], `${revision}:${path}: git cannot read tree ${r.oid}`);
        await under(records, `${path}/`, deeper);
      }),
    );
  };
  await Promise.all((paths.length ? paths : ['']).map((p) => under(top, '', p.split('/').filter(Boolean))));
  const entries = await Promise.all(
    [...found.values()].map(async (r): Promise<TreeEntry> => {
      const kind = KINDS[r.mode] ?? 'other';
      // A submodule's commit is not in this repository; a blob git cannot read has no size.
      const size = kind === 'submodule' ? undefined : (await reader.info(r.oid))?.size ?? Number.NaN;
      return { path: r.path, kind, oid: r.oid, size };
    }),
  );
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
