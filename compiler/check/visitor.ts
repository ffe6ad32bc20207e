/**
 * One traversal of the AST that calls every rule's handlers (graphql-js's `visitInParallel`):
 * each rule declares the nodes it cares about and none walks the tree itself.
 */
import type * as A from '../ast.js';

/** Where a reference appears, which decides what it may resolve to. */
export type ReferenceRole = 'basis' | 'sector' | 'category' | 'refers' | 'kind' | 'example-bound';

/** The declaration that owns a ladder rung or a basis, for messages. */
export interface Owner {
  readonly what: 'baseline' | 'item';
  readonly id: string;
  readonly span: A.Name['span'];
}

export interface PolicyVisitor {
  Document?(node: A.DocumentDecl): void;
  Chapter?(node: A.ChapterDecl, document: A.DocumentDecl): void;
  Article?(node: A.ArticleDecl, document: A.DocumentDecl): void;
  Annex?(node: A.AnnexDecl): void;
  General?(node: A.GeneralDecl, annex: A.AnnexDecl): void;
  Category?(node: A.CategoryDecl, annex: A.AnnexDecl): void;
  Baseline?(node: A.BaselineDecl): void;
  Ladder?(rungs: readonly A.Rung[], owner: Owner): void;
  List?(node: A.ListDecl): void;
  Item?(node: A.ItemDecl, list: A.ListDecl): void;
  Zone?(node: A.ZoneDecl): void;
  /** Every condition node, nested ones included. */
  Condition?(node: A.Condition): void;
  /** Each whole condition (a rung's or a rule's), once. */
  ConditionRoot?(node: A.Condition): void;
  /** Every volume: thresholds, chapter and article numbers, validity years. */
  Volume?(node: A.Volume, role: 'threshold' | 'number' | 'years'): void;
  Date?(node: A.DateValue): void;
  Reference?(node: A.Reference, role: ReferenceRole): void;
  Unknown?(node: A.UnknownClause): void;
  Duplicate?(node: A.DuplicateClause, context: A.BlockContext): void;
}

type Handler = keyof PolicyVisitor;

