/**
 * A CST visitor that turns chevrotain's concrete syntax tree into the typed AST of `ast.ts`,
 * resolving string escapes and volume units on the way. It is total: a CST produced by error
 * recovery (missing tokens) still gives an AST, with the missing parts left out.
 */
import type { CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { diagnostic, hint, type Diagnostic } from './diagnostics.js';
import { qdParser } from './parser.js';
import { spanAt, type Source, type Span } from './source.js';

type Children = Record<string, Array<CstNode | IToken> | undefined>;
type Ctx = Children;

const BaseVisitor = qdParser.getBaseCstVisitorConstructor();

function isToken(x: CstNode | IToken | undefined): x is IToken {
  return x !== undefined && 'image' in x;
}

/** Builds the AST of one file; reports escape errors into `diagnostics`. */
export class AstBuilder extends BaseVisitor {
  constructor(
    private readonly source: Source,
    private readonly diagnostics: Diagnostic[],
  ) {
    super();
    this.validateVisitor();
  }

  /** The CST node being visited, for spans: chevrotain passes visitor methods only its children. */
  private current: CstNode | undefined;

  override visit(node: CstNode | CstNode[], param?: unknown): any {
    const target = Array.isArray(node) ? node[0] : node;
    const previous = this.current;
    this.current = target;
    try {
      return super.visit(node, param);
    } finally {
      this.current = previous;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private tokenSpan(t: IToken): Span {
    return spanAt(this.source, t.startOffset, t.image.length);
  }

  /**
   * The span from a node's first real token to the end of its last. The parser keeps no node
   * locations (see `nodeLocationTracking`); the few spans we need are found here.
   */
  private nodeSpan(node: CstNode): Span {
    const first = edgeToken(node, 'first');
    const last = edgeToken(node, 'last');
    if (!first || !last) return spanAt(this.source, 0, 0);
    return spanAt(this.source, first.startOffset, last.startOffset + last.image.length - first.startOffset);
  }

  private tok(ctx: Ctx, name: string, i = 0): IToken | undefined {
    const t = ctx[name]?.[i];
    return isToken(t) && !t.isInsertedInRecovery ? t : undefined;
  }

  private node(ctx: Ctx, name: string, i = 0): CstNode | undefined {
    const n = ctx[name]?.[i];
    return n && !isToken(n) ? n : undefined;
  }

  private nodes(ctx: Ctx, name: string): CstNode[] {
    return (ctx[name] ?? []).filter((n): n is CstNode => !isToken(n));
  }

  private tokens(ctx: Ctx, name: string): IToken[] {
    return (ctx[name] ?? []).filter((t): t is IToken => isToken(t) && !t.isInsertedInRecovery);
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

  private nameOf(node: CstNode | undefined): A.Name | undefined {
    if (!node) return undefined;
    return this.visit(node) as A.Name | undefined;
  }

  private volumeOf(minus: IToken | undefined, t: IToken | undefined): A.Volume | undefined {
    if (!t) return undefined;
    const span = minus ? spanAt(this.source, minus.startOffset, t.startOffset + t.image.length - minus.startOffset) : this.tokenSpan(t);
    const { value, integral } = parseVolume(t.image);
    return { raw: (minus ? '-' : '') + t.image, value: minus ? -value : value, negative: !!minus, integral, span };
  }

  private blockParts(ctx: Ctx, context: A.BlockContext): { unknown: A.UnknownClause[] } {
    return { unknown: this.nodes(ctx, 'unknownClause').map((n) => this.unknownOf(n, context)) };
  }

  private unknownOf(node: CstNode, context: A.BlockContext): A.UnknownClause {
    const c = node.children as Children;
    for (const arg of this.nodes(c, 'clauseArgument')) this.text(this.tok(arg.children as Ctx, 'StringLiteral')); // reports bad escapes
    const head = this.tok(c, 'Identifier') ?? this.tok(c, 'Keyword');
    return {
      kind: 'UnknownClause',
      word: head?.image ?? '',
      context,
      span: head ? this.tokenSpan(head) : this.nodeSpan(node),
    };
  }

  /** The first node of each named clause, and duplicates for the ones given twice. */
  private single(ctx: Ctx, names: Record<string, string>): A.DuplicateClause[] {
    const out: A.DuplicateClause[] = [];
    for (const [key, clause] of Object.entries(names)) {
      const list = ctx[key] ?? [];
      if (list.length < 2) continue;
      const spans = list.map((x) => (isToken(x) ? this.tokenSpan(x) : this.nodeSpan(x)));
      for (const span of spans.slice(1)) out.push({ clause, span, first: spans[0]! });
    }
    return out;
  }

  private references(ctx: Ctx): A.Reference[] {
    return this.nodes(ctx, 'basisClause').flatMap((n) => this.visit(n) as A.Reference[]);
  }

  // ---- visitor methods (one per grammar rule) -------------------------------------------------

  file(ctx: Ctx): A.PolicyFile {
    const declarations: A.Declaration[] = [];
    for (const key of ['documentDecl', 'annexDecl', 'baselineDecl', 'listDecl', 'zoneDecl']) {
      for (const n of this.nodes(ctx, key)) {
        const d = this.visit(n) as A.Declaration | undefined;
        if (d) declarations.push(d);
      }
    }
    declarations.sort((a, b) => a.span.offset - b.span.offset);
    return { kind: 'File', path: this.source.path, declarations, unknown: this.blockParts(ctx, 'file').unknown };
  }

  name(ctx: Ctx): A.Name | undefined {
    const t = this.tok(ctx, 'Identifier') ?? this.tok(ctx, 'Keyword');
    return t ? { text: t.image, span: this.tokenSpan(t) } : undefined;
  }

  reference(ctx: Ctx): A.Reference | undefined {
    const parts = this.nodes(ctx, 'name').map((n) => this.nameOf(n)).filter((n): n is A.Name => !!n);
    if (parts.length === 0) return undefined;
    const first = parts[0]!.span;
    const last = parts.at(-1)!.span;
    const span = spanAt(this.source, first.offset, last.offset + last.length - first.offset);
    const path = parts.map((p) => p.text);
    return { path, text: path.join('.'), span };
  }

  unknownClause(): undefined {
    return undefined; // collected by blockParts with their context
  }
  clauseArgument(): undefined {
    return undefined;
  }
  skippedBlock(): undefined {
    return undefined;
  }

  documentDecl(ctx: Ctx): A.DocumentDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!id || !title) return undefined;
    const numberingNode = this.node(ctx, 'numberingClause');
    const sourceNode = this.node(ctx, 'sourceClause');
    const publishedNode = this.node(ctx, 'publishedClause');
    const trialNode = this.node(ctx, 'trialClause');
    const published = publishedNode ? this.visit(publishedNode) : undefined;
    const trial = trialNode ? this.visit(trialNode) : undefined;
    return {
      kind: 'Document',
      id,
      title,
      ...(numberingNode ? { numbering: this.visit(numberingNode) } : {}),
      ...(sourceNode ? { source: this.text(this.tok(sourceNode.children as Ctx, 'StringLiteral')) } : {}),
      paraphrase: this.tokens(ctx, 'Paraphrase').length > 0,
      ...(this.tok(ctx, 'Paraphrase') ? { paraphraseAt: this.tokenSpan(this.tok(ctx, 'Paraphrase')!) } : {}),
      ...(published ? { published } : {}),
      ...(trial ? { trial } : {}),
      chapters: this.nodes(ctx, 'chapterDecl').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'document'),
      duplicates: this.single(ctx, { numberingClause: 'numbering', sourceClause: 'source', Paraphrase: 'paraphrase', publishedClause: 'published', trialClause: 'trial' }),
      span: this.spanOf(this.current, id.span),
    };
  }

  numberingClause(ctx: Ctx): NonNullable<A.DocumentDecl['numbering']> {
    const note = this.text(this.tok(ctx, 'StringLiteral'));
    return { inferred: true, ...(note ? { note } : {}), span: this.spanOf(this.current) };
  }

  publishedClause(ctx: Ctx): A.DocumentDecl['published'] {
    const date = this.tok(ctx, 'DateLiteral');
    if (!date) return undefined;
    const note = this.text(this.tok(ctx, 'StringLiteral'));
    return { date: { raw: date.image, span: this.tokenSpan(date) }, confirmed: this.tokens(ctx, 'Unconfirmed').length === 0, ...(note ? { note } : {}), span: this.spanOf(this.current) };
  }

  trialClause(ctx: Ctx): A.DocumentDecl['trial'] {
    const years = this.volumeOf(undefined, this.tok(ctx, 'NumberLiteral'));
    return years ? { years, basis: this.references(ctx), span: this.spanOf(this.current) } : undefined;
  }

  sourceClause(): undefined {
    return undefined;
  }

  chapterDecl(ctx: Ctx): A.ChapterDecl | undefined {
    const number = this.volumeOf(undefined, this.tok(ctx, 'NumberLiteral'));
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!number || !title) return undefined;
    return {
      kind: 'Chapter',
      number,
      title,
      articles: this.nodes(ctx, 'articleDecl').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'chapter'),
      duplicates: [],
      span: this.spanOf(this.current),
    };
  }

  articleDecl(ctx: Ctx): A.ArticleDecl | undefined {
    const number = this.volumeOf(undefined, this.tok(ctx, 'NumberLiteral'));
    if (!number) return undefined;
    return {
      kind: 'Article',
      number,
      paragraphs: this.tokens(ctx, 'StringLiteral').map((t) => this.text(t)!),
      sics: this.nodes(ctx, 'sicClause').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'article'),
      duplicates: [],
      span: this.spanOf(this.current),
    };
  }

  sicClause(ctx: Ctx): A.Sic | undefined {
    const text = this.text(this.tok(ctx, 'StringLiteral', 0));
    const correction = this.text(this.tok(ctx, 'StringLiteral', 1));
    return text && correction ? { text, correction, span: this.spanOf(this.current) } : undefined;
  }

  annexDecl(ctx: Ctx): A.AnnexDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!id || !title) return undefined;
    return {
      kind: 'Annex',
      id,
      title,
      basis: this.references(ctx),
      general: this.nodes(ctx, 'generalDecl').map((n) => this.visit(n)).filter(Boolean),
      kinds: this.nodes(ctx, 'kindDecl').map((n) => this.visit(n)).filter(Boolean),
      standards: this.nodes(ctx, 'standardDecl').map((n) => this.visit(n)).filter(Boolean),
      categories: this.nodes(ctx, 'categoryDecl').map((n) => this.visit(n)).filter(Boolean),
      sics: this.nodes(ctx, 'sicClause').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'annex'),
      duplicates: [],
      span: this.spanOf(this.current, id.span),
    };
  }

  basisClause(ctx: Ctx): A.Reference[] {
    return this.nodes(ctx, 'reference').map((n) => this.visit(n) as A.Reference | undefined).filter((r): r is A.Reference => !!r);
  }

  generalDecl(ctx: Ctx): A.GeneralDecl | undefined {
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!title) return undefined;
    return {
      kind: 'General',
      title,
      rules: this.nodes(ctx, 'ruleDecl').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'general'),
      duplicates: [],
      span: this.spanOf(this.current),
    };
  }

  ruleDecl(ctx: Ctx): A.RuleDecl | undefined {
    const number = this.volumeOf(undefined, this.tok(ctx, 'NumberLiteral'));
    const text = this.text(this.tok(ctx, 'StringLiteral'));
    if (!number || !text) return undefined;
    const when = this.node(ctx, 'whenClause');
    return {
      kind: 'Rule',
      number,
      text,
      ...(when ? { when: this.visit(when) as A.Condition } : {}),
      basis: this.references(ctx),
      ...this.blockParts(ctx, 'rule'),
      duplicates: this.single(ctx, { whenClause: 'when' }),
      span: this.spanOf(this.current),
    };
  }

  whenClause(ctx: Ctx): A.Condition | undefined {
    const c = this.node(ctx, 'condition');
    return c ? (this.visit(c) as A.Condition) : undefined;
  }

  kindDecl(ctx: Ctx): A.KindDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const name = this.text(this.tok(ctx, 'StringLiteral'));
    return id && name ? { kind: 'Kind', id, name, span: this.spanOf(this.current) } : undefined;
  }

  standardDecl(ctx: Ctx): A.StandardDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const code = this.text(this.tok(ctx, 'StringLiteral', 0));
    const title = this.text(this.tok(ctx, 'StringLiteral', 1));
    return id && code && title ? { kind: 'Standard', id, code, title, span: this.spanOf(this.current) } : undefined;
  }

  categoryDecl(ctx: Ctx): A.CategoryDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const name = this.text(this.tok(ctx, 'StringLiteral'));
    if (!id || !name) return undefined;
    return {
      kind: 'Category',
      id,
      name,
      subs: this.nodes(ctx, 'subDecl').map((n) => this.visit(n)).filter(Boolean),
      examples: this.nodes(ctx, 'exampleDecl').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'category'),
      duplicates: [],
      span: this.spanOf(this.current),
    };
  }

  subDecl(ctx: Ctx): A.SubDecl | undefined {
    const names = this.nodes(ctx, 'name').map((n) => this.nameOf(n)).filter((n): n is A.Name => !!n);
    const id = names[0];
    const name = this.text(this.tok(ctx, 'StringLiteral', 0));
    const description = this.text(this.tok(ctx, 'StringLiteral', 1));
    if (!id || !name) return undefined;
    return { kind: 'Sub', id, name, ...(description ? { description } : {}), refers: names.slice(1), span: this.spanOf(this.current) };
  }

  exampleDecl(ctx: Ctx): A.ExampleDecl | undefined {
    const [from, to] = this.nodes(ctx, 'name').map((n) => this.nameOf(n));
    const text = this.text(this.tok(ctx, 'StringLiteral'));
    return from && to && text ? { kind: 'Example', from, to, text, span: this.spanOf(this.current) } : undefined;
  }

  baselineDecl(ctx: Ctx): A.BaselineDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!id || !title) return undefined;
    const counting = this.node(ctx, 'countingClause');
    const ladder = this.node(ctx, 'ladderDecl');
    const below = this.node(ctx, 'belowClause');
    const validity = this.node(ctx, 'validityClause');
    return {
      kind: 'Baseline',
      id,
      title,
      ...(counting ? { counting: this.nameOf(this.node(counting.children as Ctx, 'name')) } : {}),
      exemptions: this.nodes(ctx, 'exemptionDecl').map((n) => this.visit(n)).filter(Boolean),
      triggers: this.nodes(ctx, 'triggerClause').map((n) => this.visit(n)).filter(Boolean),
      ...(ladder ? { ladder: this.visit(ladder) } : {}),
      ...(below ? { below: this.visit(below) } : {}),
      ...(validity ? { validity: this.visit(validity) } : {}),
      ...this.blockParts(ctx, 'baseline'),
      duplicates: this.single(ctx, { countingClause: 'counting', ladderDecl: 'ladder', belowClause: 'below', validityClause: 'validity' }),
      span: this.spanOf(this.current, id.span),
    };
  }

  countingClause(): undefined {
    return undefined;
  }

  exemptionDecl(ctx: Ctx): A.ExemptionDecl | undefined {
    const code = this.text(this.tok(ctx, 'StringLiteral', 0));
    const description = this.text(this.tok(ctx, 'StringLiteral', 1));
    if (!code || !description) return undefined;
    return {
      kind: 'Exemption',
      code,
      scope: this.tok(ctx, 'Data') ? 'data' : 'personal-info',
      description,
      basis: this.references(ctx),
      span: this.spanOf(this.current),
    };
  }

  private pathwayOf(ctx: Ctx): A.Pathway | undefined {
    const t = this.tok(ctx, 'PathwayKeyword');
    return t ? { word: t.image as A.PathwayWord, span: this.tokenSpan(t) } : undefined;
  }

  triggerClause(ctx: Ctx): A.TriggerDecl | undefined {
    const pathway = this.pathwayOf(ctx);
    if (!pathway) return undefined;
    return {
      kind: 'Trigger',
      on: this.tok(ctx, 'Important') ? 'important' : 'ciio',
      pathway,
      basis: this.references(ctx),
      span: this.spanOf(this.current),
    };
  }

  ladderDecl(ctx: Ctx): A.LadderDecl {
    return {
      kind: 'Ladder',
      rungs: this.nodes(ctx, 'rungClause').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'ladder'),
      duplicates: [],
      span: this.spanOf(this.current),
    };
  }

  rungClause(ctx: Ctx): A.Rung | undefined {
    const pathway = this.pathwayOf(ctx);
    const cond = this.node(ctx, 'condition');
    const condition = cond ? (this.visit(cond) as A.Condition | undefined) : undefined;
    if (!pathway || !condition) return undefined;
    return { pathway, condition, basis: this.references(ctx), span: this.spanOf(this.current) };
  }

  belowClause(ctx: Ctx): A.BaselineDecl['below'] {
    const pathway = this.pathwayOf(ctx);
    return pathway ? { pathway, basis: this.references(ctx), span: this.spanOf(this.current) } : undefined;
  }

  validityClause(ctx: Ctx): A.BaselineDecl['validity'] {
    const pathway = this.pathwayOf(ctx);
    const years = this.volumeOf(undefined, this.tok(ctx, 'NumberLiteral'));
    return pathway && years ? { pathway, years, basis: this.references(ctx), span: this.spanOf(this.current) } : undefined;
  }

  zoneDecl(ctx: Ctx): A.ZoneDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const name = this.text(this.tok(ctx, 'StringLiteral', 0));
    const authority = this.text(this.tok(ctx, 'StringLiteral', 1));
    if (!id || !name) return undefined;
    return { kind: 'Zone', id, name, ...(authority ? { authority } : {}), basis: this.references(ctx), span: this.spanOf(this.current, id.span) };
  }

  listDecl(ctx: Ctx): A.ListDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!id || !title) return undefined;
    const sector = this.node(ctx, 'sectorClause');
    const zones = this.node(ctx, 'zonesClause');
    const status = this.node(ctx, 'statusClause');
    const effective = this.node(ctx, 'effectiveClause');
    const adopts = this.node(ctx, 'adoptsClause');
    const proposal = this.node(ctx, 'proposalClause');
    const issuer = this.node(ctx, 'issuerClause');
    const docnumber = this.node(ctx, 'docnumberClause');
    const publishedNode = this.node(ctx, 'publishedClause');
    const published = publishedNode ? this.visit(publishedNode) : undefined;
    const sectorRef = sector ? this.node(sector.children as Ctx, 'reference') : undefined;
    return {
      kind: 'List',
      id,
      title,
      ...(sectorRef ? { sector: this.visit(sectorRef) } : {}),
      zones: zones ? this.nodes(zones.children as Ctx, 'name').map((n) => this.nameOf(n)!).filter(Boolean) : [],
      ...(status ? { status: this.nameOf(this.node(status.children as Ctx, 'name')) } : {}),
      ...(effective ? { effective: this.visit(effective) } : {}),
      basis: this.references(ctx),
      ...(adopts ? { adopts: this.visit(adopts) } : {}),
      ...(proposal ? { proposal: this.text(this.tok(proposal.children as Ctx, 'StringLiteral')) } : {}),
      ...this.optionalText('issuer', issuer),
      ...this.optionalText('docnumber', docnumber),
      ...(published ? { published } : {}),
      notes: this.noteTexts(ctx),
      scenarios: this.nodes(ctx, 'scenarioDecl').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'list'),
      duplicates: this.single(ctx, {
        sectorClause: 'sector',
        zonesClause: 'zones',
        statusClause: 'status',
        effectiveClause: 'effective',
        adoptsClause: 'adopts',
        proposalClause: 'proposal',
        issuerClause: 'issuer',
        docnumberClause: 'docnumber',
        publishedClause: 'published',
      }),
      span: this.spanOf(this.current, id.span),
    };
  }

  /** `{ [key]: text }` of a one-string clause, or nothing when the clause is absent or its string broken. */
  private optionalText<K extends string>(key: K, clause: CstNode | undefined): Partial<Record<K, A.Text>> {
    const text = clause ? this.text(this.tok(clause.children as Ctx, 'StringLiteral')) : undefined;
    return text ? ({ [key]: text } as Record<K, A.Text>) : {};
  }

  private noteTexts(ctx: Ctx): A.Text[] {
    return this.nodes(ctx, 'noteClause')
      .map((n) => this.text(this.tok(n.children as Ctx, 'StringLiteral')))
      .filter((t): t is A.Text => !!t);
  }

  sectorClause(): undefined {
    return undefined;
  }
  zonesClause(): undefined {
    return undefined;
  }
  statusClause(): undefined {
    return undefined;
  }
  proposalClause(): undefined {
    return undefined;
  }
  issuerClause(): undefined {
    return undefined;
  }
  docnumberClause(): undefined {
    return undefined;
  }
  noteClause(): undefined {
    return undefined;
  }

  effectiveClause(ctx: Ctx): A.ListDecl['effective'] {
    const from = this.tok(ctx, 'DateLiteral', 0);
    const until = this.tok(ctx, 'DateLiteral', 1);
    if (!from) return undefined;
    return {
      from: { raw: from.image, span: this.tokenSpan(from) },
      ...(until ? { until: { raw: until.image, span: this.tokenSpan(until) } } : {}),
      span: this.spanOf(this.current),
    };
  }

  adoptsClause(ctx: Ctx): A.ListDecl['adopts'] {
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    return title ? { title, basis: this.references(ctx), span: this.spanOf(this.current) } : undefined;
  }

  scenarioDecl(ctx: Ctx): A.ScenarioDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!id || !title) return undefined;
    return {
      kind: 'Scenario',
      id,
      title,
      notes: this.noteTexts(ctx),
      items: this.nodes(ctx, 'itemDecl').map((n) => this.visit(n)).filter(Boolean),
      ...this.blockParts(ctx, 'scenario'),
      duplicates: [],
      span: this.spanOf(this.current, id.span),
    };
  }

  itemDecl(ctx: Ctx): A.ItemDecl | undefined {
    const id = this.nameOf(this.node(ctx, 'name'));
    const title = this.text(this.tok(ctx, 'StringLiteral'));
    if (!id || !title) return undefined;
    const category = this.node(ctx, 'categoryRef');
    const categoryRef = category ? this.node(category.children as Ctx, 'reference') : undefined;
    const important = this.tok(ctx, 'Important');
    const description = this.node(ctx, 'descriptionClause');
    return {
      kind: 'Item',
      id,
      title,
      ...(categoryRef ? { category: this.visit(categoryRef) } : {}),
      fields: this.nodes(ctx, 'fieldsClause').flatMap((n) => this.tokens(n.children as Ctx, 'StringLiteral').map((t) => this.text(t)!)),
      ...(description ? { description: this.text(this.tok(description.children as Ctx, 'StringLiteral')) } : {}),
      ...(important ? { important: this.tokenSpan(important) } : {}),
      rungs: this.nodes(ctx, 'rungClause').map((n) => this.visit(n)).filter(Boolean),
      basis: this.references(ctx),
      notes: this.noteTexts(ctx),
      ...this.blockParts(ctx, 'item'),
      duplicates: this.single(ctx, { categoryRef: 'category', descriptionClause: 'description', Important: 'important' }),
      span: this.spanOf(this.current, id.span),
    };
  }

  categoryRef(): undefined {
    return undefined;
  }
  fieldsClause(): undefined {
    return undefined;
  }
  descriptionClause(): undefined {
    return undefined;
  }

  condition(ctx: Ctx): A.Condition | undefined {
    const terms = this.nodes(ctx, 'conjunction').map((n) => this.visit(n) as A.Condition | undefined).filter((c): c is A.Condition => !!c);
    if (terms.length <= 1) return terms[0];
    return { kind: 'Or', terms, span: this.spanOf(this.current) };
  }

  conjunction(ctx: Ctx): A.Condition | undefined {
    const terms = this.nodes(ctx, 'atom').map((n) => this.visit(n) as A.Condition | undefined).filter((c): c is A.Condition => !!c);
    if (terms.length <= 1) return terms[0];
    return { kind: 'And', terms, span: this.spanOf(this.current) };
  }

  atom(ctx: Ctx): A.Condition | undefined {
    const inner = this.node(ctx, 'condition') ?? this.node(ctx, 'comparison') ?? this.node(ctx, 'kindsAtom');
    if (inner) return this.visit(inner) as A.Condition | undefined;
    if (this.tok(ctx, 'Ciio')) return { kind: 'Ciio', negated: !!this.tok(ctx, 'Not'), span: this.spanOf(this.current) };
    return undefined;
  }

  comparison(ctx: Ctx): A.Condition | undefined {
    const m = this.tok(ctx, 'Measure');
    const volumes = this.nodes(ctx, 'volume').map((n) => this.visit(n) as A.Volume | undefined);
    if (!m || volumes.some((v) => !v)) return undefined;
    const measure = m.image as A.Measure;
    const span = this.spanOf(this.current);
    const cmp = this.tok(ctx, 'Comparator');
    if (cmp && volumes[0]) return { kind: 'Compare', measure, op: cmp.image as A.Comparator, value: volumes[0], span };
    if (volumes.length === 2) return { kind: 'Range', measure, from: volumes[0]!, to: volumes[1]!, span };
    return undefined;
  }

  volume(ctx: Ctx): A.Volume | undefined {
    return this.volumeOf(this.tok(ctx, 'Minus'), this.tok(ctx, 'NumberLiteral'));
  }

  kindsAtom(ctx: Ctx): A.Condition {
    return { kind: 'KindsAny', kinds: this.nodes(ctx, 'name').map((n) => this.nameOf(n)!).filter(Boolean), span: this.spanOf(this.current) };
  }

  private spanOf(node: CstNode | undefined, fallback?: Span): Span {
    if (node) return this.nodeSpan(node);
    return fallback ?? spanAt(this.source, 0, 0);
  }
}

/** The first or last token of a node that was read from the source (not inserted in recovery). */
function edgeToken(node: CstNode, edge: 'first' | 'last'): IToken | undefined {
  if (edge === 'first') {
    // chevrotain adds a node's keys in the order it first meets them, so the first key's first
    // child was consumed first: when it is a token read from the source, no search is needed.
    for (const key in node.children) {
      const child = node.children[key]![0];
      if (child && isToken(child) && !child.isInsertedInRecovery && !Number.isNaN(child.startOffset)) return child;
      break;
    }
  }
  let best: IToken | undefined;
  for (const key in node.children) {
    const children = node.children[key]!;
    // Children under one key are in source order; take the first real one from the wanted end.
    for (let k = 0; k < children.length; k++) {
      const child = children[edge === 'first' ? k : children.length - 1 - k]!;
      const token = isToken(child) ? (child.isInsertedInRecovery || Number.isNaN(child.startOffset) ? undefined : child) : edgeToken(child, edge);
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
