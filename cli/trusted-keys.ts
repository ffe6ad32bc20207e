/** The `--key` files of verify, serve and report: read, and checked to be Ed25519 public keys before any bundle is. */
import { resolve } from 'node:path';
import { diagnostic, hint, type Diagnostic } from '../compiler/diagnostics.js';
import { readFailure } from '../compiler/read-failure.js';
import { OptionError } from '../runtime/errors.js';
import { trustKeys } from '../runtime/signature.js';
import { KeyFileTooLarge, readKeyFile } from './read-key-file.js';

/** The PEM texts of `files` (relative to `cwd`), or the diagnostic of the first that cannot be read or is no Ed25519 public key. */
export async function readTrustedKeys(cwd: string, files: readonly string[]): Promise<{ keys: string[] } | { problem: Diagnostic }> {
  let keys: string[];
  try {
    keys = await Promise.all(files.map((k) => readKeyFile(resolve(cwd, k))));
  } catch (e) {
    if (e instanceof KeyFileTooLarge) return { problem: diagnostic('cli-public-key', undefined, { path: files.find((f) => resolve(cwd, f) === e.path)! }, { detail: { tool: 'node', text: e.message } }) };
    return { problem: readFailure((e as NodeJS.ErrnoException).path ?? files.join(', '), e) };
  }
  // One file at a time, to name the one that is no key: often a bundle taken in by the variadic --key.
  for (const [i, key] of keys.entries()) {
    // A private key holds the public one, and was taken: a verifier handed the signing key.
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return { problem: diagnostic('cli-public-key', undefined, { path: files[i]! }, { hint: hint('public-key-only') }) };
    try {
      trustKeys([key]);
    } catch (e) {
      return { problem: diagnostic('cli-public-key', undefined, { path: files[i]! }, { hint: hint('key-files'), detail: { tool: 'node', text: e instanceof OptionError ? e.reason : (e as Error).message } }) };
    }
  }
  return { keys };
}
