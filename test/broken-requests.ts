/**
 * The scenario corpus's requests, and ways to break a request in one place each — the
 * differential checks of `Policy.conforms` (test/runtime-load) and of shared batches
 * (test/shared-batch) run every request through every breaking.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support.js';

/** A request as a test edits it, before anything is known about its shape. */
export type LooseRequest = { asOf?: unknown; preview?: unknown; processor?: Record<string, unknown>; transfer?: Record<string, unknown> };

/** Edits that each make a conforming request break the contract in one place: form, calendar, vocabulary, shape. */
export const BREAKINGS: readonly ((r: LooseRequest) => void)[] = [
  (r) => (r.asOf = '2027-02-30'),
  (r) => (r.asOf = 'soon'),
  (r) => (r.preview = 'yes'),
  (r) => (r.processor!.zone = 'marz'),
  (r) => (r.processor!.zone = 'no zone!'),
  (r) => (r.processor!.holdings = { sensitiveKinds: ['medical', 'horoscope'] }),
  (r) => (r.transfer!.sector = 'S99'),
  (r) => (r.transfer!.exemptions = ['art99']),
  (r) => (r.transfer!.personalInfo = { sensitivePersons: 1, sensitiveKinds: ['horoscope'] }),
  (r) => (r.transfer!.extra = 1),
  (r) => delete r.transfer!.isExport,
  (r) => delete r.processor,
];

/** The requests of the scenario corpus (test/scenarios/cases) that have a processor and a transfer, by file name. */
export async function scenarioRequests(): Promise<{ name: string; request: LooseRequest }[]> {
  const dir = join(ROOT, 'test/scenarios/cases');
  const out: { name: string; request: LooseRequest }[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort()) {
    const { request } = parse(await readFile(join(dir, name), 'utf8')) as { request?: LooseRequest };
    if (request?.processor && request.transfer) out.push({ name, request });
  }
  return out;
}
