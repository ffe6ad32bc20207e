/**
 * The scanner: source text → the tokens of `lexer.ts`, by hand, in one pass.
 *
 * chevrotain's regex lexer overflowed the stack on a string literal of a few megabytes (a
 * regex group repeated per character keeps a backtracking frame per repetition), and took
 * seconds per megabyte on text it could not match, trying every pattern at every character.
 * This scanner decides each token by its first character and loops without recursion or
 * backtracking, so its time is linear and its stack constant on any input. It reproduces the
 * token patterns documented in `lexer.ts` exactly, including where an error run ends.
 */
import type { IToken, TokenType } from 'chevrotain';
import * as T from './lexer.js';

/** Characters that could not start any token, as one run (offset and length in UTF-16 units). */
export interface ScanError {
  readonly offset: number;
  readonly length: number;
}

export interface ScanResult {
  readonly tokens: IToken[];
  /** The first `maxErrors` error runs. */
  readonly errors: ScanError[];
  /** Where scanning stopped because `maxTokens` were read; undefined when the text was read whole. */
  readonly stoppedAt: number | undefined;
  /** Scanning one declaration: the rest of the range, from where the next declaration starts; undefined when there is none. */
  readonly rest?: ScanRange;
}

/**
 * Where to scan from and to, and the line the start is on. A part of a text that starts and
 * ends where a scan of the whole text found a token starting, with no error run in it, gives
 * that scan's tokens for the part: every token is decided by its first character.
 */
export interface ScanRange {
  readonly start: number;
  readonly end: number;
  /** The 1-based line of `start`. */
  readonly line: number;
  /** The offset at which that line starts. */
  readonly lineStart: number;
}

export interface ScanLimits {
  /** Stop after this many tokens (their memory is what a huge file would exhaust). */
  readonly maxTokens: number;
  /** Keep at most this many error runs (a file of noise has millions). */
  readonly maxErrors: number;
}

/** A word longer than every keyword is a name without a lookup. */
const LONGEST_KEYWORD = Math.max(...T.KEYWORDS.map((k) => k.length));

/**
 * Each keyword's token type and one string for its image: the AST keeps many of them (every
 * `persons`, every pathway), and a fresh copy per token cost its memory for the whole build.
 * They are found by the word's length and first letter and compared in place, so a keyword
 * (most words of a policy) is never cut out of the text only to be looked up.
 */
const KEYWORD_TOKENS: ReadonlyArray<ReadonlyArray<{ readonly type: TokenType; readonly image: string }> | undefined> = (() => {
  const buckets: Array<Array<{ type: TokenType; image: string }> | undefined> = [];
  for (const word of T.KEYWORDS) (buckets[keywordBucket(word.length, word.charCodeAt(0))] ??= []).push({ type: T.KEYWORD_TYPES.get(word)!, image: word });
  return buckets;
})();

/** Where the keywords of a length and first letter are (a letter's code is below 128). */
function keywordBucket(length: number, first: number): number {
  return length * 128 + first;
}

/** The keyword `text` holds from `start` to `end`, if the word there is one. */
function keywordAt(text: string, start: number, end: number): { readonly type: TokenType; readonly image: string } | undefined {
  const length = end - start;
  if (length > LONGEST_KEYWORD) return undefined;
  const bucket = KEYWORD_TOKENS[keywordBucket(length, text.charCodeAt(start))];
  if (bucket === undefined) return undefined;
  // The first letter matched already; compared code by code (`startsWith` was a slow generic call).
  for (const keyword of bucket) {
    const image = keyword.image;
    let k = 1;
    while (k < length && image.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k === length) return keyword;
  }
  return undefined;
}

/** The images of the two-character and comparison tokens, one string each (`>=` is in every threshold). */
const IMAGES = { ge: '>=', gt: '>', le: '<=', lt: '<', dotDot: '..', dot: '.' } as const;

const enum C {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  A = 65,
  Z = 90,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Underscore = 95,
  a = 97,
  z = 122,
  LCurly = 123,
  RCurly = 125,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Bom = 0xfeff,
  Wan = 0x4e07, // 万
  Yi = 0x4ebf, // 亿
  LineSeparator = 0x2028,
  ParagraphSeparator = 0x2029,
}

