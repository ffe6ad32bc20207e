/** `qingdan serve <bundle>`: serve a bundle and decide requests over HTTP until SIGINT/SIGTERM; SIGHUP reloads. */
import type { Command } from 'commander';
import type { Run } from '../command.js';
import type { ServeFlags } from '../actions/serve.js';

export function registerServe(program: Command, run: Run): void {
  program
    .command('serve')
    .description('serve a bundle (GET /v1/bundle) and decide requests (POST /v1/decide) over HTTP; SIGHUP or a changed file reloads it')
    .argument('[bundle]', 'the archive written by qingdan bundle', 'qingdan-bundle.tar.gz')
    .option('--key <public.pem...>', 'trusted Ed25519 public key(s): only bundles signed by one of them are served')
    .option('--allow-unsigned', 'serve without checking signatures (development only)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', '8181')
    .option('--body-limit <bytes>', 'largest request body; larger is 413', String(1024 * 1024))
    .option('--max-batch <n>', 'most requests in one batch; more is 413', '10000')
    .option('--decision-log <file>', 'append one JSON line per decision (time, request digest, pathway, bundle version)')
    .option('--watch-interval <ms>', 'how often to look for a changed bundle file (0: only on SIGHUP)', '2000')
    .option('--log-requests', 'log every HTTP request')
    .option('--workers <n>', 'server processes sharing the port (node:cluster), to decide on more than one core', '1')
    .action((bundlePath: string, flags: ServeFlags) => run(async (io) => (await import('../actions/serve.js')).serve(io, bundlePath, flags)));
}
