/** Shared helpers for tests: the repository root, temporary folders, building the real policy. */
import { mkdtemp, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult } from '../compiler/build.js';
import type { PolicyArtifact } from '../runtime/artifact.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function tempDir(prefix = 'qingdan-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Builds the real `policy/` into a fresh temporary folder. `outDir` is the content folder the
 * output link resolves to, so a test that copies or alters it works on plain files.
 */
export async function buildRealPolicy(): Promise<{ outDir: string; result: BuildResult; artifact: PolicyArtifact }> {
  const link = join(await tempDir(), 'dist');
  const result = await build({ paths: ['policy'], outDir: link, root: ROOT });
  if (!result.files) throw new Error(`the real policy does not build: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const outDir = await realpath(link);
  const artifact = JSON.parse(await readFile(join(outDir, 'policy.json'), 'utf8')) as PolicyArtifact;
  return { outDir, result, artifact };
}

export async function seedText(): Promise<string> {
  return readFile(join(ROOT, 'policy/sources/measures.seed.txt'), 'utf8');
}
