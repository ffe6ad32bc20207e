/**
 * Replacing a file whole: the new content goes to a temporary file in the same folder, renamed
 * over the old one — one rename(2), so a reader (a server watching a bundle, an editor holding a
 * source) sees the old file or the new one, never half of it, whenever the process is killed.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `data` to `path` atomically; the temporary file is removed if anything fails. */
export function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  return replaceFileWith(path, (temporary) => writeFile(temporary, data, { flag: 'wx' }));
}

/**
 * Replaces `path` with the file `write` creates at the temporary path it is given (a program
 * writing its own output, such as chromium printing a PDF); the temporary file is removed if
 * anything fails.
 */
export async function replaceFileWith(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    // The temporary file is ours, not the user's: an error about it is about the file replaced.
    const error = e as NodeJS.ErrnoException;
    if (error.path === temporary) error.path = path;
    throw e;
  }
}
