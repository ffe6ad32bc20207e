/**
 * Signed bundles for the serve and client tests: the real policy signed with a test key, and
 * variants of it — newer, older, equivocating, tampered, stripped, signed by another key,
 * truncated — as a publisher (honest or not) could put them on a server.
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { bundle } from '../compiler/bundle/bundle.js';
import { generateKeyPair, signManifest, type KeyPairPem } from '../compiler/bundle/keys.js';
import { tarGz } from '../compiler/bundle/tar.js';
import type { Manifest } from '../runtime/artifact.js';
import { readTarGz } from '../runtime/ustar.js';
import { ROOT } from './support.js';

export interface Fixtures {
  readonly keys: KeyPairPem;
  readonly other: KeyPairPem;
  /** The real policy, signed. */
  readonly base: Buffer;
  /** A list title changed, version 9.0.0: newer content. */
  readonly newer: Buffer;
  /** Another content again at version 9.1.0. */
  readonly newest: Buffer;
  /** Other content at version 0.0.1: older than base (rollback). */
  readonly older: Buffer;
  /** Other content under newer's version 9.0.0 (equivocation once newer is held). */
  readonly equivocating: Buffer;
  /** newest's policy.json edited after signing (digest-mismatch). */
  readonly tampered: Buffer;
  /** newest without its envelope (signature-missing). */
  readonly stripped: Buffer;
  /** newest signed by a key nobody trusts (signature-unknown-key). */
  readonly wrongKey: Buffer;
  /** newest cut in half (archive-truncated). */
  readonly truncated: Buffer;
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

/** `archive` with its policy.json edited by `edit`, relabelled `version`, and signed with `key` (none: unsigned). */
export function variant(archive: Buffer, version: string, edit: (policy: string) => string, key?: KeyObject): Buffer {
  const files = new Map(readTarGz(archive));
  files.delete('manifest.dsse.json');
  const policy = Buffer.from(edit(text(files.get('policy.json')!)));
  const digest = createHash('sha256').update(policy).digest('hex');
  const manifest = JSON.parse(text(files.get('manifest.json')!)) as Manifest;
  const next: Manifest = { ...manifest, artifacts: { ...manifest.artifacts, 'policy.json': { sha256: digest, bytes: policy.length } }, bundle: { ...manifest.bundle!, version, digest } };
  const manifestBytes = Buffer.from(`${JSON.stringify(next, null, 2)}\n`);
  const ordered = new Map<string, Uint8Array>([['manifest.json', manifestBytes]]);
  if (key) ordered.set('manifest.dsse.json', Buffer.from(JSON.stringify(signManifest(manifestBytes, key))));
  files.set('policy.json', policy);
  for (const [name, bytes] of files) if (name !== 'manifest.json') ordered.set(name, bytes);
  return tarGz(ordered);
}

/** A list title of the real policy, changed so the content (and its digest) differs. */
const retitle = (suffix: string) => (policy: string) => policy.replace('（草案）"', `（草案${suffix}）"`);

/** Each bad bundle a publisher could put out, with the code it is refused with. */
export function refusedBundles(fx: Fixtures): ReadonlyArray<readonly [Buffer, string]> {
  return [
    [fx.tampered, 'digest-mismatch'],
    [fx.stripped, 'signature-missing'],
    [fx.wrongKey, 'signature-unknown-key'],
    [fx.truncated, 'archive-truncated'],
    [fx.older, 'rollback'],
  ];
}

export async function makeFixtures(): Promise<Fixtures> {
  const keys = generateKeyPair();
  const other = generateKeyPair();
  const key = createPrivateKey(keys.privateKey);
  const built = await bundle({ paths: ['policy'], root: ROOT, signingKey: key });
  if (!built.archive) throw new Error(built.diagnostics.map((d) => d.code).join(', '));
  const base = built.archive;
  const newest = variant(base, '9.1.0', retitle('三'), key);
  const files = new Map(readTarGz(newest));
  const tamperedFiles = new Map(files);
  tamperedFiles.set('policy.json', Buffer.from(text(files.get('policy.json')!).replace('（草案三）"', '（草案四）"')));
  const stripped = new Map(files);
  stripped.delete('manifest.dsse.json');
  return {
    keys,
    other,
    base,
    newer: variant(base, '9.0.0', retitle('一'), key),
    newest,
    older: variant(base, '0.0.1', retitle('旧'), key),
    equivocating: variant(base, '9.0.0', retitle('二'), key),
    tampered: tarGz(tamperedFiles),
    stripped: tarGz(stripped),
    wrongKey: variant(base, '9.1.0', retitle('三'), createPrivateKey(other.privateKey)),
    truncated: newest.subarray(0, Math.floor(newest.length / 2)),
  };
}
