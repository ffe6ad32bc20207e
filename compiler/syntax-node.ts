/**
 * What one invocation of a grammar rule read: the tokens it consumed and the nodes of the rules
 * it called, in the order read, the way chevrotain's CST held them, but built by our parser's
 * own hooks (compiler/parser.ts) in one fixed shape. A node is turned into its piece of the AST
 * as soon as its rule returns (compiler/build-ast.ts); its parent reads the result and then lets
 * the node's own children go, so a large file never holds a whole syntax tree.
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic } from './diagnostics.js';

export class SyntaxNode {
  /** The tokens the rule consumed itself, including ones recovery inserted. */
  tokens: IToken[] | undefined = undefined;
  /** For each of `tokens`, the token type the grammar asked for (a category such as `Keyword`). */
  tokenKeys: string[] | undefined = undefined;
  /** The nodes of the rules it called, including those cut short by a syntax error. */
  nodes: SyntaxNode[] | undefined = undefined;
  /** The first and last tokens under the node that were read from the source (for its span). */
  first: IToken | undefined = undefined;
  last: IToken | undefined = undefined;
  /** Its piece of the AST, once built. */
  value: unknown = undefined;
  /** The string-escape problems its AST reports, in the order the AST builder meets them. */
  escapes: Diagnostic[] | undefined = undefined;

  constructor(readonly rule: string) {}

  /** Lets go of what the node read, keeping its value, span tokens and escape problems. */
  release(): void {
    this.tokens = undefined;
    this.tokenKeys = undefined;
    this.nodes = undefined;
  }
}
