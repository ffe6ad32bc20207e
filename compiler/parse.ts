/**
 * Source text → AST: lexing, and parsing with recovery while the AST is built, with every
 * lexical and syntax problem turned into a located diagnostic.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { Declaration, PolicyFile, UnknownClause } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { diagnostic, hint, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { MAX_DEPTH, MAX_ERRORS, MAX_NAME_LENGTH, MAX_STRING_LENGTH, MAX_TOKENS } from './limits.js';
import { numberSpellingProblem } from './number-literal.js';
import { repairScan } from './repair.js';
import { scan, type ScanRange, type ScanResult } from './scanner.js';
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

function firstTooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === T.LCurly || t.tokenType === T.LParen || t.tokenType === T.LBracket) {
      if (++depth > MAX_DEPTH) return t;
    } else if (t.tokenType === T.RCurly || t.tokenType === T.RParen || t.tokenType === T.RBracket) depth = Math.max(0, depth - 1);
  }
  return undefined;
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
  const empty: PolicyFile = { kind: 'File', path: source.path, declarations: [], unknown: [] };
  const { diagnostics, pieces } = lex(source);
  if (pieces === undefined) return { file: empty, diagnostics };
  const builder = new AstBuilder(source);
  const declarations: Declaration[] = [];
  const unknown: UnknownClause[] = [];
  qdParser.errorBudget = MAX_ERRORS - diagnostics.length;
  for (const piece of pieces) {
    let root;
    try {
      root = qdParser.parseFile(Array.isArray(piece) ? piece : scan(source.text, RESCAN_LIMITS, piece).tokens, builder);
    } catch (e) {
      if (!(e instanceof ErrorBudgetExceeded)) throw e;
      for (const error of qdParser.errors) diagnostics.push(syntaxDiagnostic(source, error));
      const at = qdParser.nextToken();
      diagnostics.push(diagnostic('too-many-errors', spanAt(source, Number.isNaN(at.startOffset) ? source.text.length : at.startOffset, 0), { limit: MAX_ERRORS }, { hint: hint('fix-first-errors') }));
      qdParser.input = [];
      return { file: { ...empty, declarations, unknown }, diagnostics };
    }
    for (const e of qdParser.errors) diagnostics.push(syntaxDiagnostic(source, e));
    if (root.escapes !== undefined) diagnostics.push(...root.escapes);
    const part = root.value as PolicyFile;
    declarations.push(...part.declarations);
    unknown.push(...part.unknown);
  }
  return { file: { kind: 'File', path: source.path, declarations, unknown }, diagnostics };
}

/** A declaration's part of a clean file is scanned again as it was the first time: no limit is reached. */
const RESCAN_LIMITS = { maxTokens: MAX_TOKENS, maxErrors: 0 };

/**
 * A source's lexical diagnostics and, unless they stop it here, its declarations to parse: each
 * one's tokens, or, in a file with no error run to repair, the range of text to scan them from
 * again when it is parsed. The objects of a whole file's tokens, alive until its last
 * declaration was parsed, were most of what the young-generation collections copied (and
 * promoted) while a large policy parsed; scanned again, a declaration's tokens die young. A
 * function of its own, so that nothing keeps the file's tokens once it returns.
 */
function lex(source: Source): { diagnostics: Diagnostic[]; pieces?: ReadonlyArray<IToken[] | ScanRange> } {
  // One more error than reported, to know that there were more.
  const scanned = scan(source.text, { maxTokens: MAX_TOKENS, maxErrors: MAX_ERRORS + 1 });
  const repaired = repairScan(source, scanned);
  const diagnostics = capped(source, sortDiagnostics([...repaired.diagnostics, ...lexicalDiagnostics(source, scanned)]));
  // Past a limit the file is not parsed: its tokens could exhaust the parser's time or memory.
  if (diagnostics.length > MAX_ERRORS || diagnostics.some((d) => LIMIT_CODES.has(d.id))) return { diagnostics };
  // Copied without the unterminated tokens only when there are some: a clean file's token list is large.
  const unterminated = (t: IToken) => t.tokenType === T.UnterminatedString || t.tokenType === T.UnterminatedComment;
  const tokens = repaired.tokens.some(unterminated) ? repaired.tokens.filter((t) => !unterminated(t)) : repaired.tokens;
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep) {
    // Deeper nesting than any policy needs would only exhaust the recursive-descent stack.
    diagnostics.push(diagnostic('nesting-too-deep', spanAt(source, tooDeep.startOffset, 1), { limit: MAX_DEPTH }, { hint: hint('nesting') }));
    return { diagnostics };
  }
  const cuts = declarationStarts(tokens);
  if (scanned.errors.length > 0 || tokens !== scanned.tokens || cuts.length === 1) return { diagnostics, pieces: cuts.map((start, k) => tokens.slice(start, cuts[k + 1] ?? tokens.length)) };
  return { diagnostics, pieces: cuts.map((start, k) => rangeOf(tokens, start, cuts[k + 1], source.text.length)) };
}

/** The text from the token at `start` to the one at `next` (or to `length`), to be scanned again. */
function rangeOf(tokens: readonly IToken[], start: number, next: number | undefined, length: number): ScanRange {
  const first = tokens[start]!;
  return { start: first.startOffset, end: next === undefined ? length : tokens[next]!.startOffset, line: first.startLine!, lineStart: first.startOffset - first.startColumn! + 1 };
}

const LIMIT_CODES: ReadonlySet<string> = new Set(['name-too-long', 'string-too-long', 'too-many-tokens']);

const DECLARATION_KEYWORDS: ReadonlySet<TokenType> = new Set([T.Document, T.Annex, T.Baseline, T.List, T.Zone]);

/**
 * Where each top-level declaration's tokens start: where a declaration keyword follows the `}`
 * that closed the previous declaration (a keyword may also be an id: `annex annex "…"`), so
 * that each declaration is parsed and built on its own. The grammar is the same (a file is a
 * sequence of declarations), but the parser's input, and the syntax nodes of the rules still
 * open, are then one declaration's: a file of thousands of items is never held as one parse,
 * whose nodes the garbage collector would copy and promote. A missing `}` keeps the depth
 * above 0, so the rest of the file stays one piece and recovery sees what it saw before.
 */
function declarationStarts(tokens: readonly IToken[]): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === T.LCurly) depth++;
    else if (type === T.RCurly) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i > starts[starts.length - 1]! && DECLARATION_KEYWORDS.has(type) && tokens[i - 1]!.tokenType === T.RCurly) starts.push(i);
  }
  return starts;
}
