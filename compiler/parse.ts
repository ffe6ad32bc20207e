/**
 * Source text → AST: lexing, and parsing with recovery while the AST is built, with every
 * lexical and syntax problem turned into a located diagnostic.
 */
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import type { Declaration, PolicyFile, UnknownClause } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { diagnostic, hint, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { MAX_DEPTH, MAX_ERRORS, MAX_NAME_LENGTH, MAX_STRING_LENGTH, MAX_TOKENS } from './limits.js';
import { numberSpellingProblem } from './number-literal.js';
import { repairScan } from './repair.js';
import { DeclarationCuts, scan, type ScanRange, type ScanResult } from './scanner.js';
import { expectedTokens, type TokenWord } from './syntax-messages.js';
import * as T from './lexer.js';
import { ErrorBudgetExceeded, qdParser } from './parser.js';
import { spanAt, type Source } from './source.js';

export interface ParseResult {
  readonly file: PolicyFile;
  readonly diagnostics: Diagnostic[];
}

/** The token found where a syntax error is: end of file, or its text (a long string cut short). */
function describeToken(t: IToken): TokenWord {
  if (t.tokenType === EOF) return 'eof';
  if (t.tokenType === T.StringLiteral) return (t.image.length > 24 ? `${t.image.slice(0, 20)}…"` : t.image) as TokenWord;
  return `'${t.image}'`;
}

const ERROR_IDS = {
  MismatchedTokenException: 'unexpected-token',
  NoViableAltException: 'no-viable-alternative',
  EarlyExitException: 'expected-at-least-one',
  NotAllInputParsedException: 'unexpected-trailing-input',
} as const;

function syntaxDiagnostic(source: Source, e: IRecognitionException): Diagnostic {
  const t = e.token;
  const atEof = t.tokenType === EOF || Number.isNaN(t.startOffset);
  const offset = atEof ? source.text.length : t.startOffset;
  const length = atEof ? 0 : t.image.length;
  const id = ERROR_IDS[e.name as keyof typeof ERROR_IDS] ?? 'unexpected-token';
  const expected = expectedTokens(e.message);
  const advice = atEof
    ? hint('matching-brace')
    : t.tokenType === T.StringLiteral && expected[0] === 'name'
      ? hint('names-unquoted')
      : t.tokenType === T.StringLiteral && expected.includes("'}'")
        ? hint('one-title')
        : undefined;
  const extra = advice ? { hint: advice } : {};
  const span = spanAt(source, offset, length);
  if (id === 'unexpected-trailing-input') return diagnostic(id, span, { found: describeToken(t) }, extra);
  return diagnostic(id, span, { expected, found: describeToken(t) }, extra);
}

/**
 * How deep brackets of any kind are nested, through a file's tokens given in order: deeper
 * nesting than any policy needs would only exhaust the recursive-descent stack.
 */
class Nesting {
  private depth = 0;

  /** The first of `tokens` that opens a bracket past MAX_DEPTH, if one does. */
  tooDeep(tokens: readonly IToken[]): IToken | undefined {
    for (const t of tokens) {
      if (t.tokenType === T.LCurly || t.tokenType === T.LParen || t.tokenType === T.LBracket) {
        if (++this.depth > MAX_DEPTH) return t;
      } else if (t.tokenType === T.RCurly || t.tokenType === T.RParen || t.tokenType === T.RBracket) this.depth = Math.max(0, this.depth - 1);
    }
    return undefined;
  }
}

/**
 * Control characters, and the marks that reorder text (U+202A–U+202E, U+2066–U+2069), where no
 * published text has them: written raw into the gazette and printed by `evaluate`, an ESC in an
 * item's title cleared and recoloured the reader's terminal. A tab is allowed.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** The same characters, tested once per string without allocating: most strings have none. */
const HAS_CONTROL = new RegExp(CONTROL.source);
/** A string literal with no text between its quotes. */
const BLANK = /^"\s*"$/;

/**
 * A string with no text (`""`, or spaces only), which every text of a policy needs: `check`
 * passed it and `build` then failed, unlocated, on the artifact's schema; and each control
 * character in a string.
 */
function stringContentProblems(source: Source, t: IToken): Diagnostic[] {
  const body = t.image.slice(1, -1);
  const out: Diagnostic[] = [];
  if (BLANK.test(t.image)) out.push(diagnostic('empty-string', spanAt(source, t.startOffset, t.image.length), {}, { hint: hint('write-text') }));
  for (const m of body.matchAll(CONTROL)) {
    const codepoint = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(diagnostic('control-character', spanAt(source, t.startOffset + 1 + m.index, 1), { codepoint }, { hint: hint('remove-control-character') }));
  }
  return out;
}

/** The lexical diagnostics of a scan besides bad characters: unclosed strings and comments, limits, number spelling. */
function lexicalDiagnostics(source: Source, scanned: ScanResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of scanned.tokens) {
    const type = t.tokenType;
    const length = t.image.length;
    if (type === T.UnterminatedString) out.push(diagnostic('unterminated-string', spanAt(source, t.startOffset, length), {}, { hint: hint('close-string') }));
    else if (type === T.UnterminatedComment) out.push(diagnostic('unterminated-comment', spanAt(source, t.startOffset, 2), {}, { hint: hint('close-comment') }));
    if (type === T.StringLiteral && (BLANK.test(t.image) || HAS_CONTROL.test(t.image))) out.push(...stringContentProblems(source, t));
    // The characters between the quotes (an unterminated string has only the opening one).
    const characters = length - (type === T.StringLiteral ? 2 : 1);
    if ((type === T.StringLiteral || type === T.UnterminatedString) && characters > MAX_STRING_LENGTH) {
      out.push(diagnostic('string-too-long', spanAt(source, t.startOffset, length), { length: characters, limit: MAX_STRING_LENGTH }, { hint: hint('split-string') }));
    } else if (type === T.Identifier && length > MAX_NAME_LENGTH) {
      out.push(diagnostic('name-too-long', spanAt(source, t.startOffset, length), { length, limit: MAX_NAME_LENGTH }, { hint: hint('short-name') }));
    } else if (type === T.NumberLiteral) {
      const spelling = numberSpellingProblem(t.image);
      if (!spelling) continue;
      const span = spanAt(source, t.startOffset, length);
      out.push(diagnostic('non-canonical-number', span, { number: t.image, problems: spelling.problems }, { hint: hint('write-instead', { replacement: spelling.canonical }), fix: { span, replacement: spelling.canonical } }));
    }
  }
  if (scanned.stoppedAt !== undefined) out.push(diagnostic('too-many-tokens', spanAt(source, scanned.stoppedAt, 0), { limit: MAX_TOKENS }, { hint: hint('split-files') }));
  return sortDiagnostics(out);
}

