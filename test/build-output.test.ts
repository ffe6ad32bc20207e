/**
 * The build output folder: what `--out` may name (and the refusals, which touch nothing), the
 * link layout, the migration of a folder the former layout wrote, and the removal of what
 * killed builds left behind.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { removeStale, SUPERSEDED, SUPERSEDED_GRACE_MS } from '../compiler/output-folder.js';
import { BUILD_MARKER } from '../runtime/artifact.js';
import { Policy } from '../runtime/index.js';
import { diagnosticLine, ROOT, runCli, tempDir } from './support.js';

/** A small project: the real policy, a package.json, a README and a stand-in for `.git`. */
async function project(): Promise<string> {
  const work = await tempDir('qingdan-out-');
  await cp(join(ROOT, 'policy'), join(work, 'policy'), { recursive: true });
  await writeFile(join(work, 'package.json'), JSON.stringify({ version: '1.2.3' }));
  await writeFile(join(work, 'README.md'), '# a project\n');
  await mkdir(join(work, '.git/objects'), { recursive: true });
  await writeFile(join(work, '.git/HEAD'), 'ref: refs/heads/main\n');
  return work;
}

/** Every entry under `dir` (links not followed), with a digest of each file and each link's target. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(e.parentPath, e.name);
    const key = relative(dir, path);
    if (e.isSymbolicLink()) out[key] = `-> ${await readlink(path)}`;
    else if (e.isFile()) out[key] = createHash('sha256').update(await readFile(path)).digest('hex');
    else out[key] = e.isDirectory() ? 'dir' : 'special';
  }
  return out;
}

const codes = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe('qingdan build --out', () => {
  it.each([
    ['.', 'QD4005'],
    ['..', 'QD4005'],
    ['policy', 'QD4006'],
    ['policy/lists/icv.qd', 'QD4007'],
    ['policy/lists', 'QD4007'],
    ['policy/lists/dist', 'QD4007'],
    ['README.md', 'QD4008'],
    ['.git', 'QD4009'],
    ['notes', 'QD4009'],
    ['linked', 'QD4010'],
    ['via/dist', 'QD4007'],
    ['via', 'QD4010'],
    ['policy/lists', 'QD4006', ['policy/measures.qd', 'policy/lists/icv.qd']],
  ])('refuses --out %s with %s and touches nothing', async (out: string, code: string, paths: string[] = ['policy']) => {
    const work = await project();
    await mkdir(join(work, 'notes'));
    await writeFile(join(work, 'notes/todo.txt'), 'keep me\n');
    await symlink('notes', join(work, 'linked'));
    await symlink('policy', join(work, 'via'));
    const before = await snapshot(work);
    const r = await build({ paths, outDir: out, root: work });
    expect(r.files).toBeUndefined();
    expect(codes(r)).toEqual([code]);
    expect(r.diagnostics[0]!.args).toMatchObject({ path: out });
    expect(r.diagnostics[0]!.hint).toBeTruthy();
    expect(await snapshot(work)).toEqual(before);
  });

  it('refuses an --out folder the former layout wrote once a file of the user is in it', async () => {
    const work = await project();
    expect((await build({ paths: ['policy'], outDir: 'dist', root: work })).files).toBeDefined();
    const former = join(work, 'former');
    await cp(await realpath(join(work, 'dist')), former, { recursive: true });
    await writeFile(join(former, 'mine.txt'), 'not an artifact\n');
    await rm(join(former, BUILD_MARKER));
    const before = await snapshot(work);
    expect(codes(await build({ paths: ['policy'], outDir: 'former', root: work }))).toEqual(['QD4009']);
    expect(await snapshot(work)).toEqual(before);
  });

  it('does not replace the site’s folder, nor site the build’s (before: site --out dist replaced the build serve and verify read)', async () => {
    const work = await project();
    expect((await build({ paths: ['policy'], outDir: 'dist', root: work })).files).toBeDefined();
    // A folder as `qingdan site` leaves it: the marker, index.html, no manifest.
    await mkdir(join(work, 'site'));
    await writeFile(join(work, 'site', BUILD_MARKER), 'qingdan-build/1\n');
    await writeFile(join(work, 'site/index.html'), '<!doctype html>\n');
    const before = await snapshot(work);
    const intoSite = await build({ paths: ['policy'], outDir: 'site', root: work });
    expect(intoSite.diagnostics.map((d) => [d.code, d.id, d.args])).toEqual([['QD4009', 'out-other-output', { path: 'site', other: 'site' }]]);
    const intoDist = await runCli(['site', '--out', 'dist'], { cwd: work });
    expect([intoDist.code, intoDist.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('out-other-output', { path: 'dist', other: 'build' })]);
    expect(await snapshot(work)).toEqual(before);
    expect((await build({ paths: ['policy'], outDir: 'dist', root: work })).files).toBeDefined(); // its own folder, again
  });

  it('reports an --out folder the file system will not make as an I/O error of its path, in the JSON too', async () => {
    const cwd = await project();
    const before = await snapshot(cwd);
    const r = await runCli(['build', '--out', '/proc/qingdan-test/dist', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; id: string; args: unknown }) => [d.code, d.id, d.args])).toEqual([['QD4016', 'io-failed', { operation: 'mkdir', path: '/proc/qingdan-test', reason: 'ENOENT' }]]);
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('exits 2 on a refused --out (the CLI)', async () => {
    const cwd = await project();
    const before = await snapshot(cwd);
    const r = await runCli(['build', '--out', '.', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['QD4005']);
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('makes dist a link to a marked content folder, flipped by each build, keeping the previous one and, for a grace period, those replaced', async () => {
    const work = await project();
    await mkdir(join(work, 'dist')); // an empty folder may be named
    const targets: string[] = [];
    const buildOnce = async () => {
      expect((await build({ paths: ['policy'], outDir: 'dist', root: work })).files).toBeDefined();
      expect((await lstat(join(work, 'dist'))).isSymbolicLink()).toBe(true);
      targets.push(await readlink(join(work, 'dist')));
      expect(await readFile(join(work, 'dist', BUILD_MARKER), 'utf8')).toMatch(/^qingdan-build\/\d+\n$/);
      await Policy.load(join(work, 'dist'));
    };
    const entries = async () => (await readdir(work)).filter((e) => e.includes('dist')).sort();
    // Replaced moments ago: a reader that resolved dist before may still be reading them.
    const graceOver = (target: string) => utimes(join(work, target, SUPERSEDED), 0, (Date.now() - SUPERSEDED_GRACE_MS - 1_000) / 1000);
    for (let i = 0; i < 3; i++) await buildOnce();
    expect(new Set(targets).size).toBe(3);
    expect(await entries()).toEqual([...targets, 'dist'].sort());
    await graceOver(targets[0]!);
    await buildOnce();
    expect(await entries()).toEqual([targets[1], targets[2], targets[3], 'dist'].sort());
    await graceOver(targets[1]!);
    await graceOver(targets[2]!);
    await buildOnce();
    expect(await entries()).toEqual([targets[3], targets[4], 'dist'].sort());
  });

  it('migrates a dist folder the former layout wrote, and removes what killed builds left', async () => {
    const work = await project();
    expect((await build({ paths: ['policy'], outDir: join(work, 'scratch'), root: work })).files).toBeDefined();
    const built = await realpath(join(work, 'scratch'));
    // The former layout: a plain folder of artifacts and a manifest, no marker; its temporaries.
    for (const name of ['dist', 'dist.old-4242', 'dist.tmp-4243']) {
      await cp(built, join(work, name), { recursive: true });
      await rm(join(work, name, BUILD_MARKER));
    }
    // What a build killed in this layout leaves: a content folder and a link never renamed.
    const dead = spawnSync('true').pid!;
    await cp(built, join(work, `.dist.build-${dead}-0123456789ab`), { recursive: true });
    await symlink(`.dist.build-${dead}-0123456789ab`, join(work, `.dist.link-${dead}-0123456789ab`));
    // Killed between creating its marker and writing it: an empty marker still says it is ours.
    await cp(built, join(work, `.dist.build-${dead}-00000000cafe`), { recursive: true });
    await writeFile(join(work, `.dist.build-${dead}-00000000cafe`, BUILD_MARKER), '');
    // A folder that merely looks like one, without the marker, is not ours to remove.
    await mkdir(join(work, `.dist.build-${dead}-ffffffffffff`));
    await writeFile(join(work, `.dist.build-${dead}-ffffffffffff/keep.txt`), 'mine\n');

    expect((await build({ paths: ['policy'], outDir: 'dist', root: work })).files).toBeDefined();
    expect((await lstat(join(work, 'dist'))).isSymbolicLink()).toBe(true);
    await Policy.load(join(work, 'dist'));
    const left = (await readdir(work)).filter((e) => e.includes('dist')).sort();
    // The former dist is kept one build as the previous content folder, then removed.
    expect(left.filter((e) => e.startsWith('.dist.build-') && !e.endsWith('ffffffffffff'))).toHaveLength(2);
    expect(left).toContain(`.dist.build-${dead}-ffffffffffff`);
    expect(left.filter((e) => e.startsWith('dist.') || e.startsWith('.dist.link-'))).toEqual([]);

    expect((await build({ paths: ['policy'], outDir: 'dist', root: work })).files).toBeDefined();
    const current = await readlink(join(work, 'dist'));
    const after = (await readdir(work)).filter((e) => e.startsWith('.dist.build-') && !e.endsWith('ffffffffffff'));
    expect(after).toHaveLength(2);
    expect(after).toContain(current);
    expect(await readFile(join(work, `.dist.build-${dead}-ffffffffffff/keep.txt`), 'utf8')).toBe('mine\n');
  });

  it('never removes the folder dist points to, though a build that has exited wrote it', async () => {
    // Build A flipped dist, then build B flipped it to its own folder and exited before A tidied up.
    const work = await project();
    expect((await build({ paths: ['policy'], outDir: 'dist', root: work })).files).toBeDefined();
    const ours = await readlink(join(work, 'dist'));
    const dead = spawnSync('true').pid!;
    const theirs = `.dist.build-${dead}-0123456789ab`;
    await cp(join(work, ours), join(work, theirs), { recursive: true });
    await symlink(theirs, join(work, '.dist.link-next'));
    await rename(join(work, '.dist.link-next'), join(work, 'dist'));

    await removeStale(join(work, 'dist'), new Set([ours]));
    expect(await readlink(join(work, 'dist'))).toBe(theirs);
    await Policy.load(join(work, 'dist'));
  });
});
