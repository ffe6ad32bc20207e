/** How the CLI talks: diagnostics with code frames, JSON, exit codes from diagnostics. */
import type { Diagnostic } from '../compiler/diagnostics.js';
import { hasErrors } from '../compiler/diagnostics.js';
import { diagnosticsToJson, formatDiagnostics } from '../compiler/print-diagnostics.js';
import { EXIT } from './exit.js';
import { langOf, useColor, type Io } from './io.js';

/** Prints diagnostics to stderr with code frames drawn from `texts`. */
export function printDiagnostics(io: Io, list: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  if (list.length === 0) return;
  io.stderr.write(`${formatDiagnostics(list, { color: useColor(io), lang: langOf(io), texts })}\n`);
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Diagnostics as `--json` carries them, their text in the run's language. */
export function diagnosticsJson(io: Io, list: readonly Diagnostic[]): object[] {
  return diagnosticsToJson(list, langOf(io));
}

export function exitFor(list: readonly Diagnostic[]): number {
  return hasErrors(list) ? EXIT.policyErrors : EXIT.ok;
}
