/**
 * Before any test: brings the compiled CLI in lib/ up to date, so that the tests which spawn
 * bin/qingdan.js run the sources under test (and several files spawning at once do not each
 * rebuild it), and the compiled test drivers (test/drivers.ts) likewise.
 */
import { join } from 'node:path';
import { build, ROOT, staleInput } from '../scripts/build.mjs';
import { DRIVERS } from './drivers.js';

export default async function setup(): Promise<void> {
  if (staleInput()) await build();
  if (staleInput(join(ROOT, DRIVERS.outdir))) await build(DRIVERS);
}
