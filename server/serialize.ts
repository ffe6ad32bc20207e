/**
 * Writing decisions as JSON, fast enough for batches. Most of a decision's bytes are its
 * reasons, obligations and advisories, bilingual texts the runtime hands out as the same
 * (read-only) objects decision after decision; so each such part is stringified once and its
 * JSON kept by identity (a WeakMap: it goes when the bundle that made it goes). A decision is
 * then a few string concatenations. The output is byte-for-byte JSON.stringify's.
 */
import type { EvaluationResponse } from '../runtime/request.js';

const cache = new WeakMap<object, string>();

/** JSON.stringify(part), once per object. */
function part(value: object): string {
  let json = cache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    cache.set(value, json);
  }
  return json;
}

/** One decision as JSON, fields in the order the runtime builds them. */
export function serializeDecision(d: EvaluationResponse): string {
  let reasons = '';
  for (let i = 0; i < d.reasons.length; i++) reasons += (i === 0 ? '' : ',') + part(d.reasons[i]!);
  return `{"version":${d.version},"pathway":${JSON.stringify(d.pathway)},"preview":${d.preview},"asOf":${JSON.stringify(d.asOf)},"basis":${part(d.basis)},"reasons":[${reasons}],"obligations":${part(d.obligations)},"advisories":${part(d.advisories)},"policy":${part(d.policy)}}`;
}

/** `{ "decisions": [...] }` as JSON. */
export function serializeDecisions(body: { readonly decisions: readonly EvaluationResponse[] }): string {
  const parts = new Array<string>(body.decisions.length);
  for (let i = 0; i < parts.length; i++) parts[i] = serializeDecision(body.decisions[i]!);
  return `{"decisions":[${parts.join(',')}]}`;
}
