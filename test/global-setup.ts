/**
 * Before any test: brings the compiled CLI in lib/ up to date, so that the tests which spawn
 * bin/qingdan.js run the sources under test (and several files spawning at once do not each
 * rebuild it), the compiled test drivers (test/drivers.ts) likewise, and the runtime package's
 * dist/ that test/runtime-package.test.ts packs (test/runtime-dist.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build, ROOT, staleInput } from '../scripts/build.mjs';
import { DRIVERS, driverMissing } from './drivers.js';
import { runtimeDistStale } from './runtime-dist.js';

export default async function setup(): Promise<void> {
  if (staleInput()) await build();
  if (staleInput(join(ROOT, DRIVERS.outdir)) || driverMissing()) await build(DRIVERS);
  if (runtimeDistStale()) execFileSync('npm', ['run', 'build', '--workspace', '@qingdan/runtime', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
