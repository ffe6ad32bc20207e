/**
 * The diff as a 修改决定: numbered amendments in the style of a Chinese amending decision
 * (一、将……修改为……；二、删除……), one decision per amended document or list, which a gazette
 * can print as the revision note.
 */
import type { PolicyArtifact } from '../../runtime/artifact.js';
import { chineseNumeral, conditionZh } from '../emit/gazette/text.js';
import type { PolicyChange, PolicyDiff } from './change.js';
import type { Decider } from './ladder.js';

function ladderText(d: Decider, kinds: ReadonlyMap<string, string>): string {
  if (d.important) return '列为重要数据，任意数量均应申报数据出境安全评估';
  const pathway = { 'security-assessment': '申报数据出境安全评估', 'standard-contract-or-certification': '订立个人信息出境标准合同或通过个人信息保护认证', exempt: '免予申报' } as const;
  return d.ladder.map((r) => `${conditionZh(r.when, kinds)}的，${pathway[r.pathway]}`).join('；');
}

function articleText(value: unknown): string {
  return Array.isArray(value) ? value.join('') : String(value);
}

function sentence(c: PolicyChange, kinds: ReadonlyMap<string, string>, itemTitles: ReadonlyMap<string, string>): string {
  switch (c.entity) {
    case 'article': {
      const n = chineseNumeral(Number(c.id.split('.art')[1]));
      if (c.kind === 'changed') return `将第${n}条修改为：“${articleText(c.new)}”`;
      if (c.kind === 'removed') return `删除第${n}条`;
      return `增加一条，作为第${n}条：“${articleText(c.new)}”`;
    }
    case 'item': {
      const item = `数据项“${itemTitles.get(c.id) ?? c.id}”`;
      if (c.kind === 'added') return `增加${item}`;
      if (c.kind === 'removed') return `删除${item}`;
      if (c.field === 'ladder' || c.field === 'important') return `将${item}的量级及出境路径修改为：${ladderText(c.new as Decider, kinds)}`;
      return `将${item}的${FIELD_ZH[c.field as keyof typeof FIELD_ZH] ?? c.field}修改为“${articleText(c.new)}”`;
    }
    case 'list':
      if (c.kind === 'changed' && c.field === 'title') return `将清单名称修改为“${String(c.new)}”`;
      if (c.kind === 'changed' && c.field === 'zones') return `将适用区域修改为：${(c.new as string[]).join('、')}`;
      return c.summary.zh;
    default:
      if (c.kind === 'changed' && typeof c.old === 'string' && typeof c.new === 'string') return `将“${c.old}”修改为“${c.new}”`;
      return c.summary.zh;
  }
}

const FIELD_ZH = { title: '名称', description: '描述', fields: '字段', category: '数据类别', scenario: '业务场景' } as const;

/** One 修改决定 per amended document or list, in the order of the diff. */
export function amendmentText(diff: PolicyDiff, base: PolicyArtifact, head: PolicyArtifact): string {
  const kinds = new Map(head.annex.sensitiveKinds.map((k) => [k.code, k.name]));
  const itemTitles = new Map([base, head].flatMap((p) => p.lists.flatMap((l) => l.scenarios.flatMap((s) => s.items.map((i) => [i.id, i.title] as const)))));
  const titles = new Map<string, string>([
    ...head.documents.map((d) => [d.id, d.title] as const),
    ...[...base.lists, ...head.lists].map((l) => [l.id, l.title] as const),
    [head.annex.id, head.annex.title],
    [`baseline:${head.baseline.id}`, `${head.baseline.title}（国家基线）`],
  ]);
  const groups = new Map<string, PolicyChange[]>();
  for (const c of diff.changes) groups.set(c.container, [...(groups.get(c.container) ?? []), c]);
  const out: string[] = [];
  for (const [container, changes] of groups) {
    const name = titles.get(container) ?? container;
    out.push(`关于修改《${name}》的决定`, '');
    changes.forEach((c, i) => {
      const text = sentence(c, kinds, itemTitles);
      // A quoted sentence closes the amendment itself: 将第二条修改为：“……。”
      out.push(`${chineseNumeral(i + 1)}、${text}${text.endsWith('。”') ? '' : '。'}`);
    });
    out.push('');
  }
  return out.length > 0 ? out.join('\n') : '无修改。\n';
}