/** The first `MAX_ERRORS` of `list`, then one QD1016 where the first one left out was. */
function capped(source: Source, list: Diagnostic[]): Diagnostic[] {
  if (list.length <= MAX_ERRORS) return list;
  const next = list[MAX_ERRORS]!;
  return [...list.slice(0, MAX_ERRORS), diagnostic('too-many-errors', next.span ?? spanAt(source, 0, 0), { limit: MAX_ERRORS }, { hint: hint('fix-first-errors') })];
}

/** Lexes and parses one source into its AST, with all lexical and syntax diagnostics. */
export function parseSource(source: Source): ParseResult {
  const clean = parseClean(source);
  return 'file' in clean ? clean : parseWhole(source, clean);
}

/**
 * The declarations of a source parsed before its first lexical problem, without a diagnostic:
 * the whole-file parse would make the same of the same tokens, and takes them as they are.
 */
interface CleanStart {
  /** Where the declaration with the problem starts (0 when nothing before it can be taken). */
  readonly end: number;
  readonly declarations: readonly Declaration[];
  readonly unknown: readonly UnknownClause[];
}

/**
 * A source with no lexical problem, scanned and parsed one top-level declaration at a time; or,
 * at its first lexical problem or limit, what was parsed before it (`parseWhole` then lexes the
 * file whole, so a file with a problem gets the diagnostics and repairs of its whole text).
 * Nearly every file is clean, and its tokens are made once, each declaration's as it is parsed:
 * a whole file's tokens, alive until its last declaration was parsed, were most of what the
 * young-generation collections copied (and promoted) while a large policy parsed, and scanning
 * the file first to find its declarations cost a scan of its own.
 */
function parseClean(source: Source): ParseResult | CleanStart {
  const parsed = new Parsed(source, MAX_ERRORS);
  const nesting = new Nesting();
  let range: ScanRange | undefined = { start: 0, end: source.text.length, line: 1, lineStart: 0 };
  let count = 0;
  while (range !== undefined) {
    const scanned = scan(source.text, { maxTokens: MAX_TOKENS - count, maxErrors: 1 }, range, true);
    if (scanned.errors.length > 0 || scanned.stoppedAt !== undefined || nesting.tooDeep(scanned.tokens) || lexicalDiagnostics(source, scanned).length > 0) return parsed.start(range.start);
    // Past the error budget, the whole-file parse's budget (less its lexical diagnostics) decides.
    if (!parsed.add(scanned.tokens)) return parsed.start(0);
    count += scanned.tokens.length;
    range = scanned.rest;
  }
  return parsed.result();
}

/**
 * A source lexed whole: its lexical diagnostics, the repairs of its mistakes, its limits, and,
 * unless they stop it here, its declarations parsed one after another from its tokens (those
 * before `clean.end` taken from `clean`).
 */
export function parseWhole(source: Source, clean?: CleanStart): ParseResult {
  const { diagnostics, pieces } = lex(source);
  if (pieces === undefined) return { file: emptyFile(source), diagnostics };
  const parsed = new Parsed(source, MAX_ERRORS - diagnostics.length, diagnostics);
  // The clean declarations are this parse's first pieces when one of its pieces starts where they end.
  const next = clean && clean.end > 0 ? pieces.findIndex((piece) => piece[0]?.startOffset === clean.end) : -1;
  if (next > 0) parsed.take(clean!);
  for (const piece of next > 0 ? pieces.slice(next) : pieces) if (!parsed.add(piece)) break;
  return parsed.result();
}

