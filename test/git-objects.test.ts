/** Reading a commit's files from git objects: whole blobs however large, kinds as git records them, failures as GitError. */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFilesAt } from '../compiler/git/files.js';
import { BlobReader } from '../compiler/git/objects.js';
import { GitError } from '../compiler/git/run.js';
import { listTree } from '../compiler/git/tree.js';
import { tempDir } from './support.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

async function repoWith(files: Record<string, string>, setup?: (dir: string) => Promise<void>): Promise<string> {
  const dir = await tempDir('qingdan-git-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV } });
  git('init', '-q', '-b', 'main');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await setup?.(dir);
  git('add', '-A');
  git('commit', '-q', '-m', 'files');
  return dir;
}

/** A text of `n` bytes whose every line differs, so a short or shifted read cannot match it. */
function bigText(n: number, seed: string): string {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `${seed} 第${i}行\n`;
  return s;
}

describe('readFilesAt', () => {
  it('reads many files larger than a pipe buffer, concurrently, byte for byte', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) files[`policy/lists/清单${i}.qd`] = bigText(200_000 + i * 7_919, `list${i}`);
    const dir = await repoWith(files);
    const [a, b] = await Promise.all([readFilesAt(dir, 'HEAD', ['policy']), readFilesAt(dir, 'HEAD', ['policy'])]);
    for (const read of [a, b]) {
      expect(read.map((f) => f.path)).toEqual(Object.keys(files).sort());
      for (const f of read) expect(f.bytes?.toString('utf8')).toBe(files[f.path]);
    }
  });

  it('reads a blob two revisions share once through a shared cache, and each revision whole', async () => {
    const dir = await repoWith({ 'policy/same.qd': bigText(100_000, 'same'), 'policy/changed.qd': 'zone a "甲"\n' });
    await writeFile(join(dir, 'policy/changed.qd'), 'zone a "乙"\n');
    execFileSync('git', ['commit', '-q', '-am', 'change'], { cwd: dir, env: { ...process.env, ...GIT_ENV } });
    const cache = new Map<string, Promise<Buffer | undefined>>();
    const [base, head] = await Promise.all([readFilesAt(dir, 'HEAD~1', ['policy'], undefined, undefined, cache), readFilesAt(dir, 'HEAD', ['policy'], undefined, undefined, cache)]);
    const text = (files: typeof base, path: string) => files.find((f) => f.path === path)?.bytes?.toString('utf8');
    expect(text(base, 'policy/changed.qd')).toBe('zone a "甲"\n');
    expect(text(head, 'policy/changed.qd')).toBe('zone a "乙"\n');
    expect(text(head, 'policy/same.qd')).toBe(text(base, 'policy/same.qd'));
    // Three distinct blobs asked for once each: the unchanged file is not read again.
    expect(cache.size).toBe(3);
    expect(head.find((f) => f.path === 'policy/same.qd')!.bytes).toBe(base.find((f) => f.path === 'policy/same.qd')!.bytes);
  });

  it('reports symlinks and submodules by kind without reading them', async () => {
    const dir = await repoWith({ 'policy/a.qd': 'zone a "甲"\n' }, async (d) => {
      await symlink('/proc/self/environ', join(d, 'policy/env.qd'));
    });
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},policy/sub`], { cwd: dir });
    execFileSync('git', ['commit', '-q', '-m', 'sub'], { cwd: dir, env: { ...process.env, ...GIT_ENV } });
    const read = await readFilesAt(dir, 'HEAD', ['policy']);
    expect(read.map((f) => [f.path, f.kind, f.bytes === undefined])).toEqual([
      ['policy/a.qd', 'file', false],
      ['policy/env.qd', 'symlink', true],
      ['policy/sub', 'submodule', true],
    ]);
    expect((await listTree(dir, 'HEAD', ['policy/sub']))[0]?.size).toBeUndefined();
  });

  it('selects paths and reads nothing else', async () => {
    const dir = await repoWith({ 'policy/a.qd': 'a', 'policy/b.txt': 'b' });
    const read = await readFilesAt(dir, 'HEAD', ['policy'], (p) => p.endsWith('.qd'));
    expect(read.map((f) => f.path)).toEqual(['policy/a.qd']);
  });

  it('rejects an unknown revision with a GitError carrying git\'s message', async () => {
    const dir = await repoWith({ 'a.qd': 'a' });
    const e = await readFilesAt(dir, 'no-such-rev', []).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitError);
    expect((e as GitError).message).toMatch(/no-such-rev/);
  });

  it('rejects outside a repository with a GitError, not a verdict', async () => {
    const dir = await tempDir('qingdan-nogit-');
    await expect(readFilesAt(dir, 'HEAD', [])).rejects.toBeInstanceOf(GitError);
  });
});

describe('BlobReader', () => {
  it('answers missing objects as undefined and keeps answering in order', async () => {
    const dir = await repoWith({ 'a.txt': 'alpha', 'b.txt': 'beta' });
    const reader = new BlobReader(dir);
    try {
      const answers = await Promise.all([reader.read('HEAD:a.txt'), reader.read('HEAD:nope'), reader.read('HEAD:b.txt')]);
      expect(answers.map((b) => b?.toString())).toEqual(['alpha', undefined, 'beta']);
    } finally {
      reader.close();
    }
  });

  it('refuses a tree where a file is expected', async () => {
    const dir = await repoWith({ 'd/a.txt': 'alpha' });
    const reader = new BlobReader(dir);
    try {
      await expect(reader.read('HEAD:d')).rejects.toBeInstanceOf(GitError);
      expect((await reader.read('HEAD:d/a.txt'))?.toString()).toBe('alpha');
    } finally {
      reader.close();
    }
  });

  it('refuses an object name with a newline instead of desynchronising the batch', async () => {
    const dir = await repoWith({ 'a.txt': 'alpha' });
    const reader = new BlobReader(dir);
    try {
      await expect(reader.read('HEAD:a.txt\nHEAD:a.txt')).rejects.toBeInstanceOf(GitError);
      expect((await reader.read('HEAD:a.txt'))?.toString()).toBe('alpha');
    } finally {
      reader.close();
    }
  });
});
