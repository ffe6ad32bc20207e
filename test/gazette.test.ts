/** Gazettes: golden Markdown, fidelity of every policy string, escaping, watermarks and footers. */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { displayTitle } from '../compiler/emit/gazette/list.js';
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
    // The colophon carries the commit and digest, which change with every commit: asserted below instead.
    const files = (await readdir(join(outDir, 'gazette'), { recursive: true })).filter((f) => f.endsWith('.md') && f !== 'colophon.md').sort();
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
      for (const s of [displayTitle(list), ...list.notes]) expect(text).toContain(s);
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

  it('watermarks drafts and consultation versions, and only those', async () => {
    const icv = artifact.lists.find((l) => l.id === 'icv')!;
    const draft = artifact.lists.find((l) => l.status === 'draft')!;
    expect(await page(`lists/${icv.id}.html`)).toContain(`<div class="watermark" aria-hidden="true">${icv.status === 'consultation' ? '征求意见稿' : '草案'}</div>`);
    expect(await page(`lists/${draft.id}.html`)).toContain('<div class="watermark" aria-hidden="true">草案</div>');
    expect(await page('measures.html')).not.toContain('class="watermark"');
  });
});

/** Every official page: all but the colophon. */
async function officialPages(ext: 'md' | 'html'): Promise<string[]> {
  return (await readdir(join(outDir, 'gazette'), { recursive: true })).filter((f) => f.endsWith(`.${ext}`) && !f.startsWith('colophon.')).sort();
}

