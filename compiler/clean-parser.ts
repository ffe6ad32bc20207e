/**
 * The grammar of `parser.ts` once more, by hand, for declarations without a syntax error: the
 * common case, and on a large policy nearly every one. It is a plain LL(1) recursive descent
 * that makes the same syntax nodes, with the same tokens, in the same order, as the chevrotain
 * parser's rules do, and hands each to the same AST builder as its rule returns; it stops at the
 * first token the grammar does not expect there, and then the chevrotain parser, with its error
 * recovery and messages, parses the declaration instead. chevrotain's generic machinery (rule
 * stacks, lookahead functions, recovery bookkeeping) was about a third of the parse time.
 *
 * Why it gives what chevrotain gives: with one token of lookahead, a repetition or option runs
 * when the next token can start it, and a choice takes the first alternative the next token can
 * start, as below. chevrotain's recovery only acts on a token that does not fit; the one case
 * where it looks ahead on its own, after a repetition, concerns a next token other than the
 * terminal the rule then consumes, where this parser stops. An unknown clause (a word that
 * starts no clause the block knows) is always an error the checker reports; this parser leaves
 * those declarations to chevrotain too, whose clause-argument gate decides where one ends.
 * test/clean-parser.test.ts compares both parsers over the repository's policy and generated
 * programs.
 */
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type { AstBuilder } from './build-ast.js';
import * as T from './lexer.js';
import { SyntaxNode } from './syntax-node.js';

/** Thrown at the first token the clean grammar does not expect; the piece goes to chevrotain. */
const UNEXPECTED = Symbol('unexpected token');

/**
 * The node of the `file` rule for `tokens` (one or more whole declarations), its AST built by
 * `builder`, or undefined when the tokens are not a clean parse: a syntax error or an unknown
 * clause somewhere in them.
 */
export function parseClean(tokens: readonly IToken[], builder: AstBuilder): SyntaxNode | undefined {
  try {
    return new CleanParser(tokens, builder).file();
  } catch (e) {
    if (e === UNEXPECTED) return undefined;
    throw e;
  }
}

