/** Re-parsing one declaration after an edit gives exactly what parsing the whole file gives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reparse } from '../compiler/language-server/reparse.js';
import { parseSource } from '../compiler/parse.js';
import { ROOT } from './support.js';

/** The AST with every span as offset:length:line:column, so positions are compared too. */
function located(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(located);
  if (value === null || typeof value !== 'object') return value;
  if ('offset' in value && 'endColumn' in value) {
    const s = value as { offset: number; length: number; line: number; column: number; endLine: number; endColumn: number; file: string };
    return `${s.file}@${s.offset}:${s.length}:${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = located((value as Record<string, unknown>)[key]);
  return out;
}

const files = ['policy/lists/icv.qd', 'policy/national.qd', 'policy/zones.qd', 'policy/annex.qd'];

describe('reparse', () => {
  it.each(files)('matches a full parse after random edits of %s, including ones that break it', (path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const previous = { text, result: parseSource({ path, text }) };
    const edit = fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 }), fc.constantFrom('', 'x', '字', ' ', '\n', '{', '}', '"', '1', 'item z "z" { important }', '/*', '//'));
    fc.assert(
      fc.property(edit, ([at, remove, insert]) => {
        const next = { path, text: text.slice(0, at) + insert + text.slice(at + remove) };
        const incremental = reparse(previous, next);
        const full = parseSource(next);
        expect(located(incremental.file)).toEqual(located(full.file));
        expect(incremental.diagnostics.map((d) => `${d.code}@${d.span?.offset}`)).toEqual(full.diagnostics.map((d) => `${d.code}@${d.span?.offset}`));
      }),
      { seed: 12, numRuns: 150 },
    );
  });

  it('parses only the edited declaration: the others are the previous parse’s nodes', () => {
    const path = 'policy/zones.qd';
    const text = readFileSync(join(ROOT, path), 'utf8');
    const previous = { text, result: parseSource({ path, text }) };
    const at = text.indexOf('"广东自贸试验区前海蛇口片区"') + 3;
    const result = reparse(previous, { path, text: text.slice(0, at) + '新' + text.slice(at) });
    const [first, second] = result.file.declarations;
    expect(first).toBe(previous.result.file.declarations[0]);
    expect(second).not.toBe(previous.result.file.declarations[1]);
    expect(second?.kind === 'Zone' && second.name.value).toBe('广东新自贸试验区前海蛇口片区');
  });
});
