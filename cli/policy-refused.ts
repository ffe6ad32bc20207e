/**
 * A policy bundle the runtime refuses, as a catalogued usage error: its reason by the runtime's
 * closed code (a translated term), the runtime's own English account carried verbatim beside it.
 */
import { TERMS, type Term } from '../compiler/diagnostic-codes.js';
import { diagnostic, type Diagnostic } from '../compiler/diagnostics.js';

/** The diagnostic for refusing to load the policy at `path` with error `e` (a PolicyLoadError or the server's BundleRefusedError). */
export function policyRefused(path: string, e: { readonly code: string; readonly message: string }): Diagnostic {
  const detail = { detail: { tool: 'runtime', text: e.message } } as const;
  if (e.code in TERMS.bundleRefusal) return diagnostic('cli-policy-refused', undefined, { path, reason: e.code as Term<'bundleRefusal'> }, detail);
  return diagnostic('cli-policy-refused-code', undefined, { path, code: e.code }, detail);
}
