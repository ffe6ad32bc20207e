/**
 * `qingdan build`: compile the policy, emit every artifact in memory, validate them, and only
 * then replace the output folder in one rename (output-folder.ts), so a failed or killed build
 * leaves `dist/` as it was.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { compileSources, readSources, type CompileResult } from './compile.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { toJson } from './emit/json.js';
import { diffSchema } from './diff/schema.js';
import { amendmentDecisions } from './diff/amendment.js';
import { diffPolicies } from './diff/diff.js';
import { compileAt, NotARepositoryError, notARepository, resolveRevision, unknownRevision, UnknownRevisionError } from './diff/revision.js';
import type { Amendments } from './emit/gazette/amendments.js';
import { emitGazette } from './emit/gazette/emit.js';
import { buildManifest, sha256 } from './emit/manifest.js';
import { manifestSchema } from './emit/schemas/manifest.schema.js';
import { policySchema } from './emit/schemas/policy.schema.js';
import { requestSchema } from './emit/schemas/request.schema.js';
import { sharedBatchSchema } from './emit/schemas/shared-batch.schema.js';
import { compactDecisionsSchema } from './emit/schemas/compact-decisions.schema.js';
import { denseDecisionsSchema } from './emit/schemas/dense-decisions.schema.js';
import { reportSchema } from './emit/schemas/report.schema.js';
import { responseSchema } from './emit/schemas/response.schema.js';
import { validateArtifact } from './emit/validate.js';
import { ioFailure } from './io-failure.js';
import { inspectOutput, publishOutput, type OutputRequest } from './output-folder.js';
import { compilerVersion } from './qingdan-package.js';
import type { Source } from './source.js';
import type { DiagnosticId } from './diagnostic-codes.js';
import type { PolicyArtifact } from '../runtime/artifact.js';

export interface BuildOptions {
  /** Files or folders of `.qd` sources. */
  readonly paths: readonly string[];
  /** Output folder (replaced as a whole). */
  readonly outDir: string;
  /** Project root: its package.json gives the policy version; its git repo the source commit. */
  readonly root: string;
  /** A git revision: the gazette then carries a revision note, the amendments since it. */
  readonly amendmentsSince?: string;
}

export interface BuildResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly compiled?: CompileResult;
  /** The sources as read: the only texts a code frame may show. */
  readonly sources?: readonly Source[];
  /** Relative path → content of everything written; absent when nothing was written. */
  readonly files?: ReadonlyMap<string, string>;
}

async function packageVersion(path: string): Promise<string> {
  return (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
}

/** The commit the sources were built from, and whether they differ from it; null outside git. */
export async function sourceRevision(root: string, paths: readonly string[]): Promise<{ commit: string | null; dirty: boolean }> {
  try {
    const git = simpleGit(root);
    if (!(await git.checkIsRepo())) return { commit: null, dirty: false };
    const commit = (await git.revparse(['HEAD'])).trim();
    const status = await git.raw(['status', '--porcelain', '--', ...paths]);
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: null, dirty: false }; // a repository without commits yet
  }
}

/** The runtime artifacts of a compiled policy, path → content: policy.json and the schemas (data only: nothing a consumer runs). */
export function emitRuntimeArtifacts(artifact: PolicyArtifact): Map<string, string> {
  return new Map([
    ['policy.json', toJson(artifact, { compact: true })],
    ['schema/policy.schema.json', toJson(policySchema)],
    ['schema/manifest.schema.json', toJson(manifestSchema)],
    ['schema/request.schema.json', toJson(requestSchema)],
    ['schema/response.schema.json', toJson(responseSchema)],
    ['schema/shared-batch.schema.json', toJson(sharedBatchSchema)],
    ['schema/compact-decisions.schema.json', toJson(compactDecisionsSchema)],
    ['schema/dense-decisions.schema.json', toJson(denseDecisionsSchema)],
    ['schema/report.schema.json', toJson(reportSchema)],
    ['schema/diff.schema.json', toJson(diffSchema)],
  ]);
}

/**
 * Every artifact of a compiled policy, path → content: the runtime artifacts and the gazettes.
 * The source revision goes into the gazettes' footers, so the same sources at the same commit
 * give the same bytes.
 */