describe('gazette official text', () => {
  it('shows no internal id, proposal or build data on an official page; the colophon has them', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    const digest: string = manifest.artifacts['policy.json'].sha256;
    const ids = [
      ...artifact.documents.flatMap((d) => d.chapters.flatMap((c) => c.articles.map((a) => a.id))),
      ...artifact.lists.flatMap((l) => [l.id, ...(l.proposal ? [l.proposal] : []), ...l.scenarios.flatMap((s) => s.items.map((i) => i.id))]),
    ];
    const internal = /\b[a-z][a-z0-9-]*\.(?:art\d+|[a-z][a-z0-9-]*)\b|\b\d{4}-\d{4}-[a-z][a-z0-9-]*\b|sha256|[0-9a-f]{40}|含未提交修改|政策版本/;
    const pages = [...(await officialPages('html')).map((f) => ['html', f] as const), ...(await officialPages('md')).map((f) => ['md', f] as const)];
    expect(pages).toHaveLength(2 * (artifact.documents.length + artifact.lists.length + 3)); // + index, annex, baseline
    for (const [kind, f] of pages) {
      // What a reader sees: the HTML's text, or the Markdown without its link destinations.
      const raw = await page(f);
      const text = kind === 'html' ? visibleText(raw.replace(/<(title|style)>[^]*?<\/\1>/g, '')) : raw.replace(/\]\([^)]*\)/g, ']');
      expect(text, f).not.toMatch(internal);
      for (const id of ids) expect(text.includes(id), `${id} on ${f}`).toBe(false);
      expect(text).not.toContain(digest);
      if (manifest.source.commit) expect(text).not.toContain(manifest.source.commit);
    }
    const colophon = visibleText(await page('colophon.html'));
    expect(colophon).toContain(manifest.policyVersion);
    expect(colophon).toContain(digest);
    if (manifest.source.commit) expect(colophon).toContain(manifest.source.commit);
    for (const id of ids.filter((i) => !i.includes('.art'))) expect(colophon).toContain(id);
    // Where the transcription came from is for auditors too.
    for (const d of artifact.documents.filter((x) => x.source)) {
      expect(colophon).toContain(d.source!);
      expect(visibleText(await page(`${d.id}.html`))).not.toContain(d.source!);
    }
    expect(visibleText(await page('lists/icv.html'))).toContain('版本与核对信息');
  });

  it('cites articles as 《…》第十条 with a link to the article', async () => {
    const html = await page('lists/icv.html');
    expect(html).toContain('<a href="../measures.html#measures.art10">《中国（广东）自由贸易试验区数据出境负面清单管理办法（试行）》第十条</a>');
    expect(await page('lists/icv.md')).toContain('[《中国（广东）自由贸易试验区数据出境负面清单管理办法（试行）》第十条](../measures.md)');
  });

  it('numbers the items of a list through all its scenarios in a 序号 column', async () => {
    for (const list of artifact.lists) {
      const html = await page(`lists/${list.id}.html`);
      const heads = html.match(/<th>序号<\/th>/g) ?? [];
      expect(heads).toHaveLength(list.scenarios.length);
      const count = list.scenarios.reduce((n, s) => n + s.items.length, 0);
      const numbers = [...html.matchAll(/<tr>\n<td(?: rowspan="\d+")?>(\d+)<\/td>/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });

  it('writes the Markdown files as plain CommonMark with GFM tables; merged cells only in the HTML', async () => {
    for (const f of await readdir(join(outDir, 'gazette'), { recursive: true })) {
      if (!f.endsWith('.md')) continue;
      const text = await page(f);
      expect(text, f).not.toMatch(/\{[#.]?[a-z]+=?[^}\s]*\}|(?<!\\)\^\^/);
    }
    const annex = await page('annex.md');
    const first = artifact.annex.categories[0]!;
    // The category's name is in each of its rows, where the HTML merges the cells.
    expect(annex.split('\n').filter((l) => l.includes(`（一）${first.name}`))).toHaveLength(first.subcategories.length);
    expect(await page('lists/icv.html')).toMatch(/<td rowspan="\d+">\d+<\/td>/);
  });

  it('keeps one index entry per document, statuses in plain words and （草案） only on drafts', async () => {
    const index = visibleText(await page('index.html'));
    expect(index).not.toMatch(/（草案）（草案）|（已批准（/);
    expect(index.match(/促进和规范数据跨境流动规定/g)).toHaveLength(2); // the entry and its threshold summary's name
    for (const list of artifact.lists) {
      const title = list.title.replace(/（草案）$/, '');
      const draft = list.status === 'draft' || list.status === 'consultation';
      expect(index).toContain(`《${title}${draft ? '（草案）' : ''}》`);
      if (!draft) expect(index).not.toContain(`《${title}（草案）》`);
    }
  });
});

describe('the notice of an adopted list', () => {
  /** The real policy with the e-commerce list's clauses after `status approved` replaced by `clauses`. */
  async function buildWith(clauses: string): Promise<{ diagnostics: Array<{ code: string }>; dir: string }> {
    const work = await tempDir();
    await cp(join(ROOT, 'policy'), join(work, 'policy'), { recursive: true });
    await writeFile(join(work, 'package.json'), JSON.stringify({ version: '0.0.1' }));
    const file = join(work, 'policy/lists/cross-border-ecommerce.qd');
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/\n {2}status approved\n/);
    await writeFile(file, text.replace(/\n {2}status approved\n/, `\n  status approved\n${clauses}`));
    const r = await build({ paths: ['policy'], outDir: join(work, 'dist'), root: work });
    return { diagnostics: r.diagnostics.filter((d) => d.severity === 'error'), dir: join(work, 'dist/gazette') };
  }

  it('prints the declared 发布机关, 文号 and 发布日期, and no placeholder', async () => {
    const { diagnostics, dir } = await buildWith('  issuer "广东省某管理机构"\n  docnumber "粤某〔2026〕1号"\n  published 2026-09-15\n');
    expect(diagnostics).toEqual([]);
    const text = visibleText(await readFile(join(dir, 'lists/cross-border-ecommerce.html'), 'utf8'));
    expect(text).toContain('关于发布《跨境电子商务和零售领域数据出境负面清单》的公告');
    expect(text).toContain('粤某〔2026〕1号');
    expect(text).toContain('广东省某管理机构');
    expect(text).toContain('2026年9月15日');
    expect(text).not.toMatch(/待定|待确认|（草案）/);
    expect(await readFile(join(dir, 'lists/cross-border-ecommerce.html'), 'utf8')).toContain('<p class="signature">广东省某管理机构</p>');
  });

  it('marks an unconfirmed date, and placeholders for what is not declared', async () => {
    const { diagnostics, dir } = await buildWith('  published 2026-09-15 unconfirmed\n');
    expect(diagnostics).toEqual([]);
    const text = visibleText(await readFile(join(dir, 'lists/cross-border-ecommerce.html'), 'utf8'));
    expect(text).toContain('2026年9月15日【待确认】');
    expect(text).toContain('【发布机关待定】');
    expect(text).toContain('【文号待定】');
  });

  it('refuses a clause given twice, and a date that is not one, with located codes', async () => {
    expect((await buildWith('  issuer "甲"\n  issuer "乙"\n')).diagnostics.map((d) => d.code)).toEqual(['QD2010']);
    expect((await buildWith('  docnumber "甲"\n  docnumber "乙"\n')).diagnostics.map((d) => d.code)).toEqual(['QD2010']);
    const bad = (await buildWith('  published 2026-02-30\n')).diagnostics.map((d) => d.code);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^QD3\d{3}$/);
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
