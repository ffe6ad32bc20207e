/**
 * A policy bundle the runtime refuses, as a catalogued usage error: its reason by the runtime's
 * closed code (a translated term), the runtime's own English account carried verbatim beside it.
 */
import { TERMS, type Term } from '../compiler/diagnostic-codes.js';
import { diagnostic, type Diagnostic } from '../compiler/diagnostics.js';
import type { RequestProblem } from '../runtime/request.js';
import { langOf, type Io } from './io.js';
import { requestProblemLine } from './request-problem-line.js';
import { printUsageError } from './usage-error.js';

/** The diagnostic for refusing to load the policy at `path` with error `e` (a PolicyLoadError or the server's BundleRefusedError). */
export function policyRefused(path: string, e: { readonly code: string; readonly message: string }): Diagnostic {
  const detail = { detail: { tool: 'runtime', text: e.message } } as const;
  if (e.code in TERMS.bundleRefusal) return diagnostic('cli-policy-refused', undefined, { path, reason: e.code as Term<'bundleRefusal'> }, detail);
  return diagnostic('cli-policy-refused-code', undefined, { path, code: e.code }, detail);
}

/**
 * Prints the refusal, and under it each schema problem the runtime found in the bundle's files
 * (`schema-invalid`), located and in the reader's language.
 */
export function printPolicyRefused(io: Io, path: string, e: { readonly code: string; readonly message: string; readonly problems: readonly RequestProblem[] }): void {
  printUsageError(io, policyRefused(path, e));
  const lang = langOf(io);
  for (const p of e.problems) io.stderr.write(requestProblemLine(p, lang));
}