const SINGLE: Partial<Record<number, TokenType>> = {
  [C.Comma]: T.Comma,
  [C.Minus]: T.Minus,
  [C.LCurly]: T.LCurly,
  [C.RCurly]: T.RCurly,
  [C.LParen]: T.LParen,
  [C.RParen]: T.RParen,
  [C.LBracket]: T.LBracket,
  [C.RBracket]: T.RBracket,
};

const isDigit = (c: number) => c >= C.Zero && c <= C.Nine;
const isLetter = (c: number) => (c >= C.a && c <= C.z) || (c >= C.A && c <= C.Z);
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === C.Underscore;
const isSpace = (c: number) => c === C.Space || c === C.Tab || c === C.Lf || c === C.Cr || c === C.Bom;
/** What `.` does not match in a regex: an escape never swallows a line end. */
const isLineTerminator = (c: number) => c === C.Lf || c === C.Cr || c === C.LineSeparator || c === C.ParagraphSeparator;

/**
 * Where top-level declarations start, told token by token: where a declaration keyword
 * (lexer.ts, DECLARATION_KEYWORDS) follows the `}` that closed the declaration before it,
 * outside any braces. A missing `}` keeps the depth above 0, so the rest of the file stays one
 * declaration. The one rule by which `scan` stops and a whole file's tokens are cut.
 */
export class DeclarationCuts {
  /** Braces open, never below 0. */
  private depth = 0;
  private previous: TokenType | undefined;

  /** Whether a token of `type`, the next one, starts a declaration after the first. */
  startsDeclaration(type: TokenType): boolean {
    const previous = this.previous;
    this.previous = type;
    if (type === T.LCurly) this.depth++;
    else if (type === T.RCurly) this.depth = this.depth > 0 ? this.depth - 1 : 0;
    else return this.depth === 0 && previous === T.RCurly && T.DECLARATION_KEYWORDS.has(type);
    return false;
  }
}

/**
 * Scans `text` (or the `range` of it) into tokens; never throws, whatever the text. With
 * `oneDeclaration`, it stops before the second top-level declaration it meets (lexer.ts,
 * DECLARATION_KEYWORDS) and says where the rest of the range starts: a file is then scanned one
 * declaration at a time, each one's tokens made as it is parsed.
 *
 * One loop with its state in plain locals: a helper closure that moved the line count or the
 * error run would put that state in a context object, read and written through it at every
 * character of the 40 MB a large policy is.
 */
