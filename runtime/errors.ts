/** Errors the runtime raises: a policy it will not load, and a request it will not decide. */
import type { RequestProblem } from './request.js';

/** Why a bundle is refused. */
export type PolicyLoadErrorCode =
  /** manifest.json or an artifact it requires is absent. */
  | 'missing'
  /** A file exists but cannot be read. */
  | 'unreadable'
  /** A FIFO, device or folder where a file should be: never read (it could block forever). */
  | 'not-a-file'
  /** An artifact's bytes differ from its sha256 in the manifest. */
  | 'digest-mismatch'
  /** A schema version this runtime does not read. */
  | 'unsupported-schema'
  /** Not JSON. */
  | 'invalid'
  /** JSON that breaks the published schema (an unknown pathway, a missing field…); see `problems`. */
  | 'schema-invalid'
  /** Two list items with one id: a request could not say which it means. */
  | 'duplicate-id';

/** The bundle is missing, tampered with, malformed, or of a schema version this runtime does not know. */
export class PolicyLoadError extends Error {
  override readonly name = 'PolicyLoadError';
  constructor(
    message: string,
    readonly code: PolicyLoadErrorCode,
    /** For `schema-invalid`: where (a JSON pointer into the file) and what. */
    readonly problems: readonly RequestProblem[] = [],
  ) {
    super(message);
  }
}

/** The request breaks the contract; every problem is listed with its JSON pointer. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
  constructor(readonly problems: readonly RequestProblem[]) {
    super(`invalid request: ${problems.map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}`);
  }
}
