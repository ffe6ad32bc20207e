/**
 * A downstream system in its own process, for the pull tests: a PolicyClient on a URL that
 * decides one request every few milliseconds and prints what it holds and what it decided as
 * one JSON line. Arguments: url, public key file, cache folder, poll interval (ms).
 */
import { readFileSync } from 'node:fs';
import { PolicyClient } from '../runtime/client.js';

const [url, keyFile, cacheDir, interval] = process.argv.slice(2) as [string, string, string, string];
const request = { asOf: '2026-12-01', preview: true, processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, items: [{ id: 'cross-border-ecommerce.payment-transactions', persons: 150000 }] } };

const client = await PolicyClient.start({ url, trustedKeys: [readFileSync(keyFile, 'utf8')], cacheDir, intervalMs: Number(interval), maxBackoffMs: Number(interval) * 2, timeoutMs: 2000 });
const report = () => {
  let decided: { pathway: string; version: string } | { error: string };
  try {
    const d = client.evaluate(request);
    decided = { pathway: d.pathway, version: d.policy.version };
  } catch (e) {
    decided = { error: (e as Error).name };
  }
  const s = client.state;
  process.stdout.write(`${JSON.stringify({ version: s.version, source: s.source, lastError: s.lastError?.code ?? null, failures: s.consecutiveFailures, decided })}\n`);
};
setInterval(report, 50);
