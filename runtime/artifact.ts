/**
 * The compiled policy artifact (`dist/policy.json`): the contract between the compiler, which
 * writes it, and the runtime, gazettes and diffs, which read it. The runtime owns it because
 * it is what downstream systems embed; its JSON Schema is published in `dist/schema/`.
 *
 * Every entity has a stable id (`measures.art13`, `annex.S16`, `icv.owner-pi`) that a diff
 * pairs across revisions. Source positions are not part of the artifact.
 */

/** Bumped on any change a consumer of `policy.json` must adapt to. */
export const POLICY_SCHEMA_VERSION = 1;

export type PathwayId = 'security-assessment' | 'standard-contract-or-certification' | 'exempt';
export type ListStatus = 'draft' | 'consultation' | 'approved' | 'in-force' | 'repealed';
export type MeasureId = 'persons' | 'sensitive';

/**
 * A threshold condition. Volumes are half-open: `min` included (以上, Art. 29), `max` excluded
 * (不满); either may be absent.
 */
export type Condition =
  | { readonly any: readonly Condition[] }
  | { readonly all: readonly Condition[] }
  | { readonly measure: MeasureId; readonly min?: number; readonly max?: number }
  | { readonly kindsAny: readonly string[] }
  | { readonly ciio: boolean };

/** One step of a threshold ladder: the pathway a transfer takes when the condition holds. */
export interface Rung {
  readonly pathway: PathwayId;
  readonly when: Condition;
  readonly basis: readonly string[];
}

export interface Article {
  readonly id: string;
  readonly number: number;
  readonly paragraphs: readonly string[];
  /** Errors of the original, kept as published and annotated (`[sic]`). */
  readonly sic: readonly { readonly text: string; readonly correction: string }[];
}

export interface Chapter {
  readonly number: number;
  readonly title: string;
  readonly articles: readonly Article[];
}

export interface LegalDocument {
  readonly id: string;
  readonly title: string;
  /** `inferred`: the original has no article numbers; ours are counted (docs/reading-of-the-law.md#numbering). */
  readonly numbering: 'official' | 'inferred';
  readonly numberingNote?: string;
  readonly source?: string;
  /** True when article texts are our summaries, not the official wording. */
  readonly paraphrase: boolean;
  /** In force on publication; `confirmed` false: the date is a placeholder to be confirmed. */
  readonly published?: Publication;
  /** A trial period counted from publication, and the articles that set it. */
  readonly trial?: { readonly years: number; readonly basis: readonly string[] };
  readonly chapters: readonly Chapter[];
}

/** A publication date; `confirmed` false marks a placeholder to be confirmed. */
export interface Publication {
  readonly date: string;
  readonly confirmed: boolean;
  readonly note?: string;
}

export interface GeneralRule {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  /** The typed reading of a numeric rule; absent for qualitative rules. */
  readonly when?: Condition;
}

export interface Subcategory {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly description?: string;
  readonly refers: readonly string[];
}

export interface Example {
  readonly id: string;
  /** The subcategory codes the merged cell spans, in table order. */
  readonly covers: readonly string[];
  readonly text: string;
}

export interface Category {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly subcategories: readonly Subcategory[];
  readonly examples: readonly Example[];
}

export interface Annex {
  readonly id: string;
  readonly title: string;
  readonly basis: readonly string[];
  readonly generalRules: { readonly title: string; readonly rules: readonly GeneralRule[] };
  readonly sensitiveKinds: readonly { readonly id: string; readonly code: string; readonly name: string }[];
  readonly standards: readonly { readonly id: string; readonly code: string; readonly title: string }[];
  readonly categories: readonly Category[];
  /** Errors of the original in the rules and examples, kept as published and annotated (`[sic]`). */
  readonly sic?: readonly { readonly text: string; readonly correction: string }[];
}

export interface Exemption {
  /** The code a request names (`art3`, `art5.1`). */
  readonly code: string;
  /** `data`: covers a transfer without personal information; `personal-info`: covers personal information. */
  readonly scope: 'data' | 'personal-info';
  readonly description: string;
  readonly basis: readonly string[];
}

