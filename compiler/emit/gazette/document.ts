/** A legal document (the measures, the national paraphrase) as a gazette page in Markdown. */
import type { LegalDocument } from '../../../runtime/artifact.js';
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
