// Which `qingdan` commands run with a larger young generation, and the arguments that start
// them so. Plain JavaScript: bin/qingdan.js reads it before anything is compiled or loaded.
//
// Parsing a policy makes many short-lived objects (tokens, syntax nodes, spans); with V8's
// default semi-space (16 MiB) they outlive a scavenge and are copied, then promoted and marked.
// A 64 MiB semi-space measured, on the 100k-declaration bench: compile 8.3 → 5.8 s, fmt 6.4 →
// 3.6 s; peak RSS stays under 1 GiB. The flag can only be given when V8 starts, hence a second
// process for the commands that read whole policies. `check` stays in one process: its cold
// start on the real policy is what a drafter waits for, and a second start would cost more
// than the flag saves there.

/** The V8 flag, as the CLI and the benches that measure it give it. */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';

/** Commands that parse or compile whole policies (and, for diff and site, several revisions). */
export const HEAVY_COMMANDS = new Set(['build', 'fmt', 'diff', 'site', 'bundle']);

/** Options before the command that take a value (`qingdan --lang zh build`). */
const VALUED_GLOBAL_OPTIONS = new Set(['--lang']);

/** The command `argv` (the arguments after the script) names, or undefined. */
export function commandOf(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (VALUED_GLOBAL_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The semi-space size flag V8 was started with (by us, or by the user's NODE_OPTIONS), or undefined. */
export function semiSpaceFlag(execArgv, env) {
  return [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].find((f) => f.startsWith('--max-semi-space-size'));
}

/**
 * The node arguments to run `script` with `argv` again under the flag, or null when this
 * process should run the command itself (not a heavy command, or the size is already set).
 */
export function relaunchArgs(script, argv, execArgv, env) {
  if (!HEAVY_COMMANDS.has(commandOf(argv)) || semiSpaceFlag(execArgv, env)) return null;
  return [YOUNG_GENERATION_FLAG, ...execArgv, script, ...argv];
}