export interface Baseline {
  readonly id: string;
  readonly title: string;
  readonly counting: 'calendar-year';
  readonly exemptions: readonly Exemption[];
  readonly important?: { readonly pathway: PathwayId; readonly basis: readonly string[] };
  readonly ciio?: { readonly pathway: PathwayId; readonly basis: readonly string[] };
  readonly ladder: readonly Rung[];
  readonly below: { readonly pathway: PathwayId; readonly basis: readonly string[] };
  readonly validity?: { readonly pathway: PathwayId; readonly years: number; readonly basis: readonly string[] };
  /** The first day the national rules are in force: before it the policy does not model the law. */
  readonly effective?: { readonly from: string; readonly basis: readonly string[] };
}

export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly authority?: string;
  readonly basis: readonly string[];
}

export interface ListItem {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly fields: readonly string[];
  readonly description?: string;
  /** Named as important data: security assessment at any volume. */
  readonly important: boolean;
  readonly ladder: readonly Rung[];
  readonly basis: readonly string[];
  readonly notes: readonly string[];
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly items: readonly ListItem[];
}

export interface NegativeList {
  readonly id: string;
  readonly title: string;
  readonly sector: string;
  readonly zones: readonly string[];
  readonly status: ListStatus;
  /** Half-open: in force from `from` (inclusive) until `until` (exclusive). */
  readonly effective: { readonly from: string; readonly until?: string };
  readonly basis: readonly string[];
  readonly adopts?: { readonly title: string; readonly basis: readonly string[] };
  readonly proposal?: string;
  /** 发布机关 (issuing authority) and 文号 (document number), for the gazette; absent until known. */
  readonly issuer?: string;
  readonly docnumber?: string;
  /** The publication date (发布日期) of the list's notice; `confirmed` false: a placeholder. */
  readonly published?: Publication;
  readonly notes: readonly string[];
  readonly scenarios: readonly Scenario[];
}

export interface PolicyArtifact {
  readonly schemaVersion: typeof POLICY_SCHEMA_VERSION;
  readonly policyVersion: string;
  readonly documents: readonly LegalDocument[];
  readonly annex: Annex;
  readonly baseline: Baseline;
  readonly zones: readonly Zone[];
  readonly lists: readonly NegativeList[];
  /**
   * The measures' trial period: no list has effect on or after `until` (the first day after the
   * trial), whatever its own period says. `confirmed` false: the publication date is a placeholder.
   */
  readonly trial?: Trial;
}

export interface Trial {
  readonly document: string;
  readonly from: string;
  readonly until: string;
  readonly confirmed: boolean;
  readonly basis: readonly string[];
}

/** `dist/manifest.json`: what was built, from what, and the digest of every file. */
export interface Manifest {
  readonly schemaVersion: typeof POLICY_SCHEMA_VERSION;
  readonly policyVersion: string;
  readonly compiler: { readonly name: string; readonly version: string };
  readonly source: { readonly commit: string | null; readonly dirty: boolean };
  /** Path relative to the dist folder → digest and size. Sorted by path. */
  readonly artifacts: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>;
  /** Set by `qingdan bundle`: what the bundle is and who approved what it enforces. */
  readonly bundle?: BundleInfo;
}

/** A bundle's identity and provenance, in its manifest and so covered by its signature. */
export interface BundleInfo {
  /** Semver; between releases a prerelease `<next>-dev.g<8 hex of digest>`, so a version names one content. */
  readonly version: string;
  /** sha256 of policy.json: the content digest. */
  readonly digest: string;
  readonly provenance: Provenance;
}

/** For each list: its status, its proposal and the commits of that proposal's sign-offs. */
export interface Provenance {
  readonly lists: readonly {
    readonly id: string;
    readonly status: ListStatus;
    readonly proposal: string | null;
    readonly signoffs: readonly { readonly stage: string; readonly role: string; readonly person: string; readonly commit: string | null }[];
  }[];
}

/**
 * The file `qingdan build` leaves in every folder it writes, so that a later build knows the
 * folder is its own to replace. It is not part of the bundle: readers of a bundle folder skip it.
 */
export const BUILD_MARKER = '.qingdan-build';
