/**
 * Threshold conditions prepared for decisions: flat numbers in a Float64Array.
 *
 * Each condition is flattened into boxes — persons in [a, b), sensitive persons in [c, d), a
 * CIIO flag, and a bitmask of kinds of sensitive information of which the transfer must name one
 * — so deciding reads a contiguous block instead of chasing a tree of nodes, and a kinds test is
 * one AND. The annex's general rules are one ConditionTable of boxes; a ladder rung, in its
 * item's block (compile.ts), keeps its single-measure boxes as ranges of three numbers. A
 * condition that does not flatten (an `all` of several unrelated kinds tests, too many boxes,
 * more kinds than bits) keeps its predicate tree; results are the same either way
 * (test/ladder.test.ts).
 */
import type { Condition } from './artifact.js';
import { Predicate } from './conditions.js';

/** Numbers per box: persons min, max; sensitive min, max; CIIO (1 yes, 0 no, -1 either); kinds mask (0: any). */
export const BOX = 6;
/** Beyond this many boxes a condition stays a tree (an `all` of many `any`s multiplies out). */
const MAX_BOXES = 16;
/** Kinds that get a bit: masks stay small integers, exact in a Float64Array and under `&`. */
export const MAX_KIND_BITS = 30;

type Box = readonly [number, number, number, number, number, number];
const EVERYTHING: Box = [0, Infinity, 0, Infinity, -1, 0];
/** Two boxes whose intersection is not a box (two kinds tests neither of which implies the other). */
const NOT_A_BOX = Symbol('not a box');

function intersect(x: Box, y: Box): Box | undefined | typeof NOT_A_BOX {
  const ciio = x[4] < 0 ? y[4] : y[4] < 0 || y[4] === x[4] ? x[4] : undefined;
  // "names one of A" and "names one of B": when A ⊆ B the first implies the second.
  const a = x[5];
  const b = y[5];
  const kinds = a === 0 ? b : b === 0 ? a : (a & b) === a ? a : (a & b) === b ? b : undefined;
  if (kinds === undefined) return NOT_A_BOX;
  const box: Box = [Math.max(x[0], y[0]), Math.min(x[1], y[1]), Math.max(x[2], y[2]), Math.min(x[3], y[3]), ciio ?? 0, kinds];
  return ciio === undefined || box[0] >= box[1] || box[2] >= box[3] ? undefined : box;
}

/** The condition as a union of boxes, or undefined when it cannot be one. */
function boxesOf(c: Condition, kindBits: ReadonlyMap<string, number>): Box[] | undefined {
  if ('measure' in c) return [c.measure === 'persons' ? [c.min ?? 0, c.max ?? Infinity, 0, Infinity, -1, 0] : [0, Infinity, c.min ?? 0, c.max ?? Infinity, -1, 0]];
  if ('ciio' in c) return [[0, Infinity, 0, Infinity, c.ciio ? 1 : 0, 0]];
  if ('kindsAny' in c) {
    let mask = 0;
    for (const k of c.kindsAny) {
      const bit = kindBits.get(k);
      if (bit === undefined) return undefined;
      mask |= 1 << bit;
    }
    return [[0, Infinity, 0, Infinity, -1, mask]];
  }
  let boxes: Box[] = 'any' in c ? [] : [EVERYTHING];
  for (const term of 'any' in c ? c.any : c.all) {
    const part = boxesOf(term, kindBits);
    if (!part) return undefined;
    if ('any' in c) boxes.push(...part);
    else {
      const next: Box[] = [];
      for (const x of boxes) {
        for (const y of part) {
          const both = intersect(x, y);
          if (both === NOT_A_BOX) return undefined;
          if (both) next.push(both);
        }
      }
      boxes = next;
    }
    if (boxes.length > MAX_BOXES) return undefined;
  }
  return boxes;
}

/** Bits for kinds of sensitive information: the first MAX_KIND_BITS names get one. */
export function kindBitsOf(kinds: Iterable<string>): Map<string, number> {
  const bits = new Map<string, number>();
  for (const k of kinds) if (!bits.has(k) && bits.size < MAX_KIND_BITS) bits.set(k, bits.size);
  return bits;
}

