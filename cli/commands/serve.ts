/** `qingdan serve <bundle>`: serve a bundle and decide requests over HTTP until SIGINT/SIGTERM; SIGHUP reloads. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXIT } from '../output.js';

interface ServeFlags {
  key?: string[];
  allowUnsigned?: boolean;
  host: string;
  port: string;
  bodyLimit: string;
  maxBatch: string;
  decisionLog?: string;
  watchInterval: string;
  logRequests?: boolean;
}

export function registerServe(program: Command, setExit: (code: number) => void): void {
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
    .action(async (bundlePath: string, flags: ServeFlags) => {
      if (!flags.key && !flags.allowUnsigned) {
        process.stderr.write('qingdan: serve needs --key <public.pem> (or --allow-unsigned to serve without checking signatures)\n');
        return setExit(EXIT.usage);
      }
      let trustedKeys: string[] | undefined;
      try {
        trustedKeys = flags.key ? await Promise.all(flags.key.map((k) => readFile(k, 'utf8'))) : undefined;
      } catch (e) {
        process.stderr.write(`qingdan: ${(e as Error).message}\n`);
        return setExit(EXIT.usage);
      }
      // Imported here: the HTTP stack is loaded only by the command that serves.
      const { BundleRefusedError, createServer } = await import('../../server/app.js');
      let server;
      try {
        server = await createServer({
          bundlePath,
          ...(trustedKeys ? { trustedKeys } : {}),
          bodyLimit: Number(flags.bodyLimit),
          maxBatch: Number(flags.maxBatch),
          watchIntervalMs: Number(flags.watchInterval),
          logRequests: flags.logRequests ?? false,
          ...(flags.decisionLog ? { decisionLogPath: flags.decisionLog } : {}),
        });
      } catch (e) {
        if (!(e instanceof BundleRefusedError)) throw e;
        process.stderr.write(`qingdan: cannot serve ${bundlePath}: refused [${e.code}]: ${e.message}\n`);
        return setExit(EXIT.policyErrors);
      }
      await server.app.listen({ host: flags.host, port: Number(flags.port) });
      const onHup = () => void server.reload('SIGHUP');
      process.on('SIGHUP', onHup);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.off('SIGHUP', onHup);
      await server.close();
      setExit(EXIT.ok);
    });
}
