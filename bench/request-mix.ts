/**
 * The request mixes the decision benchmark runs (seeded, reproducible): a realistic mix over a
 * policy's lists, and a national-only mix for the json-rules-engine comparison.
 */
import type { PolicyArtifact } from '../runtime/artifact.js';
import type { EvaluationRequest, RequestItem } from '../runtime/request.js';
import { Rng } from './generate-policy.js';

/** A date between `from` and `to` (inclusive), YYYY-MM-DD. */
function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

/** Non-sensitive persons: log-uniform 10 … ~30M, with some values exactly on a threshold. */
function persons(rng: Rng): number {
  if (rng.chance(0.08)) return rng.pick([10_000, 99_999, 100_000, 200_000, 999_999, 1_000_000, 5_000_000]);
  return Math.floor(10 ** (1 + rng.float() * 6.5));
}

/** Sensitive persons: log-uniform 1 … ~200k, with some values exactly on a threshold. */
function sensitive(rng: Rng): number {
  if (rng.chance(0.1)) return rng.pick([1, 5_000, 9_999, 10_000, 50_000]);
  return Math.floor(10 ** (rng.float() * 5.3));
}

function personalInfo(rng: Rng, kinds: readonly string[]): NonNullable<EvaluationRequest['transfer']['personalInfo']> {
  const pi: { persons?: number; sensitivePersons?: number; sensitiveKinds?: string[] } = {};
  if (rng.chance(0.85)) pi.persons = persons(rng);
  if (rng.chance(0.3) || pi.persons === undefined) pi.sensitivePersons = sensitive(rng);
  if (pi.sensitivePersons !== undefined && rng.chance(0.4)) pi.sensitiveKinds = rng.sample(kinds, rng.int(1, 2));
  return pi;
}

interface ListRef {
  readonly id: string;
  readonly sector: string;
  readonly zones: readonly string[];
  readonly items: readonly string[];
}

interface Vocabulary {
  readonly lists: readonly ListRef[];
  readonly zones: readonly string[];
  readonly exemptions: readonly { code: string; scope: 'data' | 'personal-info' }[];
  readonly kinds: readonly string[];
  /** Sectors no list covers (a zone processor there falls under the national rules). */
  readonly unlistedSectors: readonly string[];
}

function vocabulary(artifact: PolicyArtifact): Vocabulary {
  const listed = new Set(artifact.lists.map((l) => l.sector));
  const allSectors = artifact.annex.categories.flatMap((c) => c.subcategories.map((s) => s.code));
  return {
    lists: artifact.lists.map((l) => ({ id: l.id, sector: l.sector, zones: l.zones, items: l.scenarios.flatMap((s) => s.items.map((i) => i.id)) })),
    zones: artifact.zones.map((z) => z.id),
    exemptions: artifact.baseline.exemptions.map((e) => ({ code: e.code, scope: e.scope })),
    kinds: artifact.annex.sensitiveKinds.map((k) => k.code),
    unlistedSectors: allSectors.filter((s) => !listed.has(s)),
  };
}

/** Every list in both policies is in force (with preview) from 2027-04-01 until 2028-07-01 (the trial's end). */
const ACTIVE_FROM = '2027-04-01';
const ACTIVE_TO = '2028-06-30';

function itemsOf(rng: Rng, list: ListRef): RequestItem[] {
  return rng.sample(list.items, Math.min(list.items.length, rng.int(1, 3))).map((id) => {
    const item: { id: string; persons?: number; sensitivePersons?: number } = { id };
    if (rng.chance(0.9)) item.persons = persons(rng);
    if (rng.chance(0.3)) item.sensitivePersons = sensitive(rng);
    return item;
  });
}

/** The mixed workload: weights per kind of request, in percent. */
export const MIX = [
  ['zone processor, 1–3 list items', 60],
  ['outside zone, national thresholds', 10],
  ['national exemption claimed', 8],
  ['CIIO', 7],
  ['important data', 5],
  ['not an export', 5],
  ['unknown item', 5],
] as const;

/**
 * The requests as a caller has them: parsed from JSON text (a request body, a queue message),
 * each request's objects and strings together. Built in place, their item ids would be the
 * strings of the artifact the bench parsed — at 100,000 items spread over a 58 MB heap, which
 * no caller's requests are — and a decision's reads of them would measure that instead.
 */
function asParsed(requests: EvaluationRequest[]): EvaluationRequest[] {
  return JSON.parse(JSON.stringify(requests)) as EvaluationRequest[];
}

