/**
 * Threshold conditions as half-open intervals of natural persons, the ground on which the
 * ladder rules (overlap, gap, monotonicity) and the satisfiability rule stand.
 * `>= n` (以上, Art. 29) includes n; `< n` (不满) excludes it; `a..b` is [a, b).
 */
import type * as A from '../ast.js';
import { joinSpans, type Span } from '../source.js';

/** [lo, hi): `hi` is Infinity when unbounded. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export const FULL: Interval = { lo: 0, hi: Infinity };

export function intersect(a: Interval, b: Interval): Interval {
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function isEmpty(i: Interval): boolean {
  return i.lo >= i.hi;
}

/** The interval of one comparison or range. */
export function atomInterval(c: Extract<A.Condition, { kind: 'Compare' | 'Range' }>): Interval {
  if (c.kind === 'Range') return { lo: c.from.value, hi: c.to.value };
  const n = c.value.value;
  switch (c.op) {
    case '>=':
      return { lo: n, hi: Infinity };
    case '>':
      return { lo: n + 1, hi: Infinity };
    case '<':
      return { lo: 0, hi: n };
    case '<=':
      return { lo: 0, hi: n + 1 };
  }
}

type Atom = Exclude<A.Condition, { kind: 'Or' | 'And' }>;

/**
 * What is found once per condition while one ladder is checked (three rules ask for each for
 * every rung, and the satisfiability rule then for each rung's whole condition), in plain maps
 * that `forgetConditionForms` empties when the check moves on to the next ladder: kept for the
 * whole check, a large policy's forms outlived many young-generation collections, each of
 * which copied them, and were then promoted to the old generation only to die there.
 */
class ConditionForms {
  /** Each condition's normal form. */
  readonly dnf = new Map<A.Condition, readonly (readonly Atom[])[]>();
  /** Each condition's single-measure clauses. */
  readonly clauses = new Map<A.Condition, readonly MeasureClause[]>();
  /** Each condition's poisoned measures. */
  readonly poisoned = new Map<A.Condition, ReadonlySet<A.Measure>>();
}

const forms = new ConditionForms();

/**
 * Lets go of the forms found so far: the check calls it at each ladder and when it ends.
 * Callers only read the forms, and a form asked for again is found again.
 */
export function forgetConditionForms(): void {
  if (forms.dnf.size > 0) forms.dnf.clear();
  if (forms.clauses.size > 0) forms.clauses.clear();
  if (forms.poisoned.size > 0) forms.poisoned.clear();
}

/**
 * The most alternatives a condition may have once multiplied out, beyond the number of its
 * bounds: `(a or b) and (c or d) and …` doubles with each group, and 24 such groups (1,200
 * characters) ran the check out of memory; a long `or` of bounds has as many as it has bounds.
 */
export const MAX_ALTERNATIVES = 1024;

/** Whether the normal form of `c` would have more than MAX_ALTERNATIVES alternatives and more than `c` has bounds. */
export function tooManyAlternatives(c: A.Condition): boolean {
  const most = Math.max(MAX_ALTERNATIVES, atomsOf(c));
  return alternativesOf(c, most + 1) > most;
}

/** How many alternatives (conjunctions) the normal form of `c` has, counted without building it, up to `cap`. */
function alternativesOf(c: A.Condition, cap: number): number {
  switch (c.kind) {
    case 'Or': {
      let n = 0;
      for (const t of c.terms) n = Math.min(cap, n + alternativesOf(t, cap));
      return n;
    }
    case 'And': {
      let n = 1;
      for (const t of c.terms) n = Math.min(cap, n * alternativesOf(t, cap));
      return n;
    }
    default:
      return 1;
  }
}

/** How many bounds and tests `c` is written with. */
function atomsOf(c: A.Condition): number {
  if (c.kind !== 'Or' && c.kind !== 'And') return 1;
  let n = 0;
  for (const t of c.terms) n += atomsOf(t);
  return n;
}

/**
 * The condition in disjunctive normal form: a list of conjunctions of atoms; none for a condition
 * of too many alternatives (ConditionSizeRule reports it, and no other rule reads it).
 */
export function toDnf(c: A.Condition): readonly (readonly Atom[])[] {
  let dnf = forms.dnf.get(c);
  if (dnf === undefined) {
    dnf = tooManyAlternatives(c) ? [] : normalForm(c);
    forms.dnf.set(c, dnf);
  }
  return dnf;
}

function normalForm(c: A.Condition): Atom[][] {
  switch (c.kind) {
    case 'Or': {
      const out: Atom[][] = [];
      for (const t of c.terms) for (const conj of normalForm(t)) out.push(conj);
      return out;
    }
    case 'And': {
      // Every conjunction so far, extended by every conjunction of the next term, in order.
      let acc: Atom[][] = [[]];
      for (const t of c.terms) {
        const right = normalForm(t);
        const next: Atom[][] = [];
        for (const left of acc) for (const r of right) next.push(left.length === 0 ? r : r.length === 0 ? left : left.concat(r));
        acc = next;
      }
      return acc;
    }
    default:
      return [[c]];
  }
}

