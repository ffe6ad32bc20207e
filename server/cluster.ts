/**
 * `qingdan serve --workers N`: N server processes behind one port (node:cluster), so that
 * decisions use more than one core — one Node thread spends most of a batch in JSON.parse and
 * deciding, and cannot go faster alone.
 *
 * Each worker is a whole server (`createServer`): it reads, verifies and reloads the bundle
 * itself and keeps its last good one, so a worker never serves a bundle it did not verify. The
 * primary decides nothing: it starts the workers (again when one dies, handing it the last good
 * bundle should the file have gone bad meanwhile), passes SIGHUP on, and
 * answers a worker's request for the metrics of all workers (prom-client's AggregatorRegistry:
 * counters and histograms summed), so that a scrape of /metrics, whichever worker answers it,
 * describes the service and not one process.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { AggregatorRegistry, type Registry } from 'prom-client';

const METRICS_REQUEST = 'qingdan:cluster-metrics-request';
const METRICS_RESPONSE = 'qingdan:cluster-metrics-response';
const BUNDLE_SERVED = 'qingdan:cluster-bundle-served';
const LAST_GOOD_REQUEST = 'qingdan:cluster-last-good-request';
const LAST_GOOD_RESPONSE = 'qingdan:cluster-last-good-response';

/** How long a worker whose bundle file is refused waits for the primary's last good bundle. */
const LAST_GOOD_TIMEOUT_MS = 10_000;

/** How long a worker waits for the primary's metrics before /metrics fails. */
const METRICS_TIMEOUT_MS = 10_000;

/** How long the primary waits before starting a worker again, so a worker that cannot start does not spin. */
const RESTART_DELAY_MS = 1000;

interface MetricsRequest {
  readonly type: typeof METRICS_REQUEST;
  readonly id: number;
}

/** A worker started serving a bundle: its archive, base64 (IPC messages are JSON). */
interface BundleServed {
  readonly type: typeof BUNDLE_SERVED;
  readonly archive: string;
}

interface LastGoodResponse {
  readonly type: typeof LAST_GOOD_RESPONSE;
  readonly archive?: string;
}

interface MetricsResponse {
  readonly type: typeof METRICS_RESPONSE;
  readonly id: number;
  readonly text?: string;
  readonly error?: string;
}

/** A JSON log line of the primary: what happened, and its details. */
export type ClusterLog = (event: string, details: Record<string, unknown>) => void;

/**
 * Runs the primary until SIGINT or SIGTERM: starts `workers` workers (which run this same
 * command and serve), keeps that many running, and stops them when asked to stop.
 *
 * It keeps the last bundle a worker verified and started serving (at first `verified`, the
 * archive the primary itself checked before starting any worker), and hands it to a worker
 * that asks: one started again after a crash while the file on disk is refused, which would
 * otherwise exit, be started again a second later, and exit again until the file is fixed.
 * The worker verifies those bytes itself, as it would the file's.
 */
export async function runPrimary(workers: number, log: ClusterLog, verified: Buffer): Promise<void> {
  const aggregator = new AggregatorRegistry();
  let lastGood = verified;
  let stopping = false;
  const start = () => {
    const worker = cluster.fork();
    worker.on('message', (message: MetricsRequest | BundleServed | { type: typeof LAST_GOOD_REQUEST }) => {
      if (message?.type === BUNDLE_SERVED) lastGood = Buffer.from(message.archive, 'base64');
      if (message?.type === LAST_GOOD_REQUEST && worker.isConnected()) worker.send({ type: LAST_GOOD_RESPONSE, archive: lastGood.toString('base64') } satisfies LastGoodResponse);
      if (message?.type !== METRICS_REQUEST) return;
      const answer = (response: Omit<MetricsResponse, 'type' | 'id'>) => worker.isConnected() && worker.send({ type: METRICS_RESPONSE, id: message.id, ...response });
      aggregator.clusterMetrics().then(
        (text) => answer({ text }),
        (e: Error) => answer({ error: e.message }),
      );
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log('worker-exited', { worker: worker.process.pid, code, signal });
    setTimeout(() => stopping || start(), RESTART_DELAY_MS);
  });
  for (let i = 0; i < workers; i++) start();
  const onHup = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGHUP');
  };
  process.on('SIGHUP', onHup);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  stopping = true;
  process.off('SIGHUP', onHup);
  await Promise.all(
    Object.values(cluster.workers ?? {}).map(
      (worker) =>
        new Promise<void>((exited) => {
          if (!worker || worker.isDead()) return exited();
          worker.once('exit', () => exited());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}

/** Why nothing can listen on `host`:`port` now (tried with a socket closed at once), or undefined when something can. */
export function addressRefusal(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((answer) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => answer(e));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => answer(undefined)));
  });
}

/**
 * In a worker: lets the primary collect `registry`, and returns the function that asks the
 * primary for the metrics of every worker (Prometheus text).
 */
export function clusterMetrics(registry: Registry): () => Promise<string> {
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one is what makes this worker answer the primary's collection requests.
  new AggregatorRegistry();
  const pending = new Map<number, { resolve(text: string): void; reject(e: Error): void }>();
  let next = 0;
  process.on('message', (message: MetricsResponse) => {
    if (message?.type !== METRICS_RESPONSE) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.text !== undefined) waiter?.resolve(message.text);
    else waiter?.reject(new Error(`the primary could not collect the workers' metrics: ${message.error}`));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the primary did not send the workers’ metrics in time'));
      }, METRICS_TIMEOUT_MS);
      pending.set(id, {
        resolve: (text) => (clearTimeout(timer), resolve(text)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      process.send!({ type: METRICS_REQUEST, id } satisfies MetricsRequest);
    });
}

/** In a worker: tells the primary the bundle archive it now serves, which the primary keeps as the last good one. */
export function reportServed(archive: Buffer): void {
  process.send?.({ type: BUNDLE_SERVED, archive: archive.toString('base64') } satisfies BundleServed);
}

/** In a worker: the last good bundle archive the primary keeps (undefined if it does not answer in time). */
export function lastGoodFromPrimary(): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const onMessage = (message: LastGoodResponse) => {
      if (message?.type !== LAST_GOOD_RESPONSE) return;
      done(message.archive === undefined ? undefined : Buffer.from(message.archive, 'base64'));
    };
    const timer = setTimeout(() => done(undefined), LAST_GOOD_TIMEOUT_MS);
    const done = (archive: Buffer | undefined) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(archive);
    };
    process.on('message', onMessage);
    process.send!({ type: LAST_GOOD_REQUEST });
  });
}
