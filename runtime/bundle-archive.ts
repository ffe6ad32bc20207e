/**
 * Verifying a bundle's files before anything in them is believed. The order is the point:
 * the signature (when the loader trusts keys) is checked on the raw manifest bytes before any
 * JSON is parsed; then the manifest, then every other file against its listed size and
 * sha256; then the bundle's place after the one already held. Whether a signature is required
 * is the loader's configuration alone, never anything in the bundle.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_MARKER, POLICY_SCHEMA_VERSION, type Manifest } from './artifact.js';
import { PolicyLoadError } from './errors.js';
import { readUpTo } from './read-up-to.js';
import { checkVerifyOptions } from './options.js';
import { ENVELOPE_FILE, trustKeys, verifyEnvelope, type TrustedKey } from './signature.js';
import { DEFAULT_MAX_UNPACKED_BYTES, checkEntryName, readTarGz } from './ustar.js';
import { checkSuccession, type BundleIdentity } from './version.js';

export const MANIFEST_FILE = 'manifest.json';

export interface VerifyOptions {
  /**
   * Public keys (PEM or KeyObject, Ed25519) whose signature the loader requires. When given,
   * even as an empty list, a bundle without a valid signature by one of them is refused.
   */
  readonly trustedKeys?: readonly TrustedKey[];
  /** The bundle already held: a new one must not be older, nor the same version with other content. */
  readonly previous?: BundleIdentity;
  /** Bound on the unpacked size of an archive (default 32 MiB). */
  readonly maxBytes?: number;
}

export interface VerifiedFiles {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly manifest: Manifest;
  readonly identity: BundleIdentity;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function parseManifest(bytes: Uint8Array): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Manifest;
  } catch {
    throw new PolicyLoadError(`${MANIFEST_FILE} is not valid JSON`, 'invalid');
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.artifacts !== 'object' || manifest.artifacts === null) {
    throw new PolicyLoadError(`${MANIFEST_FILE} lists no artifacts`, 'invalid');
  }
  if (manifest.schemaVersion !== POLICY_SCHEMA_VERSION) {
    throw new PolicyLoadError(`schema version ${String(manifest.schemaVersion)} is not supported by this runtime (it reads version ${POLICY_SCHEMA_VERSION})`, 'unsupported-schema');
  }
  return manifest;
}

/**
 * Verifies a bundle given as files (name → bytes): signature, manifest, every file's size and
 * sha256, no file the manifest does not list, and succession. Throws PolicyLoadError, or an
 * OptionError for options it cannot work with.
 */
export function verifyBundleFiles(files: ReadonlyMap<string, Uint8Array>, options: VerifyOptions = {}): VerifiedFiles {
  checkVerifyOptions(options);
  const manifestBytes = files.get(MANIFEST_FILE);
  if (options.trustedKeys) {
    const signed = verifyEnvelope(files.get(ENVELOPE_FILE), trustKeys(options.trustedKeys));
    if (!manifestBytes || !signed.equals(manifestBytes)) throw new PolicyLoadError(`${MANIFEST_FILE} is not the manifest the signature covers`, 'manifest-mismatch');
  }
  if (!manifestBytes) throw new PolicyLoadError(`the bundle has no ${MANIFEST_FILE}`, 'missing');
  const manifest = parseManifest(manifestBytes);
  for (const [name, bytes] of files) {
    if (name === MANIFEST_FILE || name === ENVELOPE_FILE) continue;
    const listed = Object.hasOwn(manifest.artifacts, name) ? manifest.artifacts[name] : undefined;
    if (!listed) throw new PolicyLoadError(`the bundle holds ${name}, which its manifest does not list`, 'archive-unexpected-file');
    if (bytes.byteLength !== listed.bytes) throw new PolicyLoadError(`${name} has ${bytes.byteLength} bytes, its manifest says ${listed.bytes}`, 'archive-size');
    if (sha256(bytes) !== listed.sha256) throw new PolicyLoadError(`${name} does not match its sha256 in the manifest`, 'digest-mismatch');
  }
  for (const name of Object.keys(manifest.artifacts)) {
    if (!files.has(name)) throw new PolicyLoadError(`${name} is listed in the manifest but missing`, 'missing');
  }
  const policy = manifest.artifacts['policy.json'];
  if (!policy) throw new PolicyLoadError('the manifest does not list policy.json', 'missing');
  if (manifest.bundle && manifest.bundle.digest !== policy.sha256) throw new PolicyLoadError('the manifest’s content digest is not the sha256 of its policy.json', 'digest-mismatch');
  const identity = { version: manifest.bundle?.version ?? manifest.policyVersion, digest: policy.sha256 };
  if (options.previous) checkSuccession(options.previous, identity);
  return { files, manifest, identity };
}

/** Unpacks and verifies a bundle archive (`qingdan bundle`'s .tar.gz); throws as verifyBundleFiles. */
export function verifyBundleArchive(archive: Uint8Array, options: VerifyOptions = {}): VerifiedFiles {
  checkVerifyOptions(options);
  return verifyBundleFiles(readTarGz(archive, options.maxBytes ?? DEFAULT_MAX_UNPACKED_BYTES), options);
}

/**
 * The bytes of the archive file at `path`, read only up to `maxBytes`: a file named by mistake
 * (a disk image, an endless pipe) is refused as archive-too-large, not read whole into memory —
 * the archive is compressed, so it is never larger than the bound on what it unpacks to. A pipe
 * is read like a file (`qingdan verify <(curl …)`). Throws the file system's error when it cannot read.
 */
export async function readArchiveFile(path: string, maxBytes: number = DEFAULT_MAX_UNPACKED_BYTES): Promise<Buffer> {
  const bytes = await readUpTo(createReadStream(path), maxBytes);
  if (!bytes) throw new PolicyLoadError(`${path} holds more than ${maxBytes} bytes: not a bundle this loader takes`, 'archive-too-large');
  return bytes;
}

/**
 * Every regular file under `dir`, relative name → bytes, under the archive's naming rules and
 * size bound: a bundle folder is held to the same rules as an archive.
 */
export function readBundleFolder(dir: string, maxBytes: number = DEFAULT_MAX_UNPACKED_BYTES): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (name === BUILD_MARKER) continue;
      checkEntryName(name);
      if (entry.isSymbolicLink()) throw new PolicyLoadError(`${name} in the bundle folder is a link`, 'archive-link');
      if (entry.isDirectory()) {
        walk(name);
        continue;
      }
      if (!entry.isFile()) throw new PolicyLoadError(`${name} in the bundle folder is not a regular file`, 'archive-entry-type');
      total += statSync(join(dir, name)).size;
      if (total > maxBytes) throw new PolicyLoadError(`the bundle folder holds more than ${maxBytes} bytes`, 'archive-too-large');
      files.set(name, readFileSync(join(dir, name)));
    }
  };
  walk('');
  return files;
}
