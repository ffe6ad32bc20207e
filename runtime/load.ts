/**
 * Loading a built policy bundle: the manifest first, then every artifact it lists, each
 * checked against its sha256 before use; anything missing, altered or of an unknown schema
 * version is refused. The precompiled validators are imported from the verified bytes
 * themselves, so what runs is what was verified.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_SCHEMA_VERSION, type Manifest, type PolicyArtifact } from './artifact.js';
import { PolicyLoadError } from './errors.js';

/** An ajv standalone validator: returns true or sets `errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }> | null;
}

export interface PolicyBundle {
  readonly manifest: Manifest;
  readonly policy: PolicyArtifact;
  /** sha256 of policy.json: names the exact policy a decision was made under. */
  readonly digest: string;
  readonly validateRequest: CompiledValidator;
  readonly validateResponse: CompiledValidator;
}

const REQUIRED = ['policy.json', 'validators.mjs'];

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes as a Buffer view (Buffer.from(Uint8Array) would copy them). */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Verifies and opens a bundle given as files (path relative to the bundle → bytes), e.g. as
 * received over HTTP. Throws PolicyLoadError; never returns a partly verified bundle.
 */
export async function openBundle(files: ReadonlyMap<string, Uint8Array>): Promise<PolicyBundle> {
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new PolicyLoadError('the bundle has no manifest.json', 'missing');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(view(manifestBytes).toString('utf8')) as Manifest;
  } catch {
    throw new PolicyLoadError('manifest.json is not valid JSON', 'invalid');
  }
  if (manifest.schemaVersion !== POLICY_SCHEMA_VERSION) {
    throw new PolicyLoadError(`schema version ${String(manifest.schemaVersion)} is not supported by this runtime (it reads version ${POLICY_SCHEMA_VERSION})`, 'unsupported-schema');
  }
  const artifacts = manifest.artifacts ?? {};
  for (const name of REQUIRED) {
    if (!artifacts[name]) throw new PolicyLoadError(`the manifest does not list ${name}`, 'missing');
  }
  const verified = (name: string): Uint8Array => {
    const bytes = files.get(name);
    if (!bytes) throw new PolicyLoadError(`${name} is listed in the manifest but missing`, 'missing');
    if (sha256(bytes) !== artifacts[name]!.sha256) throw new PolicyLoadError(`${name} does not match its sha256 in the manifest`, 'digest-mismatch');
    return bytes;
  };
  const policyBytes = verified('policy.json');
  const validatorBytes = verified('validators.mjs');
  let policy: PolicyArtifact;
  try {
    policy = JSON.parse(view(policyBytes).toString('utf8')) as PolicyArtifact;
  } catch {
    throw new PolicyLoadError('policy.json is not valid JSON', 'invalid');
  }
  if (policy.schemaVersion !== POLICY_SCHEMA_VERSION) throw new PolicyLoadError('policy.json has another schema version than its manifest', 'unsupported-schema');
  const url = `data:text/javascript;base64,${view(validatorBytes).toString('base64')}`;
  const validators = (await import(url)) as { validateRequest: CompiledValidator; validateResponse: CompiledValidator };
  return { manifest, policy, digest: artifacts['policy.json']!.sha256, validateRequest: validators.validateRequest, validateResponse: validators.validateResponse };
}

/** Reads and verifies the bundle a `qingdan build` wrote into `dir`. */
export async function loadBundle(dir: string): Promise<PolicyBundle> {
  // Synchronous reads: a bundle is three files read once at start-up, and the thread-pool round
  // trips of async reads cost more than reading them. A file that cannot be read is left out,
  // and openBundle says what is missing.
  // `dist` is a link a build flips to a new folder: resolved once, all files come from one build.
  let folder = dir;
  try {
    folder = realpathSync(dir);
  } catch {
    // no such folder: reported below as a missing manifest
  }
  const read = (name: string): Buffer | undefined => {
    try {
      return readFileSync(join(folder, name));
    } catch {
      return undefined;
    }
  };
  const manifest = read('manifest.json');
  if (!manifest) throw new PolicyLoadError(`no policy bundle at ${dir} (manifest.json not found); run \`qingdan build\` first`, 'missing');
  const files = new Map<string, Uint8Array>([['manifest.json', manifest]]);
  for (const name of REQUIRED) {
    const bytes = read(name);
    if (bytes) files.set(name, bytes);
  }
  return openBundle(files);
}
