/**
 * A file with no lexical problem is scanned and parsed one declaration at a time
 * (`parseSource`); any other file is lexed whole (`parseWhole`), taking the declarations parsed
 * cleanly before its first problem. Whichever path a text takes, it must get the AST and the
 * diagnostics the whole-file path alone gives it: on generated files, on the same files with
 * characters cut out or let in (syntax errors, unterminated strings, stray characters, braces
 * that never close), and on the real policy, whole and with a problem in its last declaration.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as T from '../compiler/lexer.js';
import { parseSource, parseWhole } from '../compiler/parse.js';
import { scan } from '../compiler/scanner.js';
import type { Source } from '../compiler/source.js';
import { qdFile } from './arbitrary-qd.js';

/** Both paths' answers, spans written out (line and column too, worked out from each path's span). */
function both(source: Source) {
  const view = (r: ReturnType<typeof parseSource>) => JSON.parse(JSON.stringify(r, (_, v: unknown) => (v && typeof v === 'object' && 'offset' in v && 'length' in v && 'line' in v ? spanView(v as SpanLike) : v)));
  return { clean: view(parseSource(source)), whole: view(parseWhole(source)) };
}

interface SpanLike {
  file: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const spanView = (s: SpanLike) => [s.file, s.offset, s.length, s.line, s.column, s.endLine, s.endColumn];

/** Characters that make lexical and syntax problems where they land. */
const DEBRIS = ['"', '}', '{', '/*', '€', '，', '1__0', '\n', 'list', ' zone z "区" { }'];

describe('parsing one declaration at a time', () => {
  it('gives the whole-file parse of generated files', () => {
    fc.assert(
      fc.property(qdFile, (text) => {
        const { clean, whole } = both({ path: 'gen.qd', text });
        expect(clean).toEqual(whole);
      }),
      { seed: 20_261_204, numRuns: 300 },
    );
  });

  it('gives the whole-file parse of generated files with characters cut out or let in', () => {
    let lexicalProblems = 0;
    let syntaxOnly = 0;
    fc.assert(
      fc.property(qdFile, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...DEBRIS)), { minLength: 1, maxLength: 3 }), (text, edits) => {
        let t = text;
        for (const [at, cut, debris] of edits) {
          const k = at % (t.length + 1);
          t = t.slice(0, k) + (cut % 2 === 0 ? debris : '') + t.slice(k + (cut % 3));
        }
        const { clean, whole } = both({ path: 'broken.qd', text: t });
        expect(clean).toEqual(whole);
        const scanned = scan(t, { maxTokens: Infinity, maxErrors: 1 });
        if (scanned.errors.length > 0 || scanned.tokens.some((x) => x.tokenType === T.UnterminatedString || x.tokenType === T.UnterminatedComment)) lexicalProblems++;
        else if (whole.diagnostics.length > 0) syntaxOnly++;
      }),
      { seed: 20_261_205, numRuns: 400 },
    );
    // Both kinds of broken file were tried: those lexed whole, and lexically clean ones with syntax errors.
    expect(lexicalProblems).toBeGreaterThan(20);
    expect(syntaxOnly).toBeGreaterThan(20);
  });

  it('gives the whole-file parse of the real policy', () => {
    const folder = join(import.meta.dirname, '..', 'policy');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.qd'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const { clean, whole } = both({ path: file, text: readFileSync(join(folder, file), 'utf8') });
      expect(clean.diagnostics).toEqual([]);
      expect(clean).toEqual(whole);
    }
    // Every real file with a broken zone after it: its own declarations come before the problem.
    for (const file of files) {
      const text = `${readFileSync(join(folder, file), 'utf8')}\nzone broken "未闭合 {\n`;
      const { clean, whole } = both({ path: file, text });
      expect(whole.diagnostics.length).toBeGreaterThan(0);
      expect(clean).toEqual(whole);
    }
  });
});
