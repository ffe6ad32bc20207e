/**
 * Source text → AST: lexing, parsing with recovery, and the CST → AST visit, with every
 * lexical and syntax problem turned into a located diagnostic.
 */
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import type { PolicyFile } from './ast.js';
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
  qdParser.input = tokens;
  const cst = qdParser.file();
  for (const e of qdParser.errors) diagnostics.push(syntaxDiagnostic(source, e));
  const file = new AstBuilder(source, diagnostics).visit(cst) as PolicyFile;
  return { file, diagnostics };
}
