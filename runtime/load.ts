/**
 * Loading a built policy bundle: the manifest first, then every artifact it lists, each
 * checked against its sha256 before use, then against its published schema with the runtime's
 * own precompiled validators; anything missing, altered, malformed or of an unknown schema
 * version is refused. A bundle is data: the runtime parses JSON and runs nothing it supplies.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_SCHEMA_VERSION, type Manifest, type PolicyArtifact } from './artifact.js';
import { PolicyLoadError } from './errors.js';
import { describeErrors, validateManifest, validatePolicy, type CompiledValidator } from './validators.js';

export interface PolicyBundle {
  readonly manifest: Manifest;
  readonly policy: PolicyArtifact;
  /** sha256 of policy.json: names the exact policy a decision was made under. */
  readonly digest: string;
}

/** The artifacts the runtime reads; the manifest lists others (schemas, gazettes) it does not need. */
const REQUIRED = ['policy.json'];

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes as a Buffer view (Buffer.from(Uint8Array) would copy them). */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(view(bytes).toString('utf8'));
  } catch {
    throw new PolicyLoadError(`${name} is not valid JSON`, 'invalid');
  }
}

/** Refuses `value` unless it conforms to its schema; lists the first problems. */
function conform(name: string, value: unknown, validate: CompiledValidator): void {
  if (validate(value)) return;
  const problems = describeErrors(validate.errors);
  const shown = problems.slice(0, 5).map((p) => `${p.pointer || '/'} ${p.message}`);
  throw new PolicyLoadError(`${name} does not conform to its schema: ${shown.join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`, 'schema-invalid', problems);
}

/** The schema version a parsed file declares, for refusing versions before reading their shape. */
function schemaVersionOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
}

/**
 * Verifies and opens a bundle given as files (path relative to the bundle → bytes), e.g. as
 * received over HTTP. Throws PolicyLoadError; never returns a partly verified bundle.
 */
export async function openBundle(files: ReadonlyMap<string, Uint8Array>): Promise<PolicyBundle> {
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new PolicyLoadError('the bundle has no manifest.json', 'missing');
  const manifestValue = parseJson('manifest.json', manifestBytes);
  const version = schemaVersionOf(manifestValue);
  if (version !== POLICY_SCHEMA_VERSION) {
    throw new PolicyLoadError(`schema version ${String(version)} is not supported by this runtime (it reads version ${POLICY_SCHEMA_VERSION})`, 'unsupported-schema');
  }
  conform('manifest.json', manifestValue, validateManifest);
  const manifest = manifestValue as Manifest;
  for (const name of REQUIRED) {
    if (!manifest.artifacts[name]) throw new PolicyLoadError(`the manifest does not list ${name}`, 'missing');
  }
  const policyBytes = files.get('policy.json');
  if (!policyBytes) throw new PolicyLoadError('policy.json is listed in the manifest but missing', 'missing');
  const digest = sha256(policyBytes);
  if (digest !== manifest.artifacts['policy.json']!.sha256) throw new PolicyLoadError('policy.json does not match its sha256 in the manifest', 'digest-mismatch');
  const policyValue = parseJson('policy.json', policyBytes);
  if (schemaVersionOf(policyValue) !== POLICY_SCHEMA_VERSION) throw new PolicyLoadError('policy.json has another schema version than its manifest', 'unsupported-schema');
  conform('policy.json', policyValue, validatePolicy);
  return { manifest, policy: policyValue as PolicyArtifact, digest };
}

/**
 * The bytes of the regular file `name` in `dir`, or undefined when there is none. Opened without
 * blocking and checked before reading: a FIFO in place of policy.json would otherwise block the
 * read until some writer came, and a device could stream forever. A file larger than `maxBytes`
 * is refused before it is read (archive-too-large).
 */
export function readRegularFile(dir: string, name: string, maxBytes = Number.POSITIVE_INFINITY): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(join(dir, name), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new PolicyLoadError(`${name} in ${dir} cannot be read (${code ?? 'error'})`, 'unreadable');
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new PolicyLoadError(`${name} in ${dir} is not a regular file`, 'not-a-file');
    if (info.size > maxBytes) throw new PolicyLoadError(`${name} in ${dir} holds more than ${maxBytes} bytes`, 'archive-too-large');
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `dir` resolved once: `dist` is a link that each build flips to a new folder, and every file
 * must come from the same build. A folder that does not exist is left as given (and reported).
 */
function oneBuild(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** Reads and verifies the bundle a `qingdan build` wrote into `dir`. */
export async function loadBundle(dir: string): Promise<PolicyBundle> {
  // Synchronous reads: a bundle is two files read once at start-up, and the thread-pool round
  // trips of async reads cost more than reading them.
  const folder = oneBuild(dir);
  const manifest = readRegularFile(folder, 'manifest.json');
  if (!manifest) throw new PolicyLoadError(`no policy bundle at ${dir} (manifest.json not found); run \`qingdan build\` first`, 'missing');
  const files = new Map<string, Uint8Array>([['manifest.json', manifest]]);
  for (const name of REQUIRED) {
    const bytes = readRegularFile(folder, name);
    if (bytes) files.set(name, bytes);
  }
  return openBundle(files);
}
