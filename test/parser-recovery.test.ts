/**
 * The parser builds no syntax tree: each rule's AST is built as the rule returns, and a rule cut
 * short by a syntax error is closed on the error's way out (compiler/parser.ts). These cases
 * pin what recovery keeps: the part of each declaration that was read, its spans up to the last
 * token read, and the escape problems of every string the AST holds.
 */
import { describe, expect, it } from 'vitest';
import type { ItemDecl, ListDecl } from '../compiler/ast.js';
import { parseSource } from '../compiler/parse.js';

function parse(text: string) {
  const { file, diagnostics } = parseSource({ path: 'recovery.qd', text });
  return { file, diagnostics: diagnostics.map((d) => ({ id: d.id, offset: d.span?.offset })) };
}

function onlyItem(list: ListDecl): ItemDecl {
  expect(list.scenarios).toHaveLength(1);
  expect(list.scenarios[0]!.items).toHaveLength(1);
  return list.scenarios[0]!.items[0]!;
}

describe('parser recovery', () => {
  it('keeps the clauses of an item around a broken rung, and reports every bad escape in them', () => {
    const text = [
      'list l "t" {',
      '  scenario s "x" {',
      '    item a "A\\q" {',
      '      note "n\\z"',
      '      description "d\\w"',
      '      assessment when persons >=',
      '      fields "f\\y"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const { file, diagnostics } = parse(text);
    expect(file.declarations).toHaveLength(1);
    const item = onlyItem(file.declarations[0] as ListDecl);
    // The rung lost its volume and is left out; the clauses before and after it are kept.
    expect(item.rungs).toEqual([]);
    expect(item.notes.map((n) => n.value)).toEqual(['n\\z']);
    expect(item.description?.value).toBe('d\\w');
    expect(item.fields.map((f) => f.value)).toEqual(['f\\y']);
    const close = text.indexOf('    }');
    expect(item.span.offset + item.span.length).toBe(close + '    }'.length);
    expect(diagnostics.filter((d) => d.id !== 'invalid-escape')).toEqual([{ id: 'unexpected-token', offset: text.indexOf('fields') }]);
    const escapes = diagnostics.filter((d) => d.id === 'invalid-escape').map((d) => d.offset);
    expect(escapes.sort((x, y) => x! - y!)).toEqual(['\\q', '\\z', '\\w', '\\y'].map((e) => text.indexOf(e)));
  });

  it('keeps every declaration a file that ends too early had begun, up to its last token', () => {
    const text = ['list l "t" {', '  scenario s "x" {', '    item a "A" {', '      description "d\\q"', '      assessment when persons >= 10万', ''].join('\n');
    const { file, diagnostics } = parse(text);
    expect(file.declarations).toHaveLength(1);
    const list = file.declarations[0] as ListDecl;
    const item = onlyItem(list);
    expect(item.description?.value).toBe('d\\q');
    expect(item.rungs).toHaveLength(1);
    expect(item.rungs[0]!.condition).toMatchObject({ kind: 'Compare', measure: 'persons', op: '>=', value: { value: 100_000 } });
    // The list, its scenario and its item each end where the last token read ends.
    const end = text.indexOf('10万') + '10万'.length;
    for (const span of [list.span, list.scenarios[0]!.span, item.span]) expect(span.offset + span.length).toBe(end);
    expect(diagnostics).toEqual([
      { id: 'unexpected-token', offset: text.length },
      { id: 'invalid-escape', offset: text.indexOf('\\q') },
    ]);
  });
});
