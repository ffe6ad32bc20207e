/** `qingdan bundle [paths…] [-o file] [--sign key] [--gazette]`: build and pack a (signed) bundle. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerBundle(program: Command, run: Run): void {
  program
    .command('bundle')
    .description('build the policy into one deterministic .tar.gz of data (manifest, policy.json, schemas), optionally signed')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('-o, --out <file>', 'the archive to write', 'qingdan-bundle.tar.gz')
    .option('--sign <private.pem>', 'sign the manifest with this Ed25519 private key (DSSE envelope)')
    .option('--gazette', 'carry the gazette (markdown and HTML) as data')
    .action((paths: string[], options: { out: string; sign?: string; gazette?: boolean }) =>
      run(async (io) => (await import('../actions/bundle.js')).bundle(io, paths, options)),
    );
}
