/**
 * AST → artifact model: resolves references to canonical ids, normalises thresholds to
 * half-open intervals and names pathways as the runtime does. Runs only on a policy that
 * checked clean, so every reference resolves here.
 */
import type * as A from '../ast.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { articleId, exampleId, type SymbolTable } from '../symbols.js';
import { atomInterval } from '../check/intervals.js';
import { trialOf } from '../check/trial.js';
import { PATHWAYS } from '../pathway-word.js';
import type { LoweredLists, Resolve } from './lowered-lists.js';
import {
  POLICY_SCHEMA_VERSION,
  type Condition,
  type ListItem,
  type ListStatus,
  type NegativeList,
  type PolicyArtifact,
  type Publication,
  type Rung,
  type Trial,
} from '../../runtime/artifact.js';

/**
 * The artifact, or the diagnostics saying what whole-policy part is missing. With `kept`, a
 * list lowered before from the same declaration is reused while its references resolve alike.
 */
export function lowerPolicy(
  files: readonly A.PolicyFile[],
  symbols: SymbolTable,
  policyVersion: string,
  kept?: LoweredLists,
): { artifact?: PolicyArtifact; diagnostics: Diagnostic[] } {
  const decls = files.flatMap((f) => f.declarations);
  const annexes = decls.filter((d): d is A.AnnexDecl => d.kind === 'Annex');
  const baselines = decls.filter((d): d is A.BaselineDecl => d.kind === 'Baseline');
  const diagnostics: Diagnostic[] = [];
  if (annexes.length !== 1) diagnostics.push(diagnostic('missing-declaration', annexes[1]?.id.span, { what: 'annex' }));
  if (baselines.length !== 1) diagnostics.push(diagnostic('missing-declaration', baselines[1]?.id.span, { what: 'baseline' }));
  if (diagnostics.length > 0) return { diagnostics };

  const resolve: Resolve = (text) => symbols.get(text)?.id ?? text;
  const refs = references(resolve);
  const { basis } = refs;

  const annex = annexes[0]!;
  const a = annex.id.text;
  const baseline = baselines[0]!;
  const trigger = (on: 'important' | 'ciio') => {
    const t = baseline.triggers.find((x) => x.on === on);
    return t ? { [on]: { pathway: PATHWAYS[t.pathway.word], basis: basis(t.basis) } } : {};
  };

  const lowerList = (l: A.ListDecl): NegativeList => (kept ? kept.lower(l, resolve, (r) => listArtifact(l, references(r))) : listArtifact(l, refs));
  const lists: NegativeList[] = decls
    .filter((d): d is A.ListDecl => d.kind === 'List')
    .map(lowerList)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const artifact: PolicyArtifact = {
    schemaVersion: POLICY_SCHEMA_VERSION,
    policyVersion,
    documents: decls
      .filter((d): d is A.DocumentDecl => d.kind === 'Document')
      .map((d) => ({
        id: d.id.text,
        title: d.title.value,
        numbering: d.numbering ? 'inferred' : 'official',
        ...(d.numbering?.note ? { numberingNote: d.numbering.note.value } : {}),
        ...(d.source ? { source: d.source.value } : {}),
        paraphrase: d.paraphrase,
        ...(d.published ? { published: published(d.published) } : {}),
        ...(d.trial ? { trial: { years: d.trial.years.value, basis: basis(d.trial.basis) } } : {}),
        chapters: d.chapters.map((c) => ({
          number: c.number.value,
          title: c.title.value,
          articles: c.articles.map((art) => ({
            id: articleId(d.id.text, art.number.value),
            number: art.number.value,
            paragraphs: art.paragraphs.map((p) => p.value),
            sic: art.sics.map((s) => ({ text: s.text.value, correction: s.correction.value })),
          })),
        })),
      })),
    annex: {
      id: a,
      title: annex.title.value,
      basis: basis(annex.basis),
      generalRules: {
        title: annex.general[0]?.title.value ?? '',
        rules: annex.general.flatMap((g) =>
          g.rules.map((r) => ({ id: `${a}.rule${r.number.value}`, number: r.number.value, text: r.text.value, ...(r.when ? { when: lowerCondition(r.when) } : {}) })),
        ),
      },
      sensitiveKinds: annex.kinds.map((k) => ({ id: `${a}.${k.id.text}`, code: k.id.text, name: k.name.value })),
      standards: annex.standards.map((s) => ({ id: `${a}.${s.id.text}`, code: s.code.value, title: s.title.value })),
      categories: annex.categories.map((c) => {
        const order = c.subs.map((s) => s.id.text);
        return {
          id: `${a}.${c.id.text}`,
          code: c.id.text,
          name: c.name.value,
          subcategories: c.subs.map((s) => ({
            id: `${a}.${s.id.text}`,
            code: s.id.text,
            name: s.name.value,
            ...(s.description ? { description: s.description.value } : {}),
            refers: s.refers.map((r) => `${a}.${r.text}`),
          })),
          examples: c.examples.map((e) => ({
            id: exampleId(a, e.from.text, e.to.text),
            covers: order.slice(order.indexOf(e.from.text), order.indexOf(e.to.text) + 1),
            text: e.text.value,
          })),
        };
      }),
      ...(annex.sics.length > 0 ? { sic: annex.sics.map((s) => ({ text: s.text.value, correction: s.correction.value })) } : {}),
    },
    baseline: {
      id: baseline.id.text,
      title: baseline.title.value,
      counting: 'calendar-year',
      exemptions: baseline.exemptions.map((e) => ({ code: e.code.value, scope: e.scope, description: e.description.value, basis: basis(e.basis) })),
      ...trigger('important'),
      ...trigger('ciio'),
      ladder: lowerRungs(baseline.ladder?.rungs ?? [], [], basis),
      below: { pathway: PATHWAYS[baseline.below!.pathway.word], basis: basis(baseline.below!.basis) },
      ...(baseline.validity
        ? { validity: { pathway: PATHWAYS[baseline.validity.pathway.word], years: baseline.validity.years.value, basis: basis(baseline.validity.basis) } }
        : {}),
      ...(baseline.effective ? { effective: { from: baseline.effective.from.raw, basis: basis(baseline.effective.basis) } } : {}),
    },
    zones: decls
      .filter((d): d is A.ZoneDecl => d.kind === 'Zone')
      .map((z) => ({ id: z.id.text, name: z.name.value, ...(z.authority ? { authority: z.authority.value } : {}), basis: basis(z.basis) })),
    lists,
    ...trialArtifact(decls, basis),
  };
  return { artifact, diagnostics };
}

