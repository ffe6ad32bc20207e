/** `qingdan serve <bundle>`: serve a bundle and decide requests over HTTP until SIGINT/SIGTERM; SIGHUP reloads. */
import type { Command } from 'commander';
import type { Run } from '../command.js';
import type { ServeFlags } from '../actions/serve.js';

export function registerServe(program: Command, run: Run): void {
  program
    .command('serve')
    .argument('[bundle]', '', 'qingdan-bundle.tar.gz')
    .option('--key <public.pem...>')
    .option('--allow-unsigned')
    .option('--host <address>', '', '127.0.0.1')
    .option('--port <n>', '', '8181')
    .option('--body-limit <bytes>', '', String(1024 * 1024))
    .option('--max-batch <n>', '', '10000')
    .option('--decision-log <file>')
    .option('--watch-interval <ms>', '', '2000')
    .option('--log-requests')
    .option('--workers <n>', '', '1')
    .action((bundlePath: string, flags: ServeFlags) => run(async (io) => (await import('../actions/serve.js')).serve(io, bundlePath, flags)));
}
