/**
 * A bench entry bundled the way `qingdan` ships (scripts/build.mjs: one esbuild bundle,
 * chevrotain inside, the other dependencies from node_modules), so a bench that runs it in a
 * fresh node process measures the cold start a CLI user waits for, not tsx's transform of the
 * sources. Bundles go to `.scratch/bench-lib/` (gitignored).
 *
 * `bundleBenchEntryAt` bundles the same entry over the compiler and runtime of an earlier
 * revision, taken from git objects, for an old-against-new comparison in one hour.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build, ROOT } from '../scripts/build.mjs';

/** Bundles `entry` (a path from the project root) and returns the path of the file to run. */
export async function bundleBenchEntry(name: string, entry: string): Promise<string> {
  const outdir = join(ROOT, '.scratch', 'bench-lib', name);
  await build({ entryPoints: { [name]: entry }, outdir });
  return join(outdir, `${name}.js`);
}

/**
 * Bundles today's `entry` over `compiler/`, `runtime/` and `bin/` as they were at `revision`
 * (read with `git archive`, never checked out) and returns the path of the file to run. The
 * entry's whole folder comes from today, with the helpers it imports (bench/cpu-time.ts): the
 * measuring is today's, only what is measured is the revision's.
 */
export async function bundleBenchEntryAt(revision: string, name: string, entry: string): Promise<string> {
  const commit = git(['rev-parse', '--verify', `${revision}^{commit}`]).toString().trim();
  const tree = join(ROOT, '.scratch', 'bench-src', commit);
  await rm(tree, { recursive: true, force: true });
  await mkdir(tree, { recursive: true });
  const untar = spawnSync('tar', ['-x', '-C', tree], { input: git(['archive', '--format=tar', commit, 'compiler', 'runtime', 'bin', 'package.json']) });
  if (untar.status !== 0) throw new Error(`cannot unpack ${revision}: ${untar.stderr.toString().trim()}`);
  await cp(join(ROOT, dirname(entry)), join(tree, dirname(entry)), { recursive: true });
  const outdir = join(ROOT, '.scratch', 'bench-lib', `${name}-${commit.slice(0, 12)}`);
  await build({ entryPoints: { [name]: join('.scratch', 'bench-src', commit, entry) }, outdir });
  return join(outdir, `${name}.js`);
}

function git(args: string[]): Buffer {
  const r = spawnSync('git', args, { cwd: ROOT, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString().trim()}`);
  return r.stdout;
}