/** How references lower: each to its canonical id, a sector or category to its code. */
function references(resolve: Resolve): { basis: (refs: readonly A.Reference[]) => string[]; code: (ref: A.Reference) => string } {
  return {
    basis: (refs) => refs.map((r) => resolve(r.text)),
    code: (ref) => {
      const id = resolve(ref.text);
      return id.slice(id.lastIndexOf('.') + 1);
    },
  };
}

function lowerCondition(c: A.Condition): Condition {
  switch (c.kind) {
    case 'Or':
      return { any: c.terms.map(lowerCondition) };
    case 'And':
      return { all: c.terms.map(lowerCondition) };
    case 'Compare':
    case 'Range': {
      // One whole literal per shape rather than spreads (this runs for every rung of every
      // item): the object is made at once, with every key in the object itself.
      const i = atomInterval(c);
      const measure = c.measure;
      if (i.lo > 0) return i.hi !== Infinity ? { measure, min: i.lo, max: i.hi } : { measure, min: i.lo };
      return i.hi !== Infinity ? { measure, max: i.hi } : { measure };
    }
    case 'KindsAny':
      return { kindsAny: c.kinds.map((k) => k.text) };
    case 'Ciio':
      return { ciio: !c.negated };
  }
}

function lowerRungs(list: readonly A.Rung[], inherited: string[], basis: (refs: readonly A.Reference[]) => string[]): Rung[] {
  return list.map((r) => ({ pathway: PATHWAYS[r.pathway.word], when: lowerCondition(r.condition), basis: r.basis.length ? basis(r.basis) : inherited }));
}

/** A negative list as the artifact carries it. */
function listArtifact(l: A.ListDecl, { basis, code }: ReturnType<typeof references>): NegativeList {
  const listBasis = basis(l.basis);
  return {
    id: l.id.text,
    title: l.title.value,
    sector: code(l.sector!),
    zones: l.zones.map((z) => z.text),
    status: l.status!.text as ListStatus,
    effective: { from: l.effective!.from.raw, ...(l.effective!.until ? { until: l.effective!.until.raw } : {}) },
    basis: listBasis,
    ...(l.adopts ? { adopts: { title: l.adopts.title.value, basis: basis(l.adopts.basis) } } : {}),
    ...(l.proposal ? { proposal: l.proposal.value } : {}),
    ...(l.issuer ? { issuer: l.issuer.value } : {}),
    ...(l.docnumber ? { docnumber: l.docnumber.value } : {}),
    ...(l.published ? { published: published(l.published) } : {}),
    notes: l.notes.map((n) => n.value),
    scenarios: l.scenarios.map((s) => ({
      id: `${l.id.text}.${s.id.text}`,
      title: s.title.value,
      notes: s.notes.map((n) => n.value),
      items: s.items.map((i) => {
        const itemBasis = i.basis.length ? basis(i.basis) : listBasis;
        const id = `${l.id.text}.${i.id.text}`;
        const title = i.title.value;
        const category = i.category ? code(i.category) : code(l.sector!);
        const fields = i.fields.map((f) => f.value);
        const important = !!i.important;
        const ladder = lowerRungs(i.rungs, itemBasis, basis);
        const notes = i.notes.map((n) => n.value);
        // One whole literal with or without the description, keys in the artifact's order, rather than a spread (per item).
        const item: ListItem = i.description
          ? { id, title, category, fields, description: i.description.value, important, ladder, basis: itemBasis, notes }
          : { id, title, category, fields, important, ladder, basis: itemBasis, notes };
        return item;
      }),
    })),
  };
}

/** A `published` clause as the artifact records it. */
function published(p: NonNullable<A.DocumentDecl['published']>): Publication {
  return { date: p.date.raw, confirmed: p.confirmed, ...(p.note ? { note: p.note.value } : {}) };
}

/** The measures' trial period for the runtime, when the measures declare it. */
function trialArtifact(decls: readonly A.Declaration[], basis: (refs: readonly A.Reference[]) => string[]): { trial?: Trial } {
  const t = trialOf(decls);
  if (!t) return {};
  return { trial: { document: t.document.id.text, from: t.from, until: t.until, confirmed: t.confirmed, basis: basis(t.document.trial!.basis) } };
}
