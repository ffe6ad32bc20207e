/**
 * chevrotain's own checks of the grammar. The shared parser skips them to start fast
 * (compiler/parser.ts), so they run here instead. (Tokens are scanned by hand in
 * compiler/scanner.ts, which has its own tests; no chevrotain lexer is built.)
 */
import { describe, expect, it } from 'vitest';
import { QdParser } from '../compiler/parser.js';

describe('the grammar', () => {
  it('passes chevrotain’s checks of the grammar (no ambiguity, no left recursion)', () => {
    // performSelfAnalysis throws "Parser Definition Errors detected" when a check fails.
    expect(() => new QdParser({ validate: true })).not.toThrow();
  });
});
