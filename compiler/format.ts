/**
 * Formatting a source: parse, refuse what cannot be printed without losing text, print.
 * `qingdan fmt`, the language server's formatting and the AST edits all go through here.
 */
import type { PolicyFile } from './ast.js';
import { check } from './check/check.js';
import { DuplicateClauseRule } from './check/rules/DuplicateClauseRule.js';
import { UnknownKeywordRule } from './check/rules/UnknownKeywordRule.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { parseSource } from './parse.js';
import { printFile } from './printer.js';
import type { Source } from './source.js';
import { collectSymbols } from './symbols.js';

export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean; readonly file: PolicyFile }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * The errors that make a parsed file unprintable: syntax errors (the AST misses what did not
 * parse), unknown clauses (the AST keeps only their first word) and clauses given twice (the
 * AST keeps only the first). Printing such a file would silently drop text.
 */
export function unprintable(file: PolicyFile, parseDiagnostics: readonly Diagnostic[]): Diagnostic[] {
  const local = check([file], collectSymbols([file]), [UnknownKeywordRule, DuplicateClauseRule]);
  return sortDiagnostics([...parseDiagnostics, ...local].filter((d) => d.severity === 'error'));
}

/** The canonical text of `source`, or the errors that prevent printing it. */
export function formatSource(source: Source): FormatResult {
  const parsed = parseSource(source);
  const errors = unprintable(parsed.file, parsed.diagnostics);
  if (hasErrors(errors)) return { ok: false, diagnostics: errors };
  const text = printFile(parsed.file, source.text);
  return { ok: true, text, changed: text !== source.text, file: parsed.file };
}
