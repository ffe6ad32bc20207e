/**
 * Test drivers compiled to JavaScript before the tests (test/global-setup.ts), like the CLI in
 * lib/: a test that starts a driver dozens of times would otherwise pay a TypeScript loader's
 * start-up in every process. The folder sits one level below the root, as lib/ does, so the
 * compiled sources find package.json where they expect it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Target } from '../scripts/build.mjs';

export const DRIVERS: Target = { entryPoints: { 'build-forever': 'test/fixtures/build-forever.ts', 'client-process': 'test/client-process.ts' }, outdir: 'lib-test' };

/** Whether a driver is missing from the build (one added since lib-test/ was built). */
export function driverMissing(): boolean {
  return Object.keys(DRIVERS.entryPoints).some((name) => !existsSync(driverPath(name as keyof typeof DRIVERS.entryPoints)));
}

/** The compiled driver `name` (a key of DRIVERS.entryPoints). */
export function driverPath(name: keyof typeof DRIVERS.entryPoints): string {
  return join(ROOT, DRIVERS.outdir, `${name}.js`);
}
