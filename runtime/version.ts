/**
 * Bundle succession: a loader that already holds a bundle takes a new one only if it is not
 * older (rollback) and does not reuse the held version for other content (equivocation).
 * Versions are semver (https://semver.org, §11 precedence). A build between two releases is
 * versioned `<next>-dev.<n>.g<first 8 hex of its content digest>`, n the number of commits since
 * the last release: builds along a history are ordered by n, so going back to an earlier build
 * of the same `<next>` is a rollback like any other. Two builds with the same n (two branches,
 * or uncommitted changes) are not ordered — the digest is not a counter — and neither is a dev
 * build without a counter (`<next>-dev.g<digest>`, the form before counters).
 */
import { PolicyLoadError } from './errors.js';

/** What identifies a bundle's content: its version and the sha256 of its policy.json. */
export interface BundleIdentity {
  readonly version: string;
  readonly digest: string;
}

interface SemVer {
  readonly core: readonly [number, number, number];
  readonly prerelease: readonly string[];
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Parses a semver string; null when it is not one. */
export function parseVersion(version: string): SemVer | null {
  const m = SEMVER.exec(version);
  if (!m) return null;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], prerelease: m[4] ? m[4].split('.') : [] };
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semver precedence of `a` against `b`: negative, zero or positive. Both must parse. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new TypeError(`not a semantic version: ${!x ? a : b}`);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return Math.sign(x.core[i]! - y.core[i]!);
  // A release ranks above its own prereleases (1.0.0-dev.x < 1.0.0).
  if (x.prerelease.length === 0 || y.prerelease.length === 0) return Math.sign(y.prerelease.length - x.prerelease.length);
  for (let i = 0; i < Math.min(x.prerelease.length, y.prerelease.length); i++) {
    const c = compareIdentifiers(x.prerelease[i]!, y.prerelease[i]!);
    if (c !== 0) return c;
  }
  return Math.sign(x.prerelease.length - y.prerelease.length);
}

/** True for a build between releases, `<next>-dev.<n>.g<digest>` (or the older `<next>-dev.g<digest>`). */
export function isDevBuild(version: string): boolean {
  return parseVersion(version)?.prerelease[0] === 'dev';
}

/** The commit count n of a dev build `<next>-dev.<n>.g<digest>`; null when it has none. */
export function devCounter(version: string): number | null {
  const prerelease = parseVersion(version)?.prerelease ?? [];
  return prerelease[0] === 'dev' && prerelease.length === 3 && /^\d+$/.test(prerelease[1]!) ? Number(prerelease[1]) : null;
}

function sameCore(a: string, b: string): boolean {
  return parseVersion(a)!.core.join('.') === parseVersion(b)!.core.join('.');
}

/** Two dev builds of one next version that nothing orders: the same count, or no count. */
function unorderedDevBuilds(a: string, b: string): boolean {
  if (!isDevBuild(a) || !isDevBuild(b) || !sameCore(a, b)) return false;
  const x = devCounter(a);
  const y = devCounter(b);
  return x === null || y === null || x === y;
}

/**
 * Throws PolicyLoadError unless `next` may replace `held`: `equivocation` when the version is
 * the same and the content is not, `rollback` when `next` is older. The same content is always
 * acceptable (a re-signed or re-served bundle).
 */
export function checkSuccession(held: BundleIdentity, next: BundleIdentity): void {
  if (next.digest === held.digest) return;
  // A signed manifest may still carry a version semver does not read: it is refused like any
  // malformed manifest, never left to throw from the comparison below.
  if (parseVersion(next.version) === null) throw new PolicyLoadError(`version ${next.version} is not a semantic version, so it cannot be ordered after the held ${held.version}`, 'schema-invalid');
  if (next.version === held.version) {
    throw new PolicyLoadError(`version ${next.version} is already held with another content (sha256 ${held.digest.slice(0, 12)}, now ${next.digest.slice(0, 12)})`, 'equivocation');
  }
  if (unorderedDevBuilds(next.version, held.version)) return;
  if (compareVersions(next.version, held.version) < 0) {
    throw new PolicyLoadError(`version ${next.version} is older than the held ${held.version}`, 'rollback');
  }
}
