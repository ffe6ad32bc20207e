/**
 * `qingdan serve`: a bundle server and decision service on fastify. It serves the signed
 * archive for clients to pull (GET /v1/bundle, with ETag and If-None-Match), decides requests
 * itself (POST /v1/decide: one request, an array of them, or a batch with shared context;
 * `?view=compact` writes each distinct reason once and decisions by index, `?view=dense` every
 * repeated part once and each decision as a row of positions), describes the policy
 * (GET /v1/policy), and reports health, readiness and Prometheus metrics. It reloads its bundle
 * on demand (SIGHUP, wired by the CLI) and when the file changes, and keeps the last good bundle
 * when a new one is refused.
 */
import { unwatchFile, watchFile } from 'node:fs';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Policy } from '../runtime/policy.js';
import type { EvaluationRequest, EvaluationResponse, RequestProblem } from '../runtime/request.js';
import { isCalendarDate, today } from '../runtime/dates.js';
import { isSharedBatch, requestsOf } from '../runtime/shared-batch.js';
import type { TrustedKey } from '../runtime/signature.js';
import { openDecisionLog, type DecisionLog } from './decision-log.js';
import { clusterMetrics } from './cluster.js';
import { countDecisions, createMetrics, type ServerMetrics } from './metrics.js';
import { bundleEntityTag, noneMatchHits, reprDigest } from './entity-tag.js';
import { readServed, servedFrom, type ReloadResult, type Served } from './served-bundle.js';
import { problemsSaid, readerLanguage } from './reader-language.js';
import { serializeCompactDecisions, serializeDecision, serializeDecisions, serializeDenseDecisions } from './serialize.js';

export interface ServeOptions {
  /** The bundle archive to serve (`qingdan bundle`'s .tar.gz). */
  readonly bundlePath: string;
  /** Trusted public keys; without them the bundle is not signature-checked (the CLI asks for --allow-unsigned). */
  readonly trustedKeys?: readonly TrustedKey[];
  /** Largest request body in bytes (default 1 MiB); larger is 413. */
  readonly bodyLimit?: number;
  /** Most requests in one batch (default 10,000); more is 413. */
  readonly maxBatch?: number;
  /** Append a JSON line per decision to this file. */
  readonly decisionLogPath?: string;
  /** How often to look at the bundle file for changes, in ms (default 2000; 0: never). */
  readonly watchIntervalMs?: number;
  /** Log level of the structured JSON logs (default info); false: no logs. */
  readonly logLevel?: string | false;
  /** Where the JSON log lines go (default: the process's stdout). */
  readonly logStream?: { write(text: string): void };
  /** Log every HTTP request (off by default: at thousands of requests a second the log would be the load). */
  readonly logRequests?: boolean;
  /** This server is a worker of `qingdan serve --workers`: /metrics answers for every worker (server/cluster.ts). */
  readonly clusterWorker?: boolean;
  /**
   * Where the last good bundle is: its bytes, verified here like the file's would be. The file
   * is then taken at start only as its successor (no rollback, no equivocation), and when the
   * file is refused the last good bundle is served: a worker of `serve --workers` started again
   * asks its primary, and serves what the other workers serve instead of exiting.
   */
  readonly lastGood?: () => Promise<Buffer | undefined>;
  /** Told of each bundle this server starts serving (a worker tells its primary, which keeps the last good one). */
  readonly onServed?: (served: Served) => void;
}

export interface QingdanServer {
  readonly app: FastifyInstance;
  readonly metrics: ServerMetrics;
  /** Re-reads the bundle file; keeps the served bundle if the new one is refused. */
  reload(reason: string): Promise<ReloadResult>;
  /**
   * Opens the decision log's path again, after log rotation moved the file; logs whether it
   * could (when it cannot, the log stays with the file it had). Nothing to do without a log.
   */
  reopenDecisionLog(): Promise<void>;
  close(): Promise<void>;
}