/** The mask of the kinds a transfer names (kinds without a bit are left out: no box tests them). */
export function kindsMaskOf(kinds: readonly string[], kindBits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (let i = 0; i < kinds.length; i++) {
    const bit = kindBits.get(kinds[i]!);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
}

type MeasureCondition = Extract<Condition, { measure: unknown }>;

function isMeasure(c: Condition): boolean {
  return 'measure' in c;
}

/** Appends the box of a volume range: persons in [min, max), or sensitive persons in [min, max). */
function appendMeasure(out: number[], c: MeasureCondition): void {
  if (c.measure === 'persons') out.push(c.min ?? 0, c.max ?? Infinity, 0, Infinity, -1, 0);
  else out.push(0, Infinity, c.min ?? 0, c.max ?? Infinity, -1, 0);
}

/**
 * Appends the boxes of `c` to `out` (BOX numbers each) and returns how many, or -1 when `c` is
 * not a union of boxes (nothing appended): then test it with its Predicate.
 */
export function appendBoxes(out: number[], c: Condition, kindBits: ReadonlyMap<string, number>): number {
  // The common cases — one volume range, or an `any` of them — without building boxes first:
  // a policy of 100,000 items compiles these at every load.
  if ('measure' in c) {
    appendMeasure(out, c);
    return 1;
  }
  if ('any' in c && c.any.length <= MAX_BOXES && c.any.every(isMeasure)) {
    for (const term of c.any) appendMeasure(out, term as MeasureCondition);
    return c.any.length;
  }
  const boxes = boxesOf(c, kindBits);
  if (!boxes) return -1;
  for (const box of boxes) for (const x of box) out.push(x);
  return boxes.length;
}

/** Numbers per volume range of a rung: the measure (PERSONS or SENSITIVE), min, max. */
const RANGE = 3;
const PERSONS = 0;
const SENSITIVE = 1;

/**
 * Appends a ladder rung's condition to `out` as `range count · box count · range… · box…`: a
 * union of volume ranges (RANGE numbers each: one measure in [min, max) — nearly every rung of a
 * list is one or an `any` of them) and of boxes for the rest (CIIO, kinds, two measures at
 * once). Returns false, appending nothing, when the condition is not such a union: then it is
 * kept as a tree. A range is half the numbers of a box and two comparisons to test, so an item's
 * block fits in fewer cache lines.
 */
export function appendRungCondition(out: number[], c: Condition, kindBits: ReadonlyMap<string, number>): boolean {
  if ('measure' in c) {
    out.push(1, 0, c.measure === 'persons' ? PERSONS : SENSITIVE, c.min ?? 0, c.max ?? Infinity);
    return true;
  }
  if ('any' in c && c.any.length <= MAX_BOXES && c.any.every(isMeasure)) {
    out.push(c.any.length, 0);
    for (const term of c.any as readonly MeasureCondition[]) out.push(term.measure === 'persons' ? PERSONS : SENSITIVE, term.min ?? 0, term.max ?? Infinity);
    return true;
  }
  const boxes = boxesOf(c, kindBits);
  if (!boxes) return false;
  const ranges = boxes.filter(isRange);
  const rest = boxes.filter((box) => !isRange(box));
  out.push(ranges.length, rest.length);
  for (const [pmin, pmax, smin, smax] of ranges) {
    if (smin === 0 && smax === Infinity) out.push(PERSONS, pmin, pmax);
    else out.push(SENSITIVE, smin, smax);
  }
  for (const box of rest) for (const x of box) out.push(x);
  return true;
}

/** A box that tests one measure only: no CIIO or kinds test, and the other measure unbounded. */
function isRange(box: Box): boolean {
  return box[4] < 0 && box[5] === 0 && ((box[2] === 0 && box[3] === Infinity) || (box[0] === 0 && box[1] === Infinity));
}

/** Whether one of the ranges in b[from … to) holds for the volumes. */
function rangesHold(b: Float64Array, from: number, to: number, persons: number, sensitive: number): boolean {
  for (let i = from; i < to; i += RANGE) {
    const v = b[i] === PERSONS ? persons : sensitive;
    if (v >= b[i + 1]! && v < b[i + 2]!) return true;
  }
  return false;
}

/** Where the rung condition appended at `at` by appendRungCondition ends. */
export function rungConditionEnd(b: Float64Array, at: number): number {
  return at + 2 + b[at]! * RANGE + b[at + 1]! * BOX;
}

/**
 * Whether the rung condition appended at `at` by appendRungCondition holds for the facts
 * (`flag`: 1 for a CIIO, 0 otherwise).
 */
export function rungConditionHolds(b: Float64Array, at: number, persons: number, sensitive: number, mask: number, flag: number): boolean {
  const ranges = at + 2;
  const boxes = ranges + b[at]! * RANGE;
  const end = boxes + b[at + 1]! * BOX;
  return rangesHold(b, ranges, boxes, persons, sensitive) || (end > boxes && boxesHold(b, boxes, end, persons, sensitive, mask, flag));
}

/** Whether one of the boxes in b[from … to) holds for the facts (`flag`: 1 for a CIIO, 0 otherwise). */
export function boxesHold(b: Float64Array, from: number, to: number, persons: number, sensitive: number, mask: number, flag: number): boolean {
  for (let i = from; i < to; i += BOX) {
    if (persons >= b[i]! && persons < b[i + 1]! && sensitive >= b[i + 2]! && sensitive < b[i + 3]! && (b[i + 4]! < 0 || b[i + 4] === flag) && (b[i + 5] === 0 || (mask & b[i + 5]!) !== 0)) return true;
  }
  return false;
}

/** Conditions tested one by one (the annex's general rules); ladders use the item blocks of compile.ts. */
export class ConditionTable {
  /**
   * No condition of the table holds where both volumes are below this (0 when a condition is a
   * tree or needs no volume): a box holds only where persons and sensitive persons reach its
   * lower bounds, so the larger of the two reaches the larger bound. Most transfers are below
   * every rule of the annex, and a decision sees so from two numbers.
   */
  readonly floor: number;

  private constructor(
    /** For condition c: its boxes are boxes[BOX * start[c] … BOX * start[c + 1]). */
    readonly start: Int32Array,
    readonly boxes: Float64Array,
    /** The trees of conditions that are not boxes (undefined for the others). */
    private readonly trees: readonly (Predicate | undefined)[],
  ) {
    let floor = trees.some((t) => t !== undefined) ? 0 : Infinity;
    for (let i = 0; i < boxes.length; i += BOX) floor = Math.min(floor, Math.max(boxes[i]!, boxes[i + 2]!));
    this.floor = floor;
  }

  /** Compiles `conditions`; condition c of the table is conditions[c]. */
  static of(conditions: readonly Condition[], kindBits: ReadonlyMap<string, number>): ConditionTable {
    const start = new Int32Array(conditions.length + 1);
    const flat: number[] = [];
    const trees: (Predicate | undefined)[] = new Array(conditions.length).fill(undefined);
    for (let i = 0; i < conditions.length; i++) {
      if (appendBoxes(flat, conditions[i]!, kindBits) < 0) trees[i] = Predicate.of(conditions[i]!);
      start[i + 1] = flat.length / BOX;
    }
    return new ConditionTable(start, Float64Array.from(flat), trees);
  }

  /** True when condition `c` is kept as a tree (test it with `holds`). */
  isTree(c: number): boolean {
    return this.trees[c] !== undefined;
  }

  /**
   * Whether condition `c` holds. `kindsMask` is `kindsMaskOf(kinds)`; `kinds` itself is read
   * only by conditions kept as trees.
   */
  holds(c: number, persons: number, sensitive: number, kindsMask: number, kinds: readonly string[], ciio: boolean): boolean {
    const tree = this.trees[c];
    if (tree !== undefined) return tree.holds({ persons, sensitive, kinds, ciio });
    return boxesHold(this.boxes, this.start[c]! * BOX, this.start[c + 1]! * BOX, persons, sensitive, kindsMask, ciio ? 1 : 0);
  }
}
