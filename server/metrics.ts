/**
 * The server's Prometheus metrics (prom-client, in a registry of its own so two servers in one
 * process do not share counters): decisions by pathway, decide latency, the bundle served, and
 * reload failures by refusal code.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ServerMetrics {
  readonly registry: Registry;
  /** Decisions made, by pathway (`indeterminate` included). */
  readonly decisions: Counter<'pathway'>;
  /** Seconds to answer one POST /v1/decide (one request or a batch). */
  readonly latency: Histogram<'kind'>;
  /** 1 for the bundle being served, by version and digest. */
  readonly bundle: Gauge<'version' | 'digest'>;
  /** Reloads refused, by PolicyLoadError code (or `unreadable`); with `serve --workers`, each worker reloads, and counts, for itself. */
  readonly reloadFailures: Counter<'code'>;
}

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  return {
    registry,
    decisions: new Counter({ name: 'qingdan_decisions_total', help: 'Decisions made, by pathway.', labelNames: ['pathway'], registers: [registry] }),
    latency: new Histogram({
      name: 'qingdan_decide_duration_seconds',
      help: 'Time to answer POST /v1/decide, by kind (single or batch).',
      labelNames: ['kind'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    // Summed over the workers of `serve --workers` the gauge would say 2; each bundle a worker serves is 1.
    bundle: new Gauge({ name: 'qingdan_bundle_info', help: 'The bundle being served (value 1), by version and content digest.', labelNames: ['version', 'digest'], registers: [registry], aggregator: 'max' }),
    reloadFailures: new Counter({ name: 'qingdan_bundle_reload_failures_total', help: 'Bundle reloads refused (the last good bundle kept), by code.', labelNames: ['code'], registers: [registry] }),
  };
}

/** Counts a batch's decisions by pathway, with one increment per pathway, not one per decision. */
export function countDecisions(metrics: ServerMetrics, decisions: readonly { readonly pathway: string }[]): void {
  const counts = new Map<string, number>();
  for (let i = 0; i < decisions.length; i++) {
    const pathway = decisions[i]!.pathway;
    counts.set(pathway, (counts.get(pathway) ?? 0) + 1);
  }
  for (const [pathway, n] of counts) metrics.decisions.inc({ pathway }, n);
}
