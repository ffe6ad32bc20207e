/**
 * The runtime's public face: a verified policy that decides requests. It imports nothing from
 * the compiler and compiles no schema: requests are checked by the contract's validators,
 * precompiled into the runtime (`validators.generated.ts`).
 */
import { InvalidRequestError, OptionError } from './errors.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import { isCalendarDate, realDate } from './dates.js';
import { decide, listState } from './evaluate.js';
import type { ListState } from './reasons.js';
import { openBundle, type PolicyBundle } from './load.js';
import { openSource, type BundleSource } from './bundle-source.js';
import type { VerifyOptions } from './bundle-archive.js';
import type { EvaluationRequest, EvaluationResponse, RequestCheckParams, RequestProblem } from './request.js';
import { OUTSIDE_ZONE } from './request.js';
import type { SharedBatch } from './shared-batch.js';
import { describeErrors, validateRequest, validateResponse, validateSharedBatch } from './validators.js';

/** The names a request may use that the policy defines (the contract schema checks only their form). */
interface Vocabulary {
  readonly zones: ReadonlySet<string>;
  readonly exemptions: ReadonlySet<string>;
  readonly kinds: ReadonlySet<string>;
  /** The annex's subcategory codes: a sector it does not define (S99) is refused, not decided. */
  readonly sectors: ReadonlySet<string>;
}

function vocabularyOf(policy: PolicyBundle['policy']): Vocabulary {
  return {
    zones: new Set([...policy.zones.map((z) => z.id), OUTSIDE_ZONE]),
    exemptions: new Set(policy.baseline.exemptions.map((e) => e.code)),
    kinds: new Set(policy.annex.sensitiveKinds.map((k) => k.code)),
    sectors: new Set(policy.annex.categories.flatMap((c) => c.subcategories.map((s) => s.code))),
  };
}

/** A request as problems() reads it before knowing whether it conforms. */
type Unchecked = { asOf?: unknown; processor?: { zone?: unknown; holdings?: { sensitiveKinds?: unknown } }; transfer?: { sector?: unknown; exemptions?: unknown; personalInfo?: { sensitiveKinds?: unknown } } } | null;

/**
 * Where a request names something the policy must define — one name, or a list of them — and
 * which of the policy's vocabularies holds it. Both `problems` and `conforms` check these.
 */
const NAMES: readonly { readonly pointer: string; readonly read: (r: Unchecked) => unknown; readonly in: keyof Vocabulary; readonly list: boolean; readonly of: string; readonly vocabulary: UnknownName['vocabulary'] }[] = [
  { pointer: '/processor/zone', read: (r) => r?.processor?.zone, in: 'zones', list: false, of: "the policy's", vocabulary: 'zone' },
  { pointer: '/transfer/sector', read: (r) => r?.transfer?.sector, in: 'sectors', list: false, of: "the annex's subcategories", vocabulary: 'sector' },
  { pointer: '/transfer/exemptions', read: (r) => r?.transfer?.exemptions, in: 'exemptions', list: true, of: "the policy's", vocabulary: 'exemption' },
  { pointer: '/transfer/personalInfo/sensitiveKinds', read: (r) => r?.transfer?.personalInfo?.sensitiveKinds, in: 'kinds', list: true, of: "the policy's", vocabulary: 'kind' },
  { pointer: '/processor/holdings/sensitiveKinds', read: (r) => r?.processor?.holdings?.sensitiveKinds, in: 'kinds', list: true, of: "the policy's", vocabulary: 'kind' },
];

type UnknownName = RequestCheckParams['unknown-name'];

/** The names a shared batch states once, in `shared` (the processor's), and per transfer. */
const CONTEXT_NAMES = NAMES.filter((n) => n.pointer.startsWith('/processor/'));
const TRANSFER_NAMES = NAMES.filter((n) => n.pointer.startsWith('/transfer/'));

/** The problem of a date of the right form that is no day of the calendar (2027-02-30). */
function notCalendarDate(asOf: unknown, pointer: string): RequestProblem | undefined {
  if (typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !realDate(asOf)) return { pointer, keyword: 'calendar-date', params: { date: asOf }, message: `${asOf} is not a calendar date` };
  return undefined;
}

