/**
 * Lowered lists kept for a later lowering of the same declarations. A list's artifact is a
 * function of its declaration (the ASTs are immutable) and of what its references resolve to,
 * so it is reused while every reference it resolved still resolves to the same id: the head of
 * a diff shares the base's AST for each file whose text did not change, and then also shares
 * its lowered lists (which the diff then finds equal at a glance).
 */
import type { ListDecl } from '../ast.js';
import type { NegativeList } from '../../runtime/artifact.js';

/** A reference's text → the id it lowers to. */
export type Resolve = (text: string) => string;

interface Kept {
  readonly list: NegativeList;
  /** Each reference text the lowering resolved, with the id it got. */
  readonly resolved: ReadonlyMap<string, string>;
}

export class LoweredLists {
  private readonly kept = new WeakMap<ListDecl, Kept>();

  /**
   * The list `lower` makes of `decl` with `resolve`: the one kept for `decl` when each of its
   * references resolves as it did then, or else a new one (kept in its place).
   */
  lower(decl: ListDecl, resolve: Resolve, lower: (resolve: Resolve) => NegativeList): NegativeList {
    const kept = this.kept.get(decl);
    if (kept && unchanged(kept.resolved, resolve)) return kept.list;
    const resolved = new Map<string, string>();
    const list = lower((text) => {
      const id = resolve(text);
      resolved.set(text, id);
      return id;
    });
    this.kept.set(decl, { list, resolved });
    return list;
  }
}

function unchanged(resolved: ReadonlyMap<string, string>, resolve: Resolve): boolean {
  for (const [text, id] of resolved) if (resolve(text) !== id) return false;
  return true;
}
