/**
 * The CLI entry: a thin layer of commands over `compiler/` and `runtime/`. Usage errors exit
 * 2, policy errors 1; no input produces a stack trace (set QINGDAN_DEBUG=1 to see one).
 *
 * Starting must stay cheap: this file and `commands/` only declare the commands; each action
 * imports its implementation from `actions/` when it runs. The commands declare their syntax
 * only; every description, in both languages, is in `help-texts.ts`.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../compiler/diagnostic-codes.js';
import type { Run } from './command.js';
import { registerBuild } from './commands/build.js';
import { registerBundle } from './commands/bundle.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerFmt } from './commands/fmt.js';
import { registerLsp } from './commands/lsp.js';
import { registerNew } from './commands/new.js';
import { registerGazette } from './commands/gazette.js';
import { registerGovernance } from './commands/governance.js';
import { registerKeys } from './commands/keys.js';
import { registerReport } from './commands/report.js';
import { registerVerify } from './commands/verify.js';
import { registerServe } from './commands/serve.js';
import { registerSite } from './commands/site.js';
import { EXIT } from './exit.js';
import { localiseHelp } from './help-texts.js';
import { langOf, useColor, type Io } from './io.js';

export { processIo } from './io.js';

// `..` is the project root from cli/ and from the compiled lib/ alike (scripts/build.mjs).
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The `qingdan` program: every command declared, writing through `io`. */
export function program(io: Io, run: Run): Command {
  const program = new Command()
    .name('qingdan')
    .version(version)
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']))
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // A usage error is printed by `main` from its code, in the user's language (cli/usage-error.ts).
      outputError: () => {},
      getOutHasColors: () => useColor(io, io.stdout),
      getErrHasColors: () => useColor(io, io.stderr),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
    })
    // Commands created below inherit the output and the exit override.
    .exitOverride();
  registerCheck(program, run);
  registerBuild(program, run);
  registerEvaluate(program, run);
  registerGazette(program, run);
  registerDiff(program, run);
  registerGovernance(program, run);
  registerBundle(program, run);
  registerKeys(program, run);
  registerVerify(program, run);
  registerReport(program, run);
  registerServe(program, run);
  registerSite(program, run);
  registerFmt(program, run);
  registerNew(program, run);
  registerLsp(program, run);
  return program;
}

/**
 * The `--lang` the user gave, read before commander parses: a usage error is found while parsing,
 * before any hook has seen the options. The last valid value counts, as commander's would; an invalid one is ignored.
 */
function langInArgs(args: readonly string[]): Lang | undefined {
  let found: Lang | undefined;
  args.forEach((a, i) => {
    const value = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === 'zh' || value === 'en') found = value;
  });
  return found;
}

/**
 * Routes every command's exit through `failed`, so that a usage error is known with the command
 * it was found in (commander's error says only what went wrong, in English).
 */
function recordFailures(command: Command, failed: (command: Command) => void): void {
  command.exitOverride((e) => {
    failed(command);
    throw e;
  });
  for (const sub of command.commands) recordFailures(sub, failed);
}

/** Runs the CLI on `args` (the arguments after `qingdan`) with `io`, and returns the exit code. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  let lang: Lang | undefined;
  let failedIn: Command | undefined;
  const run: Run = async (action) => {
    exitCode = await action(lang ? { ...io, lang } : io);
  };
  const cli = program(io, run);
  recordFailures(cli, (command) => (failedIn = command));
  localiseHelp(cli, langInArgs(args) ?? langOf(io));
  try {
    // Global options are read before the command's action runs.
    cli.hook('preAction', (root) => {
      lang = (root.opts() as { lang?: Lang }).lang;
    });
    await cli.parseAsync([...args], { from: 'user' });
  } catch (e) {
    // --help and --version "fail" with exit code 0.
    if (e instanceof CommanderError && e.exitCode === 0) return EXIT.ok;
    // Every failure is a diagnostic in the user's language; what prints it is loaded only on this path.
    const shown = { ...io, lang: lang ?? langInArgs(args) ?? langOf(io) };
    const [{ printUsageError, usageDiagnostic }, { diagnostic }] = await Promise.all([import('./usage-error.js'), import('../compiler/diagnostics.js')]);
    if (e instanceof CommanderError) {
      printUsageError(shown, usageDiagnostic(e, failedIn ?? cli, args));
      return EXIT.usage;
    }
    // The diff's git code is not needed to start either.
    const { NotARepositoryError, notARepository, unknownRevision, UnknownRevisionError } = await import('../compiler/diff/revision.js');
    if (e instanceof NotARepositoryError) {
      printUsageError(shown, notARepository(e));
      return EXIT.usage;
    }
    if (e instanceof UnknownRevisionError) {
      printUsageError(shown, unknownRevision(e));
      return EXIT.usage;
    }
    // A path the file system refused (a folder that cannot be made, a file that cannot be written).
    const { ioFailure } = await import('../compiler/io-failure.js');
    const refused = ioFailure(e, io.cwd);
    if (refused) {
      printUsageError(shown, refused);
      return EXIT.usage;
    }
    printUsageError(shown, diagnostic('internal-error', undefined, {}, { detail: { tool: 'node', text: (e as Error).message ?? String(e) } }));
    if (io.env.QINGDAN_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
    return EXIT.usage;
  }
  return exitCode;
}
