/**
 * The benches of commands the CLI runs under V8 flags of their own (build, fmt, diff:
 * bin/heavy-commands.js) measure the compiler under the same flags, so their figures are what a
 * user of the CLI gets. Run with a semi-space size set already (NODE_OPTIONS, or a flag), a bench
 * measures that instead, without the other flags: compare with
 * `NODE_OPTIONS=--max-semi-space-size=16` (V8's defaults).
 */
import { spawnSync } from 'node:child_process';
import { HEAVY_COMMANDS, semiSpaceFlag } from '../bin/heavy-commands.js';

/** The V8 flags `qingdan <command>` runs under. */
export function cliFlags(command: 'build' | 'fmt' | 'diff'): readonly string[] {
  return HEAVY_COMMANDS.get(command)!;
}

/** Re-runs this bench under the flags of `qingdan <command>` and exits with its status, unless a size is set already. */
export function runUnderCliHeap(command: 'build' | 'fmt'): void {
  if (semiSpaceFlag(process.execArgv, process.env)) return;
  const r = spawnSync(process.execPath, [...cliFlags(command), ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

/** The heap and inlining flags this process was started with (on its command line or in NODE_OPTIONS). */
export function v8Flags(): string {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].filter((f) => f.startsWith('--max-'));
  return flags.length > 0 ? flags.join(' ') : 'V8 defaults';
}