export function scan(text: string, limits: ScanLimits, range?: ScanRange, oneDeclaration = false): ScanResult {
  const tokens: IToken[] = [];
  const errors: ScanError[] = [];
  let errorStart = -1;
  const cuts = oneDeclaration ? new DeclarationCuts() : undefined;
  let rest: ScanRange | undefined;
  let line = range?.line ?? 1;
  let lineStart = range?.lineStart ?? 0;
  let i = range?.start ?? 0;
  const n = range?.end ?? text.length;

  while (i < n) {
    if (tokens.length >= limits.maxTokens) break;
    const c = text.charCodeAt(i);
    const start = i;
    let type: TokenType | undefined;
    /** The token's text when working out its type needed it already, or one string kept for it. */
    let word: string | undefined;
    /** Whitespace or a closed comment: nothing to keep, only its line ends to count. */
    let skipped = false;
    if (isSpace(c)) {
      i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      skipped = true;
    } else if (c === C.Slash && text.charCodeAt(i + 1) === C.Slash) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      skipped = true; // a lone \r inside a line comment still counts
    } else if (c === C.Slash && text.charCodeAt(i + 1) === C.Star) {
      const close = text.indexOf('*/', i + 2);
      if (close >= 0) {
        i = close + 2;
        skipped = true;
      } else {
        i = n;
        type = T.UnterminatedComment;
      }
    } else if (c === C.Quote) {
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (i >= n || d === C.Lf || d === C.Cr) break;
        if (d === C.Quote) break;
        if (d === C.Backslash) {
          if (i + 1 >= n || isLineTerminator(text.charCodeAt(i + 1))) break;
          i += 2;
        } else i++;
      }
      if (i < n && text.charCodeAt(i) === C.Quote) {
        i++;
        type = T.StringLiteral;
      } else type = T.UnterminatedString;
    } else if (isDigit(c)) {
      const date = scanDate(text, i);
      type = date ? T.DateLiteral : T.NumberLiteral;
      i = date || scanNumber(text, i);
    } else if (isLetter(c)) {
      i++;
      for (;;) {
        while (i < n && isWordChar(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) === C.Minus && isWordChar(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      // The whole word decides: `kinds` is a keyword, `kindsx` and `in-force` are names.
      const keyword = keywordAt(text, start, i);
      if (keyword !== undefined) {
        type = keyword.type;
        word = keyword.image;
      } else type = T.Identifier;
    } else if (c === C.Gt || c === C.Lt) {
      const eq = text.charCodeAt(i + 1) === C.Eq;
      i += eq ? 2 : 1;
      type = c === C.Gt ? (eq ? T.Ge : T.Gt) : eq ? T.Le : T.Lt;
      word = c === C.Gt ? (eq ? IMAGES.ge : IMAGES.gt) : eq ? IMAGES.le : IMAGES.lt;
    } else if (SINGLE[c]) {
      i++;
      type = SINGLE[c];
    } else if (c === C.Dot) {
      const two = text.charCodeAt(i + 1) === C.Dot;
      i += two ? 2 : 1;
      type = two ? T.DotDot : T.Dot;
      word = two ? IMAGES.dotDot : IMAGES.dot;
    }
    if (!skipped && type === undefined) {
      // No token starts here: extend the current error run.
      if (errorStart < 0) errorStart = i;
      i++;
      continue;
    }
    if (errorStart >= 0) {
      if (errors.length < limits.maxErrors) errors.push({ offset: errorStart, length: start - errorStart });
      errorStart = -1;
    }
    if (skipped) {
      // Line ends as chevrotain counts them: `\n`, `\r\n` and a lone `\r`.
      for (let k = start; k < i; k++) {
        const d = text.charCodeAt(k);
        if (d === C.Lf || (d === C.Cr && text.charCodeAt(k + 1) !== C.Lf)) {
          line++;
          lineStart = k + 1;
        }
      }
      continue;
    }
    if (cuts?.startsDeclaration(type!)) {
      rest = { start, end: n, line, lineStart };
      break;
    }
    tokens.push({ image: word ?? text.slice(start, i), startOffset: start, startLine: line, startColumn: start - lineStart + 1, tokenTypeIdx: type!.tokenTypeIdx!, tokenType: type! } as IToken);
  }
  if (rest) return { tokens, errors, stoppedAt: undefined, rest };
  const stoppedAt = i < n ? i : undefined;
  if (errorStart >= 0 && errors.length < limits.maxErrors) errors.push({ offset: errorStart, length: i - errorStart });
  return { tokens, errors, stoppedAt };
}

/** The end of `\d{4}-\d{1,2}-\d{1,2}` at `i`, or 0 when there is no date there. */
function scanDate(text: string, i: number): number {
  for (let k = 0; k < 4; k++) if (!isDigit(text.charCodeAt(i + k))) return 0;
  let j = i + 4;
  for (let part = 0; part < 2; part++) {
    if (text.charCodeAt(j) !== C.Minus || !isDigit(text.charCodeAt(j + 1))) return 0;
    j += isDigit(text.charCodeAt(j + 2)) ? 3 : 2;
  }
  return j;
}

/** The end of `\d[\d_]*(?:\.\d+)?(?:万|亿)?` at `i` (a digit). */
function scanNumber(text: string, i: number): number {
  let j = i + 1;
  for (let c = text.charCodeAt(j); isDigit(c) || c === C.Underscore; c = text.charCodeAt(++j));
  if (text.charCodeAt(j) === C.Dot && isDigit(text.charCodeAt(j + 1))) {
    j += 2;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const unit = text.charCodeAt(j);
  return unit === C.Wan || unit === C.Yi ? j + 1 : j;
}
