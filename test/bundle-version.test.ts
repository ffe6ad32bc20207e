/**
 * Versions name content and bundles carry who approved what they enforce: a release version
 * only for the release's content, a dev prerelease with the digest otherwise; rollback and
 * equivocation refused with their own codes; provenance from the proposals' sign-off commits.
 */
import { createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../compiler/bundle/bundle.js';
import { generateKeyPair } from '../compiler/bundle/keys.js';
import { raise } from '../compiler/bundle/version.js';
import { verifyBundleArchive } from '../runtime/bundle-archive.js';
import { PolicyLoadError, type PolicyLoadErrorCode } from '../runtime/errors.js';
import { checkSuccession, compareVersions, devCounter, type BundleIdentity } from '../runtime/version.js';
import { ID, P, repoAtReview, type Repo } from './governance/fixture.js';

function succession(held: BundleIdentity, next: BundleIdentity): PolicyLoadErrorCode | 'accepted' {
  try {
    checkSuccession(held, next);
    return 'accepted';
  } catch (e) {
    if (e instanceof PolicyLoadError) return e.code;
    throw e;
  }
}

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('semver precedence and succession', () => {
  it('orders versions as semver §11 does', () => {
    const ordered = ['0.1.0', '0.1.1-dev.g3fa9c1e2', '0.1.1', '0.2.0-alpha', '0.2.0-alpha.1', '0.2.0-beta', '0.2.0', '1.0.0'];
    for (let i = 1; i < ordered.length; i++) {
      expect(compareVersions(ordered[i - 1]!, ordered[i]!)).toBe(-1);
      expect(compareVersions(ordered[i]!, ordered[i - 1]!)).toBe(1);
    }
    expect(compareVersions('1.0.0+build.1', '1.0.0')).toBe(0);
    expect(() => compareVersions('1.0', '1.0.0')).toThrow(TypeError);
  });

  it('refuses an older version (rollback) and the held version with other content (equivocation)', () => {
    expect(succession({ version: '0.2.0', digest: A }, { version: '0.1.0', digest: B })).toBe('rollback');
    expect(succession({ version: '0.2.0', digest: A }, { version: '0.2.0-dev.gbbbbbbbb', digest: B })).toBe('rollback');
    expect(succession({ version: '0.2.0', digest: A }, { version: '0.2.0', digest: B })).toBe('equivocation');
    expect(succession({ version: '0.2.0', digest: A }, { version: '0.2.1', digest: B })).toBe('accepted');
    expect(succession({ version: '0.2.0', digest: A }, { version: '0.2.0', digest: A })).toBe('accepted');
  });

  it('refuses a version semver does not read as schema-invalid, where the comparison threw a TypeError (a signed manifest may carry one)', () => {
    for (const version of ['banana', '1.0', '1.0.0-01', '']) expect(succession({ version: '0.2.0', digest: A }, { version, digest: B })).toBe('schema-invalid');
  });

  it('orders builds between the same releases by their commit count, never by their digests', () => {
    expect(succession({ version: '0.2.0-dev.12.g00000000', digest: A }, { version: '0.2.0-dev.11.gffffffff', digest: B })).toBe('rollback');
    expect(succession({ version: '0.2.0-dev.9.gffffffff', digest: A }, { version: '0.2.0-dev.10.g00000000', digest: B })).toBe('accepted');
    expect(succession({ version: '0.2.0-dev.12.gffffffff', digest: A }, { version: '0.2.0-dev.12.g00000000', digest: B })).toBe('accepted');
    expect(succession({ version: '0.2.0-dev.12.g00000000', digest: A }, { version: '0.2.0-dev.12.gffffffff', digest: B })).toBe('accepted');
    expect(succession({ version: '0.3.0-dev.1.g00000000', digest: A }, { version: '0.2.0-dev.99.gffffffff', digest: B })).toBe('rollback');
    expect(succession({ version: '0.2.0-dev.3.g00000000', digest: A }, { version: '0.2.0', digest: B })).toBe('accepted');
  });

  it('does not order a dev build without a count (the earlier form) against one of the same next version', () => {
    expect(succession({ version: '0.2.0-dev.gffffffff', digest: A }, { version: '0.2.0-dev.g00000000', digest: B })).toBe('accepted');
    expect(succession({ version: '0.2.0-dev.gffffffff', digest: A }, { version: '0.2.0-dev.1.g00000000', digest: B })).toBe('accepted');
    expect(succession({ version: '0.2.0-dev.1.g00000000', digest: A }, { version: '0.2.0-dev.gffffffff', digest: B })).toBe('accepted');
    expect(succession({ version: '0.3.0-dev.g00000000', digest: A }, { version: '0.2.0-dev.gffffffff', digest: B })).toBe('rollback');
  });

  it('raises a version by a changeset bump', () => {
    expect(raise('0.1.0', 'patch')).toBe('0.1.1');
    expect(raise('0.1.3', 'minor')).toBe('0.2.0');
    expect(raise('0.9.3', 'major')).toBe('1.0.0');
  });
});

describe('a bundle’s version and provenance, in a governed repository', () => {
  let repo: Repo;
  const keys = generateKeyPair();
  const signingKey = createPrivateKey(keys.privateKey);
  const bundleIn = async () => {
    const result = await bundle({ paths: ['policy'], root: repo.dir, signingKey });
    if (!result.archive) throw new Error(result.diagnostics.map((d) => d.code).join(', '));
    return { archive: result.archive, ...verifyBundleArchive(result.archive, { trustedKeys: [keys.publicKey] }) };
  };

  beforeAll(async () => {
    repo = await repoAtReview();
  });

  it('records each list’s status, proposal and the commits of its sign-offs, under the signature', async () => {
    const { manifest } = await bundleIn();
    const icv = manifest.bundle!.provenance.lists.find((l) => l.id === 'icv')!;
    expect(icv.proposal).toBe(ID);
    expect(icv.status).toBe('consultation');
    const expected = repo
      .git(['log', '--reverse', '--diff-filter=A', '--format=%H', '--', `${P}/signoffs`])
      .trim()
      .split('\n');
    expect(icv.signoffs.map((s) => s.commit).sort()).toEqual([...expected].sort());
    expect(icv.signoffs.map((s) => `${s.stage}/${s.role}/${s.person}`).sort()).toEqual([
      'important-data-identification/provincial-cac/p-wang',
      'scenario-analysis/drafter/p-zhou',
      'survey/drafter/p-zhou',
    ]);
    const other = manifest.bundle!.provenance.lists.find((l) => l.id !== 'icv')!;
    expect(other).toMatchObject({ proposal: null, signoffs: [] });
  });

  it('is a dev prerelease between releases, the release version for the tagged release’s content, and never one version for two contents', async () => {
    const count = () => Number(repo.git(['rev-list', '--count', 'HEAD']).trim());
    const first = await bundleIn();
    expect(first.identity.version).toBe(`0.1.1-dev.${count()}.g${first.identity.digest.slice(0, 8)}`);

    repo.write('.changeset/new-list.md', '---\n"qingdan": minor\n---\n\nA list.\n');
    repo.commit('li', 'Changeset');
    expect((await bundleIn()).identity.version).toBe(`0.2.0-dev.${count()}.g${first.identity.digest.slice(0, 8)}`);

    repo.git(['tag', 'v0.1.0']);
    const released = await bundleIn();
    expect(released.identity).toEqual({ version: '0.1.0', digest: first.identity.digest });

    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace('（草案）" {', '（草案修订）" {'));
    const changed = await bundleIn();
    expect(changed.identity.digest).not.toBe(first.identity.digest);
    expect(changed.identity.version).toBe(`0.2.0-dev.0.g${changed.identity.digest.slice(0, 8)}`);

    // A loader holding the dev build refuses the older release; one holding the release
    // refuses the dev build re-labelled as the release (equivocation).
    expect(() => verifyBundleArchive(released.archive, { previous: changed.identity })).toThrow(expect.objectContaining({ code: 'rollback' }));
    expect(() => verifyBundleArchive(changed.archive, { previous: { version: changed.identity.version, digest: first.identity.digest } })).toThrow(expect.objectContaining({ code: 'equivocation' }));
    expect(verifyBundleArchive(changed.archive, { previous: released.identity }).identity).toEqual(changed.identity);
  });

  it('orders two dev builds of the same next version by commits, so going back to the earlier one is a rollback', async () => {
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/（草案[^）]*）" \{/, '（草案甲）" {'));
    repo.commit('li', 'First draft wording');
    const earlier = await bundleIn();
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace('（草案甲）" {', '（草案乙）" {'));
    repo.commit('li', 'Second draft wording');
    const later = await bundleIn();
    expect(devCounter(later.identity.version)).toBe(devCounter(earlier.identity.version)! + 1);
    expect(compareVersions(earlier.identity.version, later.identity.version)).toBe(-1);
    expect(() => verifyBundleArchive(earlier.archive, { previous: later.identity })).toThrow(expect.objectContaining({ code: 'rollback' }));
    expect(verifyBundleArchive(later.archive, { previous: earlier.identity }).identity).toEqual(later.identity);
  });
});
