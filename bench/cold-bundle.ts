/**
 * A bench entry bundled the way `qingdan` ships (scripts/build.mjs: one esbuild bundle,
 * chevrotain inside, the other dependencies from node_modules), so a bench that runs it in a
 * fresh node process measures the cold start a CLI user waits for, not tsx's transform of the
 * sources. The bundle goes to `.scratch/bench-lib/<name>/` (gitignored); copy that folder to
 * keep a build for an old-against-new comparison (`--against` of the benches that use it).
 */
import { join } from 'node:path';
import { build, ROOT } from '../scripts/build.mjs';

/** Bundles `entry` (a path from the project root) and returns the path of the file to run. */
export async function bundleBenchEntry(name: string, entry: string): Promise<string> {
  const outdir = join(ROOT, '.scratch', 'bench-lib', name);
  await build({ entryPoints: { [name]: entry }, outdir });
  return join(outdir, `${name}.js`);
}
