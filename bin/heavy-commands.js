// Which `qingdan` commands run under V8 flags of their own, and the arguments that start them
// so. Plain JavaScript: bin/qingdan.js reads it before anything is compiled or loaded.
//
// - A larger young generation. Parsing a policy makes many short-lived objects (tokens, syntax
//   nodes, spans); with V8's default semi-space (16 MiB) they outlive a scavenge and are copied,
//   then promoted and marked. A 64 MiB semi-space measured, on the 100k-declaration bench:
//   compile 8.3 → 5.8 s, fmt 6.4 → 3.6 s; peak RSS stays under 1 GiB.
// - For `diff`, a smaller inlining budget for the optimizing compiler. A diff compiles two
//   revisions once, cold: its long loops (the checker's walk, the symbol table, the scanner) are
//   optimized while they run, each with whatever it calls inlined, and on two cores the optimizing
//   compiler's threads took as much CPU as the diff itself. With 200 bytes of bytecode inlined per
//   function (V8's default is 920), a cold diff of two 10k-item revisions measured 1.83 → 1.37 s
//   (median of 6 fresh processes each, alternating). Where the same code runs long enough to pay
//   back its compilation, inlining wins: fmt of 100k declarations took 5–10% longer under the
//   budget, and the 100k compile no less, so the other commands keep V8's default.
// - For `diff`, a young generation smaller than V8's own (8 MiB, not 16). What a diff parses it
//   keeps (both revisions' syntax trees, until they are compared), so a larger semi-space only
//   copies more survivors per scavenge: a cold diff of two 10k-item revisions measured
//   1.71 → 1.51 s with 16 MiB instead of 64 (medians of 10 fresh processes each, alternating).
//   And each page of the young generation costs a page fault the first time it is used (about
//   11 µs a page on the 2-core VM we measure on; a cold diff faulted in 140 MB): with 8 MiB the
//   cold diff measured 974 → 928 ms (6 MiB 921, medians of 9 fresh processes each, alternating).
//
// Flags can only be given when V8 starts, hence a second process for the commands that read
// whole policies. `check` stays in one process: its cold start on the real policy is what a
// drafter waits for, and a second start would cost more than the flags save there.

/** The young generation's flag; the relaunched process is known by it. */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';

/** A small young generation, for a one-shot command whose parses all survive (see above). */
export const SMALL_YOUNG_GENERATION_FLAG = '--max-semi-space-size=8';

/** The smaller inlining budget of a one-shot cold command. */
export const INLINING_FLAG = '--max-inlined-bytecode-size-cumulative=200';

/**
 * Commands that parse or compile whole policies (and, for diff and site, several revisions),
 * with the V8 flags each runs under, as the CLI and the benches that measure it give them.
 */
export const HEAVY_COMMANDS = new Map([
  ['build', [YOUNG_GENERATION_FLAG]],
  ['fmt', [YOUNG_GENERATION_FLAG]],
  ['diff', [SMALL_YOUNG_GENERATION_FLAG, INLINING_FLAG]],
  ['site', [YOUNG_GENERATION_FLAG]],
  ['bundle', [YOUNG_GENERATION_FLAG]],
]);

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
 * The node arguments to run `script` with `argv` again under its command's flags, or null when
 * this process should run the command itself (not a heavy command, or a semi-space size is set
 * already: by our relaunch, or by the user, whose choice then stands).
 */
export function relaunchArgs(script, argv, execArgv, env) {
  const flags = HEAVY_COMMANDS.get(commandOf(argv));
  if (!flags || semiSpaceFlag(execArgv, env)) return null;
  return [...flags, ...execArgv, script, ...argv];
}
