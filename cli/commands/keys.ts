/** `qingdan keys generate <dir>`: an Ed25519 key pair for signing bundles. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerKeys(program: Command, run: Run): void {
  const keys = program.command('keys');
  keys
    .command('generate')
    .argument('<dir>')
    .action((dir: string) => run(async (io) => (await import('../actions/keys.js')).generateKeys(io, dir)));
}
