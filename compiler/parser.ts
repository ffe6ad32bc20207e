/**
 * The grammar of `.qd` files as a chevrotain parser with error recovery on, so one run
 * reports many syntax errors. It builds no chevrotain CST: each rule records what it read in a
 * small `SyntaxNode`, which the AST builder turns into AST as soon as the rule returns (on a
 * large policy the CST and the walk over it were most of the parse time and its garbage).
 * Clause heads are lenient: any word that starts a clause the grammar does not know in that
 * block is parsed as an `unknownClause` (its arguments are the tokens on the same line, plus an
 * optional `{ … }` block), and the checker reports it with a did-you-mean hint (QD2001/QD2008).
 * That keeps one typo from derailing the rest of the file.
 */
import { EmbeddedActionsParser, type DSLMethodOpts, type IOrAlt, type IRecognitionException, type IToken } from 'chevrotain';
import type { AstBuilder } from './build-ast.js';
import * as T from './lexer.js';
import { SyntaxNode } from './syntax-node.js';
import { syntaxMessages } from './syntax-messages.js';

const ARGUMENT_TOKENS = [
  T.StringLiteral,
  T.NumberLiteral,
  T.DateLiteral,
  T.Identifier,
  T.Keyword,
  T.Comparator,
  T.DotDot,
  T.Dot,
  T.Comma,
  T.Minus,
  T.LParen,
  T.RParen,
  T.LBracket,
  T.RBracket,
];

const CONTINUATION = new Set([T.Comma, T.And, T.Or]);

/** Thrown out of a parse that has used up its error budget (see `QdParser.errorBudget`). */
export class ErrorBudgetExceeded extends Error {}

/** chevrotain records every syntax error through this method of its parser (not in its typings). */
interface ErrorRecorder {
  SAVE_ERROR(error: IRecognitionException): IRecognitionException;
}

/**
 * chevrotain hands each consumed token to this method of its parser (not in its typings); an
 * embedded-actions parser makes it a no-op, and ours records the token in the open node.
 */
interface TokenRecorder {
  cstPostTerminal(key: string, token: IToken): void;
}

/** The entries of `stack` from `base` on, removed from it (undefined when there are none). */
function popFrom<T>(stack: T[], base: number): T[] | undefined {
  // Most rules read one or two tokens or nodes: a literal of them is cheaper than `slice`.
  switch (stack.length - base) {
    case 0:
      return undefined;
    case 1:
      return [stack.pop()!];
    case 2: {
      const second = stack.pop()!;
      return [stack.pop()!, second];
    }
  }
  const mine = stack.slice(base);
  // Popped one by one: a rule reads one to three, and setting `length` is a slower, generic path.
  for (let i = mine.length; i > 0; i--) stack.pop();
  return mine;
}

export class QdParser extends EmbeddedActionsParser {
  /**
   * Each OR's alternatives, built once: a fresh array of closures per rule invocation is what
   * chevrotain's performance guide warns against (garbage, and tsx's name-keeping wrappers).
   */
  private readonly alternatives: Record<string, IOrAlt<unknown>[]> = {};
  /** Likewise each gated MANY's and OPTION's options (tsx names each closure in a literal, at a cost). */
  private readonly gated: Record<string, DSLMethodOpts<unknown>> = {};

  /**
   * How many more syntax errors this parse may record before it stops with
   * ErrorBudgetExceeded: recovery on a file of noise records one per token, each an exception
   * object, which costs seconds and gigabytes on a large file. Set before each parse.
   */
  errorBudget = Infinity;

