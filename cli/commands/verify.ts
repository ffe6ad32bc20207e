/** `qingdan verify <bundle> --key <public.pem>`: exit 0 when the bundle is signed by the key and intact, 1 with a coded reason otherwise. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerVerify(program: Command, run: Run): void {
  program
    .command('verify')
    .argument('<bundle>')
    .requiredOption('--key <public.pem...>')
    .option('--json')
    .action((path: string, options: { key: string[]; json?: boolean }) => run(async (io) => (await import('../actions/verify.js')).verify(io, path, options)));
}
