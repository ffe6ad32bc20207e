/**
 * `qingdan bundle`: build the policy and pack it as one deterministic .tar.gz of data —
 * manifest.json, policy.json, the JSON Schemas and optionally the gazette — with the bundle's
 * version, content digest and provenance in the manifest, and, when a key is given, a DSSE
 * envelope signing the manifest. Nothing in a bundle is code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Manifest } from '../../runtime/artifact.js';
import { MANIFEST_FILE, verifyBundleFiles } from '../../runtime/bundle-archive.js';
import { ENVELOPE_FILE } from '../../runtime/signature.js';
import { build } from '../build.js';
import type { Diagnostic } from '../diagnostics.js';
import { toJson } from '../emit/json.js';
import { manifestSchema } from '../emit/schemas/manifest.schema.js';
import { validateArtifact } from '../emit/validate.js';
import { signManifest } from './keys.js';
import { provenance } from './provenance.js';
import { tarGz } from './tar.js';
import { bundleVersion } from './version.js';

export interface BundleOptions {
  /** Files or folders of `.qd` sources. */
  readonly paths: readonly string[];
  /** Project root (package.json, git history, proposals). */
  readonly root: string;
  /** Sign the manifest with this Ed25519 private key. */
  readonly signingKey?: KeyObject;
  /** Carry the gazette (markdown, HTML) as data. */
  readonly gazette?: boolean;
}

export interface BundleResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The .tar.gz; absent when the build failed. */
  readonly archive?: Buffer;
  readonly manifest?: Manifest;
}

/** Whether a built file belongs in a bundle: data only, never the build's code. */
function isBundled(name: string, gazette: boolean): boolean {
  return name === 'policy.json' || (name.startsWith('schema/') && name.endsWith('.json')) || (gazette && name.startsWith('gazette/'));
}

/** The archive's files in their fixed order: manifest, envelope, then artifacts by path. */
export function bundleFiles(manifest: Uint8Array, envelope: Uint8Array | undefined, artifacts: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([[MANIFEST_FILE, manifest]]);
  if (envelope) files.set(ENVELOPE_FILE, envelope);
  for (const name of [...artifacts.keys()].sort()) files.set(name, artifacts.get(name)!);
  return files;
}

/** Builds and packs the policy; returns the archive or the diagnostics that stopped it. */
export async function bundle(options: BundleOptions): Promise<BundleResult> {
  const staging = await mkdtemp(join(tmpdir(), 'qingdan-bundle-'));
  try {
    const built = await build({ paths: options.paths, outDir: join(staging, 'dist'), root: options.root });
    if (!built.files || !built.compiled?.artifact) return { diagnostics: built.diagnostics };
    // The build's own files as it wrote them, checked by the runtime against their manifest.
    const dist = verifyBundleFiles(new Map([...built.files].map(([name, text]) => [name, Buffer.from(text)])));
    const artifacts = new Map([...dist.files].filter(([name]) => isBundled(name, options.gazette ?? false)));
    const listed: Record<string, { sha256: string; bytes: number }> = {};
    for (const name of [...artifacts.keys()].sort()) listed[name] = dist.manifest.artifacts[name]!;
    const digest = dist.identity.digest;
    const manifest: Manifest = {
      ...dist.manifest,
      artifacts: listed,
      bundle: { version: await bundleVersion(options.root, digest, options.paths), digest, provenance: await provenance(options.root, built.compiled.artifact) },
    };
    const invalid = validateArtifact('manifest.json', manifestSchema, manifest);
    if (invalid.length > 0) return { diagnostics: [...built.diagnostics, ...invalid] };
    const manifestBytes = Buffer.from(toJson(manifest));
    const envelope = options.signingKey ? Buffer.from(toJson(signManifest(manifestBytes, options.signingKey))) : undefined;
    return { diagnostics: built.diagnostics, archive: tarGz(bundleFiles(manifestBytes, envelope, artifacts)), manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
