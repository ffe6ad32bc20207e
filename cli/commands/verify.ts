/** `qingdan verify <bundle> --key <public.pem>`: exit 0 when the bundle is signed by the key and intact, 1 with a coded reason otherwise. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerVerify(program: Command, run: Run): void {
  program
    .command('verify')
    .description('verify a bundle archive: signature by a trusted key, then every file against the manifest')
    .argument('<bundle>', 'a .tar.gz written by qingdan bundle')
    .requiredOption('--key <public.pem...>', 'trusted Ed25519 public key(s)')
    .option('--json', 'print the result as JSON on stdout')
    .action((path: string, options: { key: string[]; json?: boolean }) => run(async (io) => (await import('../actions/verify.js')).verify(io, path, options)));
}
