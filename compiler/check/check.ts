/** Runs every checker rule over the parsed policy in one traversal. */
import type { PolicyFile } from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SymbolTable } from '../symbols.js';
import { CheckContext, type CheckRule } from './context.js';
import { forgetConditionForms } from './intervals.js';
import { specifiedRules } from './specified-rules.js';
import { visitPolicy } from './visitor.js';

/** The diagnostics of all rules (default: every specified rule) for the given files. */
export function check(files: readonly PolicyFile[], symbols: SymbolTable, rules: readonly CheckRule[] = specifiedRules): Diagnostic[] {
  const context = new CheckContext(files, symbols);
  try {
    visitPolicy(files, rules.map((rule) => rule(context)));
  } finally {
    forgetConditionForms();
  }
  return context.diagnostics;
}