/** The views `POST /v1/decide?view=` answers in (the full view when none is named). */
const VIEWS: readonly string[] = ['full', 'compact', 'dense'];

/**
 * The body errors fastify's parser finds before a route runs, answered in the server's own
 * shape `{ error, message }` (as 413 batch-too-large is), not fastify's, by their codes.
 */
const BODY_ERRORS: Readonly<Record<string, { status: number; error: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid-json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid-json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'body-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, error: 'unsupported-media-type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: 'invalid-content-length' },
};

/** The methods a 405 may name as those a path takes. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** What decisions and readiness answer once the decision log cannot be written. */
const DECISION_LOG_FAILED = Object.freeze({ error: 'decision-log-failed', message: 'the decision log cannot be written: no decision is made unrecorded' });

/**
 * A 400 listing every problem. Each keeps the contract's keyword, params and English message and
 * says itself in the client's language too (Accept-Language: Chinese or English).
 */
function refuse(request: FastifyRequest, reply: FastifyReply, problems: readonly RequestProblem[]): FastifyReply {
  const lang = readerLanguage(request.headers['accept-language']);
  return reply.code(400).header('content-language', lang).header('vary', 'Accept-Language').send({ error: 'invalid-request', problems: problemsSaid(problems, lang) });
}

/** The lists of `policy` and whether each is in force on `date` (status in-force, within its effective period). */
function listsOn(policy: Policy, date: string) {
  return policy.bundle.policy.lists.map((l) => {
    // As decisions read it: a list in force by its own period has no effect after the measures' trial.
    const state = policy.listState(l.id, date);
    return { id: l.id, title: l.title, sector: l.sector, zones: l.zones, status: l.status, effective: l.effective, state, inForce: state === 'in-force' };
  });
}

/**
 * Every problem of the requests (each pointer prefixed with the request's index in a batch).
 * Each request is first asked whether it conforms, which builds nothing; only one that does not
 * is described.
 */
function problemsOf(policy: Policy, requests: readonly unknown[], batch: boolean): RequestProblem[] {
  const problems: RequestProblem[] = [];
  for (let i = 0; i < requests.length; i++) {
    if (policy.conforms(requests[i])) continue;
    for (const p of policy.problems(requests[i])) problems.push(batch ? { ...p, pointer: `/${i}${p.pointer}` } : p);
  }
  return problems;
}

/** How many transfers a shared batch holds (0 when `transfers` is not an array: the validation says so). */
function countOf(transfers: unknown): number {
  return Array.isArray(transfers) ? transfers.length : 0;
}

