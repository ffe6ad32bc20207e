/** Errors the runtime raises: a policy it will not load, and a request it will not decide. */
import type { RequestProblem } from './request.js';

/** The bundle is missing, tampered with, or of a schema version this runtime does not know. */
export class PolicyLoadError extends Error {
  override readonly name = 'PolicyLoadError';
  constructor(
    message: string,
    readonly code: 'missing' | 'unreadable' | 'digest-mismatch' | 'unsupported-schema' | 'invalid',
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
