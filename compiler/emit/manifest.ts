/** The build manifest: versions, source commit and the digest of every artifact. */
import { createHash } from 'node:crypto';
import { POLICY_SCHEMA_VERSION, type Manifest } from '../../runtime/artifact.js';

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The manifest over `files` (path → content), sorted by path so it is deterministic. */
export function buildManifest(
  files: ReadonlyMap<string, string>,
  info: { policyVersion: string; compilerVersion: string; commit: string | null; dirty: boolean },
): Manifest {
  const artifacts: Record<string, { sha256: string; bytes: number }> = {};
  for (const path of [...files.keys()].sort()) {
    const content = files.get(path)!;
    artifacts[path] = { sha256: sha256(content), bytes: Buffer.byteLength(content) };
  }
  return {
    schemaVersion: POLICY_SCHEMA_VERSION,
    policyVersion: info.policyVersion,
    compiler: { name: 'qingdan', version: info.compilerVersion },
    source: { commit: info.commit, dirty: info.dirty },
    artifacts,
  };
}
