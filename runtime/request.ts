/**
 * The decision contract, version 1: what a downstream system asks and what it is told.
 * Field names are the contract; their JSON Schemas are published in `dist/schema/`.
 */
import type { PathwayId } from './artifact.js';

export type ZoneId = 'nansha' | 'qianhai-shekou' | 'hengqin' | 'hetao-shenzhen' | 'outside' | (string & {});

export interface RequestItem {
  /** A list item id, `<list>.<item>` (`icv.owner-pi`). */
  readonly id: string;
  /** De-duplicated natural persons whose personal information (other than sensitive) the item carries. */
  readonly persons?: number;
  /** De-duplicated natural persons whose sensitive personal information the item carries. */
  readonly sensitivePersons?: number;
}

export interface EvaluationRequest {
  /** The planned transfer date, YYYY-MM-DD. */
  readonly asOf: string;
  /** True: draft, consultation and approved lists decide too, and the response says it is a preview. */
  readonly preview?: boolean;
  readonly processor: {
    readonly zone: ZoneId;
    readonly ciio: boolean;
    /**
     * What the processor holds (掌握) in all, de-duplicated natural persons: the annex's rules 2
     * and 3 speak of holdings. Without it, advisories use the transfer's volumes and say so.
     */
    readonly holdings?: Holdings;
  };
  readonly transfer: {
    /** False: a purely domestic transfer (no provision abroad, no access or download from abroad). */
    readonly isExport: boolean;
    /** Notified or published as important data. */
    readonly importantData?: boolean;
    /** A list's sector, an annex subcategory code (`S16`). */
    readonly sector?: string;
    readonly items?: readonly RequestItem[];
    /** Year to date, de-duplicated natural persons, this transfer included, outside the listed items. */
    readonly personalInfo?: { readonly persons?: number; readonly sensitivePersons?: number; readonly sensitiveKinds?: readonly string[] };
    /** National exemptions (`art3`, `art4`, `art5.1`–`art5.3`) claimed for this whole transfer. */
    readonly exemptions?: readonly string[];
    /** The data concerns export control or technology export (measures Art. 24), whatever its sector. */
    readonly exportControl?: boolean;
  };
}

export interface Holdings {
  readonly persons?: number;
  readonly sensitivePersons?: number;
  readonly sensitiveKinds?: readonly string[];
}

export type Outcome = PathwayId | 'not-applicable' | 'indeterminate';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

/** One reason for the decision: what part of the transfer it concerns, what it gives, and why. */
export interface Reason {
  readonly code: string;
  readonly outcome: Outcome;
  readonly message: Message;
  /** Article and rule ids (`measures.art13`, `national.art7`). */
  readonly citations: readonly string[];
  /** The list item, list, exemption or baseline rule this reason comes from. */
  readonly source?: string;
  /** Inferred: our reading goes beyond the texts; `reading` links to the entry that explains it. */
  readonly inferred?: boolean;
  /** With `inferred`: `docs/reading-of-the-law.md#<entry>`. */
  readonly reading?: string;
}

export interface Obligation {
  readonly code: string;
  readonly message: Message;
  readonly citations: readonly string[];
  /** The list or item an advisory concerns. */
  readonly source?: string;
  /** The reading an advisory rests on: `docs/reading-of-the-law.md#<entry>`. */
  readonly reading?: string;
}

export interface EvaluationResponse {
  readonly version: 1;
  readonly pathway: Outcome;
  readonly preview: boolean;
  readonly asOf: string;
  /** What decided: a list, the national baseline, or nothing (not applicable / indeterminate). */
  readonly basis: { readonly kind: 'list'; readonly lists: readonly string[] } | { readonly kind: 'baseline'; readonly id: string } | { readonly kind: 'none' };
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  readonly advisories: readonly Obligation[];
  readonly policy: { readonly version: string; readonly digest: string };
}

/** One problem with a request: where (a JSON pointer) and what. */
export interface RequestProblem {
  readonly pointer: string;
  readonly message: string;
}
