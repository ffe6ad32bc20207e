/**
 * `qingdan site`: the board and a proposal page against golden files, byte-identical output
 * from the same commit and date, every link resolving inside the site, no external request,
 * and history read from git objects (an uncommitted edit does not show).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, RENAMED, siteRepo } from './site-fixture.js';
import { diagnosticLine, runCli } from './support.js';

let repo: string;
let site: string;
beforeAll(async () => {
  repo = await siteRepo();
  site = await buildSite(repo);
}, 60_000);

const golden = (name: string) => join(import.meta.dirname, 'golden', 'site', name);
const read = (path: string) => readFileSync(join(site, path), 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('qingdan site', () => {
  it('writes the board and the proposal page as the golden files', async () => {
    await expect(read('index.html')).toMatchFileSnapshot(golden('index.html'));
    await expect(read('proposals/2026-0001-icv.html')).toMatchFileSnapshot(golden('2026-0001-icv.html'));
  });

  it('writes the gazette, a page per proposal and the stylesheet', () => {
    const all = files(site);
    expect(all).toEqual(expect.arrayContaining(['index.html', 'site.css', 'proposals/2026-0001-icv.html', 'gazette/index.html', 'gazette/lists/icv.html', 'gazette/measures.html', 'gazette/gazette.css']));
  });

  it('links each gazette page back to the board', () => {
    expect(read('gazette/lists/icv.html')).toContain('<footer class="gazette"><a href="../../index.html">提案公示板</a> · ');
    expect(read('gazette/measures.html')).toContain('<a href="../index.html">提案公示板</a>');
  });

  it('gives byte-identical files for the same commit and date', async () => {
    const again = await buildSite(repo, 'site-again');
    const names = files(site);
    expect(files(again)).toEqual(names);
    for (const name of names) expect(readFileSync(join(again, name), 'utf8'), name).toBe(read(name));
  });

  it('links only inside the site, and every link and anchor it names exists', () => {
    for (const page of files(site).filter((f) => f.endsWith('.html') || f.endsWith('.css'))) {
      const text = read(page);
      expect(text, page).not.toMatch(/(?:href|src)="(?:[a-z]+:)?\/\//i);
      // The self-assessment page alone runs a script: the runtime, bundled into the site's own
      // app.js, deciding from the policy the page carries (JSON, never run).
      const scripts = page === 'self-assessment/index.html' ? text.replace('<script src="app.js"></script>', '').replace('<script type="application/json" id="qd-bundle">', '') : text;
      expect(scripts, page).not.toMatch(/url\(|@import|<script/i);
      for (const [, href] of text.matchAll(/href="([^"]*)"/g)) {
        const [path, anchor] = href!.split('#');
        const target = path ? relative(site, resolve(site, dirname(page), decodeURIComponent(path!))) : page;
        expect(files(site), `${page} → ${href}`).toContain(target);
        if (anchor) expect(read(target), `${page} → ${href}`).toContain(`id="${decodeURIComponent(anchor)}"`);
      }
    }
  });

  it('marks the renamed item deleted and inserted in the revision view, and the board links the concern to its item', () => {
    const page = read('proposals/2026-0001-icv.html');
    expect(page).toContain(`<del>${RENAMED.from}</del><ins>${RENAMED.to}</ins>`);
    const board = read('index.html');
    expect(board).toMatch(/<td>k-001<\/td><td>关切（阻止批准）<\/td><td>车主个人信息的量级门槛[^<]*<\/td><td>冯占位（虚构）<\/td><td><a href="gazette\/lists\/icv.html#icv.owner-pi">/);
    expect(board).toContain('<td>c-003</td><td>意见（待答复）</td>');
    expect(page).toMatch(/<td>c-004<\/td>.*<strong>不采纳<\/strong>：测绘地理信息数据/);
    expect(page).toContain('已失效：所签内容已变更');
  });

  it('reads the commit, not the working tree', async () => {
    writeFileSync(join(repo, 'proposals/2026-0001-icv/comments/c-009.yaml'), 'author: 未提交\ndate: 2026-11-30\ntarget: icv\ntext: 未提交的意见\n');
    const out = await buildSite(repo, 'site-uncommitted');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('未提交的意见');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(read('index.html'));
  });

  it('dated before a record, says the record is later than the page instead of counting negative days', async () => {
    const run = await runCli(['site', '-o', 'site-early', '--date', '2026-11-01'], { cwd: repo });
    expect(run.code).toBe(0);
    const board = readFileSync(join(repo, 'site-early', 'index.html'), 'utf8');
    expect(board).not.toMatch(/-\d+ 天/);
    expect(board).toContain('<time datetime="2026-11-20">2026年11月20日</time>提出，晚于本页日期');
  });

  it('refuses an invalid date and a bad revision with exit 2', async () => {
    expect((await runCli(['site', '--date', '2026-13-01', '-o', 'x'], { cwd: repo })).code).toBe(2);
    const bad = await runCli(['site', '--head', 'no-such-rev', '-o', 'x'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(diagnosticLine('git-failed-revision', { revision: 'no-such-rev' }));
    // The revision named is the one git could not read, --base as well as --head.
    const badBase = await runCli(['site', '--base', 'no-such-base', '-o', 'x'], { cwd: repo });
    expect([badBase.code, badBase.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('git-failed-revision', { revision: 'no-such-base' })]);
  });
});
