/**
 * The command line's own mistakes (an unknown option, a missing argument, a value outside its
 * choices) as catalogued diagnostics, so they read in the user's language like every other
 * error. commander reports them as a `CommanderError` whose `code` names the mistake; the entry
 * is chosen by that code, and the values it names are read from the command line and the
 * command's declarations: nothing depends on commander's wording.
 */
import type { Command, CommanderError, Option } from 'commander';
import type { DiagnosticId } from '../compiler/diagnostic-codes.js';
import { diagnostic, hint, type ArgsParam, type Diagnostic, type Hint } from '../compiler/diagnostics.js';
import { didYouMean } from '../compiler/suggest.js';
import { formatDiagnostic } from '../compiler/print-diagnostics.js';
import { langOf, useColor, type Io } from './io.js';

/** A command's refusal of what it was given (exit 2), as a catalogued diagnostic. */
export class UsageError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.id);
    this.name = 'UsageError';
  }
}

/** A usage error from catalogue entry `id` and its arguments (and hint). */
export function usageError<I extends DiagnosticId>(id: I, ...rest: ArgsParam<I>): UsageError {
  return new UsageError(diagnostic(id, undefined, ...rest));
}

/** Prints a diagnostic that has no source position (a usage error) on stderr, in `io`'s language. */
export function printUsageError(io: Io, d: Diagnostic): void {
  io.stderr.write(`${formatDiagnostic(d, { color: useColor(io, io.stderr), lang: langOf(io), texts: new Map() })}\n`);
}

/** The commands from `command` up to the program: whose options a command line may use there. */
function lineage(command: Command): Command[] {
  return command.parent ? [command, ...lineage(command.parent)] : [command];
}

/** The option of `command` (or an ancestor) that `flag` names, as typed: `--lang`, `-h`, `--lang=zh`. */
function optionNamed(command: Command, flag: string): Option | undefined {
  const name = flag.split('=')[0];
  return lineage(command)
    .flatMap((c) => c.options)
    .find((o) => o.long === name || o.short === name);
}

/** A did-you-mean hint among `candidates`, or the pointer to --help when none is close. */
function suggestion(input: string, candidates: readonly string[]): { hint: Hint } {
  return { hint: didYouMean(input, candidates) ?? hint('cli-help') };
}

/**
 * A value outside an option's choices, read from the arguments: the option with choices
 * (`--lang <lang>`) whose value, after it or after `=`, is not one of them.
 */
function invalidChoice(command: Command, args: readonly string[]): { option: Option; value: string } | undefined {
  for (const [i, arg] of args.entries()) {
    const option = optionNamed(command, arg);
    if (!option?.argChoices) continue;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
    if (value !== undefined && !option.argChoices.includes(value)) return { option, value };
  }
  return undefined;
}

/**
 * The usage error `e` as a diagnostic. `command` is the command commander was parsing when it
 * failed, and `args` the command line: the values an entry names (the option, the command, the
 * argument) are read from these and from the command's declared options and arguments, never
 * from commander's message. An error of a code not listed here keeps commander's text as its
 * verbatim detail.
 */
export function usageDiagnostic(e: CommanderError, command: Command, args: readonly string[]): Diagnostic {
  const help = { hint: hint('cli-help') };
  const other = () => diagnostic('cli-usage', undefined, {}, { ...help, detail: { tool: 'commander', text: e.message.replace(/^error: /, '') } });
  switch (e.code) {
    case 'commander.unknownOption': {
      // commander keeps the operands first, then the options it does not know.
      const flag = command.args.find((a) => a.length > 1 && a.startsWith('-') && !optionNamed(command, a));
      if (!flag) return other();
      const known = lineage(command).flatMap((c) => c.options.flatMap((o) => (o.long ? [o.long] : [])));
      return diagnostic('cli-unknown-option', undefined, { option: flag }, flag.startsWith('--') ? suggestion(flag, known) : help);
    }
    case 'commander.unknownCommand': {
      const name = command.args[0] ?? '';
      return diagnostic('cli-unknown-command', undefined, { command: name }, suggestion(name, command.commands.map((c) => c.name())));
    }
    case 'commander.missingArgument': {
      const missing = command.registeredArguments.find((a, i) => a.required && command.args[i] === undefined);
      return missing ? diagnostic('cli-missing-argument', undefined, { argument: `<${missing.name()}>` }, help) : other();
    }
    case 'commander.optionMissingArgument': {
      // A value can only be missing at the end of the line.
      const option = optionNamed(command, args.at(-1) ?? '');
      return option ? diagnostic('cli-option-missing-value', undefined, { option: option.flags }, help) : other();
    }
    case 'commander.missingMandatoryOptionValue': {
      const option = command.options.find((o) => o.mandatory && command.getOptionValue(o.attributeName()) === undefined);
      return option ? diagnostic('cli-missing-option', undefined, { option: option.flags }, help) : other();
    }
    case 'commander.invalidArgument': {
      const invalid = invalidChoice(command, args);
      if (!invalid) return other();
      return diagnostic('cli-invalid-value', undefined, { option: invalid.option.flags, value: `'${invalid.value}'` }, { hint: hint('cli-choices', { words: invalid.option.argChoices! }) });
    }
    case 'commander.excessArguments':
      return diagnostic('cli-too-many-arguments', undefined, { command: command.parent ? `'${command.name()}'` : 'qingdan', expected: command.registeredArguments.length, received: command.args.length }, help);
    default:
      return other();
  }
}
