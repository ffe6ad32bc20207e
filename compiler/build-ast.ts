/**
 * Builds the typed AST of `ast.ts` from the syntax nodes of `syntax-node.ts`, resolving string
 * escapes and volume units on the way. It is total: a node cut short by error recovery (missing
 * tokens) still gives an AST, with the missing parts left out.
 *
 * The parser calls `finish` on each node as soon as its rule returns, children before parents,
 * so the AST grows while the file is read and no syntax tree outlives the rule that needs it.
 * Each function reads a node the way the AST's shape asks (its title before its clauses, one
 * kind of clause after another); a string's escape problems are gathered in that order as
 * well, so they are reported as a walk of the finished tree would meet them.
 */
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type * as A from './ast.js';
import { diagnostic, hint, type Diagnostic } from './diagnostics.js';
import * as T from './lexer.js';
import { spanAt, type Source, type Span } from './source.js';
import type { SyntaxNode } from './syntax-node.js';

/** A clause a block may give once: a rule's name, or a token type (a one-word clause). */
type Clause = string | TokenType;

/** The clauses each block may give once, with the name a duplicate is reported under. */
const ONCE_IN_DOCUMENT: ReadonlyArray<readonly [Clause, string]> = [
  ['numberingClause', 'numbering'],
  ['sourceClause', 'source'],
  [T.Paraphrase, 'paraphrase'],
  ['publishedClause', 'published'],
  ['trialClause', 'trial'],
];
const ONCE_IN_RULE: ReadonlyArray<readonly [Clause, string]> = [['whenClause', 'when']];
const ONCE_IN_BASELINE: ReadonlyArray<readonly [Clause, string]> = [
  ['countingClause', 'counting'],
  ['ladderDecl', 'ladder'],
  ['belowClause', 'below'],
  ['validityClause', 'validity'],
  ['inForceClause', 'effective'],
];
const ONCE_IN_LIST: ReadonlyArray<readonly [Clause, string]> = [
  ['sectorClause', 'sector'],
  ['zonesClause', 'zones'],
  ['statusClause', 'status'],
  ['effectiveClause', 'effective'],
  ['adoptsClause', 'adopts'],
  ['proposalClause', 'proposal'],
  ['issuerClause', 'issuer'],
  ['docnumberClause', 'docnumber'],
  ['publishedClause', 'published'],
];
const ONCE_IN_ITEM: ReadonlyArray<readonly [Clause, string]> = [
  ['categoryRef', 'category'],
  ['descriptionClause', 'description'],
  [T.Important, 'important'],
];

/**
 * The one empty list every AST node without basis, notes, unknown or duplicate clauses shares
 * (frozen: the AST is read-only): most items have none, and an empty array each was a tenth of
 * a large policy's AST, copied by every young-generation collection it survived.
 */
const NONE: readonly never[] = Object.freeze([]);

/** `list`, at its exact length, or the shared empty list when it is empty. */
function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length > 0 ? list.slice() : NONE;
}

/**
 * `list` at its exact length. An array grown by `push` takes room for seventeen entries at the
 * first one; a list item's fields, rungs and conditions held one to five, and that room was a
 * sixth of a large policy's AST, copied twice by the young-generation collections (once within
 * the young generation, once into the old) and then marked by every full collection.
 */
function exact<T>(list: T[]): T[] {
  return list.length === 0 ? [] : list.slice();
}

const DECLARATION_RULES = ['documentDecl', 'annexDecl', 'baselineDecl', 'listDecl', 'zoneDecl'] as const;

/** Builds the AST of one file, node by node as the parser finishes them. */
export class AstBuilder {
  /** The escape problems of the node being finished, in the order its AST meets its strings. */
  private escapes: Diagnostic[] | undefined;

  constructor(private readonly source: Source) {}

  /** Sets `node.value` to the node's AST (undefined where the node has none of its own) and `node.escapes`. */
  finish(node: SyntaxNode): void {
    this.escapes = undefined;
    node.value = this.build(node);
    node.escapes = this.escapes;
  }

