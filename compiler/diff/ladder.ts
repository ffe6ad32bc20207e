/**
 * Comparing two threshold ladders by what they decide: every volume at and around every bound
 * of either ladder is tried, and the points whose pathway changes are the witnesses. The
 * pathways are computed with the runtime's own condition semantics, so the diff judges a
 * ladder exactly as the runtime will apply it.
 */
import type { Condition, PathwayId, Rung } from '../../runtime/artifact.js';
import { Predicate, type Facts } from '../../runtime/conditions.js';
import { pathwayRank } from '../pathway-word.js';
import type { Classification, Witness } from './change.js';

/** What a ladder decides, `important` meaning assessment at any volume. */
export interface Decider {
  readonly important: boolean;
  readonly ladder: readonly Rung[];
}

function bounds(c: Condition, measure: 'persons' | 'sensitive', out: Set<number>): void {
  if ('any' in c) c.any.forEach((t) => bounds(t, measure, out));
  else if ('all' in c) c.all.forEach((t) => bounds(t, measure, out));
  else if ('measure' in c && c.measure === measure) {
    for (const b of [c.min, c.max]) {
      if (b === undefined) continue;
      out.add(b);
      if (b > 0) out.add(b - 1);
    }
  }
}

function usesKinds(c: Condition): string[] {
  if ('any' in c) return c.any.flatMap(usesKinds);
  if ('all' in c) return c.all.flatMap(usesKinds);
  if ('kindsAny' in c) return [...c.kindsAny];
  return [];
}

function decide(d: Decider, facts: Facts, compiled: ReadonlyArray<{ pathway: PathwayId; when: Predicate }>): PathwayId {
  if (d.important) return 'security-assessment';
  for (const r of compiled) if (r.when.holds(facts)) return r.pathway;
  return 'exempt';
}

/**
 * The witnesses of a ladder change (one per old → new pathway pair, the smallest volume) and
 * its classification; `editorial` when no volume changes pathway.
 */
export function compareLadders(before: Decider, after: Decider): { witnesses: Witness[]; classification: Classification } {
  const persons = new Set([0]);
  const sensitive = new Set([0]);
  const kinds = new Set<string>();
  for (const r of [...before.ladder, ...after.ladder]) {
    bounds(r.when, 'persons', persons);
    bounds(r.when, 'sensitive', sensitive);
    for (const k of usesKinds(r.when)) kinds.add(k);
  }
  const kindSets: string[][] = kinds.size > 0 ? [[], [...kinds]] : [[]];
  // Strictest rung first, as the runtime orders them: the first that holds is the strictest that holds.
  const compile = (d: Decider) =>
    [...d.ladder].sort((a, b) => pathwayRank(b.pathway) - pathwayRank(a.pathway)).map((r) => ({ pathway: r.pathway, when: Predicate.of(r.when) }));
  const oldRungs = compile(before);
  const newRungs = compile(after);
  // The first witness of each old → new pair, by the pair's ranks (3 × old + new), in the order found.
  const found: Witness[] = [];
  const seen = new Array<boolean>(9).fill(false);
  let stricter = false;
  let lighter = false;
  const ps = [...persons].sort((a, b) => a - b);
  const ss = [...sensitive].sort((a, b) => a - b);
  // One facts object, refilled at each point: the points of every changed item run to hundreds of thousands.
  const facts: { persons: number; sensitive: number; kinds: readonly string[]; ciio: boolean } = { persons: 0, sensitive: 0, kinds: kindSets[0]!, ciio: false };
  for (const p of ps) {
    for (const s of ss) {
      for (const k of kindSets) {
        facts.persons = p;
        facts.sensitive = s;
        facts.kinds = k;
        const o = decide(before, facts, oldRungs);
        const n = decide(after, facts, newRungs);
        if (o === n) continue;
        if (pathwayRank(n) > pathwayRank(o)) stricter = true;
        else lighter = true;
        const key = 3 * pathwayRank(o) + pathwayRank(n);
        if (seen[key]) continue;
        seen[key] = true;
        found.push({ persons: p, sensitive: s, old: o, new: n });
      }
    }
  }
  const classification: Classification = stricter && lighter ? 'mixed' : stricter ? 'tightening' : lighter ? 'loosening' : 'editorial';
  return { witnesses: found, classification };
}
