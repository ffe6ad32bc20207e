/**
 * Before any test: brings the compiled CLI in lib/ up to date, so that the tests which spawn
 * bin/qingdan.js run the sources under test (and several files spawning at once do not each
 * rebuild it), the compiled test drivers (test/drivers.ts) likewise, and the runtime package's
 * dist/ that test/runtime-package.test.ts packs (test/runtime-dist.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ROOT, staleInput } from '../scripts/build.mjs';
import { DRIVERS, driverMissing } from './drivers.js';
import { runtimeDistStale } from './runtime-dist.js';

/**
 * Also gives the run one folder for the tests' temporary folders (support.ts tempDir) and removes
 * it when the run ends: each run left ~200 folders, half a gigabyte, in /tmp (repositories,
 * builds, keys). The removal (tens of thousands of files, seconds) runs on after the test command
 * has answered. (Pointing TMPDIR there instead, for every program the tests start, made the run
 * 15–20 s slower, for reasons not found.)
 */
export default async function setup(): Promise<() => void> {
  if (staleInput()) await build();
  if (staleInput(join(ROOT, DRIVERS.outdir)) || driverMissing()) await build(DRIVERS);
  if (runtimeDistStale()) execFileSync('npm', ['run', 'build', '--workspace', '@qingdan/runtime', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const run = mkdtempSync(join(tmpdir(), 'qingdan-test-run-'));
  process.env.QINGDAN_TEST_TMP = run;
  return () => spawn('rm', ['-rf', '--', run], { detached: true, stdio: 'ignore' }).unref();
}
