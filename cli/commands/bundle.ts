/** `qingdan bundle [paths…] [-o file] [--sign key] [--gazette]`: build and pack a (signed) bundle. */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { bundle } from '../../compiler/bundle/bundle.js';
import { readPrivateKey } from '../../compiler/bundle/keys.js';
import { EXIT, exitFor, printDiagnostics } from '../output.js';

export function registerBundle(program: Command, setExit: (code: number) => void): void {
  program
    .command('bundle')
    .description('build the policy into one deterministic .tar.gz of data (manifest, policy.json, schemas), optionally signed')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('-o, --out <file>', 'the archive to write', 'qingdan-bundle.tar.gz')
    .option('--sign <private.pem>', 'sign the manifest with this Ed25519 private key (DSSE envelope)')
    .option('--gazette', 'carry the gazette (markdown and HTML) as data')
    .action(async (paths: string[], options: { out: string; sign?: string; gazette?: boolean }) => {
      let signingKey;
      if (options.sign) {
        try {
          signingKey = readPrivateKey(await readFile(options.sign, 'utf8'));
        } catch (e) {
          process.stderr.write(`qingdan: cannot use ${options.sign} as a signing key: ${(e as Error).message}\n`);
          return setExit(EXIT.usage);
        }
      }
      const result = await bundle({ paths, root: process.cwd(), ...(signingKey ? { signingKey } : {}), gazette: options.gazette ?? false });
      const texts = new Map<string, string>();
      for (const d of result.diagnostics) {
        const file = d.span?.file;
        if (file && !texts.has(file)) texts.set(file, await readFile(file, 'utf8').catch(() => ''));
      }
      printDiagnostics(result.diagnostics, texts);
      if (!result.archive || !result.manifest?.bundle) {
        process.stderr.write(`bundle failed: ${options.out} not written\n`);
        return setExit(Math.max(EXIT.policyErrors, exitFor(result.diagnostics)));
      }
      await writeFile(options.out, result.archive);
      const { version, digest } = result.manifest.bundle;
      process.stderr.write(`bundled ${version} (sha256 ${digest.slice(0, 12)})${signingKey ? ', signed' : ''} into ${options.out}\n`);
      setExit(EXIT.ok);
    });
}
