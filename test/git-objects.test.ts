/** Reading a commit's files from git objects: whole blobs however large, kinds as git records them, failures as GitError. */
import { execFileSync } from 'node:child_process';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotARepositoryError, readRevision, resolveRevision, UnknownRevisionError, WORKING_TREE } from '../compiler/diff/revision.js';
import { formatDiagnostics } from '../compiler/print-diagnostics.js';
import { readFilesAt, type BlobCache } from '../compiler/git/files.js';
import { repositoryCommit } from '../compiler/git/log.js';
import { ObjectReader, withObjectReader } from '../compiler/git/objects.js';
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

/** `readFilesAt` through a reader of its own, as the diff reads each revision. */
function filesAt(dir: string, revision: string, paths: readonly string[], select?: (path: string) => boolean, cache?: BlobCache) {
  return withObjectReader(dir, (reader) => readFilesAt(reader, revision, paths, select, undefined, cache));
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
    const [a, b] = await Promise.all([filesAt(dir, 'HEAD', ['policy']), filesAt(dir, 'HEAD', ['policy'])]);
    for (const read of [a, b]) {
      expect(read.map((f) => f.path)).toEqual(Object.keys(files).sort());
      for (const f of read) expect(f.bytes?.toString('utf8')).toBe(files[f.path]);
    }
  });

  it('reads a blob two revisions share once through a shared cache, and each revision whole', async () => {
    const dir = await repoWith({ 'policy/same.qd': bigText(100_000, 'same'), 'policy/changed.qd': 'zone a "甲"\n' });
    await writeFile(join(dir, 'policy/changed.qd'), 'zone a "乙"\n');
    execFileSync('git', ['commit', '-q', '-am', 'change'], { cwd: dir, env: { ...process.env, ...GIT_ENV } });
    const cache: BlobCache = new Map();
    const [base, head] = await Promise.all([filesAt(dir, 'HEAD~1', ['policy'], undefined, cache), filesAt(dir, 'HEAD', ['policy'], undefined, cache)]);
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
    const read = await filesAt(dir, 'HEAD', ['policy']);
    expect(read.map((f) => [f.path, f.kind, f.bytes === undefined])).toEqual([
      ['policy/a.qd', 'file', false],
      ['policy/env.qd', 'symlink', true],
      ['policy/sub', 'submodule', true],
    ]);
    expect((await withObjectReader(dir, (reader) => listTree(reader, 'HEAD', ['policy/sub'])))[0]?.size).toBeUndefined();
  });

  it('selects paths and reads nothing else', async () => {
    const dir = await repoWith({ 'policy/a.qd': 'a', 'policy/b.txt': 'b' });
    const read = await filesAt(dir, 'HEAD', ['policy'], (p) => p.endsWith('.qd'));
    expect(read.map((f) => f.path)).toEqual(['policy/a.qd']);
  });

  it('rejects an unknown revision with a GitError carrying git\'s message', async () => {
    const dir = await repoWith({ 'a.qd': 'a' });
    const e = await filesAt(dir, 'no-such-rev', []).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitError);
    expect((e as GitError).message).toMatch(/no-such-rev/);
  });

  it('lists nested folders, a path naming a file, and nothing for a path that is not there or runs through a file', async () => {
    const dir = await repoWith({ 'policy/lists/一 二.qd': 'a', 'policy/x.qd': 'x', 'package.json': '{}', 'other/y.qd': 'y' });
    const list = (paths: string[]) => withObjectReader(dir, (reader) => listTree(reader, 'HEAD', paths));
    expect((await list(['policy', 'package.json'])).map((e) => [e.path, e.kind, e.size])).toEqual([
      ['package.json', 'file', 2],
      ['policy/lists/一 二.qd', 'file', 1],
      ['policy/x.qd', 'file', 1],
    ]);
    expect(await list(['nowhere', 'policy/x.qd/deeper'])).toEqual([]);
    // Paths that overlap list each entry once; no path lists the whole tree.
    expect((await list(['policy', 'policy/lists/', 'policy/x.qd'])).map((e) => e.path)).toEqual(['policy/lists/一 二.qd', 'policy/x.qd']);
    expect((await list([])).map((e) => e.path)).toEqual(['other/y.qd', 'package.json', 'policy/lists/一 二.qd', 'policy/x.qd']);
  });

  it('refuses a name under the paths that is not UTF-8, whose U+FFFD reading another name shares, and reads on beside one elsewhere', async () => {
    const named = (...bytes: number[]) => Buffer.from([...Buffer.from('policy/lists/a'), ...bytes, ...Buffer.from('.qd')]);
    const dir = await repoWith({ 'policy/lists/ok.qd': 'ok' }, async (d) => {
      await writeFile(Buffer.concat([Buffer.from(`${d}/`), named(0xff)]), 'one list');
      await writeFile(Buffer.concat([Buffer.from(`${d}/`), named(0xfe)]), 'another list');
      await mkdir(join(d, 'assets'));
      await writeFile(Buffer.concat([Buffer.from(`${d}/assets/`), Buffer.from([0xff])]), 'not policy');
    });
    // Both names read "policy/lists/a\uFFFD.qd": read as such, one of the two files went unseen.
    await expect(filesAt(dir, 'HEAD', ['policy'])).rejects.toThrow(/policy\/lists\/a\uFFFD\.qd: a file name that is not UTF-8/);
    await expect(filesAt(dir, 'HEAD', ['policy/lists'])).rejects.toBeInstanceOf(GitError);
    expect((await filesAt(dir, 'HEAD', ['policy/lists/ok.qd'])).map((f) => f.path)).toEqual(['policy/lists/ok.qd']);
    expect((await filesAt(dir, 'HEAD', ['package.json', 'policy/lists/ok.qd'])).map((f) => f.path)).toEqual(['policy/lists/ok.qd']);
    // A diff reading that revision says so, in our words labelled as ours, not as git's output;
    // a revision git does not have is told in git's words.
    const [refused] = (await readRevision(dir, 'HEAD', ['policy'])).diagnostics;
    expect([refused?.id, refused?.detail?.ours, refused?.detail?.text]).toEqual(['git-failed-files', true, expect.stringMatching(/not UTF-8$/)]);
    expect(formatDiagnostics([refused!], { color: false, lang: 'en', texts: new Map() })).toContain("= git's answer, as qingdan read it:");
    const [unknown] = (await readRevision(dir, '0'.repeat(40), ['policy'])).diagnostics;
    expect([unknown?.id, unknown?.detail]).toEqual(['git-failed-files', { tool: 'git', text: `${'0'.repeat(40)}^{tree} missing` }]);
  });

  it('rejects a tree whose blob git cannot read with a GitError naming the file', async () => {
    const dir = await repoWith({ 'a.txt': 'a' });
    const git = (input: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, input, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();
    const policy = git(`100644 blob ${'2'.repeat(40)}\tgone.qd\n`, 'mktree', '--missing');
    const top = git(`040000 tree ${policy}\tpolicy\n`, 'mktree');
    const commit = git('broken', 'commit-tree', top);
    const e = await filesAt(dir, commit, ['policy']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitError);
    expect((e as GitError).message).toContain('policy/gone.qd');
  });

  it('reports a file a partial clone cannot fetch, offline, as git failing, not as a file that is not there', async () => {
    const source = await repoWith({ 'policy/a.qd': 'zone z "区" {}\n', 'package.json': '{ "version": "1.0.0" }\n' });
    execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], { cwd: source });
    const clone = await tempDir('qingdan-partial-');
    execFileSync('git', ['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${source}`, clone]);
    // The trees came with the clone, the blobs did not, and the promisor remote is now gone.
    await rename(source, `${source}-away`);
    const read = await readRevision(clone, 'HEAD', ['policy']);
    expect(read.sources).toEqual([]);
    expect(read.diagnostics.map((d) => d.id)).toEqual(['git-failed-files']);
  });

  it('rejects outside a repository with a GitError, not a verdict', async () => {
    const dir = await tempDir('qingdan-nogit-');
    await expect(filesAt(dir, 'HEAD', [])).rejects.toBeInstanceOf(GitError);
  });
});

