/**
 * The semantic diff of a pure renumbering: the measures' 32-article reading against the
 * 31-article one (the one-stop platform paragraph as the second paragraph of Art. 19) is one
 * editorial change, breaking for citations, not thirteen rewritten articles and a removal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { amendmentText } from '../compiler/diff/amendment.js';
import { diffPolicies } from '../compiler/diff/diff.js';
import type { Article, LegalDocument, PolicyArtifact } from '../runtime/artifact.js';
import { buildRealPolicy } from './support.js';

let artifact: PolicyArtifact;
beforeAll(async () => {
  ({ artifact } = await buildRealPolicy());
});

/** The measures as they were numbered before: every paragraph of chapter 5 its own article. */
function thirtyTwoArticles(policy: PolicyArtifact): PolicyArtifact {
  const measures = policy.documents.find((d) => d.id === 'measures')!;
  let number = 0;
  const renumber = (a: Omit<Article, 'id' | 'number'>): Article => ({ ...a, id: `measures.art${++number}`, number });
  const chapters = measures.chapters.map((c) => ({
    ...c,
    articles: c.articles.flatMap((a) => (a.number === 19 ? a.paragraphs.map((p, i) => renumber({ paragraphs: [p], sic: i === 0 ? a.sic : [] })) : [renumber(a)])),
  }));
  const before: LegalDocument = { ...measures, chapters };
  return { ...policy, documents: policy.documents.map((d) => (d.id === 'measures' ? before : d)) };
}

describe('a renumbering in the semantic diff', () => {
  it('is one editorial, breaking change listing the moved paragraphs', () => {
    const before = thirtyTwoArticles(artifact);
    expect(before.documents.find((d) => d.id === 'measures')!.chapters.flatMap((c) => c.articles)).toHaveLength(32);
    const diff = diffPolicies(before, artifact);
    expect(diff.changes).toHaveLength(1);
    const change = diff.changes[0]!;
    expect(change).toMatchObject({ id: 'measures', entity: 'document', field: 'numbering', classification: 'editorial', breaking: true });
    expect((change.old as string[])[0]).toBe('art20');
    expect((change.new as string[])[0]).toBe('art19¶2');
    expect(change.old).toContain('art32');
    expect(change.new).toContain('art31');
    expect(diff.summary).toMatchObject({ editorial: 1, tightening: 0, loosening: 0, mixed: 0, breaking: 1 });
    const text = amendmentText(diff, before, artifact);
    expect(text).toContain('原第二十条改为第十九条第二款');
    expect(text).toContain('原第三十二条改为第三十一条');
  });

  it('is not taken for a renumbering when the wording changes as well', () => {
    const before = thirtyTwoArticles(artifact);
    const measures = artifact.documents.find((d) => d.id === 'measures')!;
    const reworded: LegalDocument = {
      ...measures,
      chapters: measures.chapters.map((c) => ({ ...c, articles: c.articles.map((a) => (a.number === 31 ? { ...a, paragraphs: ['本办法自发布之日起施行，试行期三年。'] } : a)) })),
    };
    const after = { ...artifact, documents: artifact.documents.map((d) => (d.id === 'measures' ? reworded : d)) };
    const diff = diffPolicies(before, after);
    expect(diff.changes.some((c) => c.field === 'numbering')).toBe(false);
    expect(diff.changes.some((c) => c.entity === 'article' && c.kind === 'removed' && c.id === 'measures.art32')).toBe(true);
  });
});
