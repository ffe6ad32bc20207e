/**
 * The annex as a gazette page: the general identification rules, then the classification
 * table with the original's merged cells (category and example columns) kept as rowspans.
 */
import type { Annex } from '../../../runtime/artifact.js';
import type { Flavour } from './flavour.js';
import { chineseNumeral, conditionZh, md } from './text.js';

export function annexMarkdown(annex: Annex, f: Flavour): string {
  const kinds = new Map(annex.sensitiveKinds.map((k) => [k.code, k.name]));
  const out = [`# ${md(annex.title)}${f.anchor(annex.id)}`, '', `## ${md(annex.generalRules.title)}${f.anchor(`${annex.id}.general`)}`, ''];
  for (const rule of annex.generalRules.rules) {
    out.push(`${rule.number}\\. ${md(rule.text)}${f.anchor(rule.id)}`, '');
    out.push(...sicNotes(rule.text, annex.sic, f));
    if (rule.when) out.push(`释义（qingdan 的条件化表述，非原文）：${md(conditionZh(rule.when, kinds))}。${f.cls('reading')}`, '');
  }
  out.push(`## 分类分级参考表${f.anchor(`${annex.id}.table`)}`, '');
  out.push('| 一级类别 | 二级类别 | 数据基本信息描述 | 重要数据识别参考规则（示例） |', '| --- | --- | --- | --- |');
  let number = 0;
  let above = '';
  annex.categories.forEach((category, ci) => {
    category.subcategories.forEach((sub, si) => {
      number++;
      const categoryName = `（${chineseNumeral(ci + 1)}）${md(category.name)}`;
      const categoryCell = si === 0 ? `${categoryName}${f.anchor(category.id)}` : f.merged(categoryName);
      const example = category.examples.find((e) => e.covers.includes(sub.code));
      // A subcategory the example does not name sits in the merged cell above, as in the original.
      const exampleCell = example && example.covers[0] === sub.code ? `${md(example.text)}${f.anchor(example.id)}` : f.merged(example ? md(example.text) : above);
      above = example ? md(example.text) : above;
      out.push(`| ${categoryCell} | ${number}.${md(sub.name)}${f.anchor(sub.id)} | ${sub.description ? md(sub.description) : '—'} | ${exampleCell} |`);
    });
  });
  out.push('');
  for (const example of annex.categories.flatMap((c) => c.examples)) {
    const first = annex.categories.flatMap((c) => c.subcategories).findIndex((s) => s.code === example.covers[0]) + 1;
    out.push(...sicNotes(example.text, annex.sic, f, `第${first}项所在的示例`));
  }
  if (annex.standards.length > 0) {
    out.push(`## 引用标准${f.anchor('annex.standards')}`, '');
    for (const s of annex.standards) out.push(`- 《${md(s.title)}》${s.code ? `（${md(s.code)}）` : ''}${f.anchor(s.id)}`);
    out.push('');
  }
  return out.join('\n');
}

/** An editorial note for each typo of the original that `text` contains; the text stays as published. */
function sicNotes(text: string, sics: Annex['sic'], f: Flavour, where = ''): string[] {
  return (sics ?? []).filter((s) => text.includes(s.text)).flatMap((s) => [`编者注：${where}原文作“${md(s.text)}”，当为“${md(s.correction)}”；正文照录原文。${f.cls('editorial')}`, '']);
}