  private build(node: SyntaxNode): unknown {
    // The rules of a list item first: a switch over strings compares them in order, and these
    // are nearly every node of a large policy.
    switch (node.rule) {
      case 'volume':
        return this.volume(node);
      case 'comparison':
        return this.comparison(node);
      case 'atom':
        return this.atom(node);
      case 'conjunction':
        return this.conjunction(node);
      case 'condition':
        return this.condition(node);
      case 'name':
        return this.nameOf(node);
      case 'reference':
        return this.reference(node);
      case 'rungClause':
        return this.rungClause(node);
      case 'fieldsClause':
        return this.texts(node);
      case 'itemDecl':
        return this.itemDecl(node);
      case 'categoryRef':
        return undefined; // read by its item, as `default` says
      case 'file':
        return this.file(node);
      case 'clauseArgument':
      case 'sourceClause':
      case 'proposalClause':
      case 'issuerClause':
      case 'docnumberClause':
      case 'noteClause':
      case 'descriptionClause':
        return this.clauseText(node);
      case 'documentDecl':
        return this.documentDecl(node);
      case 'numberingClause':
        return this.numberingClause(node);
      case 'publishedClause':
        return this.publishedClause(node);
      case 'trialClause':
        return this.trialClause(node);
      case 'chapterDecl':
        return this.chapterDecl(node);
      case 'articleDecl':
        return this.articleDecl(node);
      case 'sicClause':
        return this.sicClause(node);
      case 'annexDecl':
        return this.annexDecl(node);
      case 'basisClause':
        return this.basisClause(node);
      case 'generalDecl':
        return this.generalDecl(node);
      case 'ruleDecl':
        return this.ruleDecl(node);
      case 'whenClause':
        return this.whenClause(node);
      case 'kindDecl':
        return this.kindDecl(node);
      case 'standardDecl':
        return this.standardDecl(node);
      case 'categoryDecl':
        return this.categoryDecl(node);
      case 'subDecl':
        return this.subDecl(node);
      case 'exampleDecl':
        return this.exampleDecl(node);
      case 'baselineDecl':
        return this.baselineDecl(node);
      case 'countingClause':
      case 'statusClause':
        return this.take(this.node(node, 'name'));
      case 'exemptionDecl':
        return this.exemptionDecl(node);
      case 'triggerClause':
        return this.triggerClause(node);
      case 'ladderDecl':
        return this.ladderDecl(node);
      case 'belowClause':
        return this.belowClause(node);
      case 'validityClause':
        return this.validityClause(node);
      case 'inForceClause':
        return this.inForceClause(node);
      case 'zoneDecl':
        return this.zoneDecl(node);
      case 'listDecl':
        return this.listDecl(node);
      case 'zonesClause':
        return this.each(node, 'name');
      case 'effectiveClause':
        return this.effectiveClause(node);
      case 'adoptsClause':
        return this.adoptsClause(node);
      case 'scenarioDecl':
        return this.scenarioDecl(node);
      case 'kindsAtom':
        return this.kindsAtom(node);
      // Read by their parents: an unknown clause's report names its block, and `sector` and
      // `category` keep their reference's absence apart from an empty one.
      default:
        return undefined;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private tokenSpan(t: IToken): Span {
    return spanAt(this.source, t.startOffset, t.image.length);
  }

  /**
   * The span from a node's first token read from the source to the end of its last. The parser
   * keeps no node locations (see `nodeLocationTracking`); it notes these two tokens instead.
   */
  private nodeSpan(node: SyntaxNode): Span {
    const first = node.first;
    const last = node.last;
    if (!first || !last) return spanAt(this.source, 0, 0);
    return spanAt(this.source, first.startOffset, last.startOffset + last.image.length - first.startOffset);
  }

  /**
   * The node's `i`-th token of type `type` (or of its category, as `Keyword`), unless recovery
   * inserted it. In each rule, the tokens of a type are exactly those the grammar asked for as
   * that type.
   */
  private tok(node: SyntaxNode, type: TokenType, i = 0): IToken | undefined {
    const tokens = node.tokens;
    if (tokens === undefined) return undefined;
    for (const t of tokens) {
      if (!tokenMatcher(t, type) || i-- > 0) continue;
      return t.isInsertedInRecovery ? undefined : t;
    }
    return undefined;
  }

  /** The `i`-th child node of rule `rule`. */
  private node(node: SyntaxNode, rule: string, i = 0): SyntaxNode | undefined {
    const nodes = node.nodes;
    if (nodes === undefined) return undefined;
    for (const n of nodes) if (n.rule === rule && i-- === 0) return n;
    return undefined;
  }

  /**
   * A child's AST, as part of the node being finished: the child's escape problems are reported
   * at this point of the walk.
   */
  private take<T>(child: SyntaxNode | undefined): T | undefined {
    if (child === undefined) return undefined;
    if (child.escapes !== undefined) (this.escapes ??= []).push(...child.escapes);
    return child.value as T | undefined;
  }

  /** The ASTs of the child nodes of rule `rule`, leaving out the undefined ones, as a list the AST keeps. */
  private each<T>(node: SyntaxNode, rule: string): T[] {
    return exact(this.collect<T>(node, rule));
  }

  /** What `each` gives, in an array grown by `push`: for a list read and dropped. */
  private collect<T>(node: SyntaxNode, rule: string): T[] {
    const out: T[] = [];
    const nodes = node.nodes;
    if (nodes === undefined) return out;
    for (const n of nodes) {
      if (n.rule !== rule) continue;
      const value = this.take<T>(n);
      if (value !== undefined && value !== null) out.push(value);
    }
    return out;
  }

  /** Whether any token of type `type` was read from the source. */
  private hasReal(node: SyntaxNode, type: TokenType): boolean {
    const tokens = node.tokens;
    if (tokens === undefined) return false;
    for (const t of tokens) if (tokenMatcher(t, type) && !t.isInsertedInRecovery) return true;
    return false;
  }

  /** The texts of the node's string literals read from the source. */
  private texts(node: SyntaxNode): A.Text[] {
    const out: A.Text[] = [];
    const tokens = node.tokens;
    if (tokens === undefined) return out;
    for (const t of tokens) if (t.tokenType === T.StringLiteral && !t.isInsertedInRecovery) out.push(this.text(t)!);
    return exact(out);
  }

  private text(t: IToken | undefined): A.Text | undefined {
    if (!t) return undefined;
    const span = this.tokenSpan(t);
    const body = t.image.slice(1, -1);
    const value = !body.includes('\\') ? body : body.replace(/\\(.)/g, (m, c: string, at: number) => {
      if (c === '"' || c === '\\') return c;
      if (c === 'n') return '\n';
      (this.escapes ??= []).push(
        diagnostic('invalid-escape', spanAt(this.source, t.startOffset + 1 + at, 2), { escape: `'${m}'` }, { hint: hint('escapes') }),
      );
      return m;
    });
    return { value, span };
  }

  /** The text of the one string of a clause node such as `note "…"`. */
  private clauseText(node: SyntaxNode): A.Text | undefined {
    return this.text(this.tok(node, T.StringLiteral));
  }

  private nameOf(node: SyntaxNode): A.Name | undefined {
    const t = this.tok(node, T.Identifier) ?? this.tok(node, T.Keyword);
    return t ? { text: t.image, span: this.tokenSpan(t) } : undefined;
  }

  private volumeOf(minus: IToken | undefined, t: IToken | undefined): A.Volume | undefined {
    if (!t) return undefined;
    const span = minus ? spanAt(this.source, minus.startOffset, t.startOffset + t.image.length - minus.startOffset) : this.tokenSpan(t);
    const { value, integral } = parseVolume(t.image);
    return { raw: minus ? '-' + t.image : t.image, value: minus ? -value : value, negative: !!minus, integral, span };
  }

  private unknowns(node: SyntaxNode, context: A.BlockContext): readonly A.UnknownClause[] {
    const nodes = node.nodes;
    if (nodes === undefined) return NONE;
    const out: A.UnknownClause[] = [];
    for (const n of nodes) if (n.rule === 'unknownClause') out.push(this.unknownOf(n, context));
    return orNone(out);
  }

  private unknownOf(node: SyntaxNode, context: A.BlockContext): A.UnknownClause {
    // Its strings are read only to report their bad escapes.
    const nodes = node.nodes;
    if (nodes !== undefined) for (const arg of nodes) if (arg.rule === 'clauseArgument') this.take(arg);
    const head = this.tok(node, T.Identifier) ?? this.tok(node, T.Keyword);
    return {
      kind: 'UnknownClause',
      word: head?.image ?? '',
      context,
      span: head ? this.tokenSpan(head) : this.nodeSpan(node),
    };
  }

  /** A duplicate for each second and later occurrence of the clauses that may appear once. */
  private duplicates(node: SyntaxNode, once: ReadonlyArray<readonly [Clause, string]>): readonly A.DuplicateClause[] {
    const out: A.DuplicateClause[] = [];
    // The first occurrence's span is made only once a second one is found: nearly every block
    // gives each clause once, and a span per clause would be garbage for every list item.
    for (const [key, clause] of once) {
      let firstNode: SyntaxNode | undefined;
      let firstToken: IToken | undefined;
      let first: Span | undefined;
      if (typeof key === 'string') {
        const nodes = node.nodes;
        if (nodes !== undefined) {
          for (const n of nodes) {
            if (n.rule !== key) continue;
            if (firstNode === undefined) firstNode = n;
            else out.push({ clause, span: this.nodeSpan(n), first: (first ??= this.nodeSpan(firstNode)) });
          }
        }
      } else {
        const tokens = node.tokens;
        if (tokens !== undefined) {
          for (const t of tokens) {
            if (!tokenMatcher(t, key)) continue;
            if (firstToken === undefined) firstToken = t;
            else out.push({ clause, span: this.tokenSpan(t), first: (first ??= this.tokenSpan(firstToken)) });
          }
        }
      }
    }
    return orNone(out);
  }

  /** The references of the node's `basis` clauses. */
  private references(node: SyntaxNode): readonly A.Reference[] {
    const nodes = node.nodes;
    if (nodes === undefined) return NONE;
    const out: A.Reference[] = [];
    // One push per reference (not a spread), which leaves the array no larger than it needs.
    for (const basis of nodes) if (basis.rule === 'basisClause') for (const r of this.take<A.Reference[]>(basis)!) out.push(r);
    return orNone(out);
  }

  private basisClause(node: SyntaxNode): A.Reference[] {
    return this.each<A.Reference>(node, 'reference');
  }

  // ---- one function per grammar rule that yields a node ----------------------------------------

  /** The AST of a `file` rule's node. */
  private file(node: SyntaxNode): A.PolicyFile {
    const declarations: A.Declaration[] = [];
    for (const rule of DECLARATION_RULES) for (const d of this.collect<A.Declaration>(node, rule)) declarations.push(d);
    if (declarations.length > 1) declarations.sort((a, b) => a.span.offset - b.span.offset);
    return { kind: 'File', path: this.source.path, declarations, unknown: this.unknowns(node, 'file') };
  }

  private reference(node: SyntaxNode): A.Reference | undefined {
    const parts = this.collect<A.Name>(node, 'name');
    if (parts.length === 0) return undefined;
    const first = parts[0]!.span;
    const last = parts[parts.length - 1]!.span;
    const span = spanAt(this.source, first.offset, last.offset + last.length - first.offset);
    if (parts.length === 1) return { path: [parts[0]!.text], text: parts[0]!.text, span };
    const path = parts.map((p) => p.text);
    return { path, text: path.join('.'), span };
  }

  private documentDecl(node: SyntaxNode): A.DocumentDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!id || !title) return undefined;
    const numberingNode = this.node(node, 'numberingClause');
    const sourceNode = this.node(node, 'sourceClause');
    const publishedNode = this.node(node, 'publishedClause');
    const trialNode = this.node(node, 'trialClause');
    const published = this.take<A.DocumentDecl['published']>(publishedNode);
    const trial = this.take<A.DocumentDecl['trial']>(trialNode);
    const decl: Writable<A.DocumentDecl> = { kind: 'Document', id, title } as Writable<A.DocumentDecl>;
    if (numberingNode) decl.numbering = this.take<NonNullable<A.DocumentDecl['numbering']>>(numberingNode);
    if (sourceNode) decl.source = this.take<A.Text>(sourceNode);
    decl.paraphrase = this.hasReal(node, T.Paraphrase);
    const paraphrase = this.tok(node, T.Paraphrase);
    if (paraphrase) decl.paraphraseAt = this.tokenSpan(paraphrase);
    if (published) decl.published = published;
    if (trial) decl.trial = trial;
    decl.chapters = this.each(node, 'chapterDecl');
    decl.unknown = this.unknowns(node, 'document');
    decl.duplicates = this.duplicates(node, ONCE_IN_DOCUMENT);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private numberingClause(node: SyntaxNode): NonNullable<A.DocumentDecl['numbering']> {
    const note = this.text(this.tok(node, T.StringLiteral));
    return note ? { inferred: true, note, span: this.nodeSpan(node) } : { inferred: true, span: this.nodeSpan(node) };
  }

  private publishedClause(node: SyntaxNode): A.DocumentDecl['published'] {
    const date = this.tok(node, T.DateLiteral);
    if (!date) return undefined;
    const note = this.text(this.tok(node, T.StringLiteral));
    const at = { raw: date.image, span: this.tokenSpan(date) };
    const confirmed = !this.hasReal(node, T.Unconfirmed);
    return note ? { date: at, confirmed, note, span: this.nodeSpan(node) } : { date: at, confirmed, span: this.nodeSpan(node) };
  }

  private trialClause(node: SyntaxNode): A.DocumentDecl['trial'] {
    const years = this.volumeOf(undefined, this.tok(node, T.NumberLiteral));
    return years ? { years, basis: this.references(node), span: this.nodeSpan(node) } : undefined;
  }

  private chapterDecl(node: SyntaxNode): A.ChapterDecl | undefined {
    const number = this.volumeOf(undefined, this.tok(node, T.NumberLiteral));
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!number || !title) return undefined;
    return {
      kind: 'Chapter',
      number,
      title,
      articles: this.each(node, 'articleDecl'),
      unknown: this.unknowns(node, 'chapter'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private articleDecl(node: SyntaxNode): A.ArticleDecl | undefined {
    const number = this.volumeOf(undefined, this.tok(node, T.NumberLiteral));
    if (!number) return undefined;
    return {
      kind: 'Article',
      number,
      paragraphs: this.texts(node),
      sics: this.each(node, 'sicClause'),
      unknown: this.unknowns(node, 'article'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private sicClause(node: SyntaxNode): A.Sic | undefined {
    const text = this.text(this.tok(node, T.StringLiteral, 0));
    const correction = this.text(this.tok(node, T.StringLiteral, 1));
    return text && correction ? { text, correction, span: this.nodeSpan(node) } : undefined;
  }

  private annexDecl(node: SyntaxNode): A.AnnexDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!id || !title) return undefined;
    return {
      kind: 'Annex',
      id,
      title,
      basis: this.references(node),
      general: this.each(node, 'generalDecl'),
      kinds: this.each(node, 'kindDecl'),
      standards: this.each(node, 'standardDecl'),
      categories: this.each(node, 'categoryDecl'),
      sics: this.each(node, 'sicClause'),
      unknown: this.unknowns(node, 'annex'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private generalDecl(node: SyntaxNode): A.GeneralDecl | undefined {
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!title) return undefined;
    return {
      kind: 'General',
      title,
      rules: this.each(node, 'ruleDecl'),
      unknown: this.unknowns(node, 'general'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private ruleDecl(node: SyntaxNode): A.RuleDecl | undefined {
    const number = this.volumeOf(undefined, this.tok(node, T.NumberLiteral));
    const text = this.text(this.tok(node, T.StringLiteral));
    if (!number || !text) return undefined;
    const when = this.node(node, 'whenClause');
    const decl = { kind: 'Rule', number, text } as Writable<A.RuleDecl>;
    if (when) decl.when = this.take<A.Condition>(when)!;
    decl.basis = this.references(node);
    decl.unknown = this.unknowns(node, 'rule');
    decl.duplicates = this.duplicates(node, ONCE_IN_RULE);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private whenClause(node: SyntaxNode): A.Condition | undefined {
    return this.take<A.Condition>(this.node(node, 'condition'));
  }

  private kindDecl(node: SyntaxNode): A.KindDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const name = this.text(this.tok(node, T.StringLiteral));
    return id && name ? { kind: 'Kind', id, name, span: this.nodeSpan(node) } : undefined;
  }

  private standardDecl(node: SyntaxNode): A.StandardDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const code = this.text(this.tok(node, T.StringLiteral, 0));
    const title = this.text(this.tok(node, T.StringLiteral, 1));
    return id && code && title ? { kind: 'Standard', id, code, title, span: this.nodeSpan(node) } : undefined;
  }

  private categoryDecl(node: SyntaxNode): A.CategoryDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const name = this.text(this.tok(node, T.StringLiteral));
    if (!id || !name) return undefined;
    return {
      kind: 'Category',
      id,
      name,
      subs: this.each(node, 'subDecl'),
      examples: this.each(node, 'exampleDecl'),
      unknown: this.unknowns(node, 'category'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private subDecl(node: SyntaxNode): A.SubDecl | undefined {
    const names = this.collect<A.Name>(node, 'name');
    const id = names[0];
    const name = this.text(this.tok(node, T.StringLiteral, 0));
    const description = this.text(this.tok(node, T.StringLiteral, 1));
    if (!id || !name) return undefined;
    const refers = names.slice(1);
    const span = this.nodeSpan(node);
    return description ? { kind: 'Sub', id, name, description, refers, span } : { kind: 'Sub', id, name, refers, span };
  }

  private exampleDecl(node: SyntaxNode): A.ExampleDecl | undefined {
    const from = this.take<A.Name>(this.node(node, 'name', 0));
    const to = this.take<A.Name>(this.node(node, 'name', 1));
    const text = this.text(this.tok(node, T.StringLiteral));
    return from && to && text ? { kind: 'Example', from, to, text, span: this.nodeSpan(node) } : undefined;
  }

  private baselineDecl(node: SyntaxNode): A.BaselineDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!id || !title) return undefined;
    const counting = this.node(node, 'countingClause');
    const ladder = this.node(node, 'ladderDecl');
    const below = this.node(node, 'belowClause');
    const validity = this.node(node, 'validityClause');
    const effective = this.node(node, 'inForceClause');
    const decl = { kind: 'Baseline', id, title } as Writable<A.BaselineDecl>;
    if (counting) decl.counting = this.take<A.Name>(counting);
    decl.exemptions = this.each(node, 'exemptionDecl');
    decl.triggers = this.each(node, 'triggerClause');
    if (ladder) decl.ladder = this.take<A.LadderDecl>(ladder);
    if (below) decl.below = this.take<A.BaselineDecl['below']>(below);
    if (validity) decl.validity = this.take<A.BaselineDecl['validity']>(validity);
    if (effective) decl.effective = this.take<A.BaselineDecl['effective']>(effective);
    decl.unknown = this.unknowns(node, 'baseline');
    decl.duplicates = this.duplicates(node, ONCE_IN_BASELINE);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private exemptionDecl(node: SyntaxNode): A.ExemptionDecl | undefined {
    const code = this.text(this.tok(node, T.StringLiteral, 0));
    const description = this.text(this.tok(node, T.StringLiteral, 1));
    if (!code || !description) return undefined;
    return {
      kind: 'Exemption',
      code,
      scope: this.tok(node, T.Data) ? 'data' : 'personal-info',
      description,
      basis: this.references(node),
      span: this.nodeSpan(node),
    };
  }

  private pathwayOf(node: SyntaxNode): A.Pathway | undefined {
    const t = this.tok(node, T.PathwayKeyword);
    return t ? { word: t.image as A.PathwayWord, span: this.tokenSpan(t) } : undefined;
  }

  private triggerClause(node: SyntaxNode): A.TriggerDecl | undefined {
    const pathway = this.pathwayOf(node);
    if (!pathway) return undefined;
    return {
      kind: 'Trigger',
      on: this.tok(node, T.Important) ? 'important' : 'ciio',
      pathway,
      basis: this.references(node),
      span: this.nodeSpan(node),
    };
  }

  private ladderDecl(node: SyntaxNode): A.LadderDecl {
    return {
      kind: 'Ladder',
      rungs: this.each(node, 'rungClause'),
      unknown: this.unknowns(node, 'ladder'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private rungClause(node: SyntaxNode): A.Rung | undefined {
    const pathway = this.pathwayOf(node);
    const condition = this.take<A.Condition>(this.node(node, 'condition'));
    if (!pathway || !condition) return undefined;
    return { pathway, condition, basis: this.references(node), span: this.nodeSpan(node) };
  }

  private belowClause(node: SyntaxNode): A.BaselineDecl['below'] {
    const pathway = this.pathwayOf(node);
    return pathway ? { pathway, basis: this.references(node), span: this.nodeSpan(node) } : undefined;
  }

  private validityClause(node: SyntaxNode): A.BaselineDecl['validity'] {
    const pathway = this.pathwayOf(node);
    const years = this.volumeOf(undefined, this.tok(node, T.NumberLiteral));
    return pathway && years ? { pathway, years, basis: this.references(node), span: this.nodeSpan(node) } : undefined;
  }

  private inForceClause(node: SyntaxNode): A.BaselineDecl['effective'] {
    const from = this.tok(node, T.DateLiteral);
    return from ? { from: { raw: from.image, span: this.tokenSpan(from) }, basis: this.references(node), span: this.nodeSpan(node) } : undefined;
  }

  private zoneDecl(node: SyntaxNode): A.ZoneDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const name = this.text(this.tok(node, T.StringLiteral, 0));
    const authority = this.text(this.tok(node, T.StringLiteral, 1));
    if (!id || !name) return undefined;
    const basis = this.references(node);
    const span = this.nodeSpan(node);
    return authority ? { kind: 'Zone', id, name, authority, basis, span } : { kind: 'Zone', id, name, basis, span };
  }

  private listDecl(node: SyntaxNode): A.ListDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!id || !title) return undefined;
    const sector = this.node(node, 'sectorClause');
    const zones = this.node(node, 'zonesClause');
    const status = this.node(node, 'statusClause');
    const effective = this.node(node, 'effectiveClause');
    const adopts = this.node(node, 'adoptsClause');
    const proposal = this.node(node, 'proposalClause');
    const issuer = this.node(node, 'issuerClause');
    const docnumber = this.node(node, 'docnumberClause');
    const publishedNode = this.node(node, 'publishedClause');
    const published = this.take<A.DocumentDecl['published']>(publishedNode);
    const sectorRef = sector ? this.node(sector, 'reference') : undefined;
    const decl = { kind: 'List', id, title } as Writable<A.ListDecl>;
    if (sectorRef) decl.sector = this.take<A.Reference>(sectorRef);
    decl.zones = zones ? this.take<A.Name[]>(zones)! : [];
    if (status) decl.status = this.take<A.Name>(status);
    if (effective) decl.effective = this.take<A.ListDecl['effective']>(effective);
    decl.basis = this.references(node);
    if (adopts) decl.adopts = this.take<A.ListDecl['adopts']>(adopts);
    if (proposal) decl.proposal = this.take<A.Text>(proposal);
    const issuerText = this.take<A.Text>(issuer);
    if (issuerText) decl.issuer = issuerText;
    const docnumberText = this.take<A.Text>(docnumber);
    if (docnumberText) decl.docnumber = docnumberText;
    if (published) decl.published = published;
    decl.notes = orNone(this.collect<A.Text>(node, 'noteClause'));
    decl.scenarios = this.each(node, 'scenarioDecl');
    decl.unknown = this.unknowns(node, 'list');
    decl.duplicates = this.duplicates(node, ONCE_IN_LIST);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private effectiveClause(node: SyntaxNode): A.ListDecl['effective'] {
    const from = this.tok(node, T.DateLiteral, 0);
    const until = this.tok(node, T.DateLiteral, 1);
    if (!from) return undefined;
    const start = { raw: from.image, span: this.tokenSpan(from) };
    return until
      ? { from: start, until: { raw: until.image, span: this.tokenSpan(until) }, span: this.nodeSpan(node) }
      : { from: start, span: this.nodeSpan(node) };
  }

  private adoptsClause(node: SyntaxNode): A.ListDecl['adopts'] {
    const title = this.text(this.tok(node, T.StringLiteral));
    return title ? { title, basis: this.references(node), span: this.nodeSpan(node) } : undefined;
  }

  private scenarioDecl(node: SyntaxNode): A.ScenarioDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!id || !title) return undefined;
    return {
      kind: 'Scenario',
      id,
      title,
      notes: orNone(this.collect<A.Text>(node, 'noteClause')),
      items: this.each(node, 'itemDecl'),
      unknown: this.unknowns(node, 'scenario'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private itemDecl(node: SyntaxNode): A.ItemDecl | undefined {
    const id = this.take<A.Name>(this.node(node, 'name'));
    const title = this.text(this.tok(node, T.StringLiteral));
    if (!id || !title) return undefined;
    const category = this.node(node, 'categoryRef');
    const categoryRef = category ? this.node(category, 'reference') : undefined;
    const important = this.tok(node, T.Important);
    const description = this.node(node, 'descriptionClause');
    // Read in the order of the AST's fields, so that escape problems are reported in that order.
    const categoryValue = categoryRef ? this.take<A.Reference>(categoryRef) : undefined;
    // Each `fields` clause's list is exact already; a second clause (reported) is joined on.
    let fields: A.Text[] | undefined;
    const nodes = node.nodes;
    if (nodes !== undefined) for (const f of nodes) if (f.rule === 'fieldsClause') fields = fields === undefined ? this.take<A.Text[]>(f)! : fields.concat(this.take<A.Text[]>(f)!);
    const descriptionValue = description ? this.take<A.Text>(description) : undefined;
    const importantSpan = important ? this.tokenSpan(important) : undefined;
    const rungs = this.each<A.Rung>(node, 'rungClause');
    const basis = this.references(node);
    const notes = orNone(this.collect<A.Text>(node, 'noteClause'));
    const unknown = this.unknowns(node, 'item');
    const duplicates = this.duplicates(node, ONCE_IN_ITEM);
    const span = this.nodeSpan(node);
    // Nearly every item has a category and a description and is not marked important: made in
    // one literal, it keeps its fields in the object itself, not in a second array grown field
    // by field.
    if (categoryValue !== undefined && descriptionValue !== undefined && importantSpan === undefined) {
      return { kind: 'Item', id, title, category: categoryValue, fields: fields ?? [], description: descriptionValue, rungs, basis, notes, unknown, duplicates, span };
    }
    const item = { kind: 'Item', id, title } as Writable<A.ItemDecl>;
    if (categoryRef) item.category = categoryValue;
    item.fields = fields ?? [];
    if (description) item.description = descriptionValue;
    if (importantSpan) item.important = importantSpan;
    item.rungs = rungs;
    item.basis = basis;
    item.notes = notes;
    item.unknown = unknown;
    item.duplicates = duplicates;
    item.span = span;
    return item;
  }

  // ---- conditions ------------------------------------------------------------------------------

  private condition(node: SyntaxNode): A.Condition | undefined {
    const terms = this.each<A.Condition>(node, 'conjunction');
    if (terms.length <= 1) return terms[0];
    return { kind: 'Or', terms, span: this.nodeSpan(node) };
  }

  private conjunction(node: SyntaxNode): A.Condition | undefined {
    const terms = this.each<A.Condition>(node, 'atom');
    if (terms.length <= 1) return terms[0];
    return { kind: 'And', terms, span: this.nodeSpan(node) };
  }

  private atom(node: SyntaxNode): A.Condition | undefined {
    const nested = this.node(node, 'condition');
    if (nested) return this.take<A.Condition>(nested);
    const comparison = this.node(node, 'comparison');
    if (comparison) return this.take<A.Condition>(comparison);
    const kinds = this.node(node, 'kindsAtom');
    if (kinds) return this.take<A.Condition>(kinds);
    if (this.tok(node, T.Ciio)) return { kind: 'Ciio', negated: !!this.tok(node, T.Not), span: this.nodeSpan(node) };
    return undefined;
  }

  private comparison(node: SyntaxNode): A.Condition | undefined {
    const m = this.tok(node, T.Measure);
    const volumes: Array<A.Volume | undefined> = [];
    const nodes = node.nodes;
    if (nodes !== undefined) for (const n of nodes) if (n.rule === 'volume') volumes.push(this.take<A.Volume>(n));
    if (!m || volumes.includes(undefined)) return undefined;
    const measure = m.image as A.Measure;
    const cmp = this.tok(node, T.Comparator);
    if (cmp && volumes[0]) return { kind: 'Compare', measure, op: cmp.image as A.Comparator, value: volumes[0], span: this.nodeSpan(node) };
    if (volumes.length === 2) return { kind: 'Range', measure, from: volumes[0]!, to: volumes[1]!, span: this.nodeSpan(node) };
    return undefined;
  }

  private volume(node: SyntaxNode): A.Volume | undefined {
    return this.volumeOf(this.tok(node, T.Minus), this.tok(node, T.NumberLiteral));
  }

  private kindsAtom(node: SyntaxNode): A.Condition {
    return { kind: 'KindsAny', kinds: this.each(node, 'name'), span: this.nodeSpan(node) };
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const UNITS: Record<string, number> = { 万: 4, 亿: 8 };

/**
 * The value of a volume literal: `10万` → 100000, `1.5万` → 15000, `100_000` → 100000.
 * Exact decimal arithmetic on the digits, so `0.00001万` is reported as not integral rather
 * than rounded.
 */
export function parseVolume(image: string): { value: number; integral: boolean } {
  const plain = wholeVolume(image);
  if (plain !== undefined) return { value: plain, integral: true };
  const unit = image.at(-1)!;
  const shift = UNITS[unit] ?? 0;
  const digits = (shift ? image.slice(0, -1) : image).replace(/_/g, '');
  const [whole, frac = ''] = digits.split('.');
  const moved = frac.padEnd(shift, '0');
  const intPart = (whole ?? '0') + moved.slice(0, shift);
  const rest = moved.slice(shift);
  const integral = !/[1-9]/.test(rest);
  // A fractional volume keeps its exact value, so later checks see what was written (QD3003 reports it).
  return { value: integral ? Number(intPart) : Number(`${intPart}.${rest}`), integral };
}

/**
 * The value of a volume written as digits alone, with or without a unit (`500`, `10万`), the
 * way nearly every volume is: the same number the general path gives, without its regular
 * expressions and splits. Undefined for any other spelling.
 */
function wholeVolume(image: string): number | undefined {
  const last = image.charCodeAt(image.length - 1);
  const zeros = last === 0x4e07 ? '0000' : last === 0x4ebf ? '00000000' : '';
  const end = zeros ? image.length - 1 : image.length;
  if (end === 0) return undefined;
  for (let k = 0; k < end; k++) {
    const c = image.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(zeros ? image.slice(0, end) + zeros : image);
}
