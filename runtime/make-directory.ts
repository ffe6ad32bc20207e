/**
 * A folder and its missing parents, as `mkdir -p` makes them, without Node's recursive mkdir.
 * Where a folder exists but cannot hold the name asked for — /proc answers ENOENT to any new
 * name in it — Node 20's `mkdir(path, { recursive: true })` goes back to the parent, finds it
 * there, and tries the child again, forever and at full CPU; the synchronous form blocks its
 * whole process (the loop bun fixed in its own mkdir, oven-sh/bun#40600). Here each folder is
 * asked for once after its parent: a second ENOENT is the answer, thrown.
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

/** Makes folder `path` and any missing parents; returns when it is a folder, else throws the file system's error. */
export async function makeDirectory(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (e) {
    if (codeOf(e) === 'EEXIST' && (await isDirectory(path))) return;
    const parent = dirname(path);
    if (codeOf(e) !== 'ENOENT' || parent === path) throw e;
    await makeDirectory(parent);
    try {
      await mkdir(path);
    } catch (again) {
      // Made meanwhile by someone else: as good as made here.
      if (!(codeOf(again) === 'EEXIST' && (await isDirectory(path)))) throw again;
    }
  }
}

/** `makeDirectory`, synchronous (for the runtime's client, which saves its cache synchronously). */
export function makeDirectorySync(path: string): void {
  try {
    mkdirSync(path);
  } catch (e) {
    if (codeOf(e) === 'EEXIST' && isDirectorySync(path)) return;
    const parent = dirname(path);
    if (codeOf(e) !== 'ENOENT' || parent === path) throw e;
    makeDirectorySync(parent);
    try {
      mkdirSync(path);
    } catch (again) {
      if (!(codeOf(again) === 'EEXIST' && isDirectorySync(path))) throw again;
    }
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function isDirectorySync(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
