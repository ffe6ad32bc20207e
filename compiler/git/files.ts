/**
 * The files of a commit under some paths, read from git objects only (never the working tree)
 * through one ObjectReader, every blob's length checked against the size git records.
 */
import type { ObjectReader } from './objects.js';
import { GitError } from './run.js';
import { listTree, type EntryKind } from './tree.js';

/**
 * A file of a commit's tree; `bytes` only for regular files of at most `maxBytes` (symlinks,
 * submodules and oversized files are not read).
 */
export interface RevisionFile {
  readonly path: string;
  readonly kind: EntryKind;
  /** The size git records; undefined for a submodule. */
  readonly size: number | undefined;
  readonly bytes: Buffer | undefined;
}

/**
 * Blobs already asked for, by object id: two revisions read with the same cache read a file
 * that did not change between them once (a blob's id is its content's hash).
 */
export type BlobCache = Map<string, Promise<Buffer | undefined>>;

/**
 * The entries under `paths` at `revision` whose path `select` accepts, sorted by path, with the
 * bytes of each regular file of at most `maxBytes`. Rejects with a GitError when git fails or a blob arrives short.
 */
export async function readFilesAt(
  reader: ObjectReader,
  revision: string,
  paths: readonly string[],
  select: (path: string) => boolean = () => true,
  maxBytes = Infinity,
  cache: BlobCache = new Map(),
): Promise<RevisionFile[]> {
  const entries = (await listTree(reader, revision, paths)).filter((e) => select(e.path));
  const files = entries.filter((e) => e.kind === 'file' || e.kind === 'executable');
  const unreadable = files.find((e) => !Number.isSafeInteger(e.size));
  if (unreadable) throw new GitError(['cat-file', '--batch-command'], `${revision}:${unreadable.path}: git cannot read object ${unreadable.oid}`);
  const regular = files.filter((e) => e.size! <= maxBytes);
  const read = (oid: string) => {
    let blob = cache.get(oid);
    if (!blob) cache.set(oid, (blob = reader.read(oid)));
    return blob;
  };
  const blobs = await Promise.all(regular.map((e) => read(e.oid)));
  const byPath = new Map<string, Buffer>();
  regular.forEach((e, i) => {
    const blob = blobs[i];
    if (!blob || blob.length !== e.size) {
      throw new GitError(['cat-file', '--batch-command'], `${revision}:${e.path}: read ${blob?.length ?? 0} of ${e.size} bytes`);
    }
    byPath.set(e.path, blob);
  });
  return entries.map((e) => ({ path: e.path, kind: e.kind, size: e.size, bytes: byPath.get(e.path) }));
}
