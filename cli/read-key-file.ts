/**
 * A key file (`--key`, `--sign`), read up to a bound: a PEM key is a few hundred bytes, and
 * `--key /dev/zero` read 2 GiB into memory before it failed as "error EUNKNOWN".
 */
import { createReadStream } from 'node:fs';
import { readUpTo } from '../runtime/read-up-to.js';

/** Far above any PEM key (an Ed25519 key is about 120 bytes). */
export const MAX_KEY_BYTES = 64 * 1024;

/** A key file larger than MAX_KEY_BYTES: no key at all. */
export class KeyFileTooLarge extends Error {
  constructor(readonly path: string) {
    super(`larger than ${MAX_KEY_BYTES} bytes: a key is a few hundred`);
    this.name = 'KeyFileTooLarge';
  }
}

/** The text of the key file at `path`; throws the file system's error, or KeyFileTooLarge. */
export async function readKeyFile(path: string): Promise<string> {
  const bytes = await readUpTo(createReadStream(path), MAX_KEY_BYTES);
  if (!bytes) throw new KeyFileTooLarge(path);
  return bytes.toString('utf8');
}
