/** `qingdan keys generate <dir>`: an Ed25519 key pair for signing bundles. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateKeyPair } from '../../compiler/bundle/keys.js';
import { EXIT } from '../output.js';

export function registerKeys(program: Command, setExit: (code: number) => void): void {
  const keys = program.command('keys').description('signing keys for bundles');
  keys
    .command('generate')
    .description('write an Ed25519 key pair: <dir>/private.pem (keep secret) and <dir>/public.pem (give to integrators)')
    .argument('<dir>', 'folder to write the keys into')
    .action(async (dir: string) => {
      const pair = generateKeyPair();
      await mkdir(dir, { recursive: true });
      try {
        // 'wx': never overwrite a key someone may already have published or trusted.
        await writeFile(join(dir, 'private.pem'), pair.privateKey, { mode: 0o600, flag: 'wx' });
        await writeFile(join(dir, 'public.pem'), pair.publicKey, { flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        process.stderr.write(`qingdan: ${dir} already holds a key; not overwriting it\n`);
        return setExit(EXIT.usage);
      }
      process.stdout.write(`${pair.keyid}\n`);
      process.stderr.write(`wrote ${join(dir, 'private.pem')} and ${join(dir, 'public.pem')} (key id ${pair.keyid.slice(0, 16)}…)\n`);
      setExit(EXIT.ok);
    });
}
