/**
 * The fast path of the parse for a negative list written without a syntax error: a plain
 * recursive descent over the grammar of `parser.ts` from `listDecl` down, which makes the same
 * syntax nodes the chevrotain parser makes (same rules, same tokens and children in the same
 * order, same first and last tokens) and hands each to the same AST builder as its rule ends, so
 * the AST and every diagnostic the builder reports are the same.
 *
 * Lists are nearly all of a large policy, and chevrotain's machinery per rule (its lookahead
 * functions, repetition and recovery bookkeeping, the hooks `parser.ts` adds) was about half of
 * parsing them. The fast path takes no decision chevrotain could take differently: at the first
 * token it does not expect (a misspelt or unknown clause, a missing token, anything recovery
 * would handle) it gives up, and the whole piece is parsed by chevrotain as before, with its
 * error recovery and messages. test/list-fast-path.test.ts holds both parses side by side.
 */
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type { AstBuilder } from './build-ast.js';
import * as T from './lexer.js';
import { popFrom } from './parser.js';
import { SyntaxNode } from './syntax-node.js';

/** Thrown where the fast path stops: chevrotain parses the piece instead. */
class NotWellFormed {}
const GIVE_UP = new NotWellFormed();

/**
 * The `file` node of `tokens` (one or more list declarations, nothing else), or undefined when
 * the tokens hold anything else or anything the grammar does not accept as it stands.
 */