export function emitArtifacts(
  artifact: PolicyArtifact,
  revision: { commit: string | null; dirty: boolean } = { commit: null, dirty: false },
  amendments?: Amendments,
): Map<string, string> {
  const files = emitRuntimeArtifacts(artifact);
  const source = { digest: sha256(files.get('policy.json')!), ...revision, ...(amendments ? { amendments } : {}) };
  for (const [path, content] of emitGazette(artifact, source)) files.set(`gazette/${path}`, content);
  return files;
}

/** The amendments from the policy at `since` to `artifact`, or the diagnostics of that revision. */
async function amendmentsSince(root: string, since: string, paths: readonly string[], artifact: PolicyArtifact): Promise<{ amendments?: Amendments; diagnostics: readonly Diagnostic[] }> {
  let commit: string;
  try {
    commit = await resolveRevision(root, since);
  } catch (e) {
    // In the build's diagnostics, so that `--json` answers JSON for a revision that is not there.
    if (e instanceof UnknownRevisionError) return { diagnostics: [unknownRevision(e)] };
    if (e instanceof NotARepositoryError) return { diagnostics: [notARepository(e)] };
    throw e;
  }
  const before = await compileAt(root, commit, paths.map((p) => relative(root, resolve(root, p)) || '.'));
  if (!before.artifact) return { diagnostics: before.diagnostics };
  const diff = diffPolicies(before.artifact, artifact);
  return { amendments: { since: commit.slice(0, 12), sinceVersion: before.artifact.policyVersion, decisions: amendmentDecisions(diff, before.artifact, artifact) }, diagnostics: [] };
}

/** Problems with what the build was asked to read or write, not with the policy: exit 2. */
const USAGE_ERRORS: ReadonlySet<DiagnosticId> = new Set<DiagnosticId>([
  'unknown-revision',
  'not-a-repository',
  'cannot-read',
  'io-failed',
  'io-failed-errno',
  'no-sources',
  'out-contains-project',
  'out-contains-sources',
  'out-inside-sources',
  'out-is-file',
  'out-not-build',
  'out-other-output',
  'out-foreign-link',
  'source-symlink',
  'source-not-regular',
  'source-outside-project',
  'source-too-large',
]);

/** Whether a diagnostic is about the build's input or output paths rather than the policy. */
export function isUsageError(d: Diagnostic): boolean {
  return USAGE_ERRORS.has(d.id);
}

/** Compiles, validates and writes the artifact set; writes nothing when there is any error. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const output: OutputRequest = { out: resolve(root, options.outDir), root, sources: options.paths.map((p) => resolve(root, p)), writes: 'build' };
  const refused = (await inspectOutput(output, options.outDir)).diagnostics;
  if (refused.length > 0) return { diagnostics: refused };
  const read = await readSources(options.paths, root);
  if (hasErrors(read.diagnostics)) return { diagnostics: read.diagnostics, sources: read.sources };
  const sources = read.sources;
  const policyVersion = await packageVersion(join(root, 'package.json'));
  const compiled = compileSources(sources, policyVersion);
  if (!compiled.artifact) return { diagnostics: compiled.diagnostics, compiled, sources };

  const revision = await sourceRevision(root, options.paths);
  let amendments: Amendments | undefined;
  if (options.amendmentsSince !== undefined) {
    const since = await amendmentsSince(root, options.amendmentsSince, options.paths, compiled.artifact);
    if (!since.amendments) return { diagnostics: [...compiled.diagnostics, ...since.diagnostics], compiled, sources };
    amendments = since.amendments;
  }
  const files = emitArtifacts(compiled.artifact, revision, amendments);
  const invalid = validateArtifact('policy.json', policySchema, compiled.artifact);
  const manifest = buildManifest(files, { policyVersion, compilerVersion: compilerVersion(), ...revision });
  invalid.push(...validateArtifact('manifest.json', manifestSchema, manifest));
  if (invalid.length > 0) return { diagnostics: [...compiled.diagnostics, ...invalid], compiled, sources };

  files.set('manifest.json', toJson(manifest));
  // Looked at again: the folder may have changed while the policy compiled.
  const now = await inspectOutput(output, options.outDir);
  if (!now.state) return { diagnostics: now.diagnostics, compiled, sources };
  try {
    await publishOutput(output.out, now.state, files);
  } catch (e) {
    // A folder the file system will not let the build make or write (read-only, /proc, a file in the way).
    const failed = ioFailure(e, root);
    if (!failed) throw e;
    return { diagnostics: [...compiled.diagnostics, failed], compiled, sources };
  }
  return { diagnostics: compiled.diagnostics, compiled, sources, files };
}
