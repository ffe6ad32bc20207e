/**
 * `node:crypto` in the self-assessment page's bundle: the runtime checks policy.json against its
 * sha256 in the manifest with `createHash('sha256')`; the browser has no synchronous SHA-256, so
 * @noble/hashes gives it. Signatures are not verified in the page (it carries the manifest and
 * policy.json of the build it was written with, not an archive): what needs a key refuses.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function createHash(algorithm: string): { update(data: Uint8Array | string): { digest(encoding: 'hex'): string } } {
  if (algorithm !== 'sha256') throw new Error(`${algorithm} is not available in the page`);
  return {
    update: (data) => ({ digest: () => bytesToHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data)) }),
  };
}

function unavailable(): never {
  throw new Error('signature verification is not available in the page');
}

export const createPublicKey = unavailable;
export const verify = unavailable;

/** No key exists in the page: nothing is a KeyObject (the runtime asks with instanceof). */
export class KeyObject {}
