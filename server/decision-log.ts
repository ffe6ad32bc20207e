/**
 * The optional decision log: one JSON line per decision — time, the request's digest, pathway,
 * bundle version and digest — appended to a file through a buffered stream. The request itself
 * is not logged: it may describe personal-information volumes a log reader need not see; its
 * digest lets an auditor match a request kept elsewhere. The digest is the sha256 of the
 * request's canonical JSON (RFC 8785, JCS), so it does not depend on the order of the keys a
 * client sent, nor on whether the request came alone or as a transfer of a shared batch.
 * The workers of `serve --workers` append to one file: the file is opened for appending and
 * every write holds whole lines, so their lines never interleave.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { canonicalJson } from '../compiler/canonical-json.js';
import type { EvaluationResponse } from '../runtime/request.js';

export interface DecisionLog {
  record(request: unknown, decision: EvaluationResponse): void;
  close(): Promise<void>;
}

export function openDecisionLog(path: string): DecisionLog {
  const stream: WriteStream = createWriteStream(path, { flags: 'a' });
  return {
    record(request, decision) {
      const requestDigest = requestDigestOf(request);
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), requestDigest, pathway: decision.pathway, bundleVersion: decision.policy.version, bundleDigest: decision.policy.digest })}\n`);
    },
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

/** The sha256 (hex) of a request's canonical JSON (RFC 8785): what the decision log records. */
function requestDigestOf(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