export function parseWellFormedLists(tokens: readonly IToken[], builder: AstBuilder): SyntaxNode | undefined {
  if (tokens.length === 0 || tokens[0]!.tokenType !== T.List) return undefined;
  const reader = new ListReader(tokens, builder);
  try {
    return reader.file();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** The rules of `parser.ts` a list uses, one method each, with the same names and shapes. */
class ListReader {
  private at = 0;
  /**
   * The tokens and the finished child nodes read by the rules still open, as in `QdParser`: a
   * rule notes where its share starts and takes it out at its exact size when it ends.
   */
  private readonly tokenStack: IToken[] = [];
  private readonly nodeStack: SyntaxNode[] = [];
  private readonly tokenBase: number[] = [];
  private readonly nodeBase: number[] = [];

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly builder: AstBuilder,
  ) {}

  // ---- reading tokens and closing nodes ----------------------------------------------------

  /** The type of the next token; undefined at the end (chevrotain's EOF). */
  private next(): TokenType | undefined {
    return this.tokens[this.at]?.tokenType;
  }

  /** A node for `rule`, whose share of the stacks starts here. */
  private open(rule: string): SyntaxNode {
    this.tokenBase.push(this.tokenStack.length);
    this.nodeBase.push(this.nodeStack.length);
    return new SyntaxNode(rule);
  }

  /** Reads the next token into `node` when it is of `type`; gives up otherwise. */
  private consume(node: SyntaxNode, type: TokenType): void {
    const t = this.tokens[this.at];
    if (t === undefined || (t.tokenType !== type && !tokenMatcher(t, type))) throw GIVE_UP;
    this.at++;
    this.tokenStack.push(t);
    node.first ??= t;
    node.last = t;
  }

  /** Builds a finished node's AST and hands it to `parent`, as `QdParser.close` does. */
  private close(node: SyntaxNode, parent: SyntaxNode | undefined): SyntaxNode {
    node.tokens = popFrom(this.tokenStack, this.tokenBase.pop()!);
    node.nodes = popFrom(this.nodeStack, this.nodeBase.pop()!);
    this.builder.finish(node);
    if (node.nodes !== undefined) for (const child of node.nodes) child.release();
    if (parent === undefined) return node;
    this.nodeStack.push(node);
    if (node.first !== undefined) {
      parent.first ??= node.first;
      parent.last = node.last;
    }
    return node;
  }

  // ---- the rules -----------------------------------------------------------------------------

  file(): SyntaxNode {
    const node = this.open('file');
    while (this.at < this.tokens.length) {
      if (this.next() !== T.List) throw GIVE_UP;
      this.listDecl(node);
    }
    return this.close(node, undefined);
  }

  private name(parent: SyntaxNode): void {
    const node = this.open('name');
    this.consume(node, this.next() === T.Identifier ? T.Identifier : T.Keyword);
    this.close(node, parent);
  }

  private reference(parent: SyntaxNode): void {
    const node = this.open('reference');
    this.name(node);
    while (this.next() === T.Dot) {
      this.consume(node, T.Dot);
      this.name(node);
    }
    this.close(node, parent);
  }

  private basisClause(parent: SyntaxNode): void {
    const node = this.open('basisClause');
    this.consume(node, T.Basis);
    this.reference(node);
    while (this.next() === T.Comma) {
      this.consume(node, T.Comma);
      this.reference(node);
    }
    this.close(node, parent);
  }

  /** A clause of a keyword and one string: `note`, `description`, `proposal`, `issuer`, `docnumber`. */
  private textClause(parent: SyntaxNode, rule: string, keyword: TokenType): void {
    const node = this.open(rule);
    this.consume(node, keyword);
    this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  private listDecl(parent: SyntaxNode): void {
    const node = this.open('listDecl');
    this.consume(node, T.List);
    this.name(node);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.LCurly);
    for (;;) {
      const type = this.next();
      if (type === T.Sector) this.sectorClause(node);
      else if (type === T.Zones) this.zonesClause(node);
      else if (type === T.Status) this.statusClause(node);
      else if (type === T.Effective) this.effectiveClause(node);
      else if (type === T.Basis) this.basisClause(node);
      else if (type === T.Adopts) this.adoptsClause(node);
      else if (type === T.Proposal) this.textClause(node, 'proposalClause', T.Proposal);
      else if (type === T.Issuer) this.textClause(node, 'issuerClause', T.Issuer);
      else if (type === T.Docnumber) this.textClause(node, 'docnumberClause', T.Docnumber);
      else if (type === T.Published) this.publishedClause(node);
      else if (type === T.Note) this.textClause(node, 'noteClause', T.Note);
      else if (type === T.Scenario) this.scenarioDecl(node);
      else break;
    }
    this.consume(node, T.RCurly);
    this.close(node, parent);
  }

  private sectorClause(parent: SyntaxNode): void {
    const node = this.open('sectorClause');
    this.consume(node, T.Sector);
    this.reference(node);
    this.close(node, parent);
  }

  private zonesClause(parent: SyntaxNode): void {
    const node = this.open('zonesClause');
    this.consume(node, T.Zones);
    this.name(node);
    while (this.next() === T.Comma) {
      this.consume(node, T.Comma);
      this.name(node);
    }
    this.close(node, parent);
  }

  private statusClause(parent: SyntaxNode): void {
    const node = this.open('statusClause');
    this.consume(node, T.Status);
    this.name(node);
    this.close(node, parent);
  }

  private effectiveClause(parent: SyntaxNode): void {
    const node = this.open('effectiveClause');
    this.consume(node, T.Effective);
    this.consume(node, T.DateLiteral);
    if (this.next() === T.Until) {
      this.consume(node, T.Until);
      this.consume(node, T.DateLiteral);
    }
    this.close(node, parent);
  }

  private adoptsClause(parent: SyntaxNode): void {
    const node = this.open('adoptsClause');
    this.consume(node, T.Adopts);
    this.consume(node, T.StringLiteral);
    if (this.next() === T.Basis) this.basisClause(node);
    this.close(node, parent);
  }

  private publishedClause(parent: SyntaxNode): void {
    const node = this.open('publishedClause');
    this.consume(node, T.Published);
    this.consume(node, T.DateLiteral);
    if (this.next() === T.Unconfirmed) this.consume(node, T.Unconfirmed);
    if (this.next() === T.StringLiteral) this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  private scenarioDecl(parent: SyntaxNode): void {
    const node = this.open('scenarioDecl');
    this.consume(node, T.Scenario);
    this.name(node);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.LCurly);
    for (;;) {
      const type = this.next();
      if (type === T.Item) this.itemDecl(node);
      else if (type === T.Note) this.textClause(node, 'noteClause', T.Note);
      else break;
    }
    this.consume(node, T.RCurly);
    this.close(node, parent);
  }

  private itemDecl(parent: SyntaxNode): void {
    const node = this.open('itemDecl');
    this.consume(node, T.Item);
    this.name(node);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.LCurly);
    for (;;) {
      const type = this.next();
      if (type === T.Category) this.categoryRef(node);
      else if (type === T.Fields) this.fieldsClause(node);
      else if (type === T.Description) this.textClause(node, 'descriptionClause', T.Description);
      else if (type === T.Important) this.consume(node, T.Important);
      else if (type === T.Assessment || type === T.Contract || type === T.Exempt) this.rungClause(node);
      else if (type === T.Basis) this.basisClause(node);
      else if (type === T.Note) this.textClause(node, 'noteClause', T.Note);
      else break;
    }
    this.consume(node, T.RCurly);
    this.close(node, parent);
  }

  private categoryRef(parent: SyntaxNode): void {
    const node = this.open('categoryRef');
    this.consume(node, T.Category);
    this.reference(node);
    this.close(node, parent);
  }

  private fieldsClause(parent: SyntaxNode): void {
    const node = this.open('fieldsClause');
    this.consume(node, T.Fields);
    this.consume(node, T.StringLiteral);
    while (this.next() === T.Comma) {
      this.consume(node, T.Comma);
      this.consume(node, T.StringLiteral);
    }
    this.close(node, parent);
  }

  /** A rung's own `basis` must end its line, as in `parser.ts`. */
  private rungClause(parent: SyntaxNode): void {
    const node = this.open('rungClause');
    this.consume(node, T.PathwayKeyword);
    this.consume(node, T.When);
    this.condition(node);
    if (this.next() === T.Basis && this.tokens[this.at]!.startLine === this.tokens[this.at - 1]!.startLine) this.basisClause(node);
    this.close(node, parent);
  }

  // ---- conditions --------------------------------------------------------------------------

  private condition(parent: SyntaxNode): void {
    const node = this.open('condition');
    this.conjunction(node);
    while (this.next() === T.Or) {
      this.consume(node, T.Or);
      this.conjunction(node);
    }
    this.close(node, parent);
  }

  private conjunction(parent: SyntaxNode): void {
    const node = this.open('conjunction');
    this.atom(node);
    while (this.next() === T.And) {
      this.consume(node, T.And);
      this.atom(node);
    }
    this.close(node, parent);
  }

  private atom(parent: SyntaxNode): void {
    const node = this.open('atom');
    const type = this.next();
    if (type === T.LParen) {
      this.consume(node, T.LParen);
      this.condition(node);
      this.consume(node, T.RParen);
    } else if (type === T.Persons || type === T.Sensitive) this.comparison(node);
    else if (type === T.Kinds) this.kindsAtom(node);
    else if (type === T.Ciio) this.consume(node, T.Ciio);
    else if (type === T.Not) {
      this.consume(node, T.Not);
      this.consume(node, T.Ciio);
    } else throw GIVE_UP;
    this.close(node, parent);
  }

  private comparison(parent: SyntaxNode): void {
    const node = this.open('comparison');
    this.consume(node, T.Measure);
    if (this.next() === T.In) {
      this.consume(node, T.In);
      this.volume(node);
      this.consume(node, T.DotDot);
      this.volume(node);
    } else {
      this.consume(node, T.Comparator);
      this.volume(node);
    }
    this.close(node, parent);
  }

  private volume(parent: SyntaxNode): void {
    const node = this.open('volume');
    if (this.next() === T.Minus) this.consume(node, T.Minus);
    this.consume(node, T.NumberLiteral);
    this.close(node, parent);
  }

  private kindsAtom(parent: SyntaxNode): void {
    const node = this.open('kindsAtom');
    this.consume(node, T.Kinds);
    this.consume(node, T.Any);
    this.consume(node, T.LBracket);
    this.name(node);
    while (this.next() === T.Comma) {
      this.consume(node, T.Comma);
      this.name(node);
    }
    this.consume(node, T.RBracket);
    this.close(node, parent);
  }
}

