/**
 * Writing decisions as JSON, fast enough for batches. Most of a decision's bytes are its
 * reasons, obligations and advisories, bilingual texts the runtime hands out as the same
 * (read-only) objects decision after decision; so each such part is stringified once and its
 * JSON kept by identity (a WeakMap: it goes when the bundle that made it goes). A decision is
 * then a few string concatenations. The output is byte-for-byte JSON.stringify's (of the
 * runtime's `compactDecisions` for the compact view).
 */
import { PartTable } from '../runtime/compact.js';
import type { EvaluationResponse, Obligation, Reason } from '../runtime/request.js';

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

/**
 * One compact answer being written: the part tables, and memos by identity for what the runtime
 * hands out again and again within a batch (a part, a frozen obligations array, a date), so a
 * repeated decision costs a few map look-ups and one concatenation.
 */
class CompactWriter {
  readonly reasons = new PartTable<Reason>();
  readonly obligations = new PartTable<Obligation>();
  private readonly indexes = new Map<object, number>();
  private readonly lists = new Map<readonly object[], string>();
  private readonly strings = new Map<string, string>();

  /** `[i,j,…]`: the indexes of `parts` in `table`, adding the ones it has not seen. */
  indexList<T extends object>(parts: readonly T[], table: PartTable<T>): string {
    // A frozen array (the runtime's shared obligations) cannot change: its list is kept. A
    // decision's own reasons array is new every time, and keeping it would only fill the map.
    const frozen = Object.isFrozen(parts);
    let list = frozen ? this.lists.get(parts) : undefined;
    if (list !== undefined) return list;
    list = '[';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      let index = this.indexes.get(p);
      if (index === undefined) this.indexes.set(p, (index = table.indexOf(p, part(p))));
      list += (i === 0 ? '' : ',') + index;
    }
    list += ']';
    if (frozen) this.lists.set(parts, list);
    return list;
  }

  /** JSON.stringify(text), once per distinct string in the batch. */
  string(text: string): string {
    let json = this.strings.get(text);
    if (json === undefined) this.strings.set(text, (json = JSON.stringify(text)));
    return json;
  }

  decision(d: EvaluationResponse): string {
    return `{"pathway":${this.string(d.pathway)},"preview":${d.preview},"asOf":${this.string(d.asOf)},"basis":${part(d.basis)},"reasons":${this.indexList(d.reasons, this.reasons)},"obligations":${this.indexList(d.obligations, this.obligations)},"advisories":${this.indexList(d.advisories, this.obligations)}}`;
  }
}

const CLOSE = Buffer.from(']}');

/**
 * The compact view of `decisions` (all of `policy`) as UTF-8 JSON: each distinct reason and
 * obligation once, decisions by index — what `POST /v1/decide?view=compact` answers.
 *
 * The decisions are encoded apart from the tables: they are ASCII (names, dates, indexes), and
 * V8 keeps an ASCII string one byte a character, while joined to the tables' Chinese the whole
 * answer would become a two-byte string, several times slower to encode.
 */
export function serializeCompactDecisions(decisions: readonly EvaluationResponse[], policy: EvaluationResponse['policy']): Buffer {
  const writer = new CompactWriter();
  let list = '';
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    if (d.policy.digest !== policy.digest) throw new RangeError(`a decision of policy ${d.policy.digest} in a compact view of ${policy.digest}`);
    list += (i === 0 ? '' : ',') + writer.decision(d);
  }
  const table = (entries: readonly object[]) => entries.map(part).join(',');
  const head = `{"version":1,"view":"compact","policy":${JSON.stringify(policy)},"reasons":[${table(writer.reasons.entries)}],"obligations":[${table(writer.obligations.entries)}],"decisions":[`;
  return Buffer.concat([Buffer.from(head), Buffer.from(list), CLOSE]);
}
