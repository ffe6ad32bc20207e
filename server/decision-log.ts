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
 *
 * `reopen` (on SIGHUP) opens the path again, as logrotate expects of a daemon after it moved the
 * file: new lines go to the new file, the lines already written finish in the moved one. Without
 * it the server wrote on into the moved file, and into nothing once logrotate had compressed and
 * deleted it. A reopen that succeeds clears a failure; one that fails keeps the file it had.
 */
import { createHash } from 'node:crypto';
import type { WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { canonicalJson } from '../compiler/canonical-json.js';
import type { EvaluationResponse } from '../runtime/request.js';

export interface DecisionLog {
  record(request: unknown, decision: EvaluationResponse): void;
  /** The first error writing the file, once there was one. */
  readonly failure: NodeJS.ErrnoException | undefined;
  /** Opens the path again (after log rotation); throws the file system's error and keeps the old file when it cannot. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** Opens (creates, appends to) the log at `path`; throws the file system's error when it cannot. `onFailure` hears the first write error. */
export async function openDecisionLog(path: string, onFailure: (error: NodeJS.ErrnoException) => void): Promise<DecisionLog> {
  let failure: NodeJS.ErrnoException | undefined;
  /** Streams ended by a reopen, still writing their last lines into the moved file. */
  const ending = new Set<Promise<void>>();
  const openStream = async (): Promise<WriteStream> => {
    const stream = (await open(path, 'a')).createWriteStream();
    // Any stream's error, the current one's or a moved file's last lines, stops the deciding.
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (failure) return;
      failure = e;
      onFailure(e);
    });
    return stream;
  };
  // A failed stream is closed already; ending it again would wait for a 'finish' that never comes.
  const end = (stream: WriteStream): Promise<void> => (stream.destroyed ? Promise.resolve() : new Promise((resolve) => stream.end(resolve)));
  let stream = await openStream();
  return {
    get failure() {
      return failure;
    },
    record(request, decision) {
      const requestDigest = requestDigestOf(request);
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), requestDigest, pathway: decision.pathway, bundleVersion: decision.policy.version, bundleDigest: decision.policy.digest })}\n`);
    },
    async reopen() {
      const next = await openStream();
      const moved = stream;
      stream = next;
      failure = undefined;
      const done = end(moved).finally(() => ending.delete(done));
      ending.add(done);
    },
    close: async () => {
      await Promise.all([end(stream), ...ending]);
    },
  };
}

/** The sha256 (hex) of a request's canonical JSON (RFC 8785): what the decision log records. */
function requestDigestOf(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
