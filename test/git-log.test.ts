/** Reading commits, their per-parent changes and their signatures from git (compiler/git/log.ts). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTrees, isAncestor, mergeTree, readCommits, readHistory, resolveCommit, verifySignatures } from '../compiler/git/log.js';
import { GitError } from '../compiler/git/run.js';
import { tempDir } from './support.js';

const ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@example.org' };

async function repo() {
  const dir = await tempDir('qingdan-log-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV } });
  const put = async (path: string, text: string) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  };
  git('init', '-q', '-b', 'main');
  return { dir, git, put };
}

describe('compiler/git/log', () => {
  it('lists commits oldest first with parents, dates and message, and diffs each against a parent', async () => {
    const { dir, git, put } = await repo();
    await put('p/a.txt', 'one\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'first', '--date', '2026-01-02T03:04:05Z');
    await put('p/a.txt', 'two\n');
    await put('p/b.txt', 'b\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'second\n\nProposal: x');
    const commits = await readCommits(dir, ['HEAD'], ['p']);
    expect(commits.map((c) => c.message.trim().split('\n')[0])).toEqual(['first', 'second']);
    expect(commits[0]!.parents).toEqual([]);
    expect(commits[1]!.parents).toEqual([commits[0]!.sha]);
    expect(commits[0]!.authorDate).toBe('2026-01-02T03:04:05+00:00');
    expect(commits[1]!.message).toContain('Proposal: x');
    const [changes, none, back] = await diffTrees(dir, [
      { parent: commits[0]!.sha, commit: commits[1]!.sha },
      { parent: commits[1]!.sha, commit: commits[1]!.sha },
      { parent: commits[1]!.sha, commit: commits[0]!.sha },
    ], ['p']);
    expect(changes!.map((c) => `${c.status} ${c.path} ${c.newKind}`)).toEqual(['M p/a.txt file', 'A p/b.txt file']);
    // A pair with nothing changed keeps its place: the next pair's list is not taken for it.
    expect(none).toEqual([]);
    expect(back!.map((c) => `${c.status} ${c.path}`)).toEqual(['M p/a.txt', 'D p/b.txt']);
    await expect(diffTrees(dir, [{ parent: 'HEAD', commit: commits[1]!.sha }])).rejects.toBeInstanceOf(GitError);
    expect(await isAncestor(dir, commits[0]!.sha, commits[1]!.sha)).toBe(true);
    expect(await isAncestor(dir, commits[1]!.sha, commits[0]!.sha)).toBe(false);
  });

  it('lists both sides of a merge', async () => {
    const { dir, git, put } = await repo();
    await put('a', '1\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'side');
    await put('b', '1\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'side');
    git('checkout', '-q', 'main');
    await put('c', '1\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'main');
    git('merge', '-q', '--no-ff', '-m', 'merge', 'side');
    const commits = await readCommits(dir, ['HEAD']);
    expect(commits).toHaveLength(4);
    expect(commits[3]!.parents).toHaveLength(2);
    // The history lists the same commits, and the merge's changes against each parent.
    const history = await readHistory(dir, ['HEAD']);
    expect(history.commits).toEqual(commits);
    expect(history.changes.get(commits[3]!.sha)!.map((list) => list.map((c) => `${c.status} ${c.path}`))).toEqual([['A b'], ['A c']]);
  });

  it('reads every change of a commit whose path holds 0x1E, the separator it once split on (the roster change after it went unseen)', async () => {
    const { dir, git, put } = await repo();
    await put('p/a.txt', '1\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    await put('p/\x1eabc', 'x\n');
    await put('p/roster.yaml', 'people: []\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'second');
    const [first, second] = await readCommits(dir, ['HEAD']);
    const { changes } = await readHistory(dir, ['HEAD']);
    expect([...changes.keys()]).toEqual([first!.sha, second!.sha]);
    expect(changes.get(second!.sha)!.map((list) => list.map((c) => `${c.status} ${c.path}`))).toEqual([['A p/\x1eabc', 'A p/roster.yaml']]);
    expect((await diffTrees(dir, [{ parent: first!.sha, commit: second!.sha }]))[0]!.map((c) => c.path)).toEqual(['p/\x1eabc', 'p/roster.yaml']);
  });

  it('reads a message holding 0x1E and what looks like another commit as one message of one commit', async () => {
    const { dir, git } = await repo();
    git('commit', '-q', '--allow-empty', '-m', 'base');
    const fake = `x\x1e${'f'.repeat(40)}\0\0Mallory\0m@example.org\0`;
    git('commit', '-q', '--allow-empty', '-m', `tidy ${fake.replaceAll('\0', '')}\n\nProposal: 2026-0001-icv`);
    const commits = await readCommits(dir, ['HEAD']);
    expect(commits.map((c) => c.authorName)).toEqual(['a', 'a']);
    expect(commits[1]!.message).toBe(`tidy ${fake.replaceAll('\0', '')}\n\nProposal: 2026-0001-icv\n`);
    // Read with its changes, an empty commit has an empty list, and a message that looks like a change list stays a message.
    git('commit', '-q', '--allow-empty', '-m', `:100644 100644 ${'1'.repeat(40)} ${'2'.repeat(40)} M\n`);
    const history = await readHistory(dir, ['HEAD']);
    expect(history.commits).toEqual(await readCommits(dir, ['HEAD']));
    expect(history.commits[2]!.message).toBe(`:100644 100644 ${'1'.repeat(40)} ${'2'.repeat(40)} M\n`);
    expect([...history.changes.values()]).toEqual([[[]], [[]], [[]]]);
  });

  it('merges two commits as git would, in memory: the clean result\'s tree, and the paths in conflict', async () => {
    const { dir, git, put } = await repo();
    await put('a', '1\n');
    await put('b', '1\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'side');
    await put('a', 'side\n');
    await put('b', '2\n');
    git('commit', '-q', '-am', 'side');
    git('checkout', '-q', 'main');
    await put('a', 'main\n');
    git('commit', '-q', '-am', 'main');
    const merged = await mergeTree(dir, 'main', 'side');
    expect([...merged.conflicted]).toEqual(['a']);
    expect(git('cat-file', '-p', `${merged.tree}:b`)).toBe('2\n');
    expect(git('rev-parse', 'HEAD:a').trim()).toBe(git('rev-parse', 'main:a').trim()); // nothing written
    git('checkout', '-q', 'side');
    await put('a', 'main\n');
    git('commit', '-q', '-am', 'the same as main');
    expect((await mergeTree(dir, 'main', 'side')).conflicted.size).toBe(0);
  });

  it('reports a good ssh signature with its principal, and none for an unsigned commit', async () => {
    const { dir, git, put } = await repo();
    const keyDir = await tempDir('qingdan-log-key-');
    const key = join(keyDir, 'k');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'k', '-f', key]);
    const pub = (await readFile(`${key}.pub`, 'utf8')).trim();
    await put('a', '1\n');
    git('add', '-A');
    git('-c', 'gpg.format=ssh', '-c', `user.signingkey=${key}`, 'commit', '-q', '-S', '-m', 'signed');
    const signed = git('rev-parse', 'HEAD').trim();
    await put('a', '2\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'unsigned');
    const unsigned = git('rev-parse', 'HEAD').trim();
    const sigs = await verifySignatures(dir, [signed, unsigned], `a@example.org namespaces="git" ${pub}\n`);
    expect(sigs.get(signed)).toEqual({ status: 'G', principal: 'a@example.org' });
    expect(sigs.get(unsigned)).toEqual({ status: 'N', principal: '' });
    // The same signature under an allowed-signers list without its key is not good.
    const other = await verifySignatures(dir, [signed], '');
    expect(other.get(signed)!.status).not.toBe('G');

    // Asked again under a list it was verified under, the verdict is the one git gave, without
    // asking git: each verification starts git and two ssh-keygen processes.
    const shim = await tempDir('qingdan-log-shim-');
    const calls = join(shim, 'calls');
    await writeFile(join(shim, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec ${execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()} "$@"\n`, { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${shim}:${path}`;
    try {
      const again = await verifySignatures(dir, [signed, unsigned], `a@example.org namespaces="git" ${pub}\n`);
      expect(again).toEqual(sigs);
      expect(existsSync(calls)).toBe(false);
      expect((await verifySignatures(dir, [signed], '\n')).get(signed)!.status).not.toBe('G');
      expect((await readFile(calls, 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      process.env.PATH = path;
    }
  });

  it('reads the same history whatever the repository\'s config says of merges, root commits, submodules and replaced objects', async () => {
    const { dir, git, put } = await repo();
    await put('p/a', 'root\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'root');
    git('checkout', '-q', '-b', 'side');
    await put('p/side', 'side\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'side');
    git('checkout', '-q', 'main');
    await put('p/a', 'main\n');
    git('commit', '-q', '-am', 'main');
    git('merge', '-q', '--no-commit', 'side');
    // An evil merge: a file neither parent has.
    await put('p/evil', 'evil\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'merge');
    git('update-index', '--add', '--cacheinfo', `160000,${git('rev-parse', 'HEAD~1').trim()},p/sub`);
    git('commit', '-q', '-m', 'a submodule');
    const read = async () => {
      const history = await readHistory(dir, ['HEAD'], ['p']);
      return history.commits.map((c) => [c.message.trim(), (history.changes.get(c.sha) ?? []).map((list) => list.map((ch) => `${ch.status} ${ch.path}`))]);
    };
    const plain = await read();
    expect(Object.fromEntries(plain)).toEqual({
      root: [['A p/a']],
      side: [['A p/side']],
      main: [['M p/a']],
      merge: [['A p/evil', 'A p/side'], ['M p/a', 'A p/evil']],
      'a submodule': [['A p/sub']],
    });
    const head = git('rev-parse', 'HEAD').trim();
    const before = (await readCommits(dir, ['HEAD'], ['p'])).map((c) => c.message);
    // Each of these, set by whoever runs the check, changed what git log -m --raw answered:
    // one list for the merge (its own file then looked taken from a parent), none for the root
    // commit or the submodule, and another commit's content under the head's id.
    git('config', 'log.diffMerges', 'first-parent');
    git('config', 'log.showRoot', 'false');
    git('config', 'diff.ignoreSubmodules', 'all');
    git('replace', '-f', head, git('rev-parse', 'HEAD~1').trim());
    expect(git('log', '-1', '--format=%s', head).trim()).toBe('merge');
    expect(await read()).toEqual(plain);
    expect((await readCommits(dir, ['HEAD'], ['p'])).map((c) => c.message)).toEqual(before);
  });

  it('refuses a changed file name that is not UTF-8, which would read as another such name', async () => {
    const { dir, git, put } = await repo();
    await put('p/a', 'a\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'root');
    await writeFile(Buffer.concat([Buffer.from(`${dir}/p/`), Buffer.from([0xff])]), 'one\n');
    await writeFile(Buffer.concat([Buffer.from(`${dir}/p/`), Buffer.from([0xfe])]), 'another\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'two names that read alike');
    await expect(readHistory(dir, ['HEAD'], ['p'])).rejects.toThrow(/p\/\uFFFD: a file name that is not UTF-8/);
    const [first, second] = (await readCommits(dir, ['HEAD'], ['p'])).map((c) => c.sha);
    await expect(diffTrees(dir, [{ parent: first!, commit: second! }], ['p'])).rejects.toBeInstanceOf(GitError);
    // Outside the paths read, such a name is not read at all.
    expect((await readHistory(dir, ['HEAD'], ['p/a'])).commits).toHaveLength(1);
  });

  it('fails with a GitError naming the revision git does not know', async () => {
    const { dir } = await repo();
    await expect(resolveCommit(dir, 'no-such-rev')).rejects.toBeInstanceOf(GitError);
    await expect(readCommits(join(dir, 'missing'), ['HEAD'])).rejects.toBeInstanceOf(GitError);
  });
});
