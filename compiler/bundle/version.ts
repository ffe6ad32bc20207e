/**
 * A bundle's version names its content. How "between releases" is known:
 *
 * - The last release is package.json's `version` V: changesets raise it, and the release is
 *   tagged `v<V>` in git.
 * - A build is that release when its policy.json has the same sha256 as the policy compiled
 *   from the tag's commit (read from git objects). Its version is then V.
 * - Otherwise (no tag, or other content) it is a build between releases: a prerelease of the
 *   next version, V raised by the largest bump the pending changesets in `.changeset/` declare
 *   (patch when they declare none), with the number of commits since the release tag (since
 *   the first commit when there is no tag) and the content digest: `0.2.0-dev.12.g3fa9c1e2`.
 *
 * So two different contents never share a version: a release version is given only to the
 * release's content, and a dev version carries the content's digest. And builds along a history
 * are ordered: the count grows with each commit, so a loader can tell an earlier build from a
 * later one (runtime/version.ts). The `g` keeps the digest an alphanumeric identifier: 8 hex
 * digits can be all decimal with a leading zero, which semver forbids.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { maxBump, type Bump } from '../diff/change.js';
import { compileAt } from '../diff/revision.js';
import { commitsSince } from '../git/count.js';
import { toJson } from '../emit/json.js';
import { sha256 } from '../emit/manifest.js';

const require = createRequire(import.meta.url);
const parseChangeset = require('@changesets/parse').default as (text: string) => { releases: Array<{ name: string; type: Bump }> };

/** The largest bump the changesets waiting in `.changeset/` declare for `pkg`. */
export async function pendingBump(root: string, pkg: string): Promise<Bump> {
  const names = await readdir(join(root, '.changeset')).catch(() => [] as string[]);
  let bump: Bump = 'none';
  for (const name of names.filter((n) => n.endsWith('.md') && n !== 'README.md').sort()) {
    for (const release of parseChangeset(await readFile(join(root, '.changeset', name), 'utf8')).releases) {
      if (release.name === pkg) bump = maxBump(bump, release.type);
    }
  }
  return bump;
}

/** `version` raised by `bump` (a release version, no prerelease). */
export function raise(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split('-')[0]!.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The commit tagged `v<version>`, or null when there is no such tag. */
async function releaseCommit(root: string, version: string): Promise<string | null> {
  const commit = await simpleGit(root)
    .revparse(['--verify', '--quiet', `refs/tags/v${version}^{commit}`])
    .catch(() => '');
  return commit.trim() || null;
}

/** The sha256 of policy.json as compiled at `commit`, or null when it does not compile. */
async function digestAt(root: string, commit: string, paths: readonly string[]): Promise<string | null> {
  const compiled = await compileAt(root, commit, paths);
  return compiled.artifact ? sha256(toJson(compiled.artifact, { compact: true })) : null;
}

/** The version of a bundle whose policy.json has sha256 `digest` (see the file comment). */
export async function bundleVersion(root: string, digest: string, paths: readonly string[]): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const release = await releaseCommit(root, pkg.version);
  if (release && (await digestAt(root, release, paths)) === digest) return pkg.version;
  const bump = await pendingBump(root, pkg.name);
  return `${raise(pkg.version, bump === 'none' ? 'patch' : bump)}-dev.${await commitsSince(root, release)}.g${digest.slice(0, 8)}`;
}