describe('repositoryCommit', () => {
  it('gives the top folder and the commit from a subfolder in one answer, and a GitError for a revision that is not there', async () => {
    const dir = await repoWith({ 'policy/a.qd': 'a' });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    expect(await repositoryCommit(join(dir, 'policy'), 'HEAD')).toEqual({ root: dir, commit: head });
    await expect(repositoryCommit(dir, 'no-such-rev')).rejects.toBeInstanceOf(GitError);
    await expect(repositoryCommit(dir, '--help')).rejects.toBeInstanceOf(GitError);
    await expect(repositoryCommit(await tempDir('qingdan-nogit-'), 'HEAD')).rejects.toBeInstanceOf(GitError);
  });
});

describe('ObjectReader', () => {
  it('says what a revision names and lists a tree with each entry\'s mode', async () => {
    const dir = await repoWith({ 'd/a.txt': 'alpha', 'run.sh': 'echo' });
    execFileSync('git', ['update-index', '--chmod=+x', 'run.sh'], { cwd: dir });
    execFileSync('git', ['commit', '-q', '-m', 'x'], { cwd: dir, env: { ...process.env, ...GIT_ENV } });
    const reader = new ObjectReader(dir);
    try {
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
      expect(await reader.info('HEAD^{commit}')).toMatchObject({ oid: head, type: 'commit' });
      expect(await reader.info('HEAD:d/a.txt')).toMatchObject({ type: 'blob', size: 5 });
      expect(await reader.info('HEAD:nope')).toBeUndefined();
      expect((await reader.readTree('HEAD^{tree}'))?.map((r) => [r.mode, r.name])).toEqual([
        ['40000', 'd'],
        ['100755', 'run.sh'],
      ]);
      await expect(reader.readTree('HEAD:run.sh')).rejects.toBeInstanceOf(GitError);
    } finally {
      reader.close();
    }
  });

  it('answers missing objects as undefined and keeps answering in order', async () => {
    const dir = await repoWith({ 'a.txt': 'alpha', 'b.txt': 'beta' });
    const reader = new ObjectReader(dir);
    try {
      const answers = await Promise.all([reader.read('HEAD:a.txt'), reader.read('HEAD:nope'), reader.read('HEAD:b.txt')]);
      expect(answers.map((b) => b?.toString())).toEqual(['alpha', undefined, 'beta']);
    } finally {
      reader.close();
    }
  });

  it('reads a commit as stored, not as a replace ref would show it', async () => {
    const dir = await repoWith({ 'a.txt': 'first' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV } }).toString().trim();
    await writeFile(join(dir, 'a.txt'), 'second');
    git('commit', '-q', '-am', 'second');
    git('replace', git('rev-parse', 'HEAD'), git('rev-parse', 'HEAD~1'));
    expect(git('show', 'HEAD:a.txt')).toBe('first');
    expect((await withObjectReader(dir, (reader) => reader.read('HEAD:a.txt')))?.toString()).toBe('second');
  });

  it('refuses a tree where a file is expected', async () => {
    const dir = await repoWith({ 'd/a.txt': 'alpha' });
    const reader = new ObjectReader(dir);
    try {
      await expect(reader.read('HEAD:d')).rejects.toBeInstanceOf(GitError);
      expect((await reader.read('HEAD:d/a.txt'))?.toString()).toBe('alpha');
    } finally {
      reader.close();
    }
  });

  it('reads an answer git writes in pieces, and refuses one whose blob is not followed by a newline', async () => {
    // A stand-in for git on PATH, answering every request with a five-byte blob written in
    // pieces (a header cut in two, a blob cut in two), its last byte after the blob as given.
    const fakeGit = async (after: string) => {
      const bin = await tempDir('qingdan-fake-git-');
      const oid = 'a'.repeat(40);
      await writeFile(join(bin, 'git'), `#!/bin/sh\nwhile read -r line; do printf '${oid} bl'; sleep 0.05; printf 'ob 5\\nal'; sleep 0.05; printf 'pha${after}'; done\n`, { mode: 0o755 });
      return bin;
    };
    // PATH is set only while `use` runs and restored before the test ends, so nothing leaks into
    // the files that run after this one in the same worker (vitest.config.ts: isolate false).
    const withPath = async <T>(bin: string, use: () => Promise<T>): Promise<T> => {
      const path = process.env.PATH;
      process.env.PATH = `${bin}:${path}`;
      try {
        return await use();
      } finally {
        process.env.PATH = path;
      }
    };
    const dir = await tempDir('qingdan-fake-repo-');
    const pieces = await withPath(await fakeGit('\\n'), () => withObjectReader(dir, (reader) => Promise.all([reader.read('HEAD:a'), reader.read('HEAD:b')])));
    expect(pieces.map((b) => b?.toString())).toEqual(['alpha', 'alpha']);
    await expect(withPath(await fakeGit('X'), () => withObjectReader(dir, (reader) => reader.read('HEAD:a')))).rejects.toBeInstanceOf(GitError);
  });

  it('refuses an object name with a newline instead of desynchronising the batch', async () => {
    const dir = await repoWith({ 'a.txt': 'alpha' });
    const reader = new ObjectReader(dir);
    try {
      await expect(reader.read('HEAD:a.txt\nHEAD:a.txt')).rejects.toBeInstanceOf(GitError);
      expect((await reader.read('HEAD:a.txt'))?.toString()).toBe('alpha');
    } finally {
      reader.close();
    }
  });
});

