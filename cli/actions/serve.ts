/** `qingdan serve`: run the bundle server until SIGINT or SIGTERM; SIGHUP reloads the bundle and reopens the decision log. */
import cluster from 'node:cluster';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { BundleRefusedError, createServer } from '../../server/app.js';
import { addressRefusal, lastGoodFromPrimary, reportServed, runPrimary } from '../../server/cluster.js';
import { diagnostic, hint, type Diagnostic } from '../../compiler/diagnostics.js';
import { listenFailure } from '../../compiler/io-failure.js';
import { readServed, type Served } from '../../server/served-bundle.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { printUsageError, usageError } from '../usage-error.js';
import { printPolicyRefused } from '../policy-refused.js';
import { readTrustedKeys } from '../trusted-keys.js';
import { MAX_TIMER_MS } from '../../runtime/options.js';
import { decimalNumber } from '../decimal.js';

export interface ServeFlags {
  readonly key?: string[];
  readonly allowUnsigned?: boolean;
  readonly host: string;
  readonly port: string;
  readonly bodyLimit: string;
  readonly maxBatch: string;
  readonly decisionLog?: string;
  readonly watchInterval: string;
  readonly logRequests?: boolean;
  readonly workers: string;
}

/** Serves `bundlePath` until the process is asked to stop; structured JSON logs go to stdout. */
export async function serve(io: Io, bundlePath: string, flags: ServeFlags): Promise<number> {
  if (!flags.key && !flags.allowUnsigned) {
    printUsageError(io, usageError('cli-serve-needs-key').diagnostic);
    return EXIT.usage;
  }
  // A build folder (dist) is what Policy.load also takes, but serve hands out the archive itself.
  if (statSync(resolve(io.cwd, bundlePath), { throwIfNoEntry: false })?.isDirectory()) {
    printUsageError(io, usageError('cli-serve-folder', { path: bundlePath }, { hint: hint('bundle-first') }).diagnostic);
    return EXIT.usage;
  }
  let trustedKeys: string[] | undefined;
  if (flags.key) {
    const trusted = await readTrustedKeys(io.cwd, flags.key);
    if ('problem' in trusted) {
      printUsageError(io, trusted.problem);
      return EXIT.usage;
    }
    trustedKeys = trusted.keys;
  }
  const wrongNumber = numberProblem(flags);
  if (wrongNumber) {
    printUsageError(io, wrongNumber);
    return EXIT.usage;
  }
  const workers = Number(flags.workers);
  if (workers > 1 && cluster.isPrimary) return primary(io, bundlePath, trustedKeys, workers, flags);
  let server;
  try {
    server = await createServer({
      bundlePath: resolve(io.cwd, bundlePath),
      ...(trustedKeys ? { trustedKeys } : {}),
      bodyLimit: Number(flags.bodyLimit),
      maxBatch: Number(flags.maxBatch),
      watchIntervalMs: Number(flags.watchInterval),
      logRequests: flags.logRequests ?? false,
      logStream: io.stdout,
      clusterWorker: cluster.isWorker,
      ...(cluster.isWorker ? { lastGood: lastGoodFromPrimary, onServed: (served: Served) => reportServed(served.archive) } : {}),
      ...(flags.decisionLog ? { decisionLogPath: resolve(io.cwd, flags.decisionLog) } : {}),
    });
  } catch (e) {
    if (!(e instanceof BundleRefusedError)) throw e;
    printPolicyRefused(io, bundlePath, e);
    return EXIT.policyErrors;
  }
  try {
    await server.app.listen({ host: flags.host, port: Number(flags.port) });
  } catch (e) {
    const refused = listenFailure(e, `${flags.host}:${flags.port}`);
    if (!refused) throw e;
    await server.close();
    printUsageError(io, refused);
    return EXIT.usage;
  }
  // SIGHUP as daemons take it: reload the bundle, and reopen the decision log logrotate moved.
  const onHup = () => {
    void server.reload('SIGHUP');
    void server.reopenDecisionLog();
  };
  process.on('SIGHUP', onHup);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  process.off('SIGHUP', onHup);
  await server.close();
  // A worker's channel to the primary would keep it running.
  if (cluster.isWorker) cluster.worker!.disconnect();
  return EXIT.ok;
}

/** The most `--workers` per core: a decision is work for a core, and processes beyond the cores only take turns. */
const WORKERS_PER_CORE = 4;

/** The usage error of the first numeric option that is not a number of its kind, or undefined. */
function numberProblem(flags: ServeFlags): Diagnostic | undefined {
  const port = decimalNumber(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return diagnostic('cli-not-port', undefined, { value: `'${flags.port}'` });
  // Upper bounds: `--workers 1000` started a thousand processes on a two-core machine, and a
  // watch interval past what a timer holds ended in an internal error.
  const counts = [
    ['--workers', flags.workers, 1, WORKERS_PER_CORE * availableParallelism()],
    ['--body-limit', flags.bodyLimit, 1, Number.MAX_SAFE_INTEGER],
    ['--max-batch', flags.maxBatch, 1, Number.MAX_SAFE_INTEGER],
    ['--watch-interval', flags.watchInterval, 0, MAX_TIMER_MS],
  ] as const;
  for (const [option, text, least, most] of counts) {
    const n = decimalNumber(text);
    if (!Number.isInteger(n) || n < least) return diagnostic(least === 1 ? 'cli-not-positive-integer' : 'cli-not-whole-number', undefined, { option, value: `'${text}'` });
    if (n > most) return diagnostic('cli-number-too-large', undefined, { option, value: `'${text}'`, limit: most }, option === '--workers' ? { hint: hint('workers-cores') } : {});
  }
  return undefined;
}

/**
 * The primary of `serve --workers`: refuses a bundle the workers would refuse before starting
 * any, then runs them (server/cluster.ts); its JSON log lines are shaped like the workers'.
 */
async function primary(io: Io, bundlePath: string, trustedKeys: string[] | undefined, workers: number, flags: ServeFlags): Promise<number> {
  const first = await readServed(resolve(io.cwd, bundlePath), trustedKeys);
  if (!first.ok) {
    printPolicyRefused(io, bundlePath, first);
    return EXIT.policyErrors;
  }
  // Workers that cannot listen would exit and be started again, second after second: the
  // address is tried here first.
  const unusable = await addressRefusal(flags.host, Number(flags.port));
  if (unusable) {
    const refused = listenFailure(unusable, `${flags.host}:${flags.port}`);
    if (!refused) throw unusable;
    printUsageError(io, refused);
    return EXIT.usage;
  }
  const log = (event: string, details: Record<string, unknown>) => io.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, event, ...details })}\n`);
  log('cluster-started', { workers, version: first.served.policy.version, digest: first.served.policy.digest });
  await runPrimary(workers, log, first.served.archive);
  return EXIT.ok;
}
