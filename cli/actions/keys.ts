/** `qingdan keys generate`: an Ed25519 key pair for signing bundles. */
import { open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDirectory } from '../../runtime/make-directory.js';
import { generateKeyPair } from '../../compiler/bundle/keys.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { say } from '../messages.js';
import { printUsageError, usageError } from '../usage-error.js';

/** Writes a new key pair into `dir`, never over an existing key; prints its key id. Returns the exit code. */
export async function generateKeys(io: Io, dir: string): Promise<number> {
  // `keys generate ""` wrote the keys into the working folder, where a commit would take them in.
  if (dir.trim() === '') {
    printUsageError(io, usageError('cli-invalid-value', { option: '<dir>', value: `'${dir}'` }).diagnostic);
    return EXIT.usage;
  }
  const pair = generateKeyPair();
  const folder = resolve(io.cwd, dir);
  await makeDirectory(folder);
  const files = [
    [join(folder, 'private.pem'), pair.privateKey, 0o600],
    [join(folder, 'public.pem'), pair.publicKey, 0o644],
  ] as const;
  const created: string[] = [];
  try {
    for (const [path, text, mode] of files) {
      // 'wx': never overwrite a key someone may already have published or trusted.
      const handle = await open(path, 'wx', mode);
      created.push(path);
      try {
        await handle.writeFile(text);
      } catch (e) {
        throw Object.assign(e as NodeJS.ErrnoException, { path });
      } finally {
        await handle.close();
      }
    }
  } catch (e) {
    // Half a pair (a full disk, a public.pem already there) is removed: a full disk left an empty
    // private.pem that every retry then refused to write over.
    await Promise.all(created.map((path) => rm(path, { force: true })));
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    printUsageError(io, usageError('cli-key-exists', { path: dir }).diagnostic);
    return EXIT.usage;
  }
  io.stdout.write(`${pair.keyid}\n`);
  io.stderr.write(`${say(io, 'keys-written', { privateKey: join(dir, 'private.pem'), publicKey: join(dir, 'public.pem'), keyid: pair.keyid.slice(0, 16) })}\n`);
  return EXIT.ok;
}