class CleanParser {
  private pos = 0;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly builder: AstBuilder,
  ) {}

  // ---- tokens ------------------------------------------------------------------------------

  /** The next token's type, or undefined at the end of the input. */
  private next(): TokenType | undefined {
    return this.tokens[this.pos]?.tokenType;
  }

  /** Whether the next token is a `type` (or, for a category, of it). */
  private at(type: TokenType): boolean {
    const token = this.tokens[this.pos];
    return token !== undefined && tokenMatcher(token, type);
  }

  private consume(node: SyntaxNode, type: TokenType): void {
    const token = this.tokens[this.pos];
    if (token === undefined || !tokenMatcher(token, type)) throw UNEXPECTED;
    node.addToken(token);
    this.pos++;
  }

  /** Whether the next token starts on the line of the last one consumed (false at the end). */
  private nextOnSameLine(): boolean {
    const next = this.tokens[this.pos];
    return next !== undefined && next.startLine === this.tokens[this.pos - 1]!.startLine;
  }

  private close(node: SyntaxNode, parent: SyntaxNode): void {
    node.close(this.builder, parent);
  }

  /** Where a block's clauses end: its `}` (anything else the block cannot start is an error). */
  private endOfBlock(node: SyntaxNode): void {
    this.consume(node, T.RCurly);
  }

  /**
   * The end of a block's clauses: true at `}` or a token no clause starts (the `}` that must
   * follow then fails); a word that starts no clause of this block is an unknown clause.
   */
  private blockEnds(): boolean {
    if (this.at(T.Identifier) || this.at(T.Keyword)) throw UNEXPECTED;
    return true;
  }

  // ---- files and names ---------------------------------------------------------------------

  file(): SyntaxNode {
    const node = new SyntaxNode('file');
    for (let type = this.next(); type !== undefined; type = this.next()) {
      if (type === T.Document) this.documentDecl(node);
      else if (type === T.Annex) this.annexDecl(node);
      else if (type === T.Baseline) this.baselineDecl(node);
      else if (type === T.List) this.listDecl(node);
      else if (type === T.Zone) this.zoneDecl(node);
      else throw UNEXPECTED;
    }
    node.close(this.builder, undefined);
    return node;
  }

  private name(parent: SyntaxNode): void {
    const node = new SyntaxNode('name');
    if (this.at(T.Identifier)) this.consume(node, T.Identifier);
    else this.consume(node, T.Keyword);
    this.close(node, parent);
  }

  private reference(parent: SyntaxNode): void {
    const node = new SyntaxNode('reference');
    this.name(node);
    while (this.next() === T.Dot) {
      this.consume(node, T.Dot);
      this.name(node);
    }
    this.close(node, parent);
  }

  /** `keyword "text"`: the clauses that are one string. */
  private stringClause(parent: SyntaxNode, rule: string, keyword: TokenType): void {
    const node = new SyntaxNode(rule);
    this.consume(node, keyword);
    this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  /** `keyword id "title" {`: how every block declaration starts. */
  private head(node: SyntaxNode, keyword: TokenType): void {
    this.consume(node, keyword);
    this.name(node);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.LCurly);
  }

  // ---- documents ---------------------------------------------------------------------------

  private documentDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('documentDecl');
    this.head(node, T.Document);
    for (;;) {
      const type = this.next();
      if (type === T.Numbering) this.numberingClause(node);
      else if (type === T.SourceKw) this.stringClause(node, 'sourceClause', T.SourceKw);
      else if (type === T.Paraphrase) this.consume(node, T.Paraphrase);
      else if (type === T.Published) this.publishedClause(node);
      else if (type === T.Trial) this.trialClause(node);
      else if (type === T.Chapter) this.chapterDecl(node);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private numberingClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('numberingClause');
    this.consume(node, T.Numbering);
    this.consume(node, T.Inferred);
    if (this.next() === T.StringLiteral) this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  private publishedClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('publishedClause');
    this.consume(node, T.Published);
    this.consume(node, T.DateLiteral);
    if (this.next() === T.Unconfirmed) this.consume(node, T.Unconfirmed);
    if (this.next() === T.StringLiteral) this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  private trialClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('trialClause');
    this.consume(node, T.Trial);
    this.consume(node, T.NumberLiteral);
    this.consume(node, T.Years);
    this.optionalBasis(node);
    this.close(node, parent);
  }

  private chapterDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('chapterDecl');
    this.consume(node, T.Chapter);
    this.consume(node, T.NumberLiteral);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.LCurly);
    while (this.next() === T.Article || !this.blockEnds()) this.articleDecl(node);
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private articleDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('articleDecl');
    this.consume(node, T.Article);
    this.consume(node, T.NumberLiteral);
    this.consume(node, T.LCurly);
    for (;;) {
      const type = this.next();
      if (type === T.StringLiteral) this.consume(node, T.StringLiteral);
      else if (type === T.Sic) this.sicClause(node);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private sicClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('sicClause');
    this.consume(node, T.Sic);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.For);
    this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  // ---- the annex ---------------------------------------------------------------------------

  private annexDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('annexDecl');
    this.head(node, T.Annex);
    for (;;) {
      const type = this.next();
      if (type === T.Basis) this.basisClause(node);
      else if (type === T.General) this.generalDecl(node);
      else if (type === T.Kind) this.kindDecl(node);
      else if (type === T.Standard) this.standardDecl(node);
      else if (type === T.Category) this.categoryDecl(node);
      else if (type === T.Sic) this.sicClause(node);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private basisClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('basisClause');
    this.consume(node, T.Basis);
    this.reference(node);
    while (this.next() === T.Comma) {
      this.consume(node, T.Comma);
      this.reference(node);
    }
    this.close(node, parent);
  }

  /** `basis …` where a clause may end with one. */
  private optionalBasis(node: SyntaxNode): void {
    if (this.next() === T.Basis) this.basisClause(node);
  }

  private generalDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('generalDecl');
    this.consume(node, T.General);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.LCurly);
    while (this.next() === T.Rule || !this.blockEnds()) this.ruleDecl(node);
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private ruleDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('ruleDecl');
    this.consume(node, T.Rule);
    this.consume(node, T.NumberLiteral);
    this.consume(node, T.StringLiteral);
    if (this.next() === T.LCurly) {
      this.consume(node, T.LCurly);
      for (;;) {
        const type = this.next();
        if (type === T.When) this.whenClause(node);
        else if (type === T.Basis) this.basisClause(node);
        else if (this.blockEnds()) break;
      }
      this.endOfBlock(node);
    }
    this.close(node, parent);
  }

  private whenClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('whenClause');
    this.consume(node, T.When);
    this.condition(node);
    this.close(node, parent);
  }

  private kindDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('kindDecl');
    this.consume(node, T.Kind);
    this.name(node);
    this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  private standardDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('standardDecl');
    this.consume(node, T.Standard);
    this.name(node);
    this.consume(node, T.StringLiteral);
    this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  private categoryDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('categoryDecl');
    this.head(node, T.Category);
    for (;;) {
      const type = this.next();
      if (type === T.Sub) this.subDecl(node);
      else if (type === T.Example) this.exampleDecl(node);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private subDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('subDecl');
    this.consume(node, T.Sub);
    this.name(node);
    this.consume(node, T.StringLiteral);
    if (this.next() === T.StringLiteral) this.consume(node, T.StringLiteral);
    if (this.next() === T.Refers) {
      this.consume(node, T.Refers);
      this.nameList(node);
    }
    this.close(node, parent);
  }

  /** `name (, name)*`. */
  private nameList(node: SyntaxNode): void {
    this.name(node);
    while (this.next() === T.Comma) {
      this.consume(node, T.Comma);
      this.name(node);
    }
  }

  private exampleDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('exampleDecl');
    this.consume(node, T.Example);
    this.name(node);
    this.consume(node, T.DotDot);
    this.name(node);
    this.consume(node, T.StringLiteral);
    this.close(node, parent);
  }

  // ---- the national baseline ---------------------------------------------------------------

  private baselineDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('baselineDecl');
    this.head(node, T.Baseline);
    for (;;) {
      const type = this.next();
      if (type === T.Counting) this.countingClause(node);
      else if (type === T.Exemption) this.exemptionDecl(node);
      else if (type === T.Important || type === T.Ciio) this.triggerClause(node);
      else if (type === T.Ladder) this.ladderDecl(node);
      else if (type === T.Below) this.pathwayClause(node, 'belowClause', T.Below);
      else if (type === T.Validity) this.validityClause(node);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private countingClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('countingClause');
    this.consume(node, T.Counting);
    this.name(node);
    this.close(node, parent);
  }

  private exemptionDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('exemptionDecl');
    this.consume(node, T.Exemption);
    this.consume(node, T.StringLiteral);
    this.consume(node, this.next() === T.Data ? T.Data : T.PersonalInfo);
    this.consume(node, T.StringLiteral);
    this.optionalBasis(node);
    this.close(node, parent);
  }

  private triggerClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('triggerClause');
    this.consume(node, this.next() === T.Important ? T.Important : T.Ciio);
    this.consume(node, T.PathwayKeyword);
    this.optionalBasis(node);
    this.close(node, parent);
  }

  /** `below <pathway> [basis …]`. */
  private pathwayClause(parent: SyntaxNode, rule: string, keyword: TokenType): void {
    const node = new SyntaxNode(rule);
    this.consume(node, keyword);
    this.consume(node, T.PathwayKeyword);
    this.optionalBasis(node);
    this.close(node, parent);
  }

  private ladderDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('ladderDecl');
    this.consume(node, T.Ladder);
    this.consume(node, T.LCurly);
    while (this.at(T.PathwayKeyword) || !this.blockEnds()) this.rungClause(node);
    this.endOfBlock(node);
    this.close(node, parent);
  }

  /** A rung's own `basis` must end its line (parser.ts). */
  private rungClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('rungClause');
    this.consume(node, T.PathwayKeyword);
    this.consume(node, T.When);
    this.condition(node);
    if (this.nextOnSameLine() && this.next() === T.Basis) this.basisClause(node);
    this.close(node, parent);
  }

  private validityClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('validityClause');
    this.consume(node, T.Validity);
    this.consume(node, T.PathwayKeyword);
    this.consume(node, T.NumberLiteral);
    this.consume(node, T.Years);
    this.optionalBasis(node);
    this.close(node, parent);
  }

  // ---- zones --------------------------------------------------------------------------------

  private zoneDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('zoneDecl');
    this.consume(node, T.Zone);
    this.name(node);
    this.consume(node, T.StringLiteral);
    if (this.next() === T.Authority) {
      this.consume(node, T.Authority);
      this.consume(node, T.StringLiteral);
    }
    this.optionalBasis(node);
    this.close(node, parent);
  }

  // ---- negative lists ----------------------------------------------------------------------

  private listDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('listDecl');
    this.head(node, T.List);
    for (;;) {
      const type = this.next();
      if (type === T.Sector) this.referenceClause(node, 'sectorClause', T.Sector);
      else if (type === T.Zones) this.zonesClause(node);
      else if (type === T.Status) this.statusClause(node);
      else if (type === T.Effective) this.effectiveClause(node);
      else if (type === T.Basis) this.basisClause(node);
      else if (type === T.Adopts) this.adoptsClause(node);
      else if (type === T.Proposal) this.stringClause(node, 'proposalClause', T.Proposal);
      else if (type === T.Issuer) this.stringClause(node, 'issuerClause', T.Issuer);
      else if (type === T.Docnumber) this.stringClause(node, 'docnumberClause', T.Docnumber);
      else if (type === T.Published) this.publishedClause(node);
      else if (type === T.Note) this.stringClause(node, 'noteClause', T.Note);
      else if (type === T.Scenario) this.scenarioDecl(node);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  /** `sector S16`, `category c.sub`: a keyword and a reference. */
  private referenceClause(parent: SyntaxNode, rule: string, keyword: TokenType): void {
    const node = new SyntaxNode(rule);
    this.consume(node, keyword);
    this.reference(node);
    this.close(node, parent);
  }

  private zonesClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('zonesClause');
    this.consume(node, T.Zones);
    this.nameList(node);
    this.close(node, parent);
  }

  private statusClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('statusClause');
    this.consume(node, T.Status);
    this.name(node);
    this.close(node, parent);
  }

  private effectiveClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('effectiveClause');
    this.consume(node, T.Effective);
    this.consume(node, T.DateLiteral);
    if (this.next() === T.Until) {
      this.consume(node, T.Until);
      this.consume(node, T.DateLiteral);
    }
    this.close(node, parent);
  }

  private adoptsClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('adoptsClause');
    this.consume(node, T.Adopts);
    this.consume(node, T.StringLiteral);
    this.optionalBasis(node);
    this.close(node, parent);
  }

  private scenarioDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('scenarioDecl');
    this.head(node, T.Scenario);
    for (;;) {
      const type = this.next();
      if (type === T.Item) this.itemDecl(node);
      else if (type === T.Note) this.stringClause(node, 'noteClause', T.Note);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private itemDecl(parent: SyntaxNode): void {
    const node = new SyntaxNode('itemDecl');
    this.head(node, T.Item);
    for (;;) {
      const type = this.next();
      if (type === T.Category) this.referenceClause(node, 'categoryRef', T.Category);
      else if (type === T.Fields) this.fieldsClause(node);
      else if (type === T.Description) this.stringClause(node, 'descriptionClause', T.Description);
      else if (type === T.Important) this.consume(node, T.Important);
      else if (this.at(T.PathwayKeyword)) this.rungClause(node);
      else if (type === T.Basis) this.basisClause(node);
      else if (type === T.Note) this.stringClause(node, 'noteClause', T.Note);
      else if (this.blockEnds()) break;
    }
    this.endOfBlock(node);
    this.close(node, parent);
  }

  private fieldsClause(parent: SyntaxNode): void {
    const node = new SyntaxNode('fieldsClause');
    this.consume(node, T.Fields);
    this.consume(node, T.StringLiteral);
    while (this.next() === T.Comma) {
      this.consume(node, T.Comma);
      this.consume(node, T.StringLiteral);
    }
    this.close(node, parent);
  }

  // ---- conditions --------------------------------------------------------------------------

  private condition(parent: SyntaxNode): void {
    const node = new SyntaxNode('condition');
    this.conjunction(node);
    while (this.next() === T.Or) {
      this.consume(node, T.Or);
      this.conjunction(node);
    }
    this.close(node, parent);
  }

  private conjunction(parent: SyntaxNode): void {
    const node = new SyntaxNode('conjunction');
    this.atom(node);
    while (this.next() === T.And) {
      this.consume(node, T.And);
      this.atom(node);
    }
    this.close(node, parent);
  }

  private atom(parent: SyntaxNode): void {
    const node = new SyntaxNode('atom');
    const type = this.next();
    if (type === T.LParen) {
      this.consume(node, T.LParen);
      this.condition(node);
      this.consume(node, T.RParen);
    } else if (this.at(T.Measure)) this.comparison(node);
    else if (type === T.Kinds) this.kindsAtom(node);
    else if (type === T.Ciio) this.consume(node, T.Ciio);
    else {
      this.consume(node, T.Not);
      this.consume(node, T.Ciio);
    }
    this.close(node, parent);
  }

  private comparison(parent: SyntaxNode): void {
    const node = new SyntaxNode('comparison');
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
    const node = new SyntaxNode('volume');
    if (this.next() === T.Minus) this.consume(node, T.Minus);
    this.consume(node, T.NumberLiteral);
    this.close(node, parent);
  }

  private kindsAtom(parent: SyntaxNode): void {
    const node = new SyntaxNode('kindsAtom');
    this.consume(node, T.Kinds);
    this.consume(node, T.Any);
    this.consume(node, T.LBracket);
    this.nameList(node);
    this.consume(node, T.RBracket);
    this.close(node, parent);
  }
}
