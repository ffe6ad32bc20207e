/**
 * The typed AST of `.qd` files. Every node keeps its source span, so diagnostics, a formatter
 * and a language server can point back at the text; the compiled artifact drops spans.
 */
import type { Span } from './source.js';

export interface Name {
  readonly text: string;
  readonly span: Span;
}

/** A dotted reference such as `measures.art13` or `S16`. */
export interface Reference {
  readonly path: readonly string[];
  readonly text: string;
  readonly span: Span;
}

export interface Text {
  /** The literal's value with escapes resolved, exactly as published. */
  readonly value: string;
  readonly span: Span;
}

/** A volume of natural persons as written (`10万`, `100_000`), with its value once the unit is applied. */
export interface Volume {
  readonly raw: string;
  readonly value: number;
  readonly negative: boolean;
  /** False when `1.5` or `0.00001万` does not come to a whole number. */
  readonly integral: boolean;
  readonly span: Span;
}

export interface DateValue {
  readonly raw: string;
  readonly span: Span;
}

/** A keyword-led clause the grammar does not know in its block; the checker reports it. */
export interface UnknownClause {
  readonly kind: 'UnknownClause';
  readonly word: string;
  /** The block it appeared in (`list`, `item`, …), to list what is allowed there. */
  readonly context: BlockContext;
  readonly span: Span;
}

/** A clause given twice where it may appear once. */
export interface DuplicateClause {
  readonly clause: string;
  readonly span: Span;
  readonly first: Span;
}

export type BlockContext =
  | 'file'
  | 'document'
  | 'chapter'
  | 'article'
  | 'annex'
  | 'general'
  | 'rule'
  | 'category'
  | 'baseline'
  | 'ladder'
  | 'list'
  | 'scenario'
  | 'item';

interface Block {
  readonly unknown: readonly UnknownClause[];
  readonly duplicates: readonly DuplicateClause[];
  readonly span: Span;
}

export type Measure = 'persons' | 'sensitive';
export type Comparator = '>=' | '>' | '<' | '<=';
export type PathwayWord = 'assessment' | 'contract' | 'exempt';

export type Condition =
  | { readonly kind: 'Or'; readonly terms: readonly Condition[]; readonly span: Span }
  | { readonly kind: 'And'; readonly terms: readonly Condition[]; readonly span: Span }
  | { readonly kind: 'Compare'; readonly measure: Measure; readonly op: Comparator; readonly value: Volume; readonly span: Span }
  | { readonly kind: 'Range'; readonly measure: Measure; readonly from: Volume; readonly to: Volume; readonly span: Span }
  | { readonly kind: 'KindsAny'; readonly kinds: readonly Name[]; readonly span: Span }
  | { readonly kind: 'Ciio'; readonly negated: boolean; readonly span: Span };

export interface Pathway {
  readonly word: PathwayWord;
  readonly span: Span;
}

export interface Rung {
  readonly pathway: Pathway;
  readonly condition: Condition;
  readonly basis: readonly Reference[];
  readonly span: Span;
}

// ---- documents -------------------------------------------------------------------------------

export interface DocumentDecl extends Block {
  readonly kind: 'Document';
  readonly id: Name;
  readonly title: Text;
  readonly numbering?: { readonly inferred: true; readonly note?: Text; readonly span: Span };
  readonly source?: Text;
  readonly paraphrase: boolean;
  /** Where `paraphrase` is written, when it is (for tools that point at it, such as the printer). */
  readonly paraphraseAt?: Span;
  /** The publication date (in force on publication); `confirmed` false: a value to be confirmed. */
  readonly published?: { readonly date: DateValue; readonly confirmed: boolean; readonly note?: Text; readonly span: Span };
  /** A trial period counted from publication. */
  readonly trial?: { readonly years: Volume; readonly basis: readonly Reference[]; readonly span: Span };
  readonly chapters: readonly ChapterDecl[];
}

export interface ChapterDecl extends Block {
  readonly kind: 'Chapter';
  readonly number: Volume;
  readonly title: Text;
  readonly articles: readonly ArticleDecl[];
}

export interface Sic {
  readonly text: Text;
  readonly correction: Text;
  readonly span: Span;
}

export interface ArticleDecl extends Block {
  readonly kind: 'Article';
  readonly number: Volume;
  readonly paragraphs: readonly Text[];
  readonly sics: readonly Sic[];
}

// ---- the annex --------------------------------------------------------------------------------

export interface AnnexDecl extends Block {
  readonly kind: 'Annex';
  readonly id: Name;
  readonly title: Text;
  readonly basis: readonly Reference[];
  readonly general: readonly GeneralDecl[];
  readonly kinds: readonly KindDecl[];
  readonly standards: readonly StandardDecl[];
  readonly categories: readonly CategoryDecl[];
  /** Typos of the original anywhere in the annex's rules and examples, kept and annotated. */
  readonly sics: readonly Sic[];
}

