/**
 * Test drivers compiled to JavaScript before the tests (test/global-setup.ts), like the CLI in
 * lib/: a test that starts a driver dozens of times would otherwise pay a TypeScript loader's
 * start-up in every process. The folder sits one level below the root, as lib/ does, so the
 * compiled sources find package.json where they expect it.
 */
import { join } from 'node:path';
import type { Target } from '../scripts/build.mjs';
import { ROOT } from './support.js';

export const DRIVERS: Target = { entryPoints: { 'build-forever': 'test/fixtures/build-forever.ts' }, outdir: 'lib-test' };

/** The compiled driver `name` (a key of DRIVERS.entryPoints). */
export function driverPath(name: keyof typeof DRIVERS.entryPoints): string {
  return join(ROOT, DRIVERS.outdir, `${name}.js`);
}
