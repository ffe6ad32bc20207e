/**
 * Turns chevrotain's concrete syntax tree into the typed AST of `ast.ts`, resolving string
 * escapes and volume units on the way. It is total: a CST produced by error recovery (missing
 * tokens) still gives an AST, with the missing parts left out.
 *
 * It walks the CST by hand rather than through chevrotain's visitor: one function per rule,
 * each given its node, so a span is the node's own and no array is built only to be filtered
 * or mapped again. On a large policy this walk was most of the parse time, and its garbage
 * most of the collector's.
 */
import type { CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { diagnostic, hint, type Diagnostic } from './diagnostics.js';
import { spanAt, type Source, type Span } from './source.js';

type Children = Record<string, Array<CstNode | IToken> | undefined>;

/** A CST node with its edge tokens remembered once found (`null`: it has none from the source). */
interface EdgeMemo extends CstNode {
  firstToken?: IToken | null;
  lastToken?: IToken | null;
}

function isToken(x: CstNode | IToken | undefined): x is IToken {
  return x !== undefined && 'image' in x;
}

/** The clauses each block may give once, by CST key, with the name a duplicate is reported under. */
const ONCE_IN_DOCUMENT: ReadonlyArray<readonly [string, string]> = [
  ['numberingClause', 'numbering'],
  ['sourceClause', 'source'],
  ['Paraphrase', 'paraphrase'],
  ['publishedClause', 'published'],
  ['trialClause', 'trial'],
];
const ONCE_IN_RULE: ReadonlyArray<readonly [string, string]> = [['whenClause', 'when']];
const ONCE_IN_BASELINE: ReadonlyArray<readonly [string, string]> = [
  ['countingClause', 'counting'],
  ['ladderDecl', 'ladder'],
  ['belowClause', 'below'],
  ['validityClause', 'validity'],
];
const ONCE_IN_LIST: ReadonlyArray<readonly [string, string]> = [
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
const ONCE_IN_ITEM: ReadonlyArray<readonly [string, string]> = [
  ['categoryRef', 'category'],
  ['descriptionClause', 'description'],
  ['Important', 'important'],
];

const DECLARATION_RULES = ['documentDecl', 'annexDecl', 'baselineDecl', 'listDecl', 'zoneDecl'] as const;

/** Builds the AST of one file; reports escape errors into `diagnostics`. */
export class AstBuilder {
  constructor(
    private readonly source: Source,
    private readonly diagnostics: Diagnostic[],
  ) {}

  // ---- helpers -------------------------------------------------------------------------------

  private tokenSpan(t: IToken): Span {
    return spanAt(this.source, t.startOffset, t.image.length);
  }

  /**
   * The span from a node's first real token to the end of its last. The parser keeps no node
   * locations (see `nodeLocationTracking`); the few spans we need are found here.
   */
  private nodeSpan(node: CstNode): Span {
    const first = firstToken(node);
    const last = lastToken(node);
    if (!first || !last) return spanAt(this.source, 0, 0);
    return spanAt(this.source, first.startOffset, last.startOffset + last.image.length - first.startOffset);
  }

  /** The `i`-th token under `name`, unless recovery inserted it. */
  private tok(c: Children, name: string, i = 0): IToken | undefined {
    const t = c[name]?.[i];
    return isToken(t) && !t.isInsertedInRecovery ? t : undefined;
  }

  /** The `i`-th child node under `name` (a rule's name). */
  private node(c: Children, name: string, i = 0): CstNode | undefined {
    const n = c[name]?.[i];
    return n && !isToken(n) ? n : undefined;
  }

  /** The results `build` gives for each child node under `name`, leaving out the undefined ones. */
  private each<T>(c: Children, name: string, build: (node: CstNode) => T | undefined): T[] {
    const out: T[] = [];
    const list = c[name];
    if (list === undefined) return out;
    for (const n of list) {
      if (isToken(n)) continue;
      const value = build.call(this, n);
      if (value !== undefined && value !== null) out.push(value);
    }
    return out;
  }

  /** Whether any token under `name` was read from the source. */
  private hasReal(c: Children, name: string): boolean {
    const list = c[name];
    if (list === undefined) return false;
    for (const t of list) if (isToken(t) && !t.isInsertedInRecovery) return true;
    return false;
  }

  /** The texts of the string literals under `StringLiteral` read from the source, appended to `out`. */
  private texts(c: Children, out: A.Text[]): A.Text[] {
    const list = c.StringLiteral;
    if (list === undefined) return out;
    for (const t of list) if (isToken(t) && !t.isInsertedInRecovery) out.push(this.text(t)!);
    return out;
  }

  private text(t: IToken | undefined): A.Text | undefined {
    if (!t) return undefined;
    const span = this.tokenSpan(t);
    const body = t.image.slice(1, -1);
    const value = !body.includes('\\') ? body : body.replace(/\\(.)/g, (m, c: string, at: number) => {
      if (c === '"' || c === '\\') return c;
      if (c === 'n') return '\n';
      this.diagnostics.push(
        diagnostic('invalid-escape', spanAt(this.source, t.startOffset + 1 + at, 2), { escape: `'${m}'` }, { hint: hint('escapes') }),
      );
      return m;
    });
    return { value, span };
  }

  /** The text of the one string of a clause node such as `note "…"`. */
  private clauseText(node: CstNode): A.Text | undefined {
    return this.text(this.tok(node.children as Children, 'StringLiteral'));
  }

  private nameOf(node: CstNode | undefined): A.Name | undefined {
    if (!node) return undefined;
    const c = node.children as Children;
    const t = this.tok(c, 'Identifier') ?? this.tok(c, 'Keyword');
    return t ? { text: t.image, span: this.tokenSpan(t) } : undefined;
  }

  private volumeOf(minus: IToken | undefined, t: IToken | undefined): A.Volume | undefined {
    if (!t) return undefined;
    const span = minus ? spanAt(this.source, minus.startOffset, t.startOffset + t.image.length - minus.startOffset) : this.tokenSpan(t);
    const { value, integral } = parseVolume(t.image);
    return { raw: minus ? '-' + t.image : t.image, value: minus ? -value : value, negative: !!minus, integral, span };
  }

  private unknowns(c: Children, context: A.BlockContext): A.UnknownClause[] {
    const out: A.UnknownClause[] = [];
    const list = c.unknownClause;
    if (list !== undefined) for (const n of list) if (!isToken(n)) out.push(this.unknownOf(n, context));
    return out;
  }

  private unknownOf(node: CstNode, context: A.BlockContext): A.UnknownClause {
    const c = node.children as Children;
    const args = c.clauseArgument;
    // Its strings are read only to report their bad escapes.
    if (args !== undefined) for (const arg of args) if (!isToken(arg)) this.clauseText(arg);
    const head = this.tok(c, 'Identifier') ?? this.tok(c, 'Keyword');
    return {
      kind: 'UnknownClause',
      word: head?.image ?? '',
      context,
      span: head ? this.tokenSpan(head) : this.nodeSpan(node),
    };
  }

  /** A duplicate for each second and later occurrence of the clauses that may appear once. */
  private duplicates(c: Children, once: ReadonlyArray<readonly [string, string]>): A.DuplicateClause[] {
    const out: A.DuplicateClause[] = [];
    for (const [key, clause] of once) {
      const list = c[key];
      if (list === undefined || list.length < 2) continue;
      const spans = list.map((x) => (isToken(x) ? this.tokenSpan(x) : this.nodeSpan(x)));
      for (let k = 1; k < spans.length; k++) out.push({ clause, span: spans[k]!, first: spans[0]! });
    }
    return out;
  }

  private references(c: Children): A.Reference[] {
    const out: A.Reference[] = [];
    const list = c.basisClause;
    if (list === undefined) return out;
    for (const basis of list) if (!isToken(basis)) this.basisInto(basis, out);
    return out;
  }

  private basisInto(node: CstNode, out: A.Reference[]): void {
    const list = (node.children as Children).reference;
    if (list === undefined) return;
    for (const n of list) {
      if (isToken(n)) continue;
      const r = this.reference(n);
      if (r) out.push(r);
    }
  }

  // ---- one function per grammar rule that yields a node ----------------------------------------

  /** The AST of a `file` rule's CST. */
  file(node: CstNode): A.PolicyFile {
    const c = node.children as Children;
    const declarations: A.Declaration[] = [];
    for (const key of DECLARATION_RULES) {
      const list = c[key];
      if (list === undefined) continue;
      for (const n of list) {
        if (isToken(n)) continue;
        const d = this.declaration(key, n);
        if (d) declarations.push(d);
      }
    }
    if (declarations.length > 1) declarations.sort((a, b) => a.span.offset - b.span.offset);
    return { kind: 'File', path: this.source.path, declarations, unknown: this.unknowns(c, 'file') };
  }

  private declaration(rule: (typeof DECLARATION_RULES)[number], node: CstNode): A.Declaration | undefined {
    switch (rule) {
      case 'documentDecl':
        return this.documentDecl(node);
      case 'annexDecl':
        return this.annexDecl(node);
      case 'baselineDecl':
        return this.baselineDecl(node);
      case 'listDecl':
        return this.listDecl(node);
      case 'zoneDecl':
        return this.zoneDecl(node);
    }
  }

  private reference(node: CstNode): A.Reference | undefined {
    const parts = this.each(node.children as Children, 'name', this.nameOf);
    if (parts.length === 0) return undefined;
    const first = parts[0]!.span;
    const last = parts[parts.length - 1]!.span;
    const span = spanAt(this.source, first.offset, last.offset + last.length - first.offset);
    if (parts.length === 1) return { path: [parts[0]!.text], text: parts[0]!.text, span };
    const path = parts.map((p) => p.text);
    return { path, text: path.join('.'), span };
  }

  private documentDecl(node: CstNode): A.DocumentDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!id || !title) return undefined;
    const numberingNode = this.node(c, 'numberingClause');
    const sourceNode = this.node(c, 'sourceClause');
    const publishedNode = this.node(c, 'publishedClause');
    const trialNode = this.node(c, 'trialClause');
    const published = publishedNode ? this.publishedClause(publishedNode) : undefined;
    const trial = trialNode ? this.trialClause(trialNode) : undefined;
    const decl: Writable<A.DocumentDecl> = { kind: 'Document', id, title } as Writable<A.DocumentDecl>;
    if (numberingNode) decl.numbering = this.numberingClause(numberingNode);
    if (sourceNode) decl.source = this.clauseText(sourceNode);
    decl.paraphrase = this.hasReal(c, 'Paraphrase');
    const paraphrase = this.tok(c, 'Paraphrase');
    if (paraphrase) decl.paraphraseAt = this.tokenSpan(paraphrase);
    if (published) decl.published = published;
    if (trial) decl.trial = trial;
    decl.chapters = this.each(c, 'chapterDecl', this.chapterDecl);
    decl.unknown = this.unknowns(c, 'document');
    decl.duplicates = this.duplicates(c, ONCE_IN_DOCUMENT);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private numberingClause(node: CstNode): NonNullable<A.DocumentDecl['numbering']> {
    const note = this.text(this.tok(node.children as Children, 'StringLiteral'));
    return note ? { inferred: true, note, span: this.nodeSpan(node) } : { inferred: true, span: this.nodeSpan(node) };
  }

  private publishedClause(node: CstNode): A.DocumentDecl['published'] {
    const c = node.children as Children;
    const date = this.tok(c, 'DateLiteral');
    if (!date) return undefined;
    const note = this.text(this.tok(c, 'StringLiteral'));
    const at = { raw: date.image, span: this.tokenSpan(date) };
    const confirmed = !this.hasReal(c, 'Unconfirmed');
    return note ? { date: at, confirmed, note, span: this.nodeSpan(node) } : { date: at, confirmed, span: this.nodeSpan(node) };
  }

  private trialClause(node: CstNode): A.DocumentDecl['trial'] {
    const c = node.children as Children;
    const years = this.volumeOf(undefined, this.tok(c, 'NumberLiteral'));
    return years ? { years, basis: this.references(c), span: this.nodeSpan(node) } : undefined;
  }

  private chapterDecl(node: CstNode): A.ChapterDecl | undefined {
    const c = node.children as Children;
    const number = this.volumeOf(undefined, this.tok(c, 'NumberLiteral'));
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!number || !title) return undefined;
    return {
      kind: 'Chapter',
      number,
      title,
      articles: this.each(c, 'articleDecl', this.articleDecl),
      unknown: this.unknowns(c, 'chapter'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private articleDecl(node: CstNode): A.ArticleDecl | undefined {
    const c = node.children as Children;
    const number = this.volumeOf(undefined, this.tok(c, 'NumberLiteral'));
    if (!number) return undefined;
    return {
      kind: 'Article',
      number,
      paragraphs: this.texts(c, []),
      sics: this.each(c, 'sicClause', this.sicClause),
      unknown: this.unknowns(c, 'article'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private sicClause(node: CstNode): A.Sic | undefined {
    const c = node.children as Children;
    const text = this.text(this.tok(c, 'StringLiteral', 0));
    const correction = this.text(this.tok(c, 'StringLiteral', 1));
    return text && correction ? { text, correction, span: this.nodeSpan(node) } : undefined;
  }

  private annexDecl(node: CstNode): A.AnnexDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!id || !title) return undefined;
    return {
      kind: 'Annex',
      id,
      title,
      basis: this.references(c),
      general: this.each(c, 'generalDecl', this.generalDecl),
      kinds: this.each(c, 'kindDecl', this.kindDecl),
      standards: this.each(c, 'standardDecl', this.standardDecl),
      categories: this.each(c, 'categoryDecl', this.categoryDecl),
      sics: this.each(c, 'sicClause', this.sicClause),
      unknown: this.unknowns(c, 'annex'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private generalDecl(node: CstNode): A.GeneralDecl | undefined {
    const c = node.children as Children;
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!title) return undefined;
    return {
      kind: 'General',
      title,
      rules: this.each(c, 'ruleDecl', this.ruleDecl),
      unknown: this.unknowns(c, 'general'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private ruleDecl(node: CstNode): A.RuleDecl | undefined {
    const c = node.children as Children;
    const number = this.volumeOf(undefined, this.tok(c, 'NumberLiteral'));
    const text = this.text(this.tok(c, 'StringLiteral'));
    if (!number || !text) return undefined;
    const when = this.node(c, 'whenClause');
    const decl = { kind: 'Rule', number, text } as Writable<A.RuleDecl>;
    if (when) decl.when = this.whenClause(when)!;
    decl.basis = this.references(c);
    decl.unknown = this.unknowns(c, 'rule');
    decl.duplicates = this.duplicates(c, ONCE_IN_RULE);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private whenClause(node: CstNode): A.Condition | undefined {
    const condition = this.node(node.children as Children, 'condition');
    return condition ? this.condition(condition) : undefined;
  }

  private kindDecl(node: CstNode): A.KindDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const name = this.text(this.tok(c, 'StringLiteral'));
    return id && name ? { kind: 'Kind', id, name, span: this.nodeSpan(node) } : undefined;
  }

  private standardDecl(node: CstNode): A.StandardDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const code = this.text(this.tok(c, 'StringLiteral', 0));
    const title = this.text(this.tok(c, 'StringLiteral', 1));
    return id && code && title ? { kind: 'Standard', id, code, title, span: this.nodeSpan(node) } : undefined;
  }

  private categoryDecl(node: CstNode): A.CategoryDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const name = this.text(this.tok(c, 'StringLiteral'));
    if (!id || !name) return undefined;
    return {
      kind: 'Category',
      id,
      name,
      subs: this.each(c, 'subDecl', this.subDecl),
      examples: this.each(c, 'exampleDecl', this.exampleDecl),
      unknown: this.unknowns(c, 'category'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private subDecl(node: CstNode): A.SubDecl | undefined {
    const c = node.children as Children;
    const names = this.each(c, 'name', this.nameOf);
    const id = names[0];
    const name = this.text(this.tok(c, 'StringLiteral', 0));
    const description = this.text(this.tok(c, 'StringLiteral', 1));
    if (!id || !name) return undefined;
    const refers = names.slice(1);
    const span = this.nodeSpan(node);
    return description ? { kind: 'Sub', id, name, description, refers, span } : { kind: 'Sub', id, name, refers, span };
  }

  private exampleDecl(node: CstNode): A.ExampleDecl | undefined {
    const c = node.children as Children;
    const from = this.nameOf(this.node(c, 'name', 0));
    const to = this.nameOf(this.node(c, 'name', 1));
    const text = this.text(this.tok(c, 'StringLiteral'));
    return from && to && text ? { kind: 'Example', from, to, text, span: this.nodeSpan(node) } : undefined;
  }

  private baselineDecl(node: CstNode): A.BaselineDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!id || !title) return undefined;
    const counting = this.node(c, 'countingClause');
    const ladder = this.node(c, 'ladderDecl');
    const below = this.node(c, 'belowClause');
    const validity = this.node(c, 'validityClause');
    const decl = { kind: 'Baseline', id, title } as Writable<A.BaselineDecl>;
    if (counting) decl.counting = this.nameOf(this.node(counting.children as Children, 'name'));
    decl.exemptions = this.each(c, 'exemptionDecl', this.exemptionDecl);
    decl.triggers = this.each(c, 'triggerClause', this.triggerClause);
    if (ladder) decl.ladder = this.ladderDecl(ladder);
    if (below) decl.below = this.belowClause(below);
    if (validity) decl.validity = this.validityClause(validity);
    decl.unknown = this.unknowns(c, 'baseline');
    decl.duplicates = this.duplicates(c, ONCE_IN_BASELINE);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private exemptionDecl(node: CstNode): A.ExemptionDecl | undefined {
    const c = node.children as Children;
    const code = this.text(this.tok(c, 'StringLiteral', 0));
    const description = this.text(this.tok(c, 'StringLiteral', 1));
    if (!code || !description) return undefined;
    return {
      kind: 'Exemption',
      code,
      scope: this.tok(c, 'Data') ? 'data' : 'personal-info',
      description,
      basis: this.references(c),
      span: this.nodeSpan(node),
    };
  }

  private pathwayOf(c: Children): A.Pathway | undefined {
    const t = this.tok(c, 'PathwayKeyword');
    return t ? { word: t.image as A.PathwayWord, span: this.tokenSpan(t) } : undefined;
  }

  private triggerClause(node: CstNode): A.TriggerDecl | undefined {
    const c = node.children as Children;
    const pathway = this.pathwayOf(c);
    if (!pathway) return undefined;
    return {
      kind: 'Trigger',
      on: this.tok(c, 'Important') ? 'important' : 'ciio',
      pathway,
      basis: this.references(c),
      span: this.nodeSpan(node),
    };
  }

  private ladderDecl(node: CstNode): A.LadderDecl {
    const c = node.children as Children;
    return {
      kind: 'Ladder',
      rungs: this.each(c, 'rungClause', this.rungClause),
      unknown: this.unknowns(c, 'ladder'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private rungClause(node: CstNode): A.Rung | undefined {
    const c = node.children as Children;
    const pathway = this.pathwayOf(c);
    const cond = this.node(c, 'condition');
    const condition = cond ? this.condition(cond) : undefined;
    if (!pathway || !condition) return undefined;
    return { pathway, condition, basis: this.references(c), span: this.nodeSpan(node) };
  }

  private belowClause(node: CstNode): A.BaselineDecl['below'] {
    const c = node.children as Children;
    const pathway = this.pathwayOf(c);
    return pathway ? { pathway, basis: this.references(c), span: this.nodeSpan(node) } : undefined;
  }

  private validityClause(node: CstNode): A.BaselineDecl['validity'] {
    const c = node.children as Children;
    const pathway = this.pathwayOf(c);
    const years = this.volumeOf(undefined, this.tok(c, 'NumberLiteral'));
    return pathway && years ? { pathway, years, basis: this.references(c), span: this.nodeSpan(node) } : undefined;
  }

  private zoneDecl(node: CstNode): A.ZoneDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const name = this.text(this.tok(c, 'StringLiteral', 0));
    const authority = this.text(this.tok(c, 'StringLiteral', 1));
    if (!id || !name) return undefined;
    const basis = this.references(c);
    const span = this.nodeSpan(node);
    return authority ? { kind: 'Zone', id, name, authority, basis, span } : { kind: 'Zone', id, name, basis, span };
  }

  private listDecl(node: CstNode): A.ListDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!id || !title) return undefined;
    const sector = this.node(c, 'sectorClause');
    const zones = this.node(c, 'zonesClause');
    const status = this.node(c, 'statusClause');
    const effective = this.node(c, 'effectiveClause');
    const adopts = this.node(c, 'adoptsClause');
    const proposal = this.node(c, 'proposalClause');
    const issuer = this.node(c, 'issuerClause');
    const docnumber = this.node(c, 'docnumberClause');
    const publishedNode = this.node(c, 'publishedClause');
    const published = publishedNode ? this.publishedClause(publishedNode) : undefined;
    const sectorRef = sector ? this.node(sector.children as Children, 'reference') : undefined;
    const decl = { kind: 'List', id, title } as Writable<A.ListDecl>;
    if (sectorRef) decl.sector = this.reference(sectorRef);
    decl.zones = zones ? this.each(zones.children as Children, 'name', this.nameOf) : [];
    if (status) decl.status = this.nameOf(this.node(status.children as Children, 'name'));
    if (effective) decl.effective = this.effectiveClause(effective);
    decl.basis = this.references(c);
    if (adopts) decl.adopts = this.adoptsClause(adopts);
    if (proposal) decl.proposal = this.clauseText(proposal);
    const issuerText = issuer ? this.clauseText(issuer) : undefined;
    if (issuerText) decl.issuer = issuerText;
    const docnumberText = docnumber ? this.clauseText(docnumber) : undefined;
    if (docnumberText) decl.docnumber = docnumberText;
    if (published) decl.published = published;
    decl.notes = this.each(c, 'noteClause', this.clauseText);
    decl.scenarios = this.each(c, 'scenarioDecl', this.scenarioDecl);
    decl.unknown = this.unknowns(c, 'list');
    decl.duplicates = this.duplicates(c, ONCE_IN_LIST);
    decl.span = this.nodeSpan(node);
    return decl;
  }

  private effectiveClause(node: CstNode): A.ListDecl['effective'] {
    const c = node.children as Children;
    const from = this.tok(c, 'DateLiteral', 0);
    const until = this.tok(c, 'DateLiteral', 1);
    if (!from) return undefined;
    const start = { raw: from.image, span: this.tokenSpan(from) };
    return until
      ? { from: start, until: { raw: until.image, span: this.tokenSpan(until) }, span: this.nodeSpan(node) }
      : { from: start, span: this.nodeSpan(node) };
  }

  private adoptsClause(node: CstNode): A.ListDecl['adopts'] {
    const c = node.children as Children;
    const title = this.text(this.tok(c, 'StringLiteral'));
    return title ? { title, basis: this.references(c), span: this.nodeSpan(node) } : undefined;
  }

  private scenarioDecl(node: CstNode): A.ScenarioDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!id || !title) return undefined;
    return {
      kind: 'Scenario',
      id,
      title,
      notes: this.each(c, 'noteClause', this.clauseText),
      items: this.each(c, 'itemDecl', this.itemDecl),
      unknown: this.unknowns(c, 'scenario'),
      duplicates: [],
      span: this.nodeSpan(node),
    };
  }

  private itemDecl(node: CstNode): A.ItemDecl | undefined {
    const c = node.children as Children;
    const id = this.nameOf(this.node(c, 'name'));
    const title = this.text(this.tok(c, 'StringLiteral'));
    if (!id || !title) return undefined;
    const category = this.node(c, 'categoryRef');
    const categoryRef = category ? this.node(category.children as Children, 'reference') : undefined;
    const important = this.tok(c, 'Important');
    const description = this.node(c, 'descriptionClause');
    const item = { kind: 'Item', id, title } as Writable<A.ItemDecl>;
    if (categoryRef) item.category = this.reference(categoryRef);
    const fields: A.Text[] = [];
    const fieldClauses = c.fieldsClause;
    if (fieldClauses !== undefined) for (const f of fieldClauses) if (!isToken(f)) this.texts(f.children as Children, fields);
    item.fields = fields;
    if (description) item.description = this.clauseText(description);
    if (important) item.important = this.tokenSpan(important);
    item.rungs = this.each(c, 'rungClause', this.rungClause);
    item.basis = this.references(c);
    item.notes = this.each(c, 'noteClause', this.clauseText);
    item.unknown = this.unknowns(c, 'item');
    item.duplicates = this.duplicates(c, ONCE_IN_ITEM);
    item.span = this.nodeSpan(node);
    return item;
  }

  // ---- conditions ------------------------------------------------------------------------------

  private condition(node: CstNode): A.Condition | undefined {
    const terms = this.each(node.children as Children, 'conjunction', this.conjunction);
    if (terms.length <= 1) return terms[0];
    return { kind: 'Or', terms, span: this.nodeSpan(node) };
  }

  private conjunction(node: CstNode): A.Condition | undefined {
    const terms = this.each(node.children as Children, 'atom', this.atom);
    if (terms.length <= 1) return terms[0];
    return { kind: 'And', terms, span: this.nodeSpan(node) };
  }

  private atom(node: CstNode): A.Condition | undefined {
    const c = node.children as Children;
    const nested = this.node(c, 'condition');
    if (nested) return this.condition(nested);
    const comparison = this.node(c, 'comparison');
    if (comparison) return this.comparison(comparison);
    const kinds = this.node(c, 'kindsAtom');
    if (kinds) return this.kindsAtom(kinds);
    if (this.tok(c, 'Ciio')) return { kind: 'Ciio', negated: !!this.tok(c, 'Not'), span: this.nodeSpan(node) };
    return undefined;
  }

  private comparison(node: CstNode): A.Condition | undefined {
    const c = node.children as Children;
    const m = this.tok(c, 'Measure');
    const volumes: Array<A.Volume | undefined> = [];
    const list = c.volume;
    if (list !== undefined) for (const n of list) if (!isToken(n)) volumes.push(this.volume(n));
    if (!m || volumes.includes(undefined)) return undefined;
    const measure = m.image as A.Measure;
    const cmp = this.tok(c, 'Comparator');
    if (cmp && volumes[0]) return { kind: 'Compare', measure, op: cmp.image as A.Comparator, value: volumes[0], span: this.nodeSpan(node) };
    if (volumes.length === 2) return { kind: 'Range', measure, from: volumes[0]!, to: volumes[1]!, span: this.nodeSpan(node) };
    return undefined;
  }

  private volume(node: CstNode): A.Volume | undefined {
    const c = node.children as Children;
    return this.volumeOf(this.tok(c, 'Minus'), this.tok(c, 'NumberLiteral'));
  }

  private kindsAtom(node: CstNode): A.Condition {
    return { kind: 'KindsAny', kinds: this.each(node.children as Children, 'name', this.nameOf), span: this.nodeSpan(node) };
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Whether a token was read from the source (recovery inserts tokens without a place in it). */
function fromSource(t: IToken): boolean {
  return !t.isInsertedInRecovery && !Number.isNaN(t.startOffset);
}

/** The first token of a node that was read from the source, found once per node. */
function firstToken(node: CstNode): IToken | undefined {
  const memo = node as EdgeMemo;
  if (memo.firstToken === undefined) memo.firstToken = edgeToken(node, 'first') ?? null;
  return memo.firstToken ?? undefined;
}

/** The last token of a node that was read from the source, found once per node. */
function lastToken(node: CstNode): IToken | undefined {
  const memo = node as EdgeMemo;
  if (memo.lastToken === undefined) {
    // Every block rule consumes its `}` last: when it was read from the source, it is the last token.
    const close = (node.children as Children).RCurly;
    const t = close?.[close.length - 1];
    memo.lastToken = (t && isToken(t) && fromSource(t) ? t : edgeToken(node, 'last')) ?? null;
  }
  return memo.lastToken ?? undefined;
}

/** The first or last token of a node that was read from the source (not inserted in recovery). */
function edgeToken(node: CstNode, edge: 'first' | 'last'): IToken | undefined {
  if (edge === 'first') {
    // chevrotain adds a node's keys in the order it first meets them, so the first key's first
    // child was consumed first: when it is a token read from the source, no search is needed.
    for (const key in node.children) {
      const child = node.children[key]![0];
      if (child && isToken(child) && fromSource(child)) return child;
      break;
    }
  }
  let best: IToken | undefined;
  for (const key in node.children) {
    const children = node.children[key]!;
    // Children under one key are in source order; take the first real one from the wanted end.
    for (let k = 0; k < children.length; k++) {
      const child = children[edge === 'first' ? k : children.length - 1 - k]!;
      const token = isToken(child) ? (fromSource(child) ? child : undefined) : edge === 'first' ? firstToken(child) : lastToken(child);
      if (!token) continue;
      if (!best || (edge === 'first' ? token.startOffset < best.startOffset : token.startOffset > best.startOffset)) best = token;
      break;
    }
  }
  return best;
}

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
