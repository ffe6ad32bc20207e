/**
 * QD2012: a policy has exactly one annex (the classification catalogue every list's sector
 * resolves in) and one national baseline (the thresholds outside the lists). A second one is
 * reported here at its id; a missing one by `missingPolicyParts`, once every other rule is
 * satisfied, so `check` rejects whatever `build` would.
 */
import type * as A from '../../ast.js';
import { diagnostic, hint, note, type Diagnostic } from '../../diagnostics.js';
import type { CheckRule } from '../context.js';

/** The declarations a policy has exactly one of, with their names for messages. */
const ONE_PER_POLICY = { Annex: 'annex', Baseline: 'baseline' } as const;

type Singular = keyof typeof ONE_PER_POLICY;

export const OnePerPolicyRule: CheckRule = (context) => {
  const first = new Map<Singular, A.AnnexDecl | A.BaselineDecl>();
  const count = new Map<Singular, number>();
  const seen = (node: A.AnnexDecl | A.BaselineDecl) => {
    const n = (count.get(node.kind) ?? 0) + 1;
    count.set(node.kind, n);
    const earlier = first.get(node.kind);
    if (!earlier) return void first.set(node.kind, node);
    const names = ONE_PER_POLICY[node.kind];
    context.report(
      'one-per-policy',
      node.id.span,
      { count: n, what: names },
      { related: [note(earlier.id.span, 'first-declared-here')], hint: hint('merge-into', { id: `'${earlier.id.text}'` }) },
    );
  };
  return { Annex: seen, Baseline: seen };
};

/** QD2012 for an annex or a baseline the files do not declare at all (no source position). */
export function missingPolicyParts(files: readonly A.PolicyFile[]): Diagnostic[] {
  const kinds = new Set(files.flatMap((f) => f.declarations.map((d) => d.kind)));
  return (Object.keys(ONE_PER_POLICY) as Singular[])
    .filter((kind) => !kinds.has(kind))
    .map((kind) =>
      diagnostic('one-per-policy', undefined, { count: 0, what: ONE_PER_POLICY[kind] }, { hint: hint('check-whole-policy') }),
    );
}
