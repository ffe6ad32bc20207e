/**
 * runtime/make-directory.ts: folders made with their parents, and an answer, not an endless
 * retry, where the file system refuses the name (Node's recursive mkdir spins forever under /proc).
 */
import { writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory, makeDirectorySync } from '../runtime/make-directory.js';
import { tempDir } from './support.js';

const isFolder = (path: string) => statSync(path).isDirectory();

describe('makeDirectory and makeDirectorySync', () => {
  it('make a folder with its missing parents, and accept one that exists', async () => {
    const dir = await tempDir();
    await makeDirectory(join(dir, 'a/b/c'));
    makeDirectorySync(join(dir, 'x/y'));
    expect(isFolder(join(dir, 'a/b/c')) && isFolder(join(dir, 'x/y'))).toBe(true);
    await makeDirectory(join(dir, 'a/b'));
    makeDirectorySync(join(dir, 'a'));
    // Two callers making the same folders at once both succeed.
    await Promise.all([makeDirectory(join(dir, 'p/q/r')), makeDirectory(join(dir, 'p/q/r')), makeDirectory(join(dir, 'p/q'))]);
    expect(isFolder(join(dir, 'p/q/r'))).toBe(true);
  });

  it('throw the file system’s error when a file stands in the way', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file'), '');
    await expect(makeDirectory(join(dir, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(() => makeDirectorySync(join(dir, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    await expect(makeDirectory(join(dir, 'file/sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(() => makeDirectorySync(join(dir, 'file/sub/deeper'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('answer ENOENT under /proc, where Node’s recursive mkdir never returns', async () => {
    await expect(makeDirectory('/proc/qingdan-test/a')).rejects.toMatchObject({ code: 'ENOENT', syscall: 'mkdir', path: '/proc/qingdan-test' });
    expect(() => makeDirectorySync('/proc/qingdan-test/a')).toThrow(expect.objectContaining({ code: 'ENOENT', path: '/proc/qingdan-test' }));
  });
});
