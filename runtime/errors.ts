/** Errors the runtime raises: a policy it will not load, and a request it will not decide. */
import type { RequestProblem } from './request.js';

/**
 * Why a bundle was refused; stable, for programs to match on. The archive codes come from
 * runtime/ustar.ts and bundle-archive.ts, the signature codes from signature.ts, the
 * succession codes (rollback, equivocation) from version.ts.
 */
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
  | 'duplicate-id'
  | 'archive-corrupt'
  | 'archive-truncated'
  | 'archive-too-large'
  | 'archive-path'
  | 'archive-link'
  | 'archive-entry-type'
  | 'archive-duplicate'
  | 'archive-unexpected-file'
  | 'archive-size'
  | 'manifest-mismatch'
  | 'signature-missing'
  | 'signature-stripped'
  | 'signature-malformed'
  | 'signature-unknown-key'
  | 'signature-invalid'
  | 'rollback'
  | 'equivocation';

/** The bundle is missing, tampered with, malformed, unsigned, older, or of a schema version this runtime does not know. */
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
