/**
 * The command line's own mistakes (an unknown option, a missing argument, a value outside its
 * choices) as catalogued diagnostics, so they read in the user's language like every other
 * error. commander reports them as a `CommanderError` whose `code` names the mistake; the entry
 * is chosen by that code, never by its wording. The values it names (the option, the command,
 * the argument) are the ones commander quotes `'…'` in its message, in order.
 */
import type { CommanderError } from 'commander';
import type { DiagnosticId } from '../compiler/diagnostic-codes.js';
import { diagnostic, hint, type ArgsParam, type Diagnostic } from '../compiler/diagnostics.js';
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

/** The values commander quotes in a message, in order: `'--foo'`, `'check'`, `'fr'`. */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** commander's own did-you-mean ("(Did you mean --json?)"), as a catalogued hint. */
function suggestion(message: string) {
  const meant = /\(Did you mean (\S+?)\?\)/.exec(message)?.[1];
  return meant ? { hint: hint('did-you-mean', { words: [meant] }) } : { hint: hint('cli-help') };
}

/** Allowed choices, where commander lists them ("Allowed choices are zh, en."). */
function choices(message: string) {
  const list = /Allowed choices are (.+)\.$/m.exec(message)?.[1];
  return list ? { hint: hint('cli-choices', { words: list.split(', ') }) } : { hint: hint('cli-help') };
}

/** The usage error `e` as a diagnostic; one commander does not code is kept as its verbatim output. */
export function usageDiagnostic(e: CommanderError): Diagnostic {
  const [first = '', second = ''] = quoted(e.message);
  const help = { hint: hint('cli-help') };
  switch (e.code) {
    case 'commander.unknownOption':
      return diagnostic('cli-unknown-option', undefined, { option: first }, suggestion(e.message));
    case 'commander.unknownCommand':
      return diagnostic('cli-unknown-command', undefined, { command: first }, suggestion(e.message));
    case 'commander.missingArgument':
      return diagnostic('cli-missing-argument', undefined, { argument: `<${first}>` }, help);
    case 'commander.optionMissingArgument':
      return diagnostic('cli-option-missing-value', undefined, { option: first }, help);
    case 'commander.missingMandatoryOptionValue':
      return diagnostic('cli-missing-option', undefined, { option: first }, help);
    case 'commander.invalidArgument':
      return diagnostic('cli-invalid-value', undefined, { option: first, value: `'${second}'` }, choices(e.message));
    case 'commander.excessArguments': {
      const [expected = 0, received = 0] = (/(\d+) arguments? but got (\d+)/.exec(e.message) ?? []).slice(1).map(Number);
      return diagnostic('cli-too-many-arguments', undefined, { command: first ? `'${first}'` : 'qingdan', expected, received }, help);
    }
    case 'commander.conflictingOption':
      return diagnostic('cli-conflicting-options', undefined, { option: `'${first}'`, other: `'${second}'` }, help);
    default:
      return diagnostic('cli-usage', undefined, {}, { ...help, detail: { tool: 'commander', text: e.message.replace(/^error: /, '') } });
  }
}
