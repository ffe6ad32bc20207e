/**
 * Releases with changesets: the policy bundle is versioned by the package's version (it lands
 * in the manifest), and each change to `policy/` brings a changeset whose bump is at least what
 * the semantic diff requires.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { simpleGit } from 'simple-git';
import { bumpAtLeast, maxBump, type Bump, type PolicyDiff } from './change.js';

// Both packages are CommonJS with a default export. They are loaded when first used, not with
// this module: loading @changesets/write took 0.2 s of every `qingdan diff`, which writes a
// changeset only when asked to.
const require = createRequire(import.meta.url);
type Changeset = { summary: string; releases: Array<{ name: string; type: Bump }> };
type Parse = (text: string) => Changeset;
type Write = (changeset: Changeset, cwd: string, options?: { prettier?: boolean }) => Promise<string>;
const parseChangeset: Parse = (text) => (require('@changesets/parse').default as Parse)(text);
const writeChangeset: Write = (changeset, cwd, options) => (require('@changesets/write').default as Write)(changeset, cwd, options);

/**
 * Writes a changeset for `pkg` whose bump and summary come from the diff; returns its path, and
 * whether it was there already: the same changeset is written once (`diff --changeset` run
 * twice wrote two, and the release notes said each change twice).
 */
export async function writeDiffChangeset(root: string, pkg: string, diff: PolicyDiff): Promise<{ path: string; existed: boolean } | undefined> {
  if (diff.bump === 'none') return undefined;
  const s = diff.summary;
  const lines = diff.changes.slice(0, 20).map((c) => `- ${c.summary.zh}（${c.classification}${c.breaking ? ', breaking' : ''}）`);
  const more = diff.changes.length > 20 ? [`- ……另有 ${diff.changes.length - 20} 项`] : [];
  const summary = [
    `Policy: ${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} (${s.tightening} tightening, ${s.loosening} loosening, ${s.mixed} mixed, ${s.editorial} editorial, ${s.breaking} breaking).`,
    '',
    ...lines,
    ...more,
  ].join('\n');
  const releases = [{ name: pkg, type: diff.bump }];
  for (const f of (await readdir(join(root, '.changeset')).catch(() => [] as string[])).filter((x) => x.endsWith('.md') && x !== 'README.md').sort()) {
    const existing = parseChangeset(await readFile(join(root, '.changeset', f), 'utf8'));
    if (existing.summary === summary && JSON.stringify(existing.releases) === JSON.stringify(releases)) return { path: join('.changeset', f), existed: true };
  }
  const id = await writeChangeset({ summary, releases }, root, { prettier: false });
  return { path: join('.changeset', `${id}.md`), existed: false };
}

/** The bump the changesets added since `base` (committed or not) declare for `pkg`. */
export async function declaredBump(root: string, base: string, pkg: string): Promise<{ bump: Bump; files: string[] }> {
  const git = simpleGit(root);
  const changed = await git.raw(['-c', 'core.quotepath=false', 'diff', '--name-only', '-z', '--diff-filter=AM', base, '--', '.changeset']);
  const untracked = await git.raw(['-c', 'core.quotepath=false', 'ls-files', '-z', '--others', '--exclude-standard', '--', '.changeset']);
  const files = [...new Set([...changed.split('\0'), ...untracked.split('\0')])].filter((f) => f.endsWith('.md') && !f.endsWith('README.md')).sort();
  const present = new Set((await readdir(join(root, '.changeset')).catch(() => [] as string[])).map((f) => join('.changeset', f)));
  let bump: Bump = 'none';
  const used: string[] = [];
  for (const f of files.filter((x) => present.has(x))) {
    const parsed = parseChangeset(await readFile(join(root, f), 'utf8'));
    for (const r of parsed.releases) {
      if (r.name !== pkg) continue;
      bump = maxBump(bump, r.type);
      used.push(f);
    }
  }
  return { bump, files: used };
}

/**
 * What the release check finds: no regulatory change; a change without a changeset; changesets
 * declaring a bump below the one required; or a sufficient bump. A closed id, which the CLI
 * renders in the reader's language with `required` and `declared`.
 */
export type ReleaseVerdict = 'no-change' | 'no-changeset' | 'bump-too-small' | 'sufficient';

export interface ReleaseCheck {
  readonly ok: boolean;
  readonly verdict: ReleaseVerdict;
  readonly required: Bump;
  readonly declared: Bump;
  readonly changesets: readonly string[];
}

/** CI's release check: policy changes need a changeset whose bump is at least the diff's. */
export function judgeRelease(diff: PolicyDiff, declared: { bump: Bump; files: string[] }): ReleaseCheck {
  const required = diff.bump;
  if (required === 'none') return { ok: true, verdict: 'no-change', required, declared: declared.bump, changesets: declared.files };
  if (declared.bump === 'none') return { ok: false, verdict: 'no-changeset', required, declared: 'none', changesets: [] };
  if (!bumpAtLeast(declared.bump, required)) return { ok: false, verdict: 'bump-too-small', required, declared: declared.bump, changesets: declared.files };
  return { ok: true, verdict: 'sufficient', required, declared: declared.bump, changesets: declared.files };
}
