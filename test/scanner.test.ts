/**
 * The hand-written scanner against the token patterns it implements: on short random texts
 * (where the regexes cannot overflow), chevrotain's regex lexer built from `lexer.ts`'s
 * patterns and the scanner give the same tokens, lines and error runs. And a part of a text
 * scanned on its own (as a clean file is scanned, one declaration at a time) gives the whole scan's tokens.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as T from '../compiler/lexer.js';
import { scan, type ScanResult } from '../compiler/scanner.js';

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

  it('gives the tokens a whole scan found in a part of the text, when the part runs from one token to another', () => {
    const all = { maxTokens: Infinity, maxErrors: Infinity };
    const view = (r: ScanResult) => r.tokens.map((x) => [x.tokenType.name, x.startOffset, x.image, x.startLine, x.startColumn]);
    /** Scans from token `i` to token `j` (or to the end) and compares with the whole scan's. */
    const same = (text: string, whole: ScanResult, i: number, j: number) => {
      const first = whole.tokens[i]!;
      const end = j < whole.tokens.length ? whole.tokens[j]!.startOffset : text.length;
      const part = scan(text, all, { start: first.startOffset, end, line: first.startLine!, lineStart: first.startOffset - first.startColumn! + 1 });
      expect(view(part)).toEqual(view({ ...whole, tokens: whole.tokens.slice(i, j) }));
      expect(part.errors).toEqual([]);
    };
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const whole = scan(t, all);
        // The contract holds where the whole scan had no error run (only such files are scanned a declaration at a time).
        if (whole.errors.length > 0 || whole.tokens.length === 0) return;
        const i = a % whole.tokens.length;
        same(t, whole, i, i + 1 + (b % (whole.tokens.length - i)));
      }),
      { seed: 20_261_203, numRuns: 1500 },
    );
    // The real policy's files, cut at every declaration keyword (where the parser cuts them, and more).
    const folder = join(import.meta.dirname, '..', 'policy');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.qd'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(join(folder, file), 'utf8');
      const whole = scan(source, all);
      expect(whole.errors).toEqual([]);
      const cuts = whole.tokens.flatMap((t, k) => (k === 0 || ['list', 'annex', 'baseline', 'document', 'zone'].includes(t.image) ? [k] : []));
      for (let k = 0; k < cuts.length; k++) same(source, whole, cuts[k]!, cuts[k + 1] ?? whole.tokens.length);
    }
  });
});
