/** A legal document (the measures, the national paraphrase) as a gazette page in Markdown. */
import type { LegalDocument } from '../../../runtime/artifact.js';
import { addYears } from '../../check/trial.js';
import type { Flavour } from './flavour.js';
import { chineseNumeral, dateZh, dayBefore, md } from './text.js';

export function documentMarkdown(doc: LegalDocument, f: Flavour): string {
  const out = [`# ${md(doc.title)}${f.anchor(doc.id)}`, ''];
  if (doc.numbering === 'inferred') {
    out.push(`> **条号为推定（inferred numbering）。** ${md(doc.numberingNote ?? '原文未标注条号。')}${f.cls('inferred-note')}`, '');
  }
  if (doc.paraphrase) {
    out.push('> **概述，非官方文本。** 以下各条为 qingdan 维护者撰写的内容概述，并非该规定的正式文本；引用请以官方公布文本为准。' + f.cls('paraphrase-note'), '');
  }
    if (doc.published) out.push(...publication(doc.published, doc.trial, f), '');
  const marker = doc.numbering === 'inferred' ? '（条号推定）' : '';
  for (const chapter of doc.chapters) {
    out.push(`## 第${chineseNumeral(chapter.number)}章　${md(chapter.title)}${f.anchor(`${doc.id}.ch${chapter.number}`)}`, '');
    for (const article of chapter.articles) {
      out.push(`### 第${chineseNumeral(article.number)}条${marker}${f.anchor(article.id)}`, '');
      for (const p of article.paragraphs) out.push(md(p), '');
      for (const sic of article.sic) {
        out.push(`编者注：原文作“${md(sic.text)}”，当为“${md(sic.correction)}”；正文照录原文。${f.cls('editorial')}`, '');
      }
    }
  }
  return out.join('\n');
}

/** The publication date and trial period, with a placeholder date shown as one. */
function publication(published: NonNullable<LegalDocument['published']>, trial: LegalDocument['trial'], f: Flavour): string[] {
  const date = published.confirmed ? dateZh(published.date) : `${dateZh(published.date)}【待确认】`;
  const lines = [`发布日期：${date}；自发布之日起施行。${f.cls('publication')}`];
  if (trial) {
    const last = dayBefore(addYears(published.date, trial.years));
    const years = trial.years === 2 ? '两' : chineseNumeral(trial.years);
    lines.push('', `试行期：${years}年，${dateZh(published.date)}至${dateZh(last)}${published.confirmed ? '' : '【随发布日期待确认】'}；试行期届满，各负面清单随之失效（推定）。${f.cls('publication')}`);
  }
  if (!published.confirmed) lines.push('', `> **发布日期待确认（to be confirmed）。** ${md(published.note ?? '所据文本未载明发布日期。')}${f.cls('unconfirmed')}`);
  return lines;
}
