/**
 * The CLI entry: a thin layer of commands over `compiler/` and `runtime/`. Usage errors exit
 * 2, policy errors 1; no input produces a stack trace (set QINGDAN_DEBUG=1 to see one).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerFmt } from './commands/fmt.js';
import { registerLsp } from './commands/lsp.js';
import { registerNew } from './commands/new.js';
import { registerGazette } from './commands/gazette.js';
import { registerGovernance } from './commands/governance.js';
import { UnknownRevisionError } from '../compiler/diff/revision.js';
import { EXIT } from './output.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Runs the CLI on `argv` (as in `process.argv`) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command()
    .name('qingdan')
    .description('policy-as-code for the data-export negative lists of the Guangdong FTZ and the Hetao Shenzhen Park')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCheck(program, setExit);
  registerBuild(program, setExit);
  registerEvaluate(program, setExit);
  registerGazette(program, setExit);
  registerDiff(program, setExit);
  registerGovernance(program, setExit);
  registerFmt(program, setExit);
  registerNew(program, setExit);
  registerLsp(program);
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version "fail" with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UnknownRevisionError) {
      process.stderr.write(`qingdan: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`qingdan: internal error: ${(e as Error).message ?? String(e)}\n`);
    if (process.env.QINGDAN_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return EXIT.usage;
  }
  return exitCode;
}
