/**
 * The optional decision log: one JSON line per decision — time, the request's digest (sha256
 * of its JSON), pathway, bundle version and digest — appended to a file through a buffered
 * stream. The request itself is not logged: it may describe personal-information volumes a
 * log reader need not see; its digest lets an auditor match a request kept elsewhere.
 * The workers of `serve --workers` append to one file: the file is opened for appending and
 * every write holds whole lines, so their lines never interleave.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { EvaluationResponse } from '../runtime/request.js';

export interface DecisionLog {
  record(request: unknown, decision: EvaluationResponse): void;
  close(): Promise<void>;
}

export function openDecisionLog(path: string): DecisionLog {
  const stream: WriteStream = createWriteStream(path, { flags: 'a' });
  return {
    record(request, decision) {
      const requestDigest = createHash('sha256').update(JSON.stringify(request)).digest('hex');
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), requestDigest, pathway: decision.pathway, bundleVersion: decision.policy.version, bundleDigest: decision.policy.digest })}\n`);
    },
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}
