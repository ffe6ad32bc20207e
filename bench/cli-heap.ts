/**
 * The benches of commands the CLI runs with a larger young generation (build, fmt, diff:
 * bin/young-generation.js) measure the compiler under the same V8 flag, so their figures are
 * what a user of the CLI gets. Run with a semi-space size set already (NODE_OPTIONS, or a flag),
 * a bench measures that instead: compare with `NODE_OPTIONS=--max-semi-space-size=16` (V8's default).
 */
import { spawnSync } from 'node:child_process';
import { semiSpaceFlag, YOUNG_GENERATION_FLAG } from '../bin/young-generation.js';

/** Re-runs this bench under the CLI's flag and exits with its status, unless a size is set already. */
export function runUnderCliHeap(): void {
  if (semiSpaceFlag(process.execArgv, process.env)) return;
  const r = spawnSync(process.execPath, [YOUNG_GENERATION_FLAG, ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

/** The semi-space (young generation) size this process was started with, as its flag says. */
export function semiSpace(): string {
  return semiSpaceFlag(process.execArgv, process.env) ?? 'V8 default';
}
