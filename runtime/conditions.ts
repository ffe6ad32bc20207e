/** Threshold conditions compiled once, at load, into predicates. */
import type { Condition } from './artifact.js';

/** What a condition looks at: the volumes of one part of a transfer and the processor. */
export interface Facts {
  readonly persons: number;
  readonly sensitive: number;
  readonly kinds: readonly string[];
  readonly ciio: boolean;
}

const enum Op {
  Any,
  All,
  Persons,
  Sensitive,
  KindsAny,
  Ciio,
}

const NO_TERMS: readonly Predicate[] = [];

/**
 * A compiled condition; volumes are half-open [min, max). Every node has the same shape and one
 * `holds` walks them all: a policy of thousands of items has tens of thousands of conditions,
 * and a closure per node made each call site megamorphic and each call a cache miss.
 */
export class Predicate {
  private constructor(
    private readonly op: Op,
    private readonly terms: readonly Predicate[],
    private readonly min: number,
    private readonly max: number,
    private readonly kinds: ReadonlySet<string> | null,
    private readonly ciio: boolean,
  ) {}

  /** Compiles a condition of the artifact. */
  static of(c: Condition): Predicate {
    if ('any' in c) return new Predicate(Op.Any, c.any.map(Predicate.of), 0, 0, null, false);
    if ('all' in c) return new Predicate(Op.All, c.all.map(Predicate.of), 0, 0, null, false);
    if ('measure' in c) return new Predicate(c.measure === 'persons' ? Op.Persons : Op.Sensitive, NO_TERMS, c.min ?? 0, c.max ?? Infinity, null, false);
    if ('kindsAny' in c) return new Predicate(Op.KindsAny, NO_TERMS, 0, 0, new Set(c.kindsAny), false);
    return new Predicate(Op.Ciio, NO_TERMS, 0, 0, null, c.ciio);
  }

  /** Whether the condition holds for `f`. */
  holds(f: Facts): boolean {
    switch (this.op) {
      case Op.Any:
        for (const t of this.terms) if (t.holds(f)) return true;
        return false;
      case Op.All:
        for (const t of this.terms) if (!t.holds(f)) return false;
        return true;
      case Op.Persons:
        return f.persons >= this.min && f.persons < this.max;
      case Op.Sensitive:
        return f.sensitive >= this.min && f.sensitive < this.max;
      case Op.KindsAny:
        for (const k of f.kinds) if (this.kinds!.has(k)) return true;
        return false;
      case Op.Ciio:
        return f.ciio === this.ciio;
    }
  }
}
