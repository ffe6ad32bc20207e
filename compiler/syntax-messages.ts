/**
 * Syntax error messages: chevrotain asks this provider what was expected, in words a drafter
 * reads ("a string", "'}'"), and `parse.ts` wraps that into a coded diagnostic.
 */
import { EOF, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import * as T from './lexer.js';

/** How a token type reads in a message. */
export function describeTokenType(t: TokenType): string {
  if (t === EOF) return 'end of file';
  switch (t) {
    case T.StringLiteral:
      return 'a string';
    case T.NumberLiteral:
      return 'a number';
    case T.DateLiteral:
      return 'a date (YYYY-MM-DD)';
    case T.Identifier:
      return 'a name';
    case T.Keyword:
      return 'a name';
    case T.PathwayKeyword:
      return "a pathway ('assessment', 'contract' or 'exempt')";
    case T.Measure:
      return "'persons' or 'sensitive'";
    case T.Comparator:
      return "a comparison ('>=', '>', '<', '<=')";
  }
  const pattern = t.PATTERN;
  if (pattern instanceof RegExp) return `'${pattern.source.replace(/\\/g, '')}'`;
  return t.name;
}

function listExpected(types: TokenType[]): string {
  const names = [...new Set(types.map(describeTokenType))];
  if (names.length <= 1) return names[0] ?? 'something else';
  const shown = names.slice(0, 6);
  const tail = names.length > 6 ? ', …' : '';
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}${tail}`;
}

/** Messages carry only what was expected; `parseSource` builds the diagnostic around them. */
export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => listExpected([expected]),
  buildNotAllInputParsedMessage: () => "'document', 'annex', 'baseline', 'list' or 'zone'",
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    listExpected(expectedPathsPerAlt.flatMap((paths) => paths.map((p) => p[0]).filter((x): x is TokenType => !!x))),
  buildEarlyExitMessage: ({ expectedIterationPaths }) =>
    listExpected(expectedIterationPaths.map((p) => p[0]).filter((x): x is TokenType => !!x)),
};

