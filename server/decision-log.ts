/**
 * The optional decision log: one JSON line per decision — time, the request's digest, pathway,
 * bundle version and digest — appended to a file through a buffered stream. The request itself
 * is not logged: it may describe personal-information volumes a log reader need not see; its
 * digest lets an auditor match a request kept elsewhere. The digest is the sha256 of the
 * request's canonical JSON (RFC 8785, JCS), so it does not depend on the order of the keys a
 * client sent, nor on whether the request came alone or as a transfer of a shared batch.
 * The workers of `serve --workers` append to one file: the file is opened for appending and
 * every write holds whole lines, so their lines never interleave.
 *
 * The file is opened before the server listens, so a path that cannot be opened stops the start
 * with an I/O error. A write that fails later (a full disk) is kept as the log's `failure`: the
 * server then refuses to decide rather than decide unrecorded (server/app.ts).
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { canonicalJson } from '../compiler/canonical-json.js';
import type { EvaluationResponse } from '../runtime/request.js';

export interface DecisionLog {
  record(request: unknown, decision: EvaluationResponse): void;
  /** The first error writing the file, once there was one. */
  readonly failure: NodeJS.ErrnoException | undefined;
  close(): Promise<void>;
}

/** Opens (creates, appends to) the log at `path`; throws the file system's error when it cannot. `onFailure` hears the first write error. */
export async function openDecisionLog(path: string, onFailure: (error: NodeJS.ErrnoException) => void): Promise<DecisionLog> {
  const file = await open(path, 'a');
  const stream = file.createWriteStream();
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (failure) return;
    failure = e;
    onFailure(e);
  });
  return {
    get failure() {
      return failure;
    },
    record(request, decision) {
      const requestDigest = requestDigestOf(request);
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), requestDigest, pathway: decision.pathway, bundleVersion: decision.policy.version, bundleDigest: decision.policy.digest })}\n`);
    },
    // A failed stream is closed already; ending it again would wait for a 'finish' that never comes.
    close: () => (failure ? Promise.resolve() : new Promise((resolve) => stream.end(resolve))),
  };
}

/** The sha256 (hex) of a request's canonical JSON (RFC 8785): what the decision log records. */
function requestDigestOf(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