describe('resolveRevision through an ObjectReader', () => {
  it('gives what git rev-parse gives, and tells an unknown name from a folder outside a repository as before', async () => {
    const dir = await repoWith({ 'policy/a.qd': 'a' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV } }).toString().trim();
    git('tag', '-a', '-m', 'annotated', 'v1');
    git('commit', '-q', '--allow-empty', '-m', 'second');
    const names = ['HEAD', 'main', 'HEAD~1', 'v1', git('rev-parse', '--short', 'HEAD'), 'HEAD^{tree}'];
    await withObjectReader(dir, async (reader) => {
      for (const name of names.slice(0, 5)) expect([name, await resolveRevision(dir, name, reader)]).toEqual([name, git('rev-parse', `${name}^{commit}`)]);
      // The annotated tag is peeled to its commit, not answered as the tag object.
      expect(await resolveRevision(dir, 'v1', reader)).not.toBe(git('rev-parse', 'v1'));
      // A tree is not a commit, and a name git does not know is an unknown revision.
      for (const name of [names[5]!, 'no-such-revision']) await expect(resolveRevision(dir, name, reader)).rejects.toBeInstanceOf(UnknownRevisionError);
      expect(await resolveRevision(dir, WORKING_TREE, reader)).toBe(WORKING_TREE);
    });
    // The reader is asked first: one opened on another repository answers for it.
    const other = await repoWith({ 'policy/b.qd': 'b' });
    const otherHead = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: other }).toString().trim();
    expect(await withObjectReader(other, (reader) => resolveRevision(dir, 'HEAD', reader))).toBe(otherHead);
    const outside = await tempDir('qingdan-no-repo-');
    await withObjectReader(outside, async (reader) => {
      await expect(resolveRevision(outside, 'HEAD', reader)).rejects.toBeInstanceOf(NotARepositoryError);
      // The reader failed, and later names are still answered, by rev-parse.
      await expect(resolveRevision(outside, 'main', reader)).rejects.toBeInstanceOf(NotARepositoryError);
    });
  });
});