/** Walks all files once, calling every visitor's handler for each node. */
export function visitPolicy(files: readonly A.PolicyFile[], visitors: readonly PolicyVisitor[]): void {
  // Each handler's functions, from the visitors that have it, in the visitors' order: a rule
  // handles a few kinds of node, and asking every rule at every node was most of the walk.
  const handlers: Partial<Record<Handler, Array<(...a: unknown[]) => void>>> = {};
  const handlersOf = (name: Handler) =>
    (handlers[name] = visitors.flatMap((v) => {
      const fn = v[name] as ((...a: unknown[]) => void) | undefined;
      return fn ? [fn.bind(v)] : [];
    }));
  // The functions of the handlers met at every list item, looked up once here rather than by
  // name at each node: a `diff` runs this walk once, cold, where a lookup by name is slow.
  const onItem = handlersOf('Item');
  const onLadder = handlersOf('Ladder');
  const onConditionRoot = handlersOf('ConditionRoot');
  const onCondition = handlersOf('Condition');
  const onVolume = handlersOf('Volume');
  const onReference = handlersOf('Reference');
  const onUnknown = handlersOf('Unknown');
  const onDuplicate = handlersOf('Duplicate');
  /** Calls `fns` with two fixed arguments, not a rest array spread into each call (a handler with one parameter ignores the second). */
  const fire = (fns: ReadonlyArray<(...a: unknown[]) => void>, a: unknown, b?: unknown): void => {
    for (let i = 0; i < fns.length; i++) fns[i]!(a, b);
  };
  const emit = <K extends Handler>(name: K, a: Parameters<NonNullable<PolicyVisitor[K]>>[0], b?: Parameters<NonNullable<PolicyVisitor[K]>>[1]): void =>
    fire(handlers[name] ?? handlersOf(name), a, b);
  const block = (b: { unknown: readonly A.UnknownClause[]; duplicates: readonly A.DuplicateClause[] }, context: A.BlockContext) => {
    for (const u of b.unknown) fire(onUnknown, u);
    for (const d of b.duplicates) fire(onDuplicate, d, context);
  };
  const refs = (list: readonly A.Reference[], role: ReferenceRole) => {
    for (const r of list) fire(onReference, r, role);
  };
  const condition = (c: A.Condition) => {
    fire(onCondition, c);
    switch (c.kind) {
      case 'Or':
      case 'And':
        c.terms.forEach(condition);
        break;
      case 'Compare':
        fire(onVolume, c.value, 'threshold');
        break;
      case 'Range':
        fire(onVolume, c.from, 'threshold');
        fire(onVolume, c.to, 'threshold');
        break;
      case 'KindsAny':
        for (const k of c.kinds) fire(onReference, { path: [k.text], text: k.text, span: k.span }, 'kind');
        break;
      case 'Ciio':
        break;
    }
  };
  const root = (c: A.Condition) => {
    fire(onConditionRoot, c);
    condition(c);
  };
  const rungs = (list: readonly A.Rung[], owner: Owner) => {
    fire(onLadder, list, owner);
    for (const r of list) {
      root(r.condition);
      refs(r.basis, 'basis');
    }
  };

  for (const file of files) {
    for (const u of file.unknown) emit('Unknown', u);
    for (const decl of file.declarations) {
      switch (decl.kind) {
        case 'Document':
          emit('Document', decl);
          block(decl, 'document');
          if (decl.published) emit('Date', decl.published.date);
          if (decl.trial) {
            emit('Volume', decl.trial.years, 'years');
            refs(decl.trial.basis, 'basis');
          }
          for (const ch of decl.chapters) {
            emit('Chapter', ch, decl);
            emit('Volume', ch.number, 'number');
            block(ch, 'chapter');
            for (const art of ch.articles) {
              emit('Article', art, decl);
              emit('Volume', art.number, 'number');
              block(art, 'article');
            }
          }
          break;
        case 'Annex':
          emit('Annex', decl);
          block(decl, 'annex');
          refs(decl.basis, 'basis');
          for (const g of decl.general) {
            emit('General', g, decl);
            block(g, 'general');
            for (const r of g.rules) {
              emit('Volume', r.number, 'number');
              block(r, 'rule');
              if (r.when) root(r.when);
              refs(r.basis, 'basis');
            }
          }
          for (const c of decl.categories) {
            emit('Category', c, decl);
            block(c, 'category');
            for (const s of c.subs) {
              for (const r of s.refers) emit('Reference', { path: [r.text], text: r.text, span: r.span }, 'refers');
            }
            for (const e of c.examples) {
              for (const b of [e.from, e.to]) emit('Reference', { path: [b.text], text: b.text, span: b.span }, 'example-bound');
            }
          }
          break;
        case 'Baseline': {
          emit('Baseline', decl);
          block(decl, 'baseline');
          const owner: Owner = { what: 'baseline', id: decl.id.text, span: decl.id.span };
          for (const e of decl.exemptions) refs(e.basis, 'basis');
          for (const t of decl.triggers) refs(t.basis, 'basis');
          if (decl.ladder) {
            block(decl.ladder, 'ladder');
            rungs(decl.ladder.rungs, owner);
          }
          if (decl.below) refs(decl.below.basis, 'basis');
          if (decl.validity) {
            emit('Volume', decl.validity.years, 'years');
            refs(decl.validity.basis, 'basis');
          }
          if (decl.effective) {
            emit('Date', decl.effective.from);
            refs(decl.effective.basis, 'basis');
          }
          break;
        }
        case 'List':
          emit('List', decl);
          block(decl, 'list');
          if (decl.sector) emit('Reference', decl.sector, 'sector');
          refs(decl.basis, 'basis');
          if (decl.adopts) refs(decl.adopts.basis, 'basis');
          if (decl.effective) {
            emit('Date', decl.effective.from);
            if (decl.effective.until) emit('Date', decl.effective.until);
          }
          if (decl.published) emit('Date', decl.published.date);
          for (const s of decl.scenarios) {
            block(s, 'scenario');
            for (const item of s.items) {
              fire(onItem, item, decl);
              block(item, 'item');
              if (item.category) fire(onReference, item.category, 'category');
              refs(item.basis, 'basis');
              rungs(item.rungs, { what: 'item', id: `${decl.id.text}.${item.id.text}`, span: item.id.span });
            }
          }
          break;
        case 'Zone':
          emit('Zone', decl);
          refs(decl.basis, 'basis');
          break;
      }
    }
  }
}
