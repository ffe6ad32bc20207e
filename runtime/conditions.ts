/** Threshold conditions compiled once, at load, into plain predicates. */
import type { Condition } from './artifact.js';

/** What a condition looks at: the volumes of one part of a transfer and the processor. */
export interface Facts {
  readonly persons: number;
  readonly sensitive: number;
  readonly kinds: readonly string[];
  readonly ciio: boolean;
}

export type Predicate = (facts: Facts) => boolean;

/** Compiles a condition into a predicate; volumes are half-open [min, max). */
export function compileCondition(c: Condition): Predicate {
  if ('any' in c) {
    const terms = c.any.map(compileCondition);
    return (f) => {
      for (const t of terms) if (t(f)) return true;
      return false;
    };
  }
  if ('all' in c) {
    const terms = c.all.map(compileCondition);
    return (f) => {
      for (const t of terms) if (!t(f)) return false;
      return true;
    };
  }
  if ('measure' in c) {
    const min = c.min ?? 0;
    const max = c.max ?? Infinity;
    return c.measure === 'persons' ? (f) => f.persons >= min && f.persons < max : (f) => f.sensitive >= min && f.sensitive < max;
  }
  if ('kindsAny' in c) {
    const kinds = new Set(c.kindsAny);
    return (f) => {
      for (const k of f.kinds) if (kinds.has(k)) return true;
      return false;
    };
  }
  const want = c.ciio;
  return (f) => f.ciio === want;
}