/** A conjunction that constrains one measure only: the part of a ladder that can be compared exactly. */
export interface MeasureClause {
  readonly measure: A.Measure;
  readonly interval: Interval;
  readonly span: Span;
}

/** The single-measure clauses of a condition; clauses that also test kinds or CIIO status are left out. Callers only read them. */
export function measureClauses(c: A.Condition): readonly MeasureClause[] {
  let clauses = forms.clauses.get(c);
  if (clauses === undefined) {
    clauses = singleMeasureClauses(c);
    forms.clauses.set(c, clauses);
  }
  return clauses;
}

function singleMeasureClauses(c: A.Condition): MeasureClause[] {
  const out: MeasureClause[] = [];
  for (const conj of toDnf(c)) {
    let measure: A.Measure | undefined;
    let interval = FULL;
    let simple = conj.length > 0;
    /** The measure of a bound every volume meets, in a conjunction that may have no other. */
    let always: A.Measure | undefined;
    for (const atom of conj) {
      // CIIOs never reach a ladder (decision order step 4): there `not ciio` always holds and
      // `ciio` never. Left out as "not a band", `persons in 10万..100万 and not ciio` hid the gap
      // above 100万 and the lighter rung above it, and 200万 persons came out exempt.
      if (atom.kind === 'Ciio' && atom.negated) continue;
      if (atom.kind !== 'Compare' && atom.kind !== 'Range') {
        simple = false;
        break;
      }
      // Fractional or negative bounds are reported by VolumeRule; comparing them would only echo it.
      if (atom.kind === 'Compare' ? !plainBound(atom.value) : !plainBound(atom.from) || !plainBound(atom.to)) {
        simple = false;
        break;
      }
      // A bound every volume meets (`sensitive >= 0`) says nothing, and so does not make a band of one measure a band of two.
      const bound = atomInterval(atom);
      if (bound.lo <= 0 && bound.hi === Infinity) {
        always ??= atom.measure;
        continue;
      }
      // Only one measure: a conjunction over two is not a band of either.
      if (measure !== undefined && atom.measure !== measure) {
        simple = false;
        break;
      }
      measure = atom.measure;
      interval = intersect(interval, bound);
    }
    measure ??= always;
    if (!simple || measure === undefined) continue;
    const first = conj[0]!.span;
    const last = conj.at(-1)!.span;
    const span = joinSpans(first, last);
    out.push({ measure: measure!, interval, span });
  }
  return out;
}

/** Whether a volume bound can be compared exactly (integral and not negative). */
export function plainBound(v: A.Volume): boolean {
  return v.integral && !v.negative;
}

/**
 * The measures a condition bounds with a fractional or negative volume: VolumeRule reports the
 * volume, and a ladder check over such a measure would only report its echo (a gap where the
 * bad bound was left out).
 */
export function poisonedMeasures(c: A.Condition): ReadonlySet<A.Measure> {
  let measures = forms.poisoned.get(c);
  if (!measures) forms.poisoned.set(c, (measures = fractionalOrNegative(c)));
  return measures;
}

/** What a condition without a fractional or negative bound has: most have none, and one empty set serves them all. */
const NO_MEASURES: ReadonlySet<A.Measure> = new Set();

function fractionalOrNegative(c: A.Condition): ReadonlySet<A.Measure> {
  let out: Set<A.Measure> | undefined;
  for (const conj of toDnf(c)) {
    for (const atom of conj) {
      const poisoned = atom.kind === 'Compare' ? !plainBound(atom.value) : atom.kind === 'Range' ? !plainBound(atom.from) || !plainBound(atom.to) : false;
      if (poisoned) (out ??= new Set()).add((atom as Extract<A.Condition, { kind: 'Compare' | 'Range' }>).measure);
    }
  }
  return out ?? NO_MEASURES;
}

/** A volume as the regulation writes it: 1000000 → "100万". */
export function formatVolume(n: number): string {
  if (n >= 100_000_000 && n % 100_000_000 === 0) return `${n / 100_000_000}亿`;
  if (n >= 10_000 && n % 10_000 === 0) return `${n / 10_000}万`;
  return String(n);
}

/** "[10万, 100万)", "≥ 100万", "< 10万". */
export function formatInterval(i: Interval): string {
  if (i.hi === Infinity) return `>= ${formatVolume(i.lo)}`;
  if (i.lo === 0) return `< ${formatVolume(i.hi)}`;
  return `in [${formatVolume(i.lo)}, ${formatVolume(i.hi)})`;
}
