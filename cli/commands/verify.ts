/** `qingdan verify <bundle> --key <public.pem>`: exit 0 when the bundle is signed by the key and intact, 1 with a coded reason otherwise. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { verifyBundleArchive } from '../../runtime/bundle-archive.js';
import { PolicyLoadError } from '../../runtime/errors.js';
import { EXIT, printJson } from '../output.js';

export function registerVerify(program: Command, setExit: (code: number) => void): void {
  program
    .command('verify')
    .description('verify a bundle archive: signature by a trusted key, then every file against the manifest')
    .argument('<bundle>', 'a .tar.gz written by qingdan bundle')
    .requiredOption('--key <public.pem...>', 'trusted Ed25519 public key(s)')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (path: string, options: { key: string[]; json?: boolean }) => {
      let archive: Buffer;
      let keys: string[];
      try {
        archive = await readFile(path);
        keys = await Promise.all(options.key.map((k) => readFile(k, 'utf8')));
      } catch (e) {
        process.stderr.write(`qingdan: ${(e as Error).message}\n`);
        return setExit(EXIT.usage);
      }
      try {
        const { identity } = verifyBundleArchive(archive, { trustedKeys: keys });
        if (options.json) printJson({ ok: true, ...identity });
        else process.stderr.write(`ok: ${path} is bundle ${identity.version} (sha256 ${identity.digest}), signed by a trusted key\n`);
        setExit(EXIT.ok);
      } catch (e) {
        if (e instanceof TypeError) {
          process.stderr.write(`qingdan: ${e.message}\n`);
          return setExit(EXIT.usage);
        }
        if (!(e instanceof PolicyLoadError)) throw e;
        if (options.json) printJson({ ok: false, code: e.code, message: e.message });
        else process.stderr.write(`refused [${e.code}]: ${e.message}\n`);
        setExit(EXIT.policyErrors);
      }
    });
}
