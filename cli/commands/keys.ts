/** `qingdan keys generate <dir>`: an Ed25519 key pair for signing bundles. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerKeys(program: Command, run: Run): void {
  const keys = program.command('keys').description('signing keys for bundles');
  keys
    .command('generate')
    .description('write an Ed25519 key pair: <dir>/private.pem (keep secret) and <dir>/public.pem (give to integrators)')
    .argument('<dir>', 'folder to write the keys into')
    .action((dir: string) => run(async (io) => (await import('../actions/keys.js')).generateKeys(io, dir)));
}