export interface GeneralDecl extends Block {
  readonly kind: 'General';
  readonly title: Text;
  readonly rules: readonly RuleDecl[];
}

export interface RuleDecl extends Block {
  readonly kind: 'Rule';
  readonly number: Volume;
  readonly text: Text;
  readonly when?: Condition;
  readonly basis: readonly Reference[];
}

export interface KindDecl {
  readonly kind: 'Kind';
  readonly id: Name;
  readonly name: Text;
  readonly span: Span;
}

export interface StandardDecl {
  readonly kind: 'Standard';
  readonly id: Name;
  readonly code: Text;
  readonly title: Text;
  readonly span: Span;
}

export interface CategoryDecl extends Block {
  readonly kind: 'Category';
  readonly id: Name;
  readonly name: Text;
  readonly subs: readonly SubDecl[];
  readonly examples: readonly ExampleDecl[];
}

export interface SubDecl {
  readonly kind: 'Sub';
  readonly id: Name;
  readonly name: Text;
  readonly description?: Text;
  readonly refers: readonly Name[];
  readonly span: Span;
}

export interface ExampleDecl {
  readonly kind: 'Example';
  readonly from: Name;
  readonly to: Name;
  readonly text: Text;
  readonly span: Span;
}

// ---- the national baseline --------------------------------------------------------------------

export interface ExemptionDecl {
  readonly kind: 'Exemption';
  readonly code: Text;
  readonly scope: 'data' | 'personal-info';
  readonly description: Text;
  readonly basis: readonly Reference[];
  readonly span: Span;
}

export interface TriggerDecl {
  readonly kind: 'Trigger';
  readonly on: 'important' | 'ciio';
  readonly pathway: Pathway;
  readonly basis: readonly Reference[];
  readonly span: Span;
}

export interface LadderDecl extends Block {
  readonly kind: 'Ladder';
  readonly rungs: readonly Rung[];
}

export interface BaselineDecl extends Block {
  readonly kind: 'Baseline';
  readonly id: Name;
  readonly title: Text;
  readonly counting?: Name;
  readonly exemptions: readonly ExemptionDecl[];
  readonly triggers: readonly TriggerDecl[];
  readonly ladder?: LadderDecl;
  readonly below?: { readonly pathway: Pathway; readonly basis: readonly Reference[]; readonly span: Span };
  readonly validity?: { readonly pathway: Pathway; readonly years: Volume; readonly basis: readonly Reference[]; readonly span: Span };
  /** The first day the national rules are in force; before it nothing can be decided. */
  readonly effective?: { readonly from: DateValue; readonly basis: readonly Reference[]; readonly span: Span };
}

// ---- negative lists ---------------------------------------------------------------------------

export interface ListDecl extends Block {
  readonly kind: 'List';
  readonly id: Name;
  readonly title: Text;
  readonly sector?: Reference;
  readonly zones: readonly Name[];
  readonly status?: Name;
  readonly effective?: { readonly from: DateValue; readonly until?: DateValue; readonly span: Span };
  readonly basis: readonly Reference[];
  readonly adopts?: { readonly title: Text; readonly basis: readonly Reference[]; readonly span: Span };
  readonly proposal?: Text;
  /** 发布机关, 文号 and publication date: the gazette's metadata, placeholders when absent. */
  readonly issuer?: Text;
  readonly docnumber?: Text;
  readonly published?: DocumentDecl['published'];
  readonly notes: readonly Text[];
  readonly scenarios: readonly ScenarioDecl[];
}

export interface ScenarioDecl extends Block {
  readonly kind: 'Scenario';
  readonly id: Name;
  readonly title: Text;
  readonly notes: readonly Text[];
  readonly items: readonly ItemDecl[];
}

export interface ItemDecl extends Block {
  readonly kind: 'Item';
  readonly id: Name;
  readonly title: Text;
  readonly category?: Reference;
  readonly fields: readonly Text[];
  readonly description?: Text;
  readonly important?: Span;
  readonly rungs: readonly Rung[];
  readonly basis: readonly Reference[];
  readonly notes: readonly Text[];
}

/** A pilot zone (片区) whose processors may use a list (Art. 5). */
export interface ZoneDecl {
  readonly kind: 'Zone';
  readonly id: Name;
  readonly name: Text;
  readonly authority?: Text;
  readonly basis: readonly Reference[];
  readonly span: Span;
}

export type Declaration = DocumentDecl | AnnexDecl | BaselineDecl | ListDecl | ZoneDecl;

export interface PolicyFile {
  readonly kind: 'File';
  readonly path: string;
  readonly declarations: readonly Declaration[];
  readonly unknown: readonly UnknownClause[];
}
