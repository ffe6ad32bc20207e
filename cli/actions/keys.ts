/** `qingdan keys generate`: an Ed25519 key pair for signing bundles. */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDirectory } from '../../runtime/make-directory.js';
import { generateKeyPair } from '../../compiler/bundle/keys.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { say } from '../messages.js';
import { printUsageError, usageError } from '../usage-error.js';

/** Writes a new key pair into `dir`, never over an existing key; prints its key id. Returns the exit code. */
export async function generateKeys(io: Io, dir: string): Promise<number> {
  const pair = generateKeyPair();
  const folder = resolve(io.cwd, dir);
  await makeDirectory(folder);
  try {
    // 'wx': never overwrite a key someone may already have published or trusted.
    await writeFile(join(folder, 'private.pem'), pair.privateKey, { mode: 0o600, flag: 'wx' });
    await writeFile(join(folder, 'public.pem'), pair.publicKey, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    printUsageError(io, usageError('cli-key-exists', { path: dir }).diagnostic);
    return EXIT.usage;
  }
  io.stdout.write(`${pair.keyid}\n`);
  io.stderr.write(`${say(io, 'keys-written', { privateKey: join(dir, 'private.pem'), publicKey: join(dir, 'public.pem'), keyid: pair.keyid.slice(0, 16) })}\n`);
  return EXIT.ok;
}
