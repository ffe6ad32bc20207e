/**
 * The semantic diff on fixture git repositories: each kind of change, its classification,
 * witnesses, amendment text and required bump, and the release check built on it.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile, rm, symlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { amendmentText } from '../compiler/diff/amendment.js';
import { numberedItems } from '../compiler/emit/gazette/list.js';
import { chineseNumeral } from '../compiler/emit/gazette/text.js';
import { declaredBump, judgeRelease, writeDiffChangeset } from '../compiler/diff/changesets.js';
import { diffMarkdown } from '../compiler/diff/markdown.js';
import { diffRevisions } from '../compiler/diff/run.js';
import { createAjv } from '../compiler/emit/validate.js';
import { diffSchema } from '../compiler/diff/schema.js';
import { generatePolicy } from '../bench/generate-policy.js';
import { ROOT, tempDir } from './support.js';

let repo: string;
let git: SimpleGit;
const commits: Record<string, string> = {};

async function edit(path: string, from: string | RegExp, to: string): Promise<void> {
  const file = join(repo, path);
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${path} changed nothing`);
  await writeFile(file, next);
}

async function commit(name: string, message: string): Promise<void> {
  await git.add('.');
  await git.commit(message);
  commits[name] = (await git.revparse(['HEAD'])).trim();
}

beforeAll(async () => {
  repo = await tempDir('qingdan-diff-');
  await cp(join(ROOT, 'policy'), join(repo, 'policy'), { recursive: true });
  await mkdir(join(repo, '.changeset'));
  await cp(join(ROOT, '.changeset/config.json'), join(repo, '.changeset/config.json'));
  await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'qingdan', version: '1.0.0' }));
  git = simpleGit(repo);
  await git.init(['-b', 'main']);
  await git.addConfig('user.name', 'Drafter').addConfig('user.email', 'drafter@example.org');
  await commit('base', 'baseline policy');

  // A threshold tightened: sensitive persons go to assessment from 5000 instead of 1万.
  await edit('policy/lists/icv.qd', /(item owner-pi[\s\S]*?)sensitive >= 1万\n(\s+contract when persons in 10万..100万 or sensitive in 1..)1万/, '$1sensitive >= 5000\n$2' + '5000');
  await commit('threshold', 'tighten owner-pi');
  // An item named as important data.
  await edit('policy/lists/icv.qd', /(item vehicle-diagnostics "[^"]*" \{\n)/, '$1      important\n');
  await edit('policy/lists/icv.qd', /(item vehicle-diagnostics[\s\S]*?)\n\s+(assessment|contract) when [^\n]*(\n\s+(assessment|contract) when [^\n]*)?/, '$1');
  await commit('important', 'vehicle diagnostics are important data');
  // An item removed (breaking: requests naming it break).
  await edit('policy/lists/icv.qd', /\n\s+item supplier-contacts "[^"]*" \{[\s\S]*?\n {4}\}/, '');
  await commit('removed', 'drop supplier contacts');
  // An article's wording (editorial).
  await edit('policy/measures.qd', '本办法自发布之日起施行，试行期两年。', '本办法自发布之日起施行，试行期三年。');
  await commit('wording', 'article 31 wording');
  // A list in a file with a Chinese name (paths must stay unquoted).
  await cp(join(repo, 'policy/lists/ai-training.qd'), join(repo, 'policy/lists/人工智能.qd'));
  await rm(join(repo, 'policy/lists/ai-training.qd'));
  await edit('policy/lists/人工智能.qd', /\n  zones ([^\n]+)/, '\n  zones $1, hengqin');
  await commit('zones', 'ai list also in Hengqin, in a file with a Chinese name');
  // A revision that does not compile.
  await edit('policy/zones.qd', 'basis measures.art5', 'basis measures.art99');
  await commit('broken', 'a typo');
  // A revision that breaks a file it does not touch: icv.qd still names the renamed category.
  await edit('policy/zones.qd', 'basis measures.art99', 'basis measures.art5');
  await edit('policy/annex.qd', 'sub S16 "智能网联汽车"', 'sub S16X "智能网联汽车"');
  await commit('orphaned', 'rename a category the icv list uses');
});

const between = async (a: string, b: string) => {
  const r = await diffRevisions(repo, commits[a]!, commits[b]!);
  if (!r.diff) throw new Error(r.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.args)}`).join('; '));
  return r;
};

describe('qingdan diff', () => {
  it('is empty between a revision and itself', async () => {
    const { diff } = await between('base', 'base');
    expect(diff!.changes).toEqual([]);
    expect(diff!.bump).toBe('none');
    expect(diffMarkdown(diff!)).toContain('No regulatory change.');
  });

  it('shows a tightened threshold with a witness volume whose pathway changes', async () => {
    const { diff, base, head } = await between('base', 'threshold');
    expect(diff!.changes).toHaveLength(1);
    const c = diff!.changes[0]!;
    expect(c).toMatchObject({ id: 'icv.owner-pi', entity: 'item', kind: 'changed', field: 'ladder', classification: 'tightening', breaking: false });
    expect(c.witnesses).toEqual([{ persons: 0, sensitive: 5000, old: 'standard-contract-or-certification', new: 'security-assessment' }]);
    expect(diff!.bump).toBe('minor');
    const amendment = amendmentText(diff!, base!, head!);
    const owner = numberedItems(base!.lists.find((l) => l.id === 'icv')!).find((n) => n.item.id === 'icv.owner-pi')!.number;
    expect(amendment).toContain('关于修改《智能网联汽车领域数据出境负面清单》的决定');
    expect(amendment).toContain(`一、将第${chineseNumeral(owner)}项的量级及出境路径修改为：“`);
    expect(amendment).toContain('5000人以上敏感个人信息的，申报数据出境安全评估');
  });

  it('classifies an item newly named as important data as tightening, with witnesses', async () => {
    const { diff } = await between('threshold', 'important');
    const c = diff!.changes.find((x) => x.id === 'icv.vehicle-diagnostics')!;
    expect(c).toMatchObject({ field: 'important', classification: 'tightening' });
    expect(c.witnesses!.length).toBeGreaterThan(0);
    expect(c.witnesses!.every((w) => w.new === 'security-assessment')).toBe(true);
    expect(c.witnesses).toContainEqual(expect.objectContaining({ persons: 0, sensitive: 0, old: 'exempt' }));
  });

  it('marks a removed item as loosening and breaking, requiring a major bump', async () => {
    const { diff, base, head } = await between('important', 'removed');
    expect(diff!.changes).toEqual([expect.objectContaining({ id: 'icv.supplier-contacts', kind: 'removed', classification: 'loosening', breaking: true })]);
    expect(diff!.bump).toBe('major');
    const items = numberedItems(base!.lists.find((l) => l.id === 'icv')!);
    const gone = items.find((n) => n.item.id === 'icv.supplier-contacts')!.number;
    const text = amendmentText(diff!, base!, head!);
    expect(text).toContain(`一、删除第${chineseNumeral(gone)}项。`);
    if (gone < items.length) expect(text).toContain(`二、原第${chineseNumeral(gone + 1)}项`);
  });

  it('shows an article edit as editorial with the old and new wording', async () => {
    const { diff, base, head } = await between('removed', 'wording');
    expect(diff!.changes).toEqual([expect.objectContaining({ id: 'measures.art31', field: 'text', classification: 'editorial', old: ['本办法自发布之日起施行，试行期两年。'], new: ['本办法自发布之日起施行，试行期三年。'] })]);
    expect(diff!.bump).toBe('patch');
    expect(amendmentText(diff!, base!, head!)).toContain('一、将第三十一条修改为：“本办法自发布之日起施行，试行期三年。”\n');
    const md = diffMarkdown(diff!);
    expect(md).toContain('> 本办法自发布之日起施行，试行期两年。');
    expect(md).toContain('> 本办法自发布之日起施行，试行期三年。');
  });

  it('reads Chinese file names and classifies a list extended to a zone', async () => {
    const { diff } = await between('wording', 'zones');
    expect(diff!.changes).toEqual([expect.objectContaining({ id: 'ai-training', field: 'zones', classification: 'loosening' })]);
  });

  it('sums a series of commits, and the JSON validates against its schema', async () => {
    const { diff } = await between('base', 'zones');
    expect(diff!.summary).toEqual({ tightening: 2, loosening: 2, mixed: 0, editorial: 1, breaking: 1 });
    const validate = createAjv().compile(diffSchema);
    expect(validate(JSON.parse(JSON.stringify(diff))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('writes the Markdown in Chinese, with every fixed phrase translated', async () => {
    const { diff } = await between('base', 'zones');
    const zh = diffMarkdown(diff!, { lang: 'zh' });
    const en = diffMarkdown(diff!, { lang: 'en' });
    expect(zh).toContain('## 政策语义差异');
    expect(zh).toContain('### 详细说明');
    for (const c of diff!.changes) expect(zh).toContain(c.summary.zh);
    // What stays Latin in Chinese text is code and quoted data: revisions, ids, field names, old and new values.
    const fixed = diff!.changes.reduce((text, c) => text.split(c.summary.zh).join(''), zh);
    const latinWords = fixed.replace(/^> .*$/gm, '').replace(/`[^`]*`|\([a-z]+\)|\bqingdan\b/g, '').match(/[A-Za-z]{3,}/g) ?? [];
    expect(latinWords, zh).toEqual([]);
    expect(en).toContain('## qingdan policy diff');
    expect(zh.split('\n').length).toBe(en.split('\n').length);
  });

  it('cuts the Markdown at the size limit and says so', async () => {
    const { diff } = await between('base', 'zones');
    const md = diffMarkdown(diff!, { maxBytes: 1500 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1500);
    expect(md).toMatch(/\d+ more changes are not shown here/);
    expect(md.indexOf('| changes |')).toBeLessThan(md.indexOf('### Details'));
  });

  it('gives located diagnostics for a revision that does not compile', async () => {
    const r = await diffRevisions(repo, commits.zones!, commits.broken!);
    expect(r.diff).toBeUndefined();
    // The first zone's basis, wherever the file's opening comment leaves it.
    const line = readFileSync(join(ROOT, 'policy/zones.qd'), 'utf8').split('\n').findIndex((l) => l.includes('basis measures.art5')) + 1;
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'QD2003', span: expect.objectContaining({ file: `${commits.broken!.slice(0, 12)}:policy/zones.qd`, line }) })]);
  });

  it('locates errors in an unchanged file at the head revision, though the base parse was reused', async () => {
    const r = await diffRevisions(repo, commits.zones!, commits.orphaned!);
    expect(r.diff).toBeUndefined();
    const files = new Set(r.diagnostics.map((d) => d.span?.file));
    expect(files).toContain(`${commits.orphaned!.slice(0, 12)}:policy/lists/icv.qd`);
    expect([...files].every((f) => f?.startsWith(commits.orphaned!.slice(0, 12)))).toBe(true);
  });
});

describe('the gazette\'s revision note', () => {
  it('carries the amendments since an earlier revision (qingdan build --amendments-since)', async () => {
    // A checkout of the 'threshold' commit, built with the amendments since 'base'.
    const checkout = await tempDir('qingdan-amend-');
    await git.raw(['worktree', 'add', '--detach', checkout, commits.threshold!]);
    const outDir = join(checkout, 'dist');
    const result = await build({ paths: ['policy'], outDir, root: checkout, amendmentsSince: commits.base! });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const note = await readFile(join(outDir, 'gazette/amendments.md'), 'utf8');
    expect(note).not.toContain(commits.base!.slice(0, 12));
    expect(await readFile(join(outDir, 'gazette/colophon.md'), 'utf8')).toContain(`源提交 ${commits.base!.slice(0, 12)}`);
    expect(note).toContain('## 关于修改《智能网联汽车领域数据出境负面清单》的决定');
    expect(note).toMatch(/\n一、将第[一二三四五六七八九十]+项的量级及出境路径修改为：“/);
    expect(await readFile(join(outDir, 'gazette/index.md'), 'utf8')).toContain('](amendments.md)');
    const html = await readFile(join(outDir, 'gazette/amendments.html'), 'utf8');
    expect(html).toContain('<h1 id="amendments">修订说明</h1>');
    expect(html).toContain('<h2>关于修改《智能网联汽车领域数据出境负面清单》的决定</h2>');
    // An unknown revision fails the build, said among its diagnostics (so `--json` answers JSON; it threw), and leaves dist/ as it was.
    const unknown = await build({ paths: ['policy'], outDir, root: checkout, amendmentsSince: 'no-such-revision' });
    expect(unknown.diagnostics.map((d) => [d.code, d.id, d.args])).toEqual([['QD4031', 'unknown-revision', { revision: "'no-such-revision'" }]]);
    expect(await readFile(join(outDir, 'gazette/amendments.md'), 'utf8')).toBe(note);
    // Without the option there is no revision note.
    await build({ paths: ['policy'], outDir, root: checkout });
    await expect(readFile(join(outDir, 'gazette/amendments.md'), 'utf8')).rejects.toThrow();
  });
});

describe('qingdan release check', () => {
  it('fails without a changeset, fails with a lower bump, passes with a sufficient one', async () => {
    const { diff } = await between('important', 'removed'); // major required
    const base = commits.important!;
    expect(judgeRelease(diff!, await declaredBump(repo, base, 'qingdan'))).toMatchObject({ ok: false, verdict: 'no-changeset', required: 'major', declared: 'none' });
    await writeFile(join(repo, '.changeset/minor-one.md'), '---\n"qingdan": minor\n---\n\nDrop supplier contacts.\n');
    expect(judgeRelease(diff!, await declaredBump(repo, base, 'qingdan'))).toMatchObject({ ok: false, verdict: 'bump-too-small', declared: 'minor' });
    await writeFile(join(repo, '.changeset/major-one.md'), '---\n"qingdan": major\n---\n\nDrop supplier contacts (breaking).\n');
    expect(judgeRelease(diff!, await declaredBump(repo, base, 'qingdan'))).toMatchObject({ ok: true, verdict: 'sufficient', declared: 'major' });
  });
});

describe('qingdan diff --changeset', () => {
  it('writes a changeset once: run again on the same change it finds it (two were written, and the notes said each change twice)', async () => {
    const { diff } = await between('important', 'removed');
    const first = await writeDiffChangeset(repo, 'qingdan', diff!);
    const again = await writeDiffChangeset(repo, 'qingdan', diff!);
    expect(first).toMatchObject({ existed: false });
    expect(again).toEqual({ path: first!.path, existed: true });
    await rm(join(repo, first!.path));
  });
});

describe('reading a revision from git objects', () => {
  /** A fresh repository holding `files` (path → text) plus a package.json, committed; returns its folder and commit. */
  async function repoOf(files: ReadonlyMap<string, string>): Promise<{ dir: string; git: SimpleGit }> {
    const dir = await tempDir('qingdan-diff-read-');
    for (const [path, text] of files) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'qingdan', version: '1.0.0' }));
    const g = simpleGit(dir);
    await g.init(['-b', 'main']);
    await g.addConfig('user.name', 'Drafter').addConfig('user.email', 'drafter@example.org');
    await g.add('.');
    await g.commit('policy');
    return { dir, git: g };
  }
  const head = async (g: SimpleGit) => (await g.revparse(['HEAD'])).trim();

  it('reads files larger than a pipe buffer, many at once, whole (they came back truncated under load)', async () => {
    const generated = generatePolicy(3000, 1, { itemsPerFile: 250 });
    expect(generated.filter((s) => Buffer.byteLength(s.text) > 65_536).length).toBeGreaterThanOrEqual(10);
    const { dir, git: g } = await repoOf(new Map(generated.map((s) => [s.path, s.text])));
    const base = await head(g);
    const edited = generated.map((s) => (s.path.endsWith('gen-0005.qd') ? { ...s, text: s.text.replace(/（生成样例/g, '（修订样例') } : s));
    for (const s of edited) await writeFile(join(dir, s.path), s.text);
    await g.add('.');
    await g.commit('reword');
    const next = await head(g);
    // Three diffs at once: six revisions, 96 large blobs in flight.
    const results = await Promise.all([diffRevisions(dir, base, next), diffRevisions(dir, next, base), diffRevisions(dir, base, next)]);
    for (const r of results) {
      expect(r.diagnostics).toEqual([]);
      expect(r.diff?.summary.editorial).toBeGreaterThan(0);
      const byPath = new Map(r.sources.map((s) => [s.path, s.text]));
      for (const [commit, sources] of [[base, generated], [next, edited]] as const) {
        for (const s of sources) expect(byPath.get(`${commit.slice(0, 12)}:${s.path}`) === s.text, `${commit}:${s.path}`).toBe(true);
      }
    }
  });

  it('reports a .qd symlink or submodule at a revision where it is, and never follows it', async () => {
    const { dir, git: g } = await repoOf(new Map([['policy/zones.qd', await readFile(join(ROOT, 'policy/zones.qd'), 'utf8')]]));
    const base = await head(g);
    await symlink('/proc/self/environ', join(dir, 'policy/env.qd'));
    await g.add('.');
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},policy/sub.qd`], { cwd: dir });
    await g.commit('a link and a submodule');
    const linked = await head(g);
    const r = await diffRevisions(dir, base, linked);
    expect(r.diff).toBeUndefined();
    const at = (path: string) => expect.objectContaining({ file: `${linked.slice(0, 12)}:${path}`, line: 1, column: 1 });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'QD4011', span: at('policy/env.qd') }),
      expect.objectContaining({ code: 'QD4012', span: at('policy/sub.qd') }),
    ]);
    expect(r.sources.map((s) => s.path)).not.toContain(`${linked.slice(0, 12)}:policy/env.qd`);
    expect(JSON.stringify(r)).not.toContain('environ');
  });

  it('turns a git failure into a QD4030 diagnostic with git\'s message, not an exception', async () => {
    const { dir, git: g } = await repoOf(new Map([['policy/zones.qd', await readFile(join(ROOT, 'policy/zones.qd'), 'utf8')]]));
    const commit = await head(g);
    // A repository missing one object: a broken clone or a shallow fetch gone wrong.
    const blob = execFileSync('git', ['rev-parse', `${commit}:policy/zones.qd`], { cwd: dir, encoding: 'utf8' }).trim();
    await rm(join(dir, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    const r = await diffRevisions(dir, commit, commit);
    expect(r.diff).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    // git's own message (the `detail` argument) names the object it could not read.
    expect(r.diagnostics.every((d) => d.id === 'git-failed-files' && d.detail?.tool === 'git' && d.detail.text.includes('policy/zones.qd'))).toBe(true);
  });
});