/** Problems for the names at `name.pointer` (one, or a list: each at its index) that `known` does not hold. */
function unknownNames(value: unknown, name: (typeof NAMES)[number], known: ReadonlySet<string>, out: RequestProblem[]): void {
  if (!name.list) {
    if (typeof value === 'string' && !known.has(value)) out.push(unknownName(name, name.pointer, value, known));
    return;
  }
  if (!Array.isArray(value)) return;
  value.forEach((v, i) => {
    if (typeof v === 'string' && !known.has(v)) out.push(unknownName(name, `${name.pointer}/${i}`, v, known));
  });
}

function unknownName(name: (typeof NAMES)[number], pointer: string, v: string, known: ReadonlySet<string>): RequestProblem {
  return { pointer, keyword: 'unknown-name', params: { vocabulary: name.vocabulary, name: v, allowed: [...known] }, message: oneOf(name.of, known) };
}

function oneOf(of: string, known: ReadonlySet<string>): string {
  return `must be one of ${of}: ${[...known].join(', ')}`;
}

/** True when every name of a conforming request's `value` (one, or a list) is in `known`. */
function allKnown(value: unknown, list: boolean, known: ReadonlySet<string>): boolean {
  if (value === undefined) return true;
  if (!list) return known.has(value as string);
  const names = value as readonly string[];
  for (let i = 0; i < names.length; i++) if (!known.has(names[i]!)) return false;
  return true;
}

/** A check of NAMES with its vocabulary looked up once per policy, not at each request. */
interface NameCheck {
  readonly read: (r: Unchecked) => unknown;
  readonly list: boolean;
  readonly known: ReadonlySet<string>;
}

function nameChecks(names: readonly (typeof NAMES)[number][], vocabulary: Vocabulary): readonly NameCheck[] {
  return names.map((name) => ({ read: name.read, list: name.list, known: vocabulary[name.in] }));
}

/** True when every name `checks` read from `r` is one the policy defines. */
function namesKnown(checks: readonly NameCheck[], r: Unchecked): boolean {
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!;
    if (!allKnown(check.read(r), check.list, check.known)) return false;
  }
  return true;
}

export class Policy {
  private readonly compiled: CompiledPolicy;
  private readonly vocabulary: Vocabulary;
  /** The name checks of a whole request, and of a shared batch's context and of each of its transfers. */
  private readonly checks: { readonly request: readonly NameCheck[]; readonly context: readonly NameCheck[]; readonly transfer: readonly NameCheck[] };

  private constructor(readonly bundle: PolicyBundle) {
    // A signed bundle's version (a prerelease between releases) is what decisions name.
    const version = bundle.manifest.bundle?.version;
    this.compiled = compilePolicy(version ? { ...bundle.policy, policyVersion: version } : bundle.policy, bundle.digest);
    this.vocabulary = vocabularyOf(bundle.policy);
    this.checks = { request: nameChecks(NAMES, this.vocabulary), context: nameChecks(CONTEXT_NAMES, this.vocabulary), transfer: nameChecks(TRANSFER_NAMES, this.vocabulary) };
  }

  /**
   * Loads and verifies a bundle: a `qingdan bundle` archive (path or bytes) or a `qingdan build`
   * folder. With `trustedKeys`, only a bundle signed by one of them loads; with `previous`, only
   * one that is not older than it and does not reuse its version for other content. Throws
   * PolicyLoadError for a bundle it refuses, OptionError for a source or options it cannot use.
   */
  static async load(source: BundleSource, options: VerifyOptions = {}): Promise<Policy> {
    return new Policy(await openSource(source, options));
  }

  /** Verifies and opens a bundle given as files (path → bytes). */
  static async open(files: ReadonlyMap<string, Uint8Array>): Promise<Policy> {
    return new Policy(await openBundle(files));
  }

  /**
   * Whether list `id` decides on `asOf` (a day, YYYY-MM-DD), as decisions read it — its status,
   * its period and the measures' trial (docs/reading-of-the-law.md#trial-period) — and if not,
   * why; undefined for a list the policy does not have. Throws OptionError for an `asOf` that is
   * no such day (it answered as if some other day had been asked).
   */
  listState(id: string, asOf: string): ListState | undefined {
    if (typeof asOf !== 'string' || !isCalendarDate(asOf)) throw new OptionError('asOf', `must be a day written YYYY-MM-DD, not ${JSON.stringify(asOf)}`);
    const l = this.compiled.lists.findIndex((list) => list.id === id);
    return l < 0 ? undefined : listState(this.compiled, l, asOf);
  }

  get version(): string {
    return this.bundle.manifest.bundle?.version ?? this.bundle.policy.policyVersion;
  }

  get digest(): string {
    return this.bundle.digest;
  }

