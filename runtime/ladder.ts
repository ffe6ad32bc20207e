/**
 * A threshold ladder prepared for decisions: the strictest rung whose condition holds.
 *
 * Conditions over volumes (and the CIIO flag) are flattened into boxes — persons in [a, b),
 * sensitive persons in [c, d) — stored for the whole ladder in one array of numbers, so that
 * deciding an item reads one contiguous block instead of chasing a tree of nodes: on a policy
 * of thousands of items the tree walks were cache misses. Conditions on kinds of sensitive
 * information keep the predicate tree.
 */
import type { Condition } from './artifact.js';
import { Predicate, type Facts } from './conditions.js';

/** Numbers per box: persons min, max; sensitive min, max; CIIO (1 yes, 0 no, -1 either). */
const BOX = 5;
/** Beyond this many boxes a condition stays a tree (an `all` of many `any`s multiplies out). */
const MAX_BOXES = 16;

type Box = readonly [number, number, number, number, number];
const EVERYTHING: Box = [0, Infinity, 0, Infinity, -1];

function intersect(x: Box, y: Box): Box | undefined {
  const ciio = x[4] < 0 ? y[4] : y[4] < 0 || y[4] === x[4] ? x[4] : undefined;
  const box: Box = [Math.max(x[0], y[0]), Math.min(x[1], y[1]), Math.max(x[2], y[2]), Math.min(x[3], y[3]), ciio ?? 0];
  return ciio === undefined || box[0] >= box[1] || box[2] >= box[3] ? undefined : box;
}

/** The condition as a union of boxes, or undefined when it cannot be one (kinds, too many boxes). */
function boxesOf(c: Condition): Box[] | undefined {
  if ('measure' in c) return [c.measure === 'persons' ? [c.min ?? 0, c.max ?? Infinity, 0, Infinity, -1] : [0, Infinity, c.min ?? 0, c.max ?? Infinity, -1]];
  if ('ciio' in c) return [[0, Infinity, 0, Infinity, c.ciio ? 1 : 0]];
  if ('kindsAny' in c) return undefined;
  let boxes: Box[] = 'any' in c ? [] : [EVERYTHING];
  for (const term of 'any' in c ? c.any : c.all) {
    const part = boxesOf(term);
    if (!part) return undefined;
    if ('any' in c) boxes.push(...part);
    else {
      const next: Box[] = [];
      for (const x of boxes) {
        for (const y of part) {
          const both = intersect(x, y);
          if (both) next.push(both);
        }
      }
      boxes = next;
    }
    if (boxes.length > MAX_BOXES) return undefined;
  }
  return boxes;
}

export class Ladder<R> {
  private constructor(
    /** For each rung: its box count, then its boxes; empty when the ladder keeps predicates. */
    private readonly boxes: readonly number[],
    private readonly predicates: readonly Predicate[] | undefined,
    private readonly results: readonly R[],
  ) {}

  /** Compiles rungs, given strictest first. */
  static of<R>(rungs: readonly { readonly when: Condition; readonly result: R }[]): Ladder<R> {
    const results = rungs.map((r) => r.result);
    const flat: number[] = [];
    for (const rung of rungs) {
      const boxes = boxesOf(rung.when);
      if (!boxes) return new Ladder([], rungs.map((r) => Predicate.of(r.when)), results);
      flat.push(boxes.length);
      for (const box of boxes) flat.push(box[0], box[1], box[2], box[3], box[4]);
    }
    return new Ladder(flat, undefined, results);
  }

  /** The result of the first (strictest) rung that holds, or undefined when none does. */
  first(persons: number, sensitive: number, kinds: readonly string[], ciio: boolean): R | undefined {
    if (this.predicates) {
      const facts: Facts = { persons, sensitive, kinds, ciio };
      for (let r = 0; r < this.predicates.length; r++) if (this.predicates[r]!.holds(facts)) return this.results[r];
      return undefined;
    }
    const b = this.boxes;
    const flag = ciio ? 1 : 0;
    for (let i = 0, r = 0; i < b.length; r++) {
      const end = i + 1 + b[i]! * BOX;
      for (i++; i < end; i += BOX) {
        if (persons >= b[i]! && persons < b[i + 1]! && sensitive >= b[i + 2]! && sensitive < b[i + 3]! && (b[i + 4]! < 0 || b[i + 4] === flag)) return this.results[r];
      }
    }
    return undefined;
  }
}
