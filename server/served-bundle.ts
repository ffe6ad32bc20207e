/**
 * The bundle a server serves and decides with, and how it is replaced: the file is read and
 * verified like any client would (signature by a trusted key, digests, no rollback, no
 * equivocation) and swapped in only when all of that passes; otherwise the last good bundle
 * stays and the refusal is reported.
 */
import { createHash } from 'node:crypto';
import { readArchiveFile } from '../runtime/bundle-archive.js';
import { Policy } from '../runtime/policy.js';
import { PolicyLoadError } from '../runtime/errors.js';
import type { TrustedKey } from '../runtime/signature.js';
import type { RequestProblem } from '../runtime/request.js';

export interface Served {
  readonly policy: Policy;
  /** The archive's bytes, served as they are. */
  readonly archive: Buffer;
  /** The archive file's sha256 (hex): a reload of unchanged bytes is no change. */
  readonly archiveSha256: string;
}

export type ReloadResult = { readonly ok: true; readonly changed: boolean; readonly served: Served } | { readonly ok: false; readonly code: string; readonly message: string; readonly problems: readonly RequestProblem[] };

/** Reads and verifies the archive at `path`; `previous` is the bundle served until now. */
export async function readServed(path: string, trustedKeys: readonly TrustedKey[] | undefined, previous?: Served): Promise<ReloadResult> {
  let archive: Buffer;
  try {
    archive = await readArchiveFile(path);
  } catch (e) {
    if (e instanceof PolicyLoadError) return { ok: false, code: e.code, message: e.message, problems: [] };
    return { ok: false, code: 'unreadable', message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, problems: [] };
  }
  return servedFrom(archive, trustedKeys, previous);
}

/** Verifies `archive` (bytes from the file, or the last good bundle the primary kept) as `readServed` does. */
export async function servedFrom(archive: Buffer, trustedKeys: readonly TrustedKey[] | undefined, previous?: Served): Promise<ReloadResult> {
  const archiveSha256 = createHash('sha256').update(archive).digest('hex');
  if (previous && archiveSha256 === previous.archiveSha256) return { ok: true, changed: false, served: previous };
  try {
    const policy = await Policy.load(archive, { ...(trustedKeys ? { trustedKeys } : {}), ...(previous ? { previous: { version: previous.policy.version, digest: previous.policy.digest } } : {}) });
    return { ok: true, changed: true, served: { policy, archive, archiveSha256 } };
  } catch (e) {
    if (!(e instanceof PolicyLoadError)) throw e;
    return { ok: false, code: e.code, message: e.message, problems: e.problems };
  }
}
