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

/** All a file-local rule may use of the context: a way to report. */
export type Reporter = Pick<CheckContext, 'report'>;

/**
 * A file-local rule: it reads no symbols and no other file, only the nodes it is handed (a
 * node and its enclosing declaration), and keeps no state from one file to the next. Its
 * diagnostics for a file therefore depend on that file alone, so a file that did not change
 * need not be checked by it again (the head of a diff, compiled beside its base).
 */
export type FileLocalRule = (context: Reporter) => PolicyVisitor;
