/**
 * The release tooling itself: changesets must see every package a changeset names. The root
 * package (`qingdan`, the CLI and compiler) is a workspace of its own (`"."` in `workspaces`);
 * without it, `changeset status` and `changeset version` stop at the first changeset that names
 * it ("not in the workspace"), and nothing can be released.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import getReleasePlan from '@changesets/get-release-plan';
import parse from '@changesets/parse';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.js';

describe('the release plan', () => {
  it('bumps every package the pending changesets name, the root package and the runtime among the workspaces', async () => {
    const dir = join(ROOT, '.changeset');
    const named = new Set<string>();
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      for (const release of parse(await readFile(join(dir, file), 'utf8')).releases) named.add(release.name);
    }
    const plan = await getReleasePlan(ROOT);
    const bumped = new Set(plan.releases.filter((r) => r.type !== 'none').map((r) => r.name));
    for (const name of named) expect(bumped).toContain(name);
    const workspaces = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).workspaces as string[];
    expect(workspaces).toEqual(expect.arrayContaining(['.', 'runtime']));
  });
});
