/**
 * Errors the runtime raises: a policy it will not load, a request it will not decide, and an
 * argument or option a caller got wrong.
 */
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
  | 'duplicate-id'
  // Archives (runtime/ustar.ts, bundle-archive.ts): what a bundle's .tar.gz may not hold.
  /** Not a gzip stream, not ustar, or a header failing its checksum. */
  | 'archive-corrupt'
  /** The archive or its gzip stream ends early. */
  | 'archive-truncated'
  /** Unpacks beyond the bound (a decompression bomb), or a folder holds too much. */
  | 'archive-too-large'
  /** An absolute name, a `..`, or a name the format does not allow. */
  | 'archive-path'
  /** A symbolic or hard link. */
  | 'archive-link'
  /** A folder, device, FIFO or extension header where only regular files may be. */
  | 'archive-entry-type'
  /** One name twice. */
  | 'archive-duplicate'
  /** A file the manifest does not list. */
  | 'archive-unexpected-file'
  /** A file of another size than the manifest lists. */
  | 'archive-size'
  // Signatures (signature.ts): checked only when the loader trusts keys, then always.
  /** manifest.json is not the manifest the envelope signs. */
  | 'manifest-mismatch'
  /** No envelope. */
  | 'signature-missing'
  /** An envelope with no signatures. */
  | 'signature-stripped'
  /** Not a DSSE envelope of a qingdan manifest. */
  | 'signature-malformed'
  /** Signed only by keys the loader does not trust. */
  | 'signature-unknown-key'
  /** A trusted key's signature does not verify. */
  | 'signature-invalid'
  // Succession (version.ts): against the bundle already held.
  /** Older than the held bundle. */
  | 'rollback'
  /** The held bundle's version with other content. */
  | 'equivocation';

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

/**
 * An argument or option the runtime cannot work with, refused before anything is read or
 * fetched: a configuration mistake is the caller's to fix, not a bundle to refuse or a poll to
 * retry. `option` names it (`trustedKeys`, `intervalMs`, `source`…).
 */
export class OptionError extends TypeError {
  override readonly name = 'OptionError';
  constructor(
    readonly option: string,
    /** What is wrong with it, without its name. */
    readonly reason: string,
  ) {
    super(`${option}: ${reason}`);
  }
}