export function requestMix(artifact: PolicyArtifact, n: number, seed: number): EvaluationRequest[] {
  const v = vocabulary(artifact);
  const rng = new Rng(seed);
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const requests: EvaluationRequest[] = [];
  const anyZone = () => (rng.chance(0.7) ? rng.pick(v.zones) : 'outside');
  const asOf = () => dateBetween(rng, ACTIVE_FROM, ACTIVE_TO);
  for (let k = 0; k < n; k++) {
    let r = rng.float() * total;
    let kind: (typeof MIX)[number][0] = MIX[0][0];
    for (const [name, w] of MIX) {
      if (r < w) {
        kind = name;
        break;
      }
      r -= w;
    }
    switch (kind) {
      case 'zone processor, 1–3 list items': {
        const list = rng.pick(v.lists);
        const transfer: Record<string, unknown> = { isExport: true, items: itemsOf(rng, list) };
        if (rng.chance(0.3)) transfer.sector = list.sector;
        if (rng.chance(0.15)) transfer.personalInfo = personalInfo(rng, v.kinds); // data of the sector not on the list
        requests.push({
          asOf: rng.chance(0.97) ? asOf() : dateBetween(rng, '2026-01-01', '2026-09-30'), // a few before any list is in force
          preview: rng.chance(0.97),
          processor: { zone: rng.chance(0.97) ? rng.pick(list.zones) : rng.pick(v.zones), ciio: false },
          transfer: transfer as EvaluationRequest['transfer'],
        });
        break;
      }
      case 'outside zone, national thresholds': {
        const transfer: Record<string, unknown> = { isExport: true };
        if (rng.chance(0.95)) transfer.personalInfo = personalInfo(rng, v.kinds);
        requests.push({ asOf: asOf(), processor: { zone: 'outside', ciio: false }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'national exemption claimed': {
        const transfer: Record<string, unknown> = { isExport: true };
        if (rng.chance(0.4)) {
          transfer.exemptions = [rng.pick(v.exemptions.filter((e) => e.scope === 'data')).code];
          if (rng.chance(0.2)) transfer.personalInfo = personalInfo(rng, v.kinds); // contradicts the claim
        } else {
          transfer.exemptions = rng.sample(
            v.exemptions.filter((e) => e.scope === 'personal-info').map((e) => e.code),
            rng.int(1, 2),
          );
          transfer.personalInfo = personalInfo(rng, v.kinds);
        }
        requests.push({ asOf: asOf(), preview: rng.chance(0.5), processor: { zone: anyZone(), ciio: rng.chance(0.1) }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'CIIO': {
        const zone = anyZone();
        const transfer: Record<string, unknown> = { isExport: true };
        if (zone !== 'outside' && rng.chance(0.4)) {
          const list = rng.pick(v.lists.filter((l) => l.zones.includes(zone)).length > 0 ? v.lists.filter((l) => l.zones.includes(zone)) : v.lists);
          transfer.items = itemsOf(rng, list);
        } else if (rng.chance(0.85)) transfer.personalInfo = personalInfo(rng, v.kinds);
        requests.push({ asOf: asOf(), preview: true, processor: { zone, ciio: true }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'important data': {
        const transfer: Record<string, unknown> = { isExport: true, importantData: true };
        if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
        if (rng.chance(0.2)) transfer.exemptions = [rng.pick(v.exemptions).code];
        requests.push({ asOf: asOf(), preview: true, processor: { zone: anyZone(), ciio: rng.chance(0.2) }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'not an export': {
        const transfer: Record<string, unknown> = { isExport: false };
        if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
        requests.push({ asOf: asOf(), processor: { zone: anyZone(), ciio: rng.chance(0.1) }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'unknown item': {
        const list = rng.pick(v.lists);
        const items = itemsOf(rng, list);
        items[0] = { id: rng.chance(0.5) ? `${list.id}.no-such-item-${k}` : `no-such-list.item-${k}`, persons: persons(rng) };
        requests.push({ asOf: asOf(), preview: true, processor: { zone: rng.pick(list.zones), ciio: false }, transfer: { isExport: true, items } });
        break;
      }
    }
  }
  return asParsed(requests);
}

/** Requests only the national baseline decides: no items, no listed sector. */
export function nationalMix(artifact: PolicyArtifact, n: number, seed: number): EvaluationRequest[] {
  const v = vocabulary(artifact);
  const rng = new Rng(seed);
  const requests: EvaluationRequest[] = [];
  const dataCodes = v.exemptions.filter((e) => e.scope === 'data').map((e) => e.code);
  const piCodes = v.exemptions.filter((e) => e.scope === 'personal-info').map((e) => e.code);
  for (let k = 0; k < n; k++) {
    const zone = rng.chance(0.7) ? 'outside' : rng.pick(v.zones);
    const transfer: Record<string, unknown> = { isExport: true };
    if (zone !== 'outside' && v.unlistedSectors.length > 0 && rng.chance(0.3)) transfer.sector = rng.pick(v.unlistedSectors);
    let ciio = false;
    const r = rng.float();
    if (r < 0.05) {
      transfer.isExport = false;
      if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
      if (rng.chance(0.2)) transfer.importantData = true;
    } else if (r < 0.13) {
      transfer.importantData = true;
      ciio = rng.chance(0.2);
      if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
      if (rng.chance(0.3)) transfer.exemptions = [rng.pick(v.exemptions).code];
    } else if (r < 0.28) {
      ciio = rng.chance(0.15);
      const e = rng.float();
      if (e < 0.35) transfer.exemptions = [rng.pick(dataCodes)]; // valid: no personal information
      else if (e < 0.65) {
        transfer.exemptions = rng.sample(piCodes, rng.int(1, 2)); // valid: personal information
        transfer.personalInfo = personalInfo(rng, v.kinds);
      } else if (e < 0.85) {
        transfer.exemptions = [rng.pick(dataCodes)]; // contradicted
        transfer.personalInfo = personalInfo(rng, v.kinds);
      } else {
        transfer.exemptions = [rng.pick(dataCodes), rng.pick(piCodes)]; // one contradicted, one valid
        transfer.personalInfo = personalInfo(rng, v.kinds);
      }
    } else if (r < 0.4) {
      ciio = true;
      if (rng.chance(0.75)) transfer.personalInfo = personalInfo(rng, v.kinds);
    } else if (r < 0.95) {
      transfer.personalInfo = personalInfo(rng, v.kinds);
    } else if (rng.chance(0.5)) {
      transfer.personalInfo = {}; // nothing regulated
    }
    requests.push({ asOf: dateBetween(rng, ACTIVE_FROM, ACTIVE_TO), processor: { zone, ciio }, transfer: transfer as EvaluationRequest['transfer'] });
  }
  return asParsed(requests);
}