function emptyFile(source: Source): PolicyFile {
  return { kind: 'File', path: source.path, declarations: [], unknown: [] };
}

/** A file's declarations as they are parsed, with the diagnostics so far. */
class Parsed {
  private readonly builder: AstBuilder;
  private readonly declarations: Declaration[] = [];
  private readonly unknown: UnknownClause[] = [];

  /** Sets the shared parser's error budget for this file (MAX_ERRORS less the diagnostics it has already). */
  constructor(
    private readonly source: Source,
    errorBudget: number,
    private readonly diagnostics: Diagnostic[] = [],
  ) {
    this.builder = new AstBuilder(source);
    qdParser.errorBudget = errorBudget;
  }

  /**
   * Parses the tokens of one or more declarations; false when the error budget ended the parse
   * (QD1016 is then reported where it stopped, and the file ends there).
   */
  add(tokens: IToken[]): boolean {
    let root;
    try {
      root = qdParser.parseFile(tokens, this.builder);
    } catch (e) {
      if (!(e instanceof ErrorBudgetExceeded)) throw e;
      for (const error of qdParser.errors) this.diagnostics.push(syntaxDiagnostic(this.source, error));
      const at = qdParser.nextToken();
      this.diagnostics.push(diagnostic('too-many-errors', spanAt(this.source, Number.isNaN(at.startOffset) ? this.source.text.length : at.startOffset, 0), { limit: MAX_ERRORS }, { hint: hint('fix-first-errors') }));
      qdParser.input = [];
      return false;
    }
    for (const e of qdParser.errors) this.diagnostics.push(syntaxDiagnostic(this.source, e));
    if (root.escapes !== undefined) this.diagnostics.push(...root.escapes);
    const part = root.value as PolicyFile;
    this.declarations.push(...part.declarations);
    this.unknown.push(...part.unknown);
    return true;
  }

  /** Takes declarations parsed before, without a diagnostic, as this file's first. */
  take(clean: CleanStart): void {
    this.declarations.push(...clean.declarations);
    this.unknown.push(...clean.unknown);
  }

  /** What was parsed so far, to be taken by a parse of the whole file up to `end` (only without a diagnostic). */
  start(end: number): CleanStart {
    return this.diagnostics.length === 0 ? { end, declarations: this.declarations, unknown: this.unknown } : { end: 0, declarations: [], unknown: [] };
  }

  result(): ParseResult {
    const file = { ...emptyFile(this.source), declarations: this.declarations, unknown: this.unknown };
    return { file, diagnostics: this.diagnostics };
  }
}

/**
 * A source's lexical diagnostics and, unless they stop it here, the tokens of each of its
 * declarations to parse (repaired, without the unterminated ones).
 */
function lex(source: Source): { diagnostics: Diagnostic[]; pieces?: IToken[][] } {
  // One more error than reported, to know that there were more.
  const scanned = scan(source.text, { maxTokens: MAX_TOKENS, maxErrors: MAX_ERRORS + 1 });
  const repaired = repairScan(source, scanned);
  const diagnostics = capped(source, sortDiagnostics([...repaired.diagnostics, ...lexicalDiagnostics(source, scanned)]));
  // Past a limit the file is not parsed: its tokens could exhaust the parser's time or memory.
  if (diagnostics.length > MAX_ERRORS || diagnostics.some((d) => LIMIT_CODES.has(d.id))) return { diagnostics };
  const unterminated = (t: IToken) => t.tokenType === T.UnterminatedString || t.tokenType === T.UnterminatedComment;
  const tokens = repaired.tokens.filter((t) => !unterminated(t));
  const tooDeep = new Nesting().tooDeep(tokens);
  if (tooDeep) {
    diagnostics.push(diagnostic('nesting-too-deep', spanAt(source, tooDeep.startOffset, 1), { limit: MAX_DEPTH }, { hint: hint('nesting') }));
    return { diagnostics };
  }
  const cuts = declarationStarts(tokens);
  return { diagnostics, pieces: cuts.map((start, k) => tokens.slice(start, cuts[k + 1] ?? tokens.length)) };
}

const LIMIT_CODES: ReadonlySet<string> = new Set(['name-too-long', 'string-too-long', 'too-many-tokens']);

/**
 * Where each top-level declaration's tokens start (DeclarationCuts, as `scan` cuts a clean
 * file), so that each declaration is parsed and built on its own. The grammar is the same (a
 * file is a sequence of declarations), but the parser's input, and the syntax nodes of the
 * rules still open, are then one declaration's: a file of thousands of items is never held as
 * one parse, whose nodes the garbage collector would copy and promote.
 */
function declarationStarts(tokens: readonly IToken[]): number[] {
  const starts = [0];
  const cuts = new DeclarationCuts();
  for (let i = 0; i < tokens.length; i++) if (cuts.startsDeclaration(tokens[i]!.tokenType)) starts.push(i);
  return starts;
}
