/** How the CLI talks: colours (honouring NO_COLOR), diagnostics, JSON, exit codes. */
import pc from 'picocolors';
import type { Diagnostic } from '../compiler/diagnostics.js';
import { hasErrors } from '../compiler/diagnostics.js';
import { diagnosticsToJson, formatDiagnostics } from '../compiler/print-diagnostics.js';

/** 0: clean; 1: the policy (or request) has errors; 2: usage or internal error. */
export const EXIT = { ok: 0, policyErrors: 1, usage: 2 } as const;

export function useColor(): boolean {
  return pc.isColorSupported && !process.env.NO_COLOR;
}

/** Prints diagnostics to stderr with code frames drawn from `texts`. */
export function printDiagnostics(list: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  if (list.length === 0) return;
  process.stderr.write(`${formatDiagnostics(list, { color: useColor(), texts })}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function diagnosticsJson(list: readonly Diagnostic[]): object[] {
  return diagnosticsToJson(list);
}

export function exitFor(list: readonly Diagnostic[]): number {
  return hasErrors(list) ? EXIT.policyErrors : EXIT.ok;
}
