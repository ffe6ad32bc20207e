/** Gazettes: golden Markdown, fidelity of every policy string, escaping, watermarks and footers. */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { buildRealPolicy, ROOT, tempDir } from './support.js';

let outDir: string;
let artifact: PolicyArtifact;
beforeAll(async () => {
  ({ outDir, artifact } = await buildRealPolicy());
});

const page = (name: string) => readFile(join(outDir, 'gazette', name), 'utf8');

/** The text a reader sees: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('gazette Markdown', () => {
  it('matches the golden snapshots', async () => {
    const files = (await readdir(join(outDir, 'gazette'), { recursive: true })).filter((f) => f.endsWith('.md')).sort();
    expect(files).toEqual(expect.arrayContaining(['index.md', 'measures.md', 'annex.md', 'baseline.md', 'national.md', 'lists/icv.md']));
    for (const f of files) await expect(await page(f)).toMatchFileSnapshot(join('__snapshots__/gazette', f));
  });
});

describe('gazette HTML', () => {
  it('shows every string of the measures and the annex exactly as written', async () => {
    const measures = visibleText(await page('measures.html'));
    const doc = artifact.documents.find((d) => d.id === 'measures')!;
    for (const p of doc.chapters.flatMap((c) => c.articles.flatMap((a) => a.paragraphs))) expect(measures).toContain(p);
    for (const c of doc.chapters) expect(measures).toContain(c.title);
    const annex = visibleText(await page('annex.html'));
    for (const r of artifact.annex.generalRules.rules) expect(annex).toContain(r.text);
    for (const c of artifact.annex.categories) {
      expect(annex).toContain(c.name);
      for (const s of c.subcategories) {
        expect(annex).toContain(s.name);
        if (s.description) expect(annex).toContain(s.description);
      }
      for (const e of c.examples) expect(annex).toContain(e.text);
    }
  });

  it('shows every string of every list exactly as written', async () => {
    for (const list of artifact.lists) {
      const text = visibleText(await page(`lists/${list.id}.html`));
      for (const s of [list.title, ...list.notes]) expect(text).toContain(s);
      for (const scenario of list.scenarios) {
        expect(text).toContain(scenario.title);
        for (const item of scenario.items) for (const s of [item.title, item.description ?? '', ...item.fields]) expect(text).toContain(s);
      }
    }
  });

  it('marks the inferred numbering on every article and annotates each typo of the original', async () => {
    const html = await page('measures.html');
    expect(html.match(/<h3 id="measures\.art\d+">第[一二三四五六七八九十]+条（条号推定）<\/h3>/g)).toHaveLength(31);
    expect(html).toContain('条号为推定');
    const text = visibleText(html);
    expect(text).toContain('编者注：原文作“数据处理器”，当为“数据处理者”');
    expect(text).toContain('编者注：原文作“网络数据安全条例”，当为“网络数据安全管理条例”');
  });

  it('keeps the merged cells of the annex table as rowspans', async () => {
    const html = await page('annex.html');
    expect(html).toContain('<td id="annex.C01" rowspan="2">');
    expect(html).toContain('<td id="annex.example.S27-S32" rowspan="6">');
    expect(html).toContain('<td id="annex.example.S18-S18">');
    expect(html.match(/<tr>/g)).toHaveLength(41); // header + 40 subcategories
  });

  it('watermarks drafts and consultation versions and footers every page with version, digest and commit', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    const icv = artifact.lists.find((l) => l.id === 'icv')!;
    const draft = artifact.lists.find((l) => l.status === 'draft')!;
    expect(await page(`lists/${icv.id}.html`)).toContain(`<div class="watermark" aria-hidden="true">${icv.status === 'consultation' ? '征求意见稿' : '草案'}</div>`);
    expect(await page(`lists/${draft.id}.html`)).toContain('<div class="watermark" aria-hidden="true">草案</div>');
    const measures = await page('measures.html');
    expect(measures).not.toContain('class="watermark"');
    expect(measures).toContain(`政策版本 ${manifest.policyVersion}`);
    expect(measures).toContain(`sha256 ${manifest.artifacts['policy.json'].sha256}`);
    if (manifest.source.commit) expect(measures).toContain(manifest.source.commit);
  });
});

describe('gazette safety', () => {
  it('never lets policy text reach the HTML unescaped', async () => {
    const work = await tempDir();
    await cp(join(ROOT, 'policy'), join(work, 'policy'), { recursive: true });
    await writeFile(join(work, 'package.json'), JSON.stringify({ version: '0.0.1' }));
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '[点我](javascript:alert(3))',
      '**粗体** {onclick=alert(4)} {id=measures.art1}',
      '&lt;已转义&gt; &amp; | 表格 | ^^',
    ];
    const list = `list evil "${hostile[0]}清单" {
  sector S16
  zones nansha
  status draft
  effective 2027-01-01 until 2028-07-01
  basis measures.art10
  note "${hostile[2]}"
  scenario s "${hostile[1]}" {
    item i "${hostile[3]}" {
      fields "${hostile[4]}", "正常字段"
      description "${hostile[0]}"
      important
    }
  }
}
`;
    await writeFile(join(work, 'policy/lists/evil.qd'), list);
    const r = await build({ paths: ['policy'], outDir: join(work, 'dist'), root: work });
    expect(r.diagnostics).toEqual([]);
    const html = await readFile(join(work, 'dist/gazette/lists/evil.html'), 'utf8');
    const tags = html.match(/<[^>]+>/g) ?? [];
    expect(tags.filter((t) => /^<\/?(script|img)\b|\son\w+=|javascript:/i.test(t))).toEqual([]);
    const text = visibleText(html);
    for (const s of hostile) expect(text).toContain(s);
    expect(html.match(/id="measures\.art1"/g)).toBeNull();
  });
});
