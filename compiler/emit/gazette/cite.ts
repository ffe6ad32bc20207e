/** Citations as official text writes them: 《……》第十条, linked to the article in the gazette. */
import type { LegalDocument } from '../../../runtime/artifact.js';
import type { Flavour } from './flavour.js';
import { chineseNumeral, md } from './text.js';

/**
 * `measures.art10` → [《中国（广东）……（试行）》第十条](measures.html#measures.art10); `root` is the
 * path from the citing page to the gazette root. An id that names no article is cited by its
 * document's title alone.
 */
export function citation(id: string, documents: readonly LegalDocument[], root: string, flavour: Flavour): string {
  const [docId, part] = id.split('.');
  const doc = documents.find((d) => d.id === docId);
  if (!doc) return md(id);
  const article = /^art(\d+)$/.exec(part ?? '');
  const text = `《${md(doc.title)}》${article ? `第${chineseNumeral(Number(article[1]))}条` : ''}`;
  return `[${text}](${root}${flavour.href(doc.id, article ? id : undefined)})`;
}

/** Several citations, joined with 、. */
export function citations(ids: readonly string[], documents: readonly LegalDocument[], root: string, flavour: Flavour): string {
  return ids.map((id) => citation(id, documents, root, flavour)).join('、');
}
