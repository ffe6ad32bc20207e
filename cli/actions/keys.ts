/** `qingdan keys generate`: an Ed25519 key pair for signing bundles. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateKeyPair } from '../../compiler/bundle/keys.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';

/** Writes a new key pair into `dir`, never over an existing key; prints its key id. Returns the exit code. */
export async function generateKeys(io: Io, dir: string): Promise<number> {
  const pair = generateKeyPair();
  const folder = resolve(io.cwd, dir);
  await mkdir(folder, { recursive: true });
  try {
    // 'wx': never overwrite a key someone may already have published or trusted.
    await writeFile(join(folder, 'private.pem'), pair.privateKey, { mode: 0o600, flag: 'wx' });
    await writeFile(join(folder, 'public.pem'), pair.publicKey, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    io.stderr.write(`qingdan: ${dir} already holds a key; not overwriting it\n`);
    return EXIT.usage;
  }
  io.stdout.write(`${pair.keyid}\n`);
  io.stderr.write(`wrote ${join(dir, 'private.pem')} and ${join(dir, 'public.pem')} (key id ${pair.keyid.slice(0, 16)}…)\n`);
  return EXIT.ok;
}
