/**
 * Inputs at and past the front end's limits (issue 14 point 5): huge tokens, files of noise and
 * many errors get located diagnostics, never a stack overflow, a hang or a did-you-mean search
 * through megabytes. Sizes here are what crashed or hung the regex lexer and the edit distance.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../compiler/compile.js';
import { KEYWORDS } from '../compiler/lexer.js';
import { MAX_ERRORS, MAX_NAME_LENGTH, MAX_STRING_LENGTH, MAX_TOKENS } from '../compiler/limits.js';
import { numberSpellingProblem } from '../compiler/number-literal.js';
import { parseSource } from '../compiler/parse.js';
import { editDistance, suggestionList } from '../compiler/suggest.js';

const codesAndOffsets = (text: string) => parseSource({ path: 'big.qd', text }).diagnostics.map((d) => [d.code, d.span?.offset]);

describe('token limits', () => {
  it('reports a 9.5 MiB string literal as too long (it overflowed the stack in the regex lexer)', () => {
    const text = `list a "${'字'.repeat(9.5 * 2 ** 20)}" {}`;
    expect(codesAndOffsets(text)).toEqual([['QD4021', 7]]);
  });

  it('reports a string one unit past the limit, and accepts one at it (its quotes not counted)', () => {
    const at = `zone a "${'x'.repeat(MAX_STRING_LENGTH)}"`;
    expect(codesAndOffsets(at)).toEqual([]);
    expect(codesAndOffsets(at.replace('"x', '"xx'))).toEqual([['QD4021', 7]]);
  });

  it('reports a long hyphenated name as too long (its regex group overflowed the stack)', () => {
    expect(codesAndOffsets(`list ${'ab-'.repeat(2 ** 20)}c "t" {}`)).toEqual([['QD4020', 5]]);
  });

  it('reports a 100,000-character clause word as too long instead of searching keywords for it (10 s before)', () => {
    const text = `list a "t" {\n  ${'s'.repeat(100_000)} S16\n}`;
    const result = checkSources([{ path: 'big.qd', text }]);
    expect(result.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([['QD4020', 2, 3]]);
  });

  it('accepts a name at the limit and rejects one past it', () => {
    expect(codesAndOffsets(`zone ${'a'.repeat(MAX_NAME_LENGTH)} "甲"`)).toEqual([]);
    expect(codesAndOffsets(`zone ${'a'.repeat(MAX_NAME_LENGTH + 1)} "甲"`)).toEqual([['QD4020', 5]]);
  });

  it('stops reading a file of more tokens than the limit, saying where', () => {
    const diagnostics = parseSource({ path: 'big.qd', text: '{'.repeat(MAX_TOKENS + 10) }).diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'QD4022', span: expect.objectContaining({ file: 'big.qd', line: 1, offset: MAX_TOKENS }) })]);
  });
});

describe('error limits', () => {
  it('reports 100 syntax errors and then one QD1016 where the parser stopped, on 200,000 broken declarations', () => {
    const diagnostics = parseSource({ path: 'big.qd', text: 'list\n'.repeat(200_000) }).diagnostics;
    expect(diagnostics).toHaveLength(MAX_ERRORS + 1);
    expect(diagnostics.at(-1)).toMatchObject({ code: 'QD1016', span: { file: 'big.qd' } });
    expect(diagnostics.slice(0, -1).every((d) => d.code.startsWith('QD10') && d.span)).toBe(true);
  });

  it('reports a megabyte of characters no token starts with as one located run per run, at most 100', () => {
    expect(codesAndOffsets('€'.repeat(2 ** 20))).toEqual([['QD1001', 0]]);
    const alternating = parseSource({ path: 'big.qd', text: '€a'.repeat(2 ** 19) }).diagnostics;
    expect(alternating.map((d) => d.code)).toEqual([...Array<string>(MAX_ERRORS).fill('QD1001'), 'QD1016']);
    expect(alternating.at(-1)?.span?.offset).toBe(2 * MAX_ERRORS);
  });
});

describe('bounded edit distance', () => {
  it('agrees with the full distance within the bound and says "more" beyond it', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('secter', 'sector', 1)).toBe(1);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
  });

  it('suggests nothing for a word longer than any keyword could be near, without comparing it', () => {
    expect(suggestionList('a'.repeat(10_000_000), KEYWORDS)).toEqual([]);
    expect(suggestionList('secter', KEYWORDS)).toEqual(['sector']);
  });
});

describe('canonical numbers', () => {
  it('gives the canonical spelling of each slip', () => {
    expect(['1_', '1__0', '00', '0_5', '1_.5', '1_万', '007亿'].map((n) => numberSpellingProblem(n)?.canonical)).toEqual(['1', '1_0', '0', '5', '1.5', '1万', '7亿']);
    expect(['0', '100_000', '1.5万', '10', '0.5'].map(numberSpellingProblem)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
