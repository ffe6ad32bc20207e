/**
 * The compiled measures and annex against the seed text (policy/sources/measures.seed.txt),
 * read here by a deliberately plain, separate reader of the seed's lines and table rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { buildRealPolicy, seedText } from './support.js';

let artifact: PolicyArtifact;
let seed: string;
beforeAll(async () => {
  ({ artifact } = await buildRealPolicy());
  seed = await seedText();
});

const squash = (s: string) => s.replace(/\s+/g, '');

/** Rows of the annex table: tab-separated cells after the header row. */
function tableRows(text: string): string[][] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('一级类别'));
  return lines.slice(header + 1).filter((l) => l.trim() !== '').map((l) => l.split('\t'));
}

/** The merged example cells as the seed's table reads (first..last subcategory number). */
const EXAMPLE_GROUPS = [[1, 2], [3, 7], [8, 10], [11, 14], [15, 17], [18, 18], [19, 19], [20, 21], [22, 25], [26, 26], [27, 32], [33, 34], [35, 36], [37, 38], [39, 40]];

describe('the measures', () => {
  const measures = () => artifact.documents.find((d) => d.id === 'measures')!;

  it('has 6 chapters and 31 articles numbered 1..31, marked as inferred numbering', () => {
    const m = measures();
    expect(m.chapters.map((c) => c.title)).toEqual(['总则', '职责及分工', '负面清单制定及管理', '负面清单实施', '监督管理', '附则']);
    const articles = m.chapters.flatMap((c) => c.articles);
    expect(articles.map((a) => a.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(articles.map((a) => a.id)).toContain('measures.art13');
    expect(m.numbering).toBe('inferred');
  });

  it('reproduces the body text of the seed exactly, in order, without loss', () => {
    const body = seed.slice(seed.indexOf('第一章 总则'), seed.indexOf('附件：'));
    const withoutHeadings = body.replace(/第[一二三四五六]章 [^\n]+\n/g, '');
    const ours = measures().chapters.flatMap((c) => c.articles.flatMap((a) => a.paragraphs)).join('');
    expect(squash(ours)).toBe(squash(withoutHeadings));
  });

  it('numbers the hard-wrapped paragraphs by the length of their first line (31 articles, not 32)', () => {
    // In the seed's hard-wrapped lines (about 28 characters), an article's first line lost the
    // dropped "第X条" and its indent (≤ 22 characters); a second paragraph lost only the indent.
    const lines = seed.split('\n');
    const firstLine = (start: string) => lines.find((l) => l.startsWith(start))!;
    const articleOf = (start: string) => measures().chapters.flatMap((c) => c.articles).find((a) => a.paragraphs.some((p) => p.startsWith(start)))!;
    const starts = ['省级管理部门应严格落实', '各区域管理机构应制定具体的管理细则', '省级管理部门联合行业主管部门定期', '数据处理者开展数据出境活动，我国缔结或者'];
    for (const s of starts) {
      expect([...firstLine(s)].length, s).toBeLessThanOrEqual(22);
      expect(articleOf(s).paragraphs[0], s).toMatch(new RegExp(`^${s}`));
    }
    const platform = '支持各区域管理机构建设';
    expect([...firstLine(platform)].length).toBeGreaterThanOrEqual(25);
    const art19 = articleOf(platform);
    expect(art19.id).toBe('measures.art19');
    expect(art19.paragraphs.map((p) => p.slice(0, 10))).toEqual(['各区域管理机构应制定', platform.slice(0, 10)]);
    expect(articleOf('数据处理者开展数据出境活动，我国缔结或者').id).toBe('measures.art25');
    expect(articleOf('本办法自发布之日起施行').id).toBe('measures.art31');
  });

  it('keeps each typo of the seed and annotates it', () => {
    const sics = measures().chapters.flatMap((c) => c.articles.flatMap((a) => a.sic.map((s) => `${a.number}:${s.text}→${s.correction}`)));
    expect(sics).toEqual(['5:数据处理器→数据处理者', '19:数据处理器→数据处理者', '20:数据处理器→数据处理者', '21:网络数据安全条例→网络数据安全管理条例']);
  });
});

describe('the annex', () => {
  it('has the 5 general identification rules with the seed wording', () => {
    const lines = seed.split('\n').filter((l) => /^- \d\./.test(l)).map((l) => l.replace(/^- \d\./, '').trim());
    expect(lines).toHaveLength(5);
    expect(artifact.annex.generalRules.rules.map((r) => r.text)).toEqual(lines);
    expect(artifact.annex.generalRules.rules.map((r) => r.id)).toEqual(['annex.rule1', 'annex.rule2', 'annex.rule3', 'annex.rule4', 'annex.rule5']);
  });

  it('types the numeric general rules as conditions with the regulation thresholds', () => {
    const [, r2, r3] = artifact.annex.generalRules.rules;
    expect(r2!.when).toEqual({
      any: [
        { measure: 'persons', min: 10_000_000 },
        { measure: 'sensitive', min: 1_000_000 },
        // Rule 2's kinds end in 等: other-sensitive stands for a kind it does not name.
        { all: [{ measure: 'sensitive', min: 100_000 }, { kindsAny: ['bank-account', 'insurance-account', 'registered-account', 'medical', 'other-sensitive'] }] },
      ],
    });
    // Rule 3 does not exclude sensitive personal information.
    expect(r3!.when).toEqual({ all: [{ ciio: true }, { any: [{ measure: 'persons', min: 100_000 }, { measure: 'sensitive', min: 100_000 }] }] });
  });

  it('has 13 categories and 40 subcategories whose names and descriptions match the table', () => {
    const rows = tableRows(seed);
    const subRows = rows.filter((r) => /^\d+\.\s?/.test(r[1] ?? ''));
    expect(subRows).toHaveLength(40);
    const subs = artifact.annex.categories.flatMap((c) => c.subcategories);
    expect(artifact.annex.categories).toHaveLength(13);
    expect(subs).toHaveLength(40);
    subRows.forEach((row, i) => {
      const sub = subs[i]!;
      expect(sub.code).toBe(`S${String(i + 1).padStart(2, '0')}`);
      expect(sub.name).toBe(row[1]!.replace(/^\d+\.\s?/, '').trim());
      const description = (row[2] ?? '').trim();
      expect(sub.description ?? '').toBe(description);
    });
  });

  it('has the category names of the table, cleaned of the extraction spaces and line splits', () => {
    const names: string[] = [];
    for (const row of tableRows(seed)) {
      const cell = (row[0] ?? '').trim();
      if (!cell || !/^\d+\./.test(row[1] ?? '')) continue;
      const clean = squash(cell).replace(/^[（(][一二三四五六七八九十]+[）)]/, '');
      if (/^[（(]/.test(squash(cell))) names.push(clean);
      else names[names.length - 1] += clean; // "金融" / "类" split over two rows
    }
    expect(artifact.annex.categories.map((c) => c.name)).toEqual(names);
    expect(names).toContain('金融类');
    expect(names).toContain('自然资源和环境类');
  });

  it('attaches each example text to the group of subcategories its merged cell spans', () => {
    const examples = artifact.annex.categories.flatMap((c) => c.examples);
    expect(examples.map((e) => [Number(e.covers[0]!.slice(1)), Number(e.covers.at(-1)!.slice(1))])).toEqual(EXAMPLE_GROUPS);
    const seedExamples = tableRows(seed)
      .map((r) => (/^\d+\./.test(r[1] ?? '') ? (r[3] ?? '') : r.slice(1).join('')))
      .join('');
    expect(squash(examples.map((e) => e.text).join(''))).toBe(squash(seedExamples));
  });

  it('links the subcategories that cite a standard to it', () => {
    const refs = artifact.annex.categories.flatMap((c) => c.subcategories.filter((s) => s.refers.length).map((s) => s.code));
    expect(refs).toEqual(['S08', 'S09', 'S11', 'S13', 'S15', 'S16', 'S17', 'S19']);
    const s16 = artifact.annex.categories.flatMap((c) => c.subcategories).find((s) => s.code === 'S16')!;
    expect(s16.refers).toHaveLength(2);
  });
});

describe('the national baseline', () => {
  it('holds the national thresholds of Arts 7 and 8 with their citations', () => {
    const b = artifact.baseline;
    expect(b.counting).toBe('calendar-year');
    expect(b.ladder).toEqual([
      { pathway: 'security-assessment', when: { any: [{ measure: 'persons', min: 1_000_000 }, { measure: 'sensitive', min: 10_000 }] }, basis: ['national.art7'] },
      {
        pathway: 'standard-contract-or-certification',
        when: { any: [{ measure: 'persons', min: 100_000, max: 1_000_000 }, { measure: 'sensitive', min: 1, max: 10_000 }] },
        basis: ['national.art8'],
      },
    ]);
    expect(b.exemptions.map((e) => e.code)).toEqual(['art3', 'art4', 'art5.1', 'art5.2', 'art5.3']);
    expect(b.validity).toEqual({ pathway: 'security-assessment', years: 3, basis: ['national.art9'] });
  });

  it('marks the national text as our paraphrase, not the official wording', () => {
    expect(artifact.documents.find((d) => d.id === 'national')!.paraphrase).toBe(true);
  });
});
