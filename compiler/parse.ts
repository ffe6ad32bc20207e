/**
 * Source text → AST: lexing, parsing with recovery, and the CST → AST visit, with every
 * lexical and syntax problem turned into a located diagnostic.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { Declaration, PolicyFile, UnknownClause } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import * as T from './lexer.js';
import { qdParser } from './parser.js';
import { spanAt, type Source } from './source.js';

export interface ParseResult {
  readonly file: PolicyFile;
  readonly diagnostics: Diagnostic[];
}

const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '（': '(',
  '）': ')',
  '“': '"',
  '”': '"',
  '：': ':',
  '；': ';',
  '【': '[',
  '】': ']',
  '　': ' ',
};

function describeToken(t: IToken): string {
  if (t.tokenType === EOF) return 'end of file';
  if (t.tokenType === T.StringLiteral) return `string ${t.image.length > 24 ? t.image.slice(0, 20) + '…"' : t.image}`;
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
  const hint = atEof
    ? 'check that every { has its matching }'
    : t.tokenType === T.StringLiteral && e.message.startsWith('a name')
      ? 'names (ids, zones, statuses) are written without quotes'
      : t.tokenType === T.StringLiteral && e.message.includes("'}'")
        ? 'a declaration takes one title string; paragraphs belong inside an article'
        : undefined;
  return diagnostic(id, spanAt(source, offset, length), { expected: e.message, found: describeToken(t) }, hint ? { hint } : {});
}

/** Deepest `{ … }` nesting accepted: real policies use four levels (list → scenario → item). */
const MAX_DEPTH = 32;

function firstTooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === T.LCurly || t.tokenType === T.LParen || t.tokenType === T.LBracket) {
      if (++depth > MAX_DEPTH) return t;
    } else if (t.tokenType === T.RCurly || t.tokenType === T.RParen || t.tokenType === T.RBracket) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Lexes and parses one source into its AST, with all lexical and syntax diagnostics. */
export function parseSource(source: Source): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = T.qdLexer.tokenize(source.text);
  for (const e of lexed.errors) {
    const char = source.text.slice(e.offset, e.offset + e.length);
    const first = char[0] ?? '';
    const ascii = FULL_WIDTH[first];
    const hint = ascii
      ? `use the ASCII '${ascii}' here; full-width punctuation belongs inside strings`
      : /[^\x00-\x7f]/.test(first)
        ? 'Chinese text must be written inside a string literal "…"'
        : undefined;
    diagnostics.push(diagnostic('unexpected-character', spanAt(source, e.offset, e.length), { char: `'${char}'` }, hint ? { hint } : {}));
  }
  const tokens = lexed.tokens.filter((t) => {
    if (t.tokenType === T.UnterminatedString) {
      diagnostics.push(diagnostic('unterminated-string', spanAt(source, t.startOffset, t.image.length), {}, { hint: 'close the string with " on the same line' }));
      return false;
    }
    if (t.tokenType === T.UnterminatedComment) {
      diagnostics.push(diagnostic('unterminated-comment', spanAt(source, t.startOffset, 2), {}, { hint: 'close the comment with */' }));
      return false;
    }
    return true;
  });
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep) {
    // Deeper nesting than any policy needs would only exhaust the recursive-descent stack.
    diagnostics.push(diagnostic('nesting-too-deep', spanAt(source, tooDeep.startOffset, 1), { limit: MAX_DEPTH }, { hint: 'a list nests scenario → item → condition; check for a missing } or )' }));
    return { file: { kind: 'File', path: source.path, declarations: [], unknown: [] }, diagnostics };
  }
  const builder = new AstBuilder(source, diagnostics);
  const declarations: Declaration[] = [];
  const unknown: UnknownClause[] = [];
  for (const piece of declarationPieces(tokens)) {
    qdParser.input = piece;
    const cst = qdParser.file();
    for (const e of qdParser.errors) diagnostics.push(syntaxDiagnostic(source, e));
    const part = builder.visit(cst) as PolicyFile;
    declarations.push(...part.declarations);
    unknown.push(...part.unknown);
  }
  return { file: { kind: 'File', path: source.path, declarations, unknown }, diagnostics };
}

const DECLARATION_KEYWORDS: ReadonlySet<TokenType> = new Set([T.Document, T.Annex, T.Baseline, T.List, T.Zone]);

/**
 * The tokens cut where a declaration keyword follows the `}` that closed the previous
 * declaration (a keyword may also be an id: `annex annex "…"`), so that each top-level
 * declaration is parsed and built on its own. The grammar is the same (a file is a sequence of
 * declarations), but a CST then lives only as long as one declaration: a file of thousands of
 * items no longer holds all their CST nodes at once, which the garbage collector would copy and
 * promote. A missing `}` keeps the depth above 0, so the rest of the file stays one piece and
 * recovery sees what it saw before.
 */
function declarationPieces(tokens: IToken[]): IToken[][] {
  const pieces: IToken[][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === T.LCurly) depth++;
    else if (type === T.RCurly) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i > start && DECLARATION_KEYWORDS.has(type) && tokens[i - 1]!.tokenType === T.RCurly) {
      pieces.push(tokens.slice(start, i));
      start = i;
    }
  }
  pieces.push(tokens.slice(start));
  return pieces;
}
