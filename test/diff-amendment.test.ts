/**
 * Golden amendment texts: each phrase of a 修改决定, from a compiled policy changed in memory
 * (a new list, an item added in the middle, two added at once, an item removed, a threshold
 * changed, a list's name and period changed), and metadata that never reaches a decision.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { amendmentText, renumberingText } from '../compiler/diff/amendment.js';
import { diffPolicies } from '../compiler/diff/diff.js';
import type { ListItem, NegativeList, PolicyArtifact } from '../runtime/artifact.js';
import { buildRealPolicy } from './support.js';

let base: PolicyArtifact;
let list: NegativeList;
beforeAll(async () => {
  ({ artifact: base } = await buildRealPolicy());
  list = base.lists.find((l) => l.id === 'cross-border-ecommerce')!;
});

/** The policy with the list replaced by `edit(list)` (or removed when it returns undefined). */
function withList(edit: (l: NegativeList) => NegativeList | undefined): PolicyArtifact {
  return { ...base, lists: base.lists.flatMap((l) => (l.id === list.id ? (edit(l) ? [edit(l)!] : []) : [l])) };
}

/** The list with the items of its first scenario replaced by `edit(items)`. */
function withItems(edit: (items: readonly ListItem[]) => ListItem[]): PolicyArtifact {
  return withList((l) => ({ ...l, scenarios: l.scenarios.map((s, i) => (i === 0 ? { ...s, items: edit(s.items) } : s)) }));
}

const newItem = (n: number): ListItem => ({
  id: `${list.id}.new-${n}`,
  title: `新增数据项${n}`,
  category: list.sector,
  fields: ['字段甲', '字段乙'],
  description: '用于说明的新增数据项。',
  important: false,
  ladder: [{ pathway: 'security-assessment', when: { measure: 'persons', min: 1_000_000 }, basis: ['measures.art10'] }],
  basis: ['measures.art10'],
  notes: [],
});

const text = (before: PolicyArtifact, after: PolicyArtifact) => amendmentText(diffPolicies(before, after), before, after);
const golden = (name: string) => join('__snapshots__/amendments', `${name}.txt`);

describe('amendment text (修改决定)', () => {
  it('publishes a new list (发布), never 关于修改', async () => {
    const before = withList(() => undefined);
    const t = text(before, base);
    expect(t).not.toContain('关于修改');
    await expect(t).toMatchFileSnapshot(golden('new-list'));
  });

  it('repeals a withdrawn list (废止)', async () => {
    await expect(text(base, withList(() => undefined))).toMatchFileSnapshot(golden('removed-list'));
  });

  it('adds an item in the middle: where, what, and the renumbering that follows', async () => {
    const t = text(base, withItems((items) => [items[0]!, items[1]!, newItem(1), ...items.slice(2)]));
    expect(t).toContain('一、在第二项后增加一项，作为第三项：“');
    expect(t).toContain('二、原第三项至');
    await expect(t).toMatchFileSnapshot(golden('added-item'));
  });

  it('adds two consecutive items as one amendment, and an item at the head', async () => {
    const t = text(base, withItems((items) => [newItem(0), items[0]!, newItem(1), newItem(2), ...items.slice(1)]));
    expect(t).toContain('一、在第一项前增加一项，作为第一项：“');
    expect(t).toContain('二、在第一项后增加两项，作为第三项、第四项：“');
    await expect(t).toMatchFileSnapshot(golden('added-items'));
  });

  it('removes an item (删除第X项) and renumbers the rest', async () => {
    const t = text(base, withItems((items) => items.filter((_, i) => i !== 1)));
    expect(t).toContain('一、删除第二项。');
    await expect(t).toMatchFileSnapshot(golden('removed-item'));
  });

  it('changes a threshold, quoting the new volumes and pathways', async () => {
    const t = text(
      base,
      withItems((items) => [{ ...items[0]!, ladder: items[0]!.ladder.map((r, i) => (i === 0 ? { ...r, when: { measure: 'persons', min: 500_000 } } : r)) }, ...items.slice(1)]),
    );
    expect(t).toContain('一、将第一项的量级及出境路径修改为：“50万人以上个人信息的，申报数据出境安全评估');
    await expect(t).toMatchFileSnapshot(golden('changed-threshold'));
  });

  it('amends the name and period in words, and keeps proposal, status, issuer and 文号 out', async () => {
    const t = text(base, withList((l) => ({ ...l, title: '跨境电子商务领域数据出境负面清单', effective: { from: '2027-01-01', until: '2028-07-01' }, proposal: '2027-0001-x', status: 'in-force', issuer: '某机关', docnumber: '某〔2027〕1号' })));
    for (const word of ['2027-0001-x', 'in-force', '状态', '某机关', '某〔2027〕1号', '提案']) expect(t).not.toContain(word);
    await expect(t).toMatchFileSnapshot(golden('changed-particulars'));
    expect(text(base, withList((l) => ({ ...l, proposal: '2027-0001-x', status: 'in-force' })))).toBe('无修改。\n');
    const basis = text(base, withList((l) => ({ ...l, basis: ['measures.art9', 'measures.art10'] })));
    expect(basis).toContain('一、将制定依据修改为：《中国（广东）自由贸易试验区数据出境负面清单管理办法（试行）》第九条、《中国（广东）自由贸易试验区数据出境负面清单管理办法（试行）》第十条。');
  });
});

describe('renumbering', () => {
  it('groups runs moved by the same offset', () => {
    expect(renumberingText([{ from: 3, to: 4 }, { from: 4, to: 5 }, { from: 5, to: 6 }])).toBe('原第三项至第五项依次改为第四项至第六项');
    expect(renumberingText([{ from: 2, to: 1 }, { from: 5, to: 3 }, { from: 6, to: 4 }])).toBe('原第二项改为第一项，原第五项至第六项依次改为第三项至第四项');
    expect(renumberingText([{ from: 1, to: 1 }])).toBeUndefined();
  });
});