  /** The nodes of the rules being parsed, innermost last. */
  private readonly open: SyntaxNode[] = [];
  /**
   * The tokens and the finished child nodes read so far by the rules still open, in one stack
   * each for the whole parse; `tokenBase` and `nodeBase` hold where each open rule's own start
   * (parallel to `open`). A rule's share is copied out, at its exact size, when it closes: an
   * array per node grown by `push` took room for sixteen entries to hold one to three, and was
   * most of the parse's garbage.
   */
  private readonly tokenStack: IToken[] = [];
  private readonly nodeStack: SyntaxNode[] = [];
  private readonly tokenBase: number[] = [];
  private readonly nodeBase: number[] = [];
  /** The node of the last `file` parsed. */
  private root: SyntaxNode | undefined;
  /** Builds each node's AST as its rule returns; set for the length of a parse. */
  private builder: AstBuilder | undefined;

  /**
   * `validate` runs chevrotain's checks of the grammar (ambiguities, left recursion), which cost
   * every CLI start about 100 ms and cannot fail unless the grammar changed: test/grammar.test.ts
   * runs them; the shared instance skips them.
   */
  constructor(options: { validate?: boolean } = {}) {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 1, nodeLocationTracking: 'none', errorMessageProvider: syntaxMessages, skipValidations: !options.validate });
    this.performSelfAnalysis();
    const recorder = this as unknown as ErrorRecorder;
    const save = recorder.SAVE_ERROR.bind(this);
    recorder.SAVE_ERROR = (error) => {
      if (--this.errorBudget < 0) throw new ErrorBudgetExceeded();
      return save(error);
    };
    (this as unknown as TokenRecorder).cstPostTerminal = (_key, token) => {
      const node = this.open[this.open.length - 1]!;
      this.tokenStack.push(token);
      if (!token.isInsertedInRecovery && !Number.isNaN(token.startOffset)) {
        node.first ??= token;
        node.last = token;
      }
    };
  }

  /**
   * Each rule as chevrotain runs it: the grammar in `body`, wrapped so that the rule's syntax
   * node is opened on entry and closed (built, and handed to its parent) however the rule ends.
   * A rule a syntax error cuts short is closed here too, before the error leaves it: whether
   * the rule re-syncs or a caller does, the caller gets exactly the part that was read, as
   * chevrotain's CST kept it. (chevrotain runs `body` once more while it records the grammar; no
   * node is made then.)
   */
  private rule(name: string, body: () => void): () => void {
    return this.RULE(name, () => {
      if (this.RECORDING_PHASE) return body();
      const node = new SyntaxNode(name);
      this.open.push(node);
      this.tokenBase.push(this.tokenStack.length);
      this.nodeBase.push(this.nodeStack.length);
      try {
        body();
      } catch (e) {
        this.close(node);
        throw e;
      }
      this.close(node);
    });
  }

  /** Builds a finished node's AST and hands the node to the rule that called its rule. */
  private close(node: SyntaxNode): void {
    this.open.pop();
    node.tokens = popFrom(this.tokenStack, this.tokenBase.pop()!);
    node.nodes = popFrom(this.nodeStack, this.nodeBase.pop()!);
    this.builder!.finish(node);
    // Its children's values are built and read; what they read themselves is no longer needed.
    if (node.nodes !== undefined) for (const child of node.nodes) child.release();
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) {
      this.root = node;
      return;
    }
    this.nodeStack.push(node);
    if (node.first !== undefined) {
      parent.first ??= node.first;
      parent.last = node.last;
    }
  }

  /**
   * Parses `tokens` as a file with `builder` building the AST; the file's node, whose value is
   * the `File` AST. Syntax errors are in `errors`; ErrorBudgetExceeded ends the parse early.
   */
  parseFile(tokens: IToken[], builder: AstBuilder): SyntaxNode {
    this.input = tokens;
    this.builder = builder;
    this.root = undefined;
    // A parse the error budget ended left its open rules' shares behind.
    this.open.length = this.tokenBase.length = this.nodeBase.length = this.tokenStack.length = this.nodeStack.length = 0;
    try {
      this.file();
    } finally {
      this.builder = undefined;
    }
    return this.root!;
  }

  /** The token the parse is at (where it stopped, after ErrorBudgetExceeded). */
  nextToken(): IToken {
    return this.LA(1);
  }

  private file = this.rule('file', () => {
    this.MANY(() =>
      this.OR(this.alternatives.file ??= [
        { ALT: () => this.SUBRULE(this.documentDecl) },
        { ALT: () => this.SUBRULE(this.annexDecl) },
        { ALT: () => this.SUBRULE(this.baselineDecl) },
        { ALT: () => this.SUBRULE(this.listDecl) },
        { ALT: () => this.SUBRULE(this.zoneDecl) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
  });

  /** A declaration's own id: an identifier, or a reserved word used as a name. */
  private name = this.rule('name', () => {
    this.OR(this.alternatives.name ??= [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Keyword) }]);
  });

  private reference = this.rule('reference', () => {
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE2(this.name);
    });
  });

  private unknownClause = this.rule('unknownClause', () => {
    this.OR(this.alternatives.unknownClause ??= [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Keyword) }]);
    this.MANY(this.gated.unknownClause ??= {
      // The clause runs to the end of its line, and on past a line that ends (or a line that
      // starts) with a comma, `and` or `or`, as a misspelt `fields` or `assessment` clause would.
      GATE: () => {
        const next = this.LA(1);
        const previous = this.LA(0);
        return next.startLine === previous.startLine || CONTINUATION.has(previous.tokenType) || CONTINUATION.has(next.tokenType);
      },
      DEF: () => this.SUBRULE(this.clauseArgument),
    });
    this.OPTION(() => this.SUBRULE(this.skippedBlock));
  });

  private clauseArgument = this.rule('clauseArgument', () => {
    this.OR(this.alternatives.clauseArgument ??= ARGUMENT_TOKENS.map((tok) => ({ ALT: () => this.CONSUME(tok) })));
  });

  private skippedBlock = this.rule('skippedBlock', () => {
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.skippedBlock ??= [
        { ALT: () => this.SUBRULE(this.skippedBlock) },
        { ALT: () => this.SUBRULE(this.clauseArgument) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  // ---- documents ---------------------------------------------------------------------------

  private documentDecl = this.rule('documentDecl', () => {
    this.CONSUME(T.Document);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.documentDecl ??= [
        { ALT: () => this.SUBRULE(this.numberingClause) },
        { ALT: () => this.SUBRULE(this.sourceClause) },
        { ALT: () => this.CONSUME(T.Paraphrase) },
        { ALT: () => this.SUBRULE(this.publishedClause) },
        { ALT: () => this.SUBRULE(this.trialClause) },
        { ALT: () => this.SUBRULE(this.chapterDecl) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private numberingClause = this.rule('numberingClause', () => {
    this.CONSUME(T.Numbering);
    this.CONSUME(T.Inferred);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
  });

  /** `published 2026-07-01 unconfirmed "…"`: the date a document took effect on publication. */
  private publishedClause = this.rule('publishedClause', () => {
    this.CONSUME(T.Published);
    this.CONSUME(T.DateLiteral);
    this.OPTION(() => this.CONSUME(T.Unconfirmed));
    this.OPTION2(() => this.CONSUME(T.StringLiteral));
  });

  /** `trial 2 years basis measures.art31`: a trial period counted from publication. */
  private trialClause = this.rule('trialClause', () => {
    this.CONSUME(T.Trial);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Years);
    this.OPTION(() => this.SUBRULE(this.basisClause));
  });

  private sourceClause = this.rule('sourceClause', () => {
    this.CONSUME(T.SourceKw);
    this.CONSUME(T.StringLiteral);
  });

  private chapterDecl = this.rule('chapterDecl', () => {
    this.CONSUME(T.Chapter);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.chapterDecl ??= [
        { ALT: () => this.SUBRULE(this.articleDecl) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private articleDecl = this.rule('articleDecl', () => {
    this.CONSUME(T.Article);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.articleDecl ??= [
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.SUBRULE(this.sicClause) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private sicClause = this.rule('sicClause', () => {
    this.CONSUME(T.Sic);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.For);
    this.CONSUME2(T.StringLiteral);
  });

  // ---- the annex ---------------------------------------------------------------------------

  private annexDecl = this.rule('annexDecl', () => {
    this.CONSUME(T.Annex);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.annexDecl ??= [
        { ALT: () => this.SUBRULE(this.basisClause) },
        { ALT: () => this.SUBRULE(this.generalDecl) },
        { ALT: () => this.SUBRULE(this.kindDecl) },
        { ALT: () => this.SUBRULE(this.standardDecl) },
        { ALT: () => this.SUBRULE(this.categoryDecl) },
        { ALT: () => this.SUBRULE(this.sicClause) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private basisClause = this.rule('basisClause', () => {
    this.CONSUME(T.Basis);
    this.SUBRULE(this.reference);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.reference);
    });
  });

  private generalDecl = this.rule('generalDecl', () => {
    this.CONSUME(T.General);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.generalDecl ??= [
        { ALT: () => this.SUBRULE(this.ruleDecl) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private ruleDecl = this.rule('ruleDecl', () => {
    this.CONSUME(T.Rule);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() =>
        this.OR(this.alternatives.ruleDecl ??= [
          { ALT: () => this.SUBRULE(this.whenClause) },
          { ALT: () => this.SUBRULE(this.basisClause) },
          { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
        ]),
      );
      this.CONSUME(T.RCurly);
    });
  });

  private whenClause = this.rule('whenClause', () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.condition);
  });

  private kindDecl = this.rule('kindDecl', () => {
    this.CONSUME(T.Kind);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
  });

  private standardDecl = this.rule('standardDecl', () => {
    this.CONSUME(T.Standard);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME2(T.StringLiteral);
  });

  private categoryDecl = this.rule('categoryDecl', () => {
    this.CONSUME(T.Category);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.categoryDecl ??= [
        { ALT: () => this.SUBRULE(this.subDecl) },
        { ALT: () => this.SUBRULE(this.exampleDecl) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private subDecl = this.rule('subDecl', () => {
    this.CONSUME(T.Sub);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.CONSUME2(T.StringLiteral));
    this.OPTION2(() => {
      this.CONSUME(T.Refers);
      this.SUBRULE2(this.name);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE3(this.name);
      });
    });
  });

  private exampleDecl = this.rule('exampleDecl', () => {
    this.CONSUME(T.Example);
    this.SUBRULE(this.name);
    this.CONSUME(T.DotDot);
    this.SUBRULE2(this.name);
    this.CONSUME(T.StringLiteral);
  });

  // ---- the national baseline ---------------------------------------------------------------

  private baselineDecl = this.rule('baselineDecl', () => {
    this.CONSUME(T.Baseline);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.baselineDecl ??= [
        { ALT: () => this.SUBRULE(this.countingClause) },
        { ALT: () => this.SUBRULE(this.exemptionDecl) },
        { ALT: () => this.SUBRULE(this.triggerClause) },
        { ALT: () => this.SUBRULE(this.ladderDecl) },
        { ALT: () => this.SUBRULE(this.belowClause) },
        { ALT: () => this.SUBRULE(this.validityClause) },
        { ALT: () => this.SUBRULE(this.inForceClause) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private countingClause = this.rule('countingClause', () => {
    this.CONSUME(T.Counting);
    this.SUBRULE(this.name);
  });

  private exemptionDecl = this.rule('exemptionDecl', () => {
    this.CONSUME(T.Exemption);
    this.CONSUME(T.StringLiteral);
    this.OR(this.alternatives.exemptionDecl ??= [{ ALT: () => this.CONSUME(T.Data) }, { ALT: () => this.CONSUME(T.PersonalInfo) }]);
    this.CONSUME2(T.StringLiteral);
    this.OPTION(() => this.SUBRULE(this.basisClause));
  });

  private triggerClause = this.rule('triggerClause', () => {
    this.OR(this.alternatives.triggerClause ??= [{ ALT: () => this.CONSUME(T.Important) }, { ALT: () => this.CONSUME(T.Ciio) }]);
    this.CONSUME(T.PathwayKeyword);
    this.OPTION(() => this.SUBRULE(this.basisClause));
  });

  private ladderDecl = this.rule('ladderDecl', () => {
    this.CONSUME(T.Ladder);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.ladderDecl ??= [
        { ALT: () => this.SUBRULE(this.rungClause) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  /**
   * A rung's own `basis` must end its line; a `basis` on the next line belongs to the
   * enclosing item, which is how a drafter reads it.
   */
  private rungClause = this.rule('rungClause', () => {
    this.CONSUME(T.PathwayKeyword);
    this.CONSUME(T.When);
    this.SUBRULE(this.condition);
    this.OPTION(this.gated.rungClause ??= {
      GATE: () => this.LA(1).startLine === this.LA(0).startLine,
      DEF: () => this.SUBRULE(this.basisClause),
    });
  });

  private belowClause = this.rule('belowClause', () => {
    this.CONSUME(T.Below);
    this.CONSUME(T.PathwayKeyword);
    this.OPTION(() => this.SUBRULE(this.basisClause));
  });

  private validityClause = this.rule('validityClause', () => {
    this.CONSUME(T.Validity);
    this.CONSUME(T.PathwayKeyword);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Years);
    this.OPTION(() => this.SUBRULE(this.basisClause));
  });

  /** The day the national rules take effect: before it the policy does not model the law. */
  private inForceClause = this.rule('inForceClause', () => {
    this.CONSUME(T.Effective);
    this.CONSUME(T.DateLiteral);
    this.OPTION(() => this.SUBRULE(this.basisClause));
  });

  // ---- zones --------------------------------------------------------------------------------

  private zoneDecl = this.rule('zoneDecl', () => {
    this.CONSUME(T.Zone);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Authority);
      this.CONSUME2(T.StringLiteral);
    });
    this.OPTION2(() => this.SUBRULE(this.basisClause));
  });

  // ---- negative lists ----------------------------------------------------------------------

  private listDecl = this.rule('listDecl', () => {
    this.CONSUME(T.List);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.listDecl ??= [
        { ALT: () => this.SUBRULE(this.sectorClause) },
        { ALT: () => this.SUBRULE(this.zonesClause) },
        { ALT: () => this.SUBRULE(this.statusClause) },
        { ALT: () => this.SUBRULE(this.effectiveClause) },
        { ALT: () => this.SUBRULE(this.basisClause) },
        { ALT: () => this.SUBRULE(this.adoptsClause) },
        { ALT: () => this.SUBRULE(this.proposalClause) },
        { ALT: () => this.SUBRULE(this.issuerClause) },
        { ALT: () => this.SUBRULE(this.docnumberClause) },
        { ALT: () => this.SUBRULE2(this.publishedClause) },
        { ALT: () => this.SUBRULE(this.noteClause) },
        { ALT: () => this.SUBRULE(this.scenarioDecl) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private sectorClause = this.rule('sectorClause', () => {
    this.CONSUME(T.Sector);
    this.SUBRULE(this.reference);
  });

  private zonesClause = this.rule('zonesClause', () => {
    this.CONSUME(T.Zones);
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.name);
    });
  });

  private statusClause = this.rule('statusClause', () => {
    this.CONSUME(T.Status);
    this.SUBRULE(this.name);
  });

  private effectiveClause = this.rule('effectiveClause', () => {
    this.CONSUME(T.Effective);
    this.CONSUME(T.DateLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Until);
      this.CONSUME2(T.DateLiteral);
    });
  });

  private adoptsClause = this.rule('adoptsClause', () => {
    this.CONSUME(T.Adopts);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.SUBRULE(this.basisClause));
  });

  private proposalClause = this.rule('proposalClause', () => {
    this.CONSUME(T.Proposal);
    this.CONSUME(T.StringLiteral);
  });

  /** `issuer "广东省……"`: the authority that issues the list (发布机关), for its gazette. */
  private issuerClause = this.rule('issuerClause', () => {
    this.CONSUME(T.Issuer);
    this.CONSUME(T.StringLiteral);
  });

  /** `docnumber "粤网信〔2026〕1号"`: the list's document number (文号), for its gazette. */
  private docnumberClause = this.rule('docnumberClause', () => {
    this.CONSUME(T.Docnumber);
    this.CONSUME(T.StringLiteral);
  });

  private noteClause = this.rule('noteClause', () => {
    this.CONSUME(T.Note);
    this.CONSUME(T.StringLiteral);
  });

  private scenarioDecl = this.rule('scenarioDecl', () => {
    this.CONSUME(T.Scenario);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.scenarioDecl ??= [
        { ALT: () => this.SUBRULE(this.itemDecl) },
        { ALT: () => this.SUBRULE(this.noteClause) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private itemDecl = this.rule('itemDecl', () => {
    this.CONSUME(T.Item);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR(this.alternatives.itemDecl ??= [
        { ALT: () => this.SUBRULE(this.categoryRef) },
        { ALT: () => this.SUBRULE(this.fieldsClause) },
        { ALT: () => this.SUBRULE(this.descriptionClause) },
        { ALT: () => this.CONSUME(T.Important) },
        { ALT: () => this.SUBRULE(this.rungClause) },
        { ALT: () => this.SUBRULE(this.basisClause) },
        { ALT: () => this.SUBRULE(this.noteClause) },
        { ALT: () => this.SUBRULE(this.unknownClause), IGNORE_AMBIGUITIES: true },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private categoryRef = this.rule('categoryRef', () => {
    this.CONSUME(T.Category);
    this.SUBRULE(this.reference);
  });

  private fieldsClause = this.rule('fieldsClause', () => {
    this.CONSUME(T.Fields);
    this.CONSUME(T.StringLiteral);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.StringLiteral);
    });
  });

  private descriptionClause = this.rule('descriptionClause', () => {
    this.CONSUME(T.Description);
    this.CONSUME(T.StringLiteral);
  });

  // ---- conditions --------------------------------------------------------------------------

  private condition = this.rule('condition', () => {
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  private conjunction = this.rule('conjunction', () => {
    this.SUBRULE(this.atom);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.atom);
    });
  });

  private atom = this.rule('atom', () => {
    this.OR(this.alternatives.atom ??= [
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.condition);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
      { ALT: () => this.SUBRULE(this.kindsAtom) },
      { ALT: () => this.CONSUME(T.Ciio) },
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.CONSUME2(T.Ciio);
        },
      },
    ]);
  });

  private comparison = this.rule('comparison', () => {
    this.CONSUME(T.Measure);
    this.OR(this.alternatives.comparison ??= [
      {
        ALT: () => {
          this.CONSUME(T.Comparator);
          this.SUBRULE(this.volume);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.In);
          this.SUBRULE2(this.volume);
          this.CONSUME(T.DotDot);
          this.SUBRULE3(this.volume);
        },
      },
    ]);
  });

  private volume = this.rule('volume', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.CONSUME(T.NumberLiteral);
  });

  private kindsAtom = this.rule('kindsAtom', () => {
    this.CONSUME(T.Kinds);
    this.CONSUME(T.Any);
    this.CONSUME(T.LBracket);
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.name);
    });
    this.CONSUME(T.RBracket);
  });
}

/** The single parser instance; chevrotain parsers are reused by resetting `input`. */
export const qdParser = new QdParser();

export type { IToken };
