/**
 * Every place a file declares or names a policy symbol, by position: what hover, go to
 * definition and find references look up. Ids are the symbol table's canonical ids (`measures.art10`,
 * `annex.S16`, `nansha`, `icv.owner-pi`); a proposal link is `proposal:<id>`.
 */
import type * as A from '../ast.js';
import type { Span } from '../source.js';
import { articleId, type SymbolTable } from '../symbols.js';

export interface Occurrence {
  readonly offset: number;
  readonly length: number;
  /** The canonical id, or the text as written when it resolves to nothing. */
  readonly id: string;
  readonly role: 'declaration' | 'reference';
}

/** The occurrences of one file, sorted by offset. */
export function occurrencesOf(file: A.PolicyFile, symbols: SymbolTable): Occurrence[] {
  const out: Occurrence[] = [];
  const declare = (id: string, span: Span) => out.push({ offset: span.offset, length: span.length, id, role: 'declaration' });
  const refer = (text: string, span: Span) => out.push({ offset: span.offset, length: span.length, id: symbols.get(text)?.id ?? text, role: 'reference' });
  const basis = (refs: readonly A.Reference[]) => refs.forEach((r) => refer(r.text, r.span));
  const condition = (c: A.Condition): void => {
    if (c.kind === 'Or' || c.kind === 'And') c.terms.forEach(condition);
    else if (c.kind === 'KindsAny') c.kinds.forEach((k) => refer(k.text, k.span));
  };
  const rungs = (list: readonly A.Rung[]) => list.forEach((r) => (condition(r.condition), basis(r.basis)));

  for (const d of file.declarations) {
    switch (d.kind) {
      case 'Document':
        declare(d.id.text, d.id.span);
        for (const c of d.chapters) for (const a of c.articles) declare(articleId(d.id.text, a.number.value), a.number.span);
        break;
      case 'Annex':
        declare(d.id.text, d.id.span);
        basis(d.basis);
        for (const g of d.general) for (const r of g.rules) {
          declare(`${d.id.text}.rule${r.number.value}`, r.number.span);
          if (r.when) condition(r.when);
          basis(r.basis);
        }
        for (const k of d.kinds) declare(`${d.id.text}.${k.id.text}`, k.id.span);
        for (const s of d.standards) declare(`${d.id.text}.${s.id.text}`, s.id.span);
        for (const c of d.categories) {
          declare(`${d.id.text}.${c.id.text}`, c.id.span);
          for (const s of c.subs) {
            declare(`${d.id.text}.${s.id.text}`, s.id.span);
            s.refers.forEach((r) => refer(r.text, r.span));
          }
          for (const e of c.examples) (refer(e.from.text, e.from.span), refer(e.to.text, e.to.span));
        }
        break;
      case 'Baseline':
        declare(`baseline:${d.id.text}`, d.id.span);
        d.exemptions.forEach((e) => basis(e.basis));
        d.triggers.forEach((t) => basis(t.basis));
        if (d.ladder) rungs(d.ladder.rungs);
        if (d.below) basis(d.below.basis);
        if (d.validity) basis(d.validity.basis);
        if (d.effective) basis(d.effective.basis);
        break;
      case 'Zone':
        declare(d.id.text, d.id.span);
        basis(d.basis);
        break;
      case 'List':
        declare(d.id.text, d.id.span);
        if (d.sector) refer(d.sector.text, d.sector.span);
        d.zones.forEach((z) => refer(z.text, z.span));
        basis(d.basis);
        if (d.adopts) basis(d.adopts.basis);
        if (d.proposal) out.push({ offset: d.proposal.span.offset, length: d.proposal.span.length, id: `proposal:${d.proposal.value}`, role: 'reference' });
        for (const s of d.scenarios) {
          declare(`${d.id.text}.${s.id.text}`, s.id.span);
          for (const i of s.items) {
            declare(`${d.id.text}.${i.id.text}`, i.id.span);
            if (i.category) refer(i.category.text, i.category.span);
            rungs(i.rungs);
            basis(i.basis);
          }
        }
        break;
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The occurrence covering `offset` (its end included, where an editor's cursor often sits). */
export function occurrenceAt(occurrences: readonly Occurrence[], offset: number): Occurrence | undefined {
  let low = 0;
  let high = occurrences.length - 1;
  let found: Occurrence | undefined;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (occurrences[mid]!.offset <= offset) {
      found = occurrences[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found && offset <= found.offset + found.length ? found : undefined;
}