/** Creates the server with its bundle loaded and verified; throws ReloadError when the bundle is refused. */
export async function createServer(options: ServeOptions): Promise<QingdanServer> {
  const metrics = createMetrics();
  // A worker started again takes the file only as a successor of the last good bundle, as a
  // reload would: else a file rolled back meanwhile (refused by the running workers) was served
  // by the new one, and the cluster answered with two versions.
  const lastGood = options.lastGood ? await options.lastGood() : undefined;
  const kept = lastGood ? await servedFrom(lastGood, options.trustedKeys) : undefined;
  let first = await readServed(options.bundlePath, options.trustedKeys, kept?.ok ? kept.served : undefined);
  let refusedAtStart: { code: string; message: string } | undefined;
  if (!first.ok && kept?.ok) [refusedAtStart, first] = [first, kept];
  if (!first.ok) throw new BundleRefusedError(first.code, first.message, first.problems);
  let served: Served = first.served;
  options.onServed?.(served);
  metrics.bundle.set({ version: served.policy.version, digest: served.policy.digest }, 1);
  const maxBatch = options.maxBatch ?? 10_000;
  const metricsText = options.clusterWorker ? clusterMetrics(metrics.registry) : () => metrics.registry.metrics();

  const app = Fastify({
    logger: options.logLevel === false ? false : { level: options.logLevel ?? 'info', ...(options.logStream ? { stream: options.logStream } : {}) },
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Plain JSON.parse, without secure-json-parse's two scans of every body for `__proto__` and
    // `constructor` keys: JSON.parse makes such a key an own property, never the prototype, and
    // the request contract allows no property it does not define, so the validation refuses
    // it with its pointer among the other problems (test/serve.test.ts).
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
  });

  // Requests are JSON: a text/plain body (fastify parses one by default) is 415, not a string the
  // contract refuses as "must be a mapping".
  app.removeContentTypeParser('text/plain');

  // Opened before anything listens: a path that cannot be opened stops the start.
  const decisionLog: DecisionLog | undefined = options.decisionLogPath
    ? await openDecisionLog(options.decisionLogPath, (e) => app.log.error({ event: 'decision-log-failed', path: options.decisionLogPath, code: e.code }, `the decision log cannot be written: ${e.message}`))
    : undefined;
  if (refusedAtStart) {
    metrics.reloadFailures.inc({ code: refusedAtStart.code });
    app.log.error({ event: 'started-on-last-good', code: refusedAtStart.code, version: served.policy.version, digest: served.policy.digest }, refusedAtStart.message);
  }

  const decideAll = (policy: Policy, requests: readonly unknown[]): EvaluationResponse[] => {
    const decisions = new Array<EvaluationResponse>(requests.length);
    for (let i = 0; i < requests.length; i++) decisions[i] = policy.decideTrusted(requests[i] as EvaluationRequest);
    countDecisions(metrics, decisions);
    if (decisionLog) decisions.forEach((d, i) => decisionLog.record(requests[i], d));
    return decisions;
  };

  app.get('/v1/bundle', async (request, reply) => {
    const current = served;
    const etag = bundleEntityTag(current.policy.digest);
    reply.header('etag', etag).header('cache-control', 'no-cache').header('x-qingdan-version', current.policy.version).header('x-qingdan-digest', current.policy.digest);
    if (noneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    reply.header('repr-digest', reprDigest(current.archiveSha256));
    return reply.type('application/gzip').send(current.archive);
  });

  app.get<{ Querystring: { asOf?: string } }>('/v1/policy', async (request, reply) => {
    const date = request.query.asOf ?? today();
    if (!isCalendarDate(date)) return refuse(request, reply, [{ pointer: '/asOf', keyword: 'format', params: { format: 'date' }, message: 'must be a date, YYYY-MM-DD' }]);
    const { policy } = served;
    return { version: policy.version, digest: policy.digest, asOf: date, lists: listsOn(policy, date) };
  });

  app.post<{ Querystring: { view?: string } }>('/v1/decide', async (request, reply) => {
    const started = process.hrtime.bigint();
    const view = request.query.view ?? 'full';
    if (!VIEWS.includes(view)) return refuse(request, reply, [{ pointer: '', keyword: 'enum', params: { allowedValues: [...VIEWS] }, message: `view must be one of ${VIEWS.join(', ')}, not ${JSON.stringify(view)}` }]);
    const { policy } = served; // one bundle for the whole request, even if a reload swaps it meanwhile
    const body = request.body;
    const shared = isSharedBatch(body);
    const batch = shared || Array.isArray(body);
    const count = shared ? countOf((body as { transfers?: unknown }).transfers) : batch ? (body as unknown[]).length : 1;
    if (count > maxBatch) return reply.code(413).send({ error: 'batch-too-large', message: `at most ${maxBatch} requests in one batch` });
    // Configured to record every decision, the server does not decide unrecorded (fail closed).
    if (decisionLog?.failure) return reply.code(503).send(DECISION_LOG_FAILED);
    let requests: readonly unknown[];
    if (shared) {
      if (!policy.conformsSharedBatch(body)) return refuse(request, reply, policy.sharedBatchProblems(body));
      requests = requestsOf(body);
    } else {
      requests = batch ? (body as unknown[]) : [body];
      const problems = problemsOf(policy, requests, batch);
      if (problems.length > 0) return refuse(request, reply, problems);
    }
    const decisions = decideAll(policy, requests);
    metrics.latency.observe({ kind: batch ? 'batch' : 'single' }, Number(process.hrtime.bigint() - started) / 1e9);
    reply.type('application/json; charset=utf-8');
    if (view === 'compact') return serializeCompactDecisions(decisions, { version: policy.version, digest: policy.digest });
    if (view === 'dense') return serializeDenseDecisions(decisions, { version: policy.version, digest: policy.digest });
    return batch ? serializeDecisions({ decisions }) : serializeDecision(decisions[0]!);
  });

  app.setErrorHandler((error: Error & { code?: string }, request, reply) => {
    const known = BODY_ERRORS[error.code ?? ''];
    if (known) return reply.code(known.status).send({ error: known.error, message: error.message });
    request.log.error({ event: 'request-failed', err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal-error', message: 'the server failed to answer; see its log' });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // A path served with other methods: 405 and what it takes (RFC 9110 §15.5.6), not "no such path".
    const allowed = METHODS.filter((method) => app.hasRoute({ method, url: path }));
    if (allowed.length > 0) return reply.code(405).header('allow', allowed.join(', ')).send({ error: 'method-not-allowed', message: `${path} takes ${allowed.join(', ')}, not ${request.method}` });
    return reply.code(404).send({ error: 'not-found', message: `no ${request.method} ${path} here` });
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    decisionLog?.failure ? reply.code(503).send({ status: 'not-ready', ...DECISION_LOG_FAILED }) : { status: 'ready', version: served.policy.version, digest: served.policy.digest },
  );
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metricsText()));

  let reloads: Promise<unknown> = Promise.resolve();
  const reloadOnce = async (reason: string): Promise<ReloadResult> => {
    const result = await readServed(options.bundlePath, options.trustedKeys, served);
    if (!result.ok) {
      metrics.reloadFailures.inc({ code: result.code });
      app.log.error({ event: 'reload-refused', reason, code: result.code, keptVersion: served.policy.version, keptDigest: served.policy.digest }, result.message);
      return result;
    }
    if (result.changed) {
      metrics.bundle.reset();
      metrics.bundle.set({ version: result.served.policy.version, digest: result.served.policy.digest }, 1);
      app.log.info({ event: 'reloaded', reason, from: served.policy.version, version: result.served.policy.version, digest: result.served.policy.digest }, 'bundle reloaded');
      served = result.served;
      options.onServed?.(served);
    }
    return result;
  };
  // Reloads never overlap: a signal during a reload waits for it and then reads the file again.
  const reload = (reason: string): Promise<ReloadResult> => {
    const next = reloads.then(() => reloadOnce(reason));
    reloads = next.catch(() => undefined);
    return next;
  };

  const interval = options.watchIntervalMs ?? 2000;
  const onChange = () => void reload('file-changed');
  if (interval > 0) watchFile(options.bundlePath, { interval, persistent: false }, onChange);

  return {
    app,
    metrics,
    reload,
    async reopenDecisionLog() {
      if (!decisionLog) return;
      const path = options.decisionLogPath;
      try {
        await decisionLog.reopen();
        app.log.info({ event: 'decision-log-reopened', path }, 'decision log reopened');
      } catch (e) {
        const { code, message } = e as NodeJS.ErrnoException;
        app.log.error({ event: 'decision-log-reopen-failed', path, code }, `the decision log cannot be reopened, it goes on in the file it had: ${message}`);
      }
    },
    async close() {
      if (interval > 0) unwatchFile(options.bundlePath, onChange);
      await app.close();
      await decisionLog?.close();
    },
  };
}

/** The bundle given at start-up is refused: the server does not start without a good one. */
export class BundleRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The schema problems of a `schema-invalid` bundle. */
    readonly problems: readonly RequestProblem[] = [],
  ) {
    super(message);
  }
}
