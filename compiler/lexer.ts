/**
 * The token types of the `.qd` language. Each pattern is the token's definition (and names it
 * in syntax errors); `scanner.ts` implements them by hand, in linear time and constant stack.
 * Chinese text is only legal inside string literals and comments; `万` and `亿` follow a number.
 * Whitespace (`[ \t\r\n\uFEFF]+`), `// line` and `/* block *\/` comments are skipped.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
});

/** Every reserved word; a keyword may still name a declaration (`annex annex …`). */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** `assessment`, `contract`, `exempt`: the pathways a rung or trigger can give. */
export const PathwayKeyword = createToken({ name: 'PathwayKeyword', pattern: Lexer.NA });
/** `persons`, `sensitive`: the volumes a threshold compares. */
export const Measure = createToken({ name: 'Measure', pattern: Lexer.NA });
/** `>=`, `>`, `<`, `<=`. */
export const Comparator = createToken({ name: 'Comparator', pattern: Lexer.NA });

const keywords: Record<string, TokenType> = {};
function keyword(word: string, extra: TokenType[] = []): TokenType {
  const name = word.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
  const token = createToken({
    name,
    pattern: new RegExp(word.replace(/-/g, '\\-')),
    longer_alt: Identifier,
    categories: [Keyword, ...extra],
  });
  keywords[word] = token;
  return token;
}

export const Document = keyword('document');
export const Numbering = keyword('numbering');
export const Inferred = keyword('inferred');
export const SourceKw = keyword('source');
export const Paraphrase = keyword('paraphrase');
export const Published = keyword('published');
export const Unconfirmed = keyword('unconfirmed');
export const Trial = keyword('trial');
export const Chapter = keyword('chapter');
export const Article = keyword('article');
export const Sic = keyword('sic');
export const For = keyword('for');
export const Annex = keyword('annex');
export const Basis = keyword('basis');
export const General = keyword('general');
export const Rule = keyword('rule');
export const When = keyword('when');
export const Kind = keyword('kind');
export const Standard = keyword('standard');
export const Category = keyword('category');
export const Sub = keyword('sub');
export const Refers = keyword('refers');
export const Example = keyword('example');
export const Baseline = keyword('baseline');
export const Counting = keyword('counting');
export const Exemption = keyword('exemption');
export const Data = keyword('data');
export const PersonalInfo = keyword('personal-info');
export const Important = keyword('important');
export const Ciio = keyword('ciio');
export const Ladder = keyword('ladder');
export const Assessment = keyword('assessment', [PathwayKeyword]);
export const Contract = keyword('contract', [PathwayKeyword]);
export const Exempt = keyword('exempt', [PathwayKeyword]);
export const Below = keyword('below');
export const Validity = keyword('validity');
export const Years = keyword('years');
export const List = keyword('list');
export const Zone = keyword('zone');
export const Authority = keyword('authority');
export const Sector = keyword('sector');
export const Zones = keyword('zones');
export const Status = keyword('status');
export const Effective = keyword('effective');
export const Until = keyword('until');
export const Adopts = keyword('adopts');
export const Proposal = keyword('proposal');
export const Issuer = keyword('issuer');
export const Docnumber = keyword('docnumber');
export const Note = keyword('note');
export const Scenario = keyword('scenario');
export const Item = keyword('item');
export const Fields = keyword('fields');
export const Description = keyword('description');
export const Persons = keyword('persons', [Measure]);
export const Sensitive = keyword('sensitive', [Measure]);
export const In = keyword('in');
export const Kinds = keyword('kinds');
export const Any = keyword('any');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');

/** The reserved words, for did-you-mean hints. */
export const KEYWORDS: readonly string[] = Object.keys(keywords).sort();

/** The token type of each reserved word; any other word is an Identifier. */
export const KEYWORD_TYPES: ReadonlyMap<string, TokenType> = new Map(Object.entries(keywords));

/**
 * The keywords a top-level declaration starts with. One starts where such a keyword follows the
 * `}` that closed the declaration before it, outside any braces (a keyword may also be an id:
 * `annex annex "…"`).
 */
export const DECLARATION_KEYWORDS: ReadonlySet<TokenType> = new Set([Document, Annex, Baseline, List, Zone]);

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\.)*"/ });
/** A string that reaches the end of its line without a closing quote; reported as QD1002. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*/ });
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{1,2}-\d{1,2}/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d[\d_]*(?:\.\d+)?(?:万|亿)?/ });
export const Ge = createToken({ name: 'Ge', pattern: />=/, categories: [Comparator] });
export const Le = createToken({ name: 'Le', pattern: /<=/, categories: [Comparator] });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [Comparator] });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [Comparator] });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Minus = createToken({ name: 'Minus', pattern: /-/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
/** A `/*` never closed; reported as QD1003. */
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[^]*/ });

/** Every token type, for the parser's vocabulary. */
export const allTokens: TokenType[] = [
  UnterminatedComment,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  NumberLiteral,
  Ge,
  Le,
  Gt,
  Lt,
  DotDot,
  Dot,
  Comma,
  Minus,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Keyword,
  PathwayKeyword,
  Measure,
  Comparator,
  ...Object.values(keywords),
  Identifier,
];
