/** What a checker rule gets: the symbol table and a way to report. */
import type * as A from '../ast.js';
import { diagnostic, type ArgsParam, type Diagnostic } from '../diagnostics.js';
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

  report<I extends DiagnosticId>(id: I, span: Span | undefined, ...rest: ArgsParam<I>): void {
    this.diagnostics.push(diagnostic(id, span, ...rest));
  }
}

/** A checker rule: given the context, the handlers it wants called during the one traversal. */
export type CheckRule = (context: CheckContext) => PolicyVisitor;