  /**
   * Every way `request` breaks the request contract (empty when it conforms): the contract's
   * schema, then what it cannot say — that asOf is a day of the calendar, and that the zone,
   * sector, exemptions and kinds of sensitive information are ones this policy defines.
   */
  problems(request: unknown): RequestProblem[] {
    const r = request as Unchecked;
    const problems: RequestProblem[] = validateRequest(request) ? [] : describeErrors(validateRequest.errors);
    const fromSchema = problems.length;
    const asOf = r?.asOf;
    const notDate = notCalendarDate(asOf, '/asOf');
    if (notDate) problems.push(notDate);
    for (const name of NAMES) unknownNames(name.read(r), name, this.vocabulary[name.in], problems);
    // A name the schema already refused (say, not a string of the right form) is said once.
    return problems.filter((p, i) => i < fromSchema || !problems.slice(0, fromSchema).some((s) => s.pointer === p.pointer));
  }

  /**
   * Whether `request` conforms: true exactly when `problems(request)` is empty, found without
   * building any problem — the hot path of a server checking batches, which asks `problems`
   * only for a request that does not conform.
   */
  conforms(request: unknown): request is EvaluationRequest {
    if (!validateRequest(request)) return false;
    const r = request as EvaluationRequest;
    return realDate(r.asOf) && namesKnown(this.checks.request, r as Unchecked);
  }

  /**
   * Whether a batch with shared context conforms: true exactly when `sharedBatchProblems(batch)`
   * is empty. The shared part is checked once, each transfer on its own — the same checks as
   * `conforms` of every request `{ ...shared, transfer }`, without building those requests.
   */
  conformsSharedBatch(batch: unknown): batch is SharedBatch {
    if (!validateSharedBatch(batch)) return false;
    const { shared, transfers } = batch as SharedBatch;
    if (!realDate(shared.asOf) || !namesKnown(this.checks.context, shared as Unchecked)) return false;
    // One holder read by the transfer names' readers (which read a request's `transfer`), not one per transfer.
    const holder: { transfer?: unknown } = {};
    for (let t = 0; t < transfers.length; t++) {
      holder.transfer = transfers[t];
      if (!namesKnown(this.checks.transfer, holder as Unchecked)) return false;
    }
    return true;
  }

  /**
   * Every way a batch with shared context breaks the contract (empty when it conforms), each
   * located in the batch: `/shared/…` for the shared part, said once however many transfers
   * share it, and `/transfers/<i>/…` for a transfer — the problems of the requests
   * `{ ...shared, transfer }` (`problems`), pointed at where the batch says them.
   */
  sharedBatchProblems(batch: unknown): RequestProblem[] {
    const problems: RequestProblem[] = validateSharedBatch(batch) ? [] : describeErrors(validateSharedBatch.errors);
    const fromSchema = new Set(problems.map((p) => p.pointer));
    const b = batch as { shared?: Unchecked & { asOf?: unknown }; transfers?: unknown } | null;
    const more: RequestProblem[] = [];
    const shared = b?.shared;
    const notDate = notCalendarDate(shared?.asOf, '/shared/asOf');
    if (notDate) more.push(notDate);
    for (const name of CONTEXT_NAMES) unknownNames(name.read(shared ?? null), { ...name, pointer: `/shared${name.pointer}` }, this.vocabulary[name.in], more);
    if (Array.isArray(b?.transfers)) {
      b.transfers.forEach((transfer, i) => {
        for (const name of TRANSFER_NAMES) unknownNames(name.read({ transfer }), { ...name, pointer: `/transfers/${i}${name.pointer.slice('/transfer'.length)}` }, this.vocabulary[name.in], more);
      });
    }
    // A name the schema already refused (say, not a string of the right form) is said once.
    return [...problems, ...more.filter((p) => !fromSchema.has(p.pointer))];
  }

  /** Validates and decides; throws InvalidRequestError listing every problem. */
  evaluate(request: unknown): EvaluationResponse {
    // `conforms` builds nothing; the problems are described only for a request that breaks the contract.
    if (!this.conforms(request)) throw new InvalidRequestError(this.problems(request));
    return decide(this.compiled, request);
  }

  /** Decides a request already known to conform (skips validation; for hot paths). */
  decideTrusted(request: EvaluationRequest): EvaluationResponse {
    return decide(this.compiled, request);
  }

  /** True when `response` conforms to the published response schema. */
  isValidResponse(response: unknown): boolean {
    return validateResponse(response);
  }
}
