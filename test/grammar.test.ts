/**
 * chevrotain's own checks of the token and grammar definitions. The shared lexer and parser skip
 * them to start fast (compiler/lexer.ts, compiler/parser.ts), so they run here instead.
 */
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { allTokens, LEXER_OPTIONS } from '../compiler/lexer.js';
import { QdParser } from '../compiler/parser.js';

describe('the grammar', () => {
  it('passes chevrotain’s checks of the token definitions', () => {
    const lexer = new Lexer(allTokens, { ...LEXER_OPTIONS, skipValidations: false, deferDefinitionErrorsHandling: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it('passes chevrotain’s checks of the grammar (no ambiguity, no left recursion)', () => {
    // performSelfAnalysis throws "Parser Definition Errors detected" when a check fails.
    expect(() => new QdParser({ validate: true })).not.toThrow();
  });
});
