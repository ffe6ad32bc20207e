/**
 * The decision contract, version 1: what a downstream system asks and what it is told.
 * Field names are the contract; their JSON Schemas are published in `dist/schema/`.
 */
import type { PathwayId } from './artifact.js';

/** The processor's zone for one outside every zone of the policy: no list covers it, and no zone may be called so. */
export const OUTSIDE_ZONE = 'outside';

export type ZoneId = 'nansha' | 'qianhai-shekou' | 'hengqin' | 'hetao-shenzhen' | typeof OUTSIDE_ZONE | (string & {});

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

/**
 * The JSON Schema keywords of the published schemas (ajv's closed set for them) with the params
 * ajv gives each: what a value breaks, as data. `test/runtime-problems.test.ts` keeps the list
 * in step with the precompiled validators.
 */
export interface SchemaKeywordParams {
  readonly required: { readonly missingProperty: string };
  readonly additionalProperties: { readonly additionalProperty: string };
  /** A JSON type (`string`, `integer`…), or several joined by commas. */
  readonly type: { readonly type: string };
  readonly enum: { readonly allowedValues: readonly unknown[] };
  readonly const: { readonly allowedValue: unknown };
  readonly minimum: { readonly comparison: '>='; readonly limit: number };
  readonly maximum: { readonly comparison: '<='; readonly limit: number };
  readonly exclusiveMinimum: { readonly comparison: '>'; readonly limit: number };
  readonly exclusiveMaximum: { readonly comparison: '<'; readonly limit: number };
  readonly minLength: { readonly limit: number };
  readonly maxLength: { readonly limit: number };
  readonly minItems: { readonly limit: number };
  readonly maxItems: { readonly limit: number };
  /** Indices of two equal items. */
  readonly uniqueItems: { readonly i: number; readonly j: number };
  readonly pattern: { readonly pattern: string };
  readonly format: { readonly format: string };
  /** The branch of an if/then/else the value fails (its own problems are listed beside it). */
  readonly if: { readonly failingKeyword: 'then' | 'else' };
  /** The alternatives the value matches (none, or more than one). */
  readonly oneOf: { readonly passingSchemas: readonly number[] | number | null };
  readonly anyOf: Readonly<Record<string, never>>;
  readonly not: Readonly<Record<string, never>>;
  /** A keyword none of the above: cannot come from the precompiled validators, said as "does not conform". */
  readonly invalid: { readonly keyword: string };
}

/** The checks the runtime makes beyond the schema, with their params. */
export interface RequestCheckParams {
  /** asOf has the form of a date but is no day of the calendar (2027-02-30). */
  readonly 'calendar-date': { readonly date: string };
  /** A zone, sector, exemption or kind of sensitive information the policy does not define. */
  readonly 'unknown-name': { readonly vocabulary: 'zone' | 'sector' | 'exemption' | 'kind'; readonly name: string; readonly allowed: readonly string[] };
}

export type SchemaKeyword = keyof SchemaKeywordParams;
export type ProblemKeyword = SchemaKeyword | keyof RequestCheckParams;
type ParamsOf<K extends ProblemKeyword> = K extends SchemaKeyword ? SchemaKeywordParams[K] : K extends keyof RequestCheckParams ? RequestCheckParams[K] : never;

/**
 * One way a value breaks a schema or a check: where (a JSON pointer), the closed keyword and its
 * typed params — what a program matches and a translation renders — and `message`, the same in
 * English, kept for existing consumers.
 */
export type Problem<K extends ProblemKeyword = ProblemKeyword> = K extends ProblemKeyword
  ? { readonly pointer: string; readonly keyword: K; readonly params: ParamsOf<K>; readonly message: string }
  : never;

/** A problem with a JSON Schema keyword (a request's, a report's, a bundle file's). */
export type SchemaProblem = Problem<SchemaKeyword>;

/** One problem with a request: where (a JSON pointer), what (keyword and params), and an English message. */
export type RequestProblem = Problem;
