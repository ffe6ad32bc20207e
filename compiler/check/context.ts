/** What a checker rule gets: the symbol table and a way to report. */
import type * as A from '../ast.js';
import type { DiagnosticArgs, Diagnostic, RelatedLocation } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import type { DiagnosticId } from '../diagnostic-codes.js';
import type { Span } from '../source.js';
import type { SymbolTable } from '../symbols.js';
import type { PolicyVisitor } from './visitor.js';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly files: readonly A.PolicyFile[],
    readonly symbols: SymbolTable,
  ) {}

  report(id: DiagnosticId, span: Span | undefined, args: DiagnosticArgs = {}, extra: { hint?: string; related?: RelatedLocation[] } = {}): void {
    this.diagnostics.push(diagnostic(id, span, args, extra));
  }
}

/** A checker rule: given the context, the handlers it wants called during the one traversal. */
export type CheckRule = (context: CheckContext) => PolicyVisitor;
