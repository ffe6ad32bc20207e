import { describe, expect, it } from 'vitest';
import { addItem, EditError, removeItem, replaceItem, setListProposal, setListStatus } from '../compiler/edit.js';
import { parseSource } from '../compiler/parse.js';
import type { ListDecl } from '../compiler/ast.js';

const LIST = [
  '// 示意清单',
  'list demo "示意清单" {',
  '  sector S16',
  '  status draft // 草案',
  '  basis measures.art10',
  '',
  '  scenario rd "研发" {',
  '    // 第一项',
  '    item a "数据项甲" {',
  '      category S16',
  '      important',
  '    }',
  '    item b "数据项乙" {',
  '      category S16',
  '      // 门槛',
  '      contract when persons >= 10万',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

const source = { path: 'demo.qd', text: LIST };

function list(text: string): ListDecl {
  const parsed = parseSource({ path: 'x.qd', text });
  expect(parsed.diagnostics).toEqual([]);
  return parsed.file.declarations[0] as ListDecl;
}

describe('edits through the syntax tree', () => {
  it('sets a list status in place, keeping its trailing comment', () => {
    const text = setListStatus(source, 'demo', 'review');
    expect(list(text).status?.text).toBe('review');
    expect(text).toBe(LIST.replace('status draft // 草案', 'status review // 草案'));
  });

  it('adds a status clause where the canonical order puts it', () => {
    const text = setListStatus({ path: 'n.qd', text: 'list n "无状态" {\n  sector S16\n  basis measures.art10\n}\n' }, 'n', 'draft');
    expect(text).toBe('list n "无状态" {\n  sector S16\n  status draft\n  basis measures.art10\n}\n');
  });

  it('sets, replaces and removes the proposal link', () => {
    const linked = setListProposal(source, 'demo', '2026-0009-demo');
    expect(list(linked).proposal?.value).toBe('2026-0009-demo');
    expect(linked).toContain('  basis measures.art10\n  proposal "2026-0009-demo"\n');
    const relinked = setListProposal({ path: 'demo.qd', text: linked }, 'demo', '2026-0010-demo');
    expect(list(relinked).proposal?.value).toBe('2026-0010-demo');
    const unlinked = setListProposal({ path: 'demo.qd', text: relinked }, 'demo', undefined);
    expect(unlinked).toBe(LIST);
  });

  it('adds an item at the end of a scenario, printed canonically', () => {
    const text = addItem(source, 'demo', 'rd', 'item c   "数据项丙" { category S16\n assessment when persons >= 100万 or sensitive >= 1万 }');
    expect(list(text).scenarios[0]!.items.map((i) => i.id.text)).toEqual(['a', 'b', 'c']);
    expect(text).toContain('    item c "数据项丙" {\n      category S16\n      assessment when persons >= 100万 or sensitive >= 1万\n    }\n  }\n}\n');
    // The comments stay where they were.
    expect(text).toContain('    // 第一项\n    item a');
    expect(text).toContain('      // 门槛\n      contract when persons >= 10万');
  });

  it('removes an item with the comments inside it', () => {
    const text = removeItem(source, 'demo', 'b');
    expect(list(text).scenarios[0]!.items.map((i) => i.id.text)).toEqual(['a']);
    expect(text).not.toContain('门槛');
    expect(text).toContain('// 第一项');
  });

  it('replaces an item in its place, the comment before it kept', () => {
    const text = replaceItem(source, 'demo', 'a', 'item a2 "数据项甲（修订）" {\n  category S16\n  contract when persons >= 1万\n}');
    expect(list(text).scenarios[0]!.items.map((i) => [i.id.text, i.title.value])).toEqual([
      ['a2', '数据项甲（修订）'],
      ['b', '数据项乙'],
    ]);
    expect(text).toContain('    // 第一项\n    item a2 "数据项甲（修订）" {');
  });

  it('refuses to edit a file with errors, or to name what is not there', () => {
    const broken = { path: 'bad.qd', text: 'list demo "x" {\n  secter S16\n}\n' };
    const errorOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e = errorOf(() => setListStatus(broken, 'demo', 'draft'));
    expect(e).toBeInstanceOf(EditError);
    expect((e as EditError).diagnostics.map((d) => d.code)).toEqual(['QD2001']);
    /** Why the edit was refused: its catalogue id and arguments. */
    const reason = (f: () => unknown) => {
      const error = errorOf(f);
      expect(error).toBeInstanceOf(EditError);
      const { code, id, args } = (error as EditError).reason;
      return { code, id, args };
    };
    expect(reason(() => setListStatus(broken, 'demo', 'draft'))).toEqual({ code: 'QD4015', id: 'edit-file-has-errors', args: { path: 'bad.qd' } });
    expect(reason(() => setListStatus(source, 'nope', 'draft'))).toMatchObject({ id: 'edit-no-list', args: { list: "'nope'" } });
    expect(reason(() => removeItem(source, 'demo', 'nope'))).toEqual({ code: 'QD4015', id: 'edit-no-item', args: { list: "'demo'", item: "'nope'" } });
    expect(reason(() => addItem(source, 'demo', 'nope', 'item z "z" { important }'))).toEqual({ code: 'QD4015', id: 'edit-no-scenario', args: { list: "'demo'", scenario: "'nope'" } });
    expect(reason(() => addItem(source, 'demo', 'rd', 'item a "重复" { important }'))).toEqual({ code: 'QD4015', id: 'edit-item-exists', args: { list: "'demo'", item: "'a'" } });
    expect(reason(() => addItem(source, 'demo', 'rd', 'item broken {'))).toMatchObject({ id: 'edit-not-one-item' });
  });
});

