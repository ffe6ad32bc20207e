/**
 * A ladder as regions of volumes, one per set of kinds of sensitive information a transfer may
 * name: the model that lets the checker compare rungs whose conditions also test kinds or bound
 * both measures at once, which the single-measure rules (overlap, gap, order) leave out.
 *
 * Each alternative of a rung's condition (a conjunction of its normal form) is a box: persons in
 * [lo, hi), sensitive persons in [lo, hi), and the kinds tests it needs ("names one of A").
 * Ladders never see a CIIO (decision order step 4): `not ciio` always holds there and `ciio`
 * never, so an alternative with `ciio` is no box and `not ciio` adds nothing.
 *
 * What a transfer names matters only through which tests it meets, so kinds that appear in the
 * same tests are one class, and a set of kinds is a set of classes: a ladder tests few kinds,
 * and the sets are enumerated, fewest classes first (the smallest example comes first).
 */
import type * as A from '../ast.js';
import { joinSpans, type Span } from '../source.js';
import { atomInterval, FULL, intersect, isEmpty, plainBound, toDnf, type Interval } from './intervals.js';
import { STRICTNESS } from '../pathway-word.js';

/** One alternative of a rung's condition, as volumes and the kinds tests it needs. */
export interface VolumeBox {
  /** The rung's index in its ladder. */
  readonly rung: number;
  readonly strictness: number;
  readonly persons: Interval;
  readonly sensitive: Interval;
  /** Each test: the transfer names one of these kinds. */
  readonly kindsTests: readonly (readonly string[])[];
  /** Tests kinds or bounds both measures: what the single-measure rules cannot read. */
  readonly conditional: boolean;
  readonly span: Span;
}

/** A point of volumes. */
export interface Volumes {
  readonly persons: number;
  readonly sensitive: number;
}

/** Beyond this many classes of kinds (2^n sets of them), a ladder is not modelled. */
const MAX_KIND_CLASSES = 10;
/** Beyond this many cell tests for one box, the search for a lighter volume above it is skipped. */
const MAX_CELL_TESTS = 1_000_000;

/**
 * The boxes of a ladder, or undefined when it cannot be modelled exactly: a bound that is
 * fractional or negative (VolumeRule reports it) or a condition of too many alternatives
 * (ConditionSizeRule).
 */
export function ladderBoxes(rungs: readonly A.Rung[]): VolumeBox[] | undefined {
  const boxes: VolumeBox[] = [];
  for (let r = 0; r < rungs.length; r++) {
    const rung = rungs[r]!;
    const dnf = toDnf(rung.condition);
    if (dnf.length === 0) return undefined;
    alternatives: for (const conj of dnf) {
      let persons = FULL;
      let sensitive = FULL;
      const kindsTests: string[][] = [];
      for (const atom of conj) {
        switch (atom.kind) {
          case 'Ciio':
            if (atom.negated) continue;
            continue alternatives;
          case 'KindsAny':
            kindsTests.push(atom.kinds.map((k) => k.text));
            continue;
          default: {
            const volume = atom.kind === 'Compare' ? [atom.value] : [atom.from, atom.to];
            if (!volume.every(plainBound)) return undefined;
            if (atom.measure === 'persons') persons = intersect(persons, atomInterval(atom));
            else sensitive = intersect(sensitive, atomInterval(atom));
          }
        }
      }
      if (isEmpty(persons) || isEmpty(sensitive)) continue;
      const conditional = kindsTests.length > 0 || (bounded(persons) && bounded(sensitive));
      boxes.push({ rung: r, strictness: STRICTNESS[rung.pathway.word], persons, sensitive, kindsTests, conditional, span: joinSpans(conj[0]!.span, conj.at(-1)!.span) });
    }
  }
  return boxes;
}

function bounded(i: Interval): boolean {
  return i.lo > 0 || i.hi !== Infinity;
}

/** A set of kinds a transfer may name, and the boxes whose kinds tests it meets. */
export interface KindsCase {
  /** One kind of each class in the set, sorted. */
  readonly kinds: readonly string[];
  readonly boxes: readonly VolumeBox[];
}

/**
 * The distinct cases of a ladder's boxes: for each set of classes of kinds, fewest first, the
 * boxes that hold for it (a case whose boxes an earlier case already had is left out). Undefined
 * when the ladder tests too many classes of kinds to enumerate.
 */
export function kindsCases(boxes: readonly VolumeBox[]): KindsCase[] | undefined {
  const tests = boxes.flatMap((b) => b.kindsTests);
  // A kind's class: the tests that name it.
  const classOf = new Map<string, string>();
  for (const kind of new Set(tests.flat())) classOf.set(kind, tests.map((t) => (t.includes(kind) ? '1' : '0')).join(''));
  const classes = [...new Map([...classOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([kind, signature]) => [signature, kind])).values()];
  if (classes.length > MAX_KIND_CLASSES) return undefined;
  const sets = Array.from({ length: 2 ** classes.length }, (_, set) => set).sort((a, b) => popCount(a) - popCount(b) || a - b);
  const seen = new Set<string>();
  const cases: KindsCase[] = [];
  for (const set of sets) {
    const kinds = classes.filter((_, c) => (set >> c) & 1).sort();
    const holding = boxes.filter((b) => b.kindsTests.every((t) => t.some((k) => kinds.includes(k))));
    const key = holding.map((b) => boxes.indexOf(b)).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ kinds, boxes: holding });
  }
  return cases;
}

function popCount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x &= x - 1) c++;
  return c;
}

/** The strictest box of `boxes` that holds at `v`, or undefined when none does (below every rung). */
export function boxAt(boxes: readonly VolumeBox[], v: Volumes): VolumeBox | undefined {
  let found: VolumeBox | undefined;
  for (const b of boxes) if (holdsAt(b, v) && (found === undefined || b.strictness > found.strictness)) found = b;
  return found;
}

function holdsAt(b: VolumeBox, v: Volumes): boolean {
  return b.persons.lo <= v.persons && v.persons < b.persons.hi && b.sensitive.lo <= v.sensitive && v.sensitive < b.sensitive.hi;
}

/**
 * The smallest volumes at or above where `box` starts that no box at least as strict covers: a
 * larger transfer that gets a lighter pathway. Undefined when there is none (or the search
 * would be too large). The volumes are cut at every bound of the boxes, and every cell's lowest
 * corner is tested: inside a cell, every volume is in the same boxes.
 */
export function lighterAbove(box: VolumeBox, boxes: readonly VolumeBox[]): Volumes | undefined {
  const stricter = boxes.filter((b) => b.strictness >= box.strictness);
  const cuts = (from: number, of: (b: VolumeBox) => Interval) => {
    const points = new Set([from]);
    for (const b of stricter) for (const x of [of(b).lo, of(b).hi]) if (x > from && x !== Infinity) points.add(x);
    return [...points].sort((a, b) => a - b);
  };
  const persons = cuts(box.persons.lo, (b) => b.persons);
  const sensitive = cuts(box.sensitive.lo, (b) => b.sensitive);
  if (persons.length * sensitive.length * stricter.length > MAX_CELL_TESTS) return undefined;
  // By the sum of the volumes, then persons: the example nearest the box's own corner.
  const corners = persons.flatMap((p) => sensitive.map((s) => ({ persons: p, sensitive: s })));
  corners.sort((a, b) => a.persons + a.sensitive - (b.persons + b.sensitive) || a.persons - b.persons);
  return corners.find((v) => !stricter.some((b) => holdsAt(b, v)));
}
