/** A legal document (the measures, the national paraphrase) as a gazette page in Markdown. */
import type { LegalDocument } from '../../../runtime/artifact.js';
import { addYears } from '../../check/trial.js';
import { chineseNumeral, md } from './text.js';

export function documentMarkdown(doc: LegalDocument): string {
  const out = [`# ${md(doc.title)} {id=${doc.id}}`, ''];
  if (doc.numbering === 'inferred') {
    out.push(`> **条号为推定（inferred numbering）。** ${md(doc.numberingNote ?? '原文未标注条号。')} {.inferred-note}`, '');
  }
  if (doc.paraphrase) {
    out.push('> **概述，非官方文本。** 以下各条为 qingdan 维护者撰写的内容概述，并非该规定的正式文本；引用请以官方公布文本为准。 {.paraphrase-note}', '');
  }
  if (doc.source) out.push(`来源：${md(doc.source)} {.source}`, '');
  if (doc.published) out.push(...publication(doc.published, doc.trial), '');
  const marker = doc.numbering === 'inferred' ? '（条号推定）' : '';
  for (const chapter of doc.chapters) {
    out.push(`## 第${chineseNumeral(chapter.number)}章　${md(chapter.title)} {id=${doc.id}.ch${chapter.number}}`, '');
    for (const article of chapter.articles) {
      out.push(`### 第${chineseNumeral(article.number)}条${marker} {id=${article.id}}`, '');
      for (const p of article.paragraphs) out.push(md(p), '');
      for (const sic of article.sic) {
        out.push(`编者注：原文作“${md(sic.text)}”，当为“${md(sic.correction)}”；正文照录原文。 {.editorial}`, '');
      }
    }
  }
  return out.join('\n');
}

/** The day before `date` (YYYY-MM-DD): the last day of a period that ends before `date`. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The publication date and trial period, with a placeholder date shown as one. */
function publication(published: NonNullable<LegalDocument['published']>, trial: LegalDocument['trial']): string[] {
  const date = published.confirmed ? published.date : `${published.date}（待确认）`;
  const lines = [`发布日期：${md(date)}；自发布之日起施行。 {.publication}`];
  if (trial) {
    const last = dayBefore(addYears(published.date, trial.years));
    const years = trial.years === 2 ? '两' : chineseNumeral(trial.years);
    lines.push('', `试行期：${years}年，${md(published.date)} 至 ${md(last)}${published.confirmed ? '' : '（随发布日期待确认）'}；试行期届满，各负面清单随之失效（推定）。 {.publication}`);
  }
  if (!published.confirmed) lines.push('', `> **发布日期待确认（to be confirmed）。** ${md(published.note ?? '所据文本未载明发布日期。')} {.unconfirmed}`);
  return lines;
}
