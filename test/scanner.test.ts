/**
 * The hand-written scanner against the token patterns it implements: on short random texts
 * (where the regexes cannot overflow), chevrotain's regex lexer built from `lexer.ts`'s
 * patterns and the scanner give the same tokens, lines and error runs.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as T from '../compiler/lexer.js';
import { scan } from '../compiler/scanner.js';

const skipped = (name: string, pattern: RegExp) => createToken({ name, pattern, group: Lexer.SKIPPED });
const regexLexer = new Lexer(
  [
    skipped('WhiteSpace', /[ \t\r\n\uFEFF]+/),
    skipped('LineComment', /\/\/[^\n]*/),
    skipped('BlockComment', /\/\*[^]*?\*\//),
    T.UnterminatedComment,
    T.StringLiteral,
    T.UnterminatedString,
    T.DateLiteral,
    T.NumberLiteral,
    ...[T.Ge, T.Le, T.Gt, T.Lt, T.DotDot, T.Dot, T.Comma, T.Minus, T.LCurly, T.RCurly, T.LParen, T.RParen, T.LBracket, T.RBracket],
    ...[T.Keyword, T.PathwayKeyword, T.Measure, T.Comparator],
    // Longer words first, so `kinds` is not read as `kind` followed by `s`.
    ...[...T.KEYWORD_TYPES.values()].sort((a: TokenType, b: TokenType) => String(b.PATTERN).length - String(a.PATTERN).length),
    T.Identifier,
  ],
  { positionTracking: 'onlyStart' },
);

const ALPHABET = ['a', 'k', 'i', 'n', 'd', 's', 'Z', '-', '_', '0', '2', '7', '.', '"', '\\', '\n', '\r', '\u2028', ' ', '/', '*', '{', '}', '<', '>', '=', ',', '万', '亿', '€', '：', 'kinds', 'personal-info', '2027-01-01', '1.5万'];

describe('the scanner', () => {
  it('tokenises exactly as the regex patterns of lexer.ts do', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const expected = regexLexer.tokenize(t);
        const actual = scan(t, { maxTokens: Infinity, maxErrors: Infinity });
        expect(actual.tokens.map((x) => [x.tokenType.name, x.startOffset, x.image, x.startLine])).toEqual(expected.tokens.map((x) => [x.tokenType.name, x.startOffset, x.image, x.startLine]));
        expect(actual.errors).toEqual(expected.errors.map((e) => ({ offset: e.offset, length: e.length })));
      }),
      { seed: 20_261_201, numRuns: 1500 },
    );
  });
});
