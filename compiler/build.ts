/**
 * `qingdan build`: compile the policy, emit every artifact in memory, validate them, and only
 * then replace the output folder in one rename, so a failed build leaves `dist/` as it was.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleGit } from 'simple-git';
import { compileSources, readSources, type CompileResult } from './compile.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { toJson } from './emit/json.js';
import { diffSchema } from './diff/schema.js';
import { amendmentText } from './diff/amendment.js';
import { diffPolicies } from './diff/diff.js';
import { compileAt, resolveRevision } from './diff/revision.js';
import type { Amendments } from './emit/gazette/amendments.js';
import { emitGazette } from './emit/gazette/emit.js';
import { buildManifest, sha256 } from './emit/manifest.js';
import { manifestSchema } from './emit/schemas/manifest.schema.js';
import { policySchema } from './emit/schemas/policy.schema.js';
import { requestSchema } from './emit/schemas/request.schema.js';
import { responseSchema } from './emit/schemas/response.schema.js';
import { validateArtifact } from './emit/validate.js';
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
  /** Relative path → content of everything written; absent when nothing was written. */
  readonly files?: ReadonlyMap<string, string>;
}

const COMPILER_PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');

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
  const commit = await resolveRevision(root, since);
  const before = await compileAt(root, commit, paths.map((p) => relative(root, resolve(root, p)) || '.'));
  if (!before.artifact) return { diagnostics: before.diagnostics };
  const diff = diffPolicies(before.artifact, artifact);
  return { amendments: { since: commit.slice(0, 12), sinceVersion: before.artifact.policyVersion, text: amendmentText(diff, before.artifact, artifact) }, diagnostics: [] };
}

/** Writes `files` into a fresh sibling folder, then swaps it in for `outDir`. */
async function replaceFolder(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const staging = `${outDir}.tmp-${process.pid}`;
  const previous = `${outDir}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of files) {
      const target = join(staging, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    await rename(outDir, previous).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rename(staging, outDir);
    await rm(previous, { recursive: true, force: true });
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

/** Compiles, validates and writes the artifact set; writes nothing when there is any error. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const read = await readSources(options.paths, root);
  if (hasErrors(read.diagnostics)) return { diagnostics: read.diagnostics };
  const policyVersion = await packageVersion(join(root, 'package.json'));
  const compiled = compileSources(read.sources, policyVersion);
  if (!compiled.artifact) return { diagnostics: compiled.diagnostics, compiled };

  const revision = await sourceRevision(root, options.paths);
  let amendments: Amendments | undefined;
  if (options.amendmentsSince !== undefined) {
    const since = await amendmentsSince(root, options.amendmentsSince, options.paths, compiled.artifact);
    if (!since.amendments) return { diagnostics: [...compiled.diagnostics, ...since.diagnostics], compiled };
    amendments = since.amendments;
  }
  const files = emitArtifacts(compiled.artifact, revision, amendments);
  const invalid = validateArtifact('policy.json', policySchema, compiled.artifact);
  const manifest = buildManifest(files, { policyVersion, compilerVersion: await packageVersion(COMPILER_PACKAGE), ...revision });
  invalid.push(...validateArtifact('manifest.json', manifestSchema, manifest));
  if (invalid.length > 0) return { diagnostics: [...compiled.diagnostics, ...invalid], compiled };

  files.set('manifest.json', toJson(manifest));
  await replaceFolder(resolve(root, options.outDir), files);
  return { diagnostics: compiled.diagnostics, compiled, files };
}
