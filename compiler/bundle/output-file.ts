/**
 * The file `qingdan bundle -o` writes: only where nothing is, or over an earlier bundle. It
 * overwrote whatever the path named — `-o README.md` left the README a gzip archive, and a
 * source named by mistake was lost the same way — and wrote in place, so a server watching the
 * file could read half an archive (the CLI now writes through compiler/replace-file.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { PolicyLoadError } from '../../runtime/errors.js';
import { DEFAULT_MAX_UNPACKED_BYTES, readTarGz } from '../../runtime/ustar.js';
import { MANIFEST_FILE } from '../../runtime/bundle-archive.js';

/**
 * True when `path` may receive a bundle: nothing is there, or a qingdan bundle archive (an
 * earlier one, rebuilt). Throws the file system's error when it cannot tell.
 */
export async function mayWriteBundle(path: string): Promise<boolean> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  if (!info.isFile() || info.size > DEFAULT_MAX_UNPACKED_BYTES) return false;
  const bytes = await readFile(path);
  try {
    return readTarGz(bytes).has(MANIFEST_FILE);
  } catch (e) {
    if (e instanceof PolicyLoadError) return false;
    throw e;
  }
}
