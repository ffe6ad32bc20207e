/**
 * The runtime's public face: a verified policy that decides requests. It imports nothing from
 * the compiler and compiles no schema: requests are checked by the contract's validators,
 * precompiled into the runtime (`validators.generated.ts`).
 */
import { InvalidRequestError } from './errors.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import { realDate } from './dates.js';
import { decide } from './evaluate.js';
import { openBundle, type PolicyBundle } from './load.js';
import { openSource, type BundleSource } from './bundle-source.js';
import type { VerifyOptions } from './bundle-archive.js';
import type { EvaluationRequest, EvaluationResponse, RequestProblem } from './request.js';
import { describeErrors, validateRequest, validateResponse } from './validators.js';

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
    zones: new Set([...policy.zones.map((z) => z.id), 'outside']),
    exemptions: new Set(policy.baseline.exemptions.map((e) => e.code)),
    kinds: new Set(policy.annex.sensitiveKinds.map((k) => k.code)),
    sectors: new Set(policy.annex.categories.flatMap((c) => c.subcategories.map((s) => s.code))),
  };
}

/** Problems for names in `values` (at `pointer`/index) that `known` does not hold. */
function unknownNames(values: unknown, pointer: string, known: ReadonlySet<string>, out: RequestProblem[]): void {
  if (!Array.isArray(values)) return;
  values.forEach((v, i) => {
    if (typeof v === 'string' && !known.has(v)) out.push({ pointer: `${pointer}/${i}`, message: `must be one of the policy's: ${[...known].join(', ')}` });
  });
}

export class Policy {
  private readonly compiled: CompiledPolicy;
  private readonly vocabulary: Vocabulary;

  private constructor(readonly bundle: PolicyBundle) {
    // A signed bundle's version (a prerelease between releases) is what decisions name.
    const version = bundle.manifest.bundle?.version;
    this.compiled = compilePolicy(version ? { ...bundle.policy, policyVersion: version } : bundle.policy, bundle.digest);
    this.vocabulary = vocabularyOf(bundle.policy);
  }

  /**
   * Loads and verifies a bundle: a `qingdan bundle` archive (path or bytes) or a `qingdan build`
   * folder. With `trustedKeys`, only a bundle signed by one of them loads; with `previous`, only
   * one that is not older than it and does not reuse its version for other content.
   */
  static async load(source: BundleSource, options: VerifyOptions = {}): Promise<Policy> {
    return new Policy(await openSource(source, options));
  }

  /** Verifies and opens a bundle given as files (path → bytes). */
  static async open(files: ReadonlyMap<string, Uint8Array>): Promise<Policy> {
    return new Policy(await openBundle(files));
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
    const r = request as { asOf?: unknown; processor?: { zone?: unknown; holdings?: { sensitiveKinds?: unknown } }; transfer?: { sector?: unknown; exemptions?: unknown; personalInfo?: { sensitiveKinds?: unknown } } } | null;
    const problems = validateRequest(request) ? [] : describeErrors(validateRequest.errors);
    const fromSchema = problems.length;
    const asOf = r?.asOf;
    if (typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !realDate(asOf)) problems.push({ pointer: '/asOf', message: `${asOf} is not a calendar date` });
    const zone = r?.processor?.zone;
    if (typeof zone === 'string' && !this.vocabulary.zones.has(zone)) problems.push({ pointer: '/processor/zone', message: `must be one of the policy's: ${[...this.vocabulary.zones].join(', ')}` });
    const sector = r?.transfer?.sector;
    if (typeof sector === 'string' && !this.vocabulary.sectors.has(sector)) problems.push({ pointer: '/transfer/sector', message: `must be one of the annex's subcategories: ${[...this.vocabulary.sectors].join(', ')}` });
    unknownNames(r?.transfer?.exemptions, '/transfer/exemptions', this.vocabulary.exemptions, problems);
    unknownNames(r?.transfer?.personalInfo?.sensitiveKinds, '/transfer/personalInfo/sensitiveKinds', this.vocabulary.kinds, problems);
    unknownNames(r?.processor?.holdings?.sensitiveKinds, '/processor/holdings/sensitiveKinds', this.vocabulary.kinds, problems);
    // A name the schema already refused (say, not a string of the right form) is said once.
    return problems.filter((p, i) => i < fromSchema || !problems.slice(0, fromSchema).some((s) => s.pointer === p.pointer));
  }

  /** Validates and decides; throws InvalidRequestError listing every problem. */
  evaluate(request: unknown): EvaluationResponse {
    const problems = this.problems(request);
    if (problems.length > 0) throw new InvalidRequestError(problems);
    return decide(this.compiled, request as EvaluationRequest);
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
