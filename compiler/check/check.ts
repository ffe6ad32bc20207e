/** Runs every checker rule over the parsed policy in one traversal. */
import type { PolicyFile } from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SymbolTable } from '../symbols.js';
import { CheckContext, type CheckRule } from './context.js';
import { forgetConditionForms } from './intervals.js';
import { specifiedRules } from './specified-rules.js';
import { visitPolicy, type PolicyVisitor } from './visitor.js';

/**
 * Drops the condition forms (intervals.ts) at each ladder, before the rules see it: the rules
 * share the forms of one ladder's rungs, and none asks for another ladder's.
 */
const ladderScope: PolicyVisitor = { Ladder: forgetConditionForms };

/** The diagnostics of all rules (default: every specified rule) for the given files. */
export function check(files: readonly PolicyFile[], symbols: SymbolTable, rules: readonly CheckRule[] = specifiedRules): Diagnostic[] {
  const context = new CheckContext(files, symbols);
  try {
    visitPolicy(files, [ladderScope, ...rules.map((rule) => rule(context))]);
  } finally {
    forgetConditionForms();
  }
  return context.diagnostics;
}
