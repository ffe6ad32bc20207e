/**
 * Syntax errors: chevrotain asks this provider what was expected, and `parse.ts` wraps that
 * into a coded diagnostic. The "message" chevrotain carries is data, not prose: the expected
 * tokens as a JSON array of `token` terms or quoted literals (`["name","'}'"]`), which
 * `expectedTokens` reads back; the text is rendered from the catalogue in the reader's language.
 */
import { EOF, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import type { Quoted, Term } from './diagnostic-codes.js';
import * as T from './lexer.js';

/** A token in a syntax message: a term of the catalogue's `token` table or quoted code. */
export type TokenWord = Term<'token'> | Quoted;

/** How a token type reads in a message. */
export function describeTokenType(t: TokenType): TokenWord {
  if (t === EOF) return 'eof';
  switch (t) {
    case T.StringLiteral:
      return 'string';
    case T.NumberLiteral:
      return 'number';
    case T.DateLiteral:
      return 'date';
    case T.Identifier:
    case T.Keyword:
      return 'name';
    case T.PathwayKeyword:
      return 'pathway';
    case T.Measure:
      return 'measure';
    case T.Comparator:
      return 'comparison';
  }
  const pattern = t.PATTERN;
  if (pattern instanceof RegExp) return `'${pattern.source.replace(/\\/g, '')}'`;
  return `'${t.name}'`;
}

/** At most this many alternatives are named; an ellipsis stands for the rest. */
const MAX_SHOWN = 6;

function listExpected(types: TokenType[]): string {
  const names = [...new Set(types.map(describeTokenType))];
  const shown: TokenWord[] = names.length > MAX_SHOWN ? [...names.slice(0, MAX_SHOWN), 'more'] : names;
  return JSON.stringify(shown.length ? shown : ['other']);
}

/** The expected tokens a syntax error's message carries (see the module comment). */
export function expectedTokens(message: string): TokenWord[] {
  return JSON.parse(message) as TokenWord[];
}

/** Messages carry only what was expected; `parseSource` builds the diagnostic around them. */
export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => listExpected([expected]),
  buildNotAllInputParsedMessage: () => JSON.stringify(['declaration']),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    listExpected(expectedPathsPerAlt.flatMap((paths) => paths.map((p) => p[0]).filter((x): x is TokenType => !!x))),
  buildEarlyExitMessage: ({ expectedIterationPaths }) =>
    listExpected(expectedIterationPaths.map((p) => p[0]).filter((x): x is TokenType => !!x)),
};
