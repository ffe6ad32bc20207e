/**
 * The runtime's public face: a verified policy that decides requests. It imports nothing from
 * the compiler and compiles no schema: requests are checked by the validators the build
 * precompiled.
 */
import { InvalidRequestError } from './errors.js';
import { compilePolicy, decide, type CompiledPolicy } from './evaluate.js';
import { loadBundle, openBundle, type PolicyBundle } from './load.js';
import type { EvaluationRequest, EvaluationResponse, RequestProblem } from './request.js';
import { describeErrors, validateRequest, validateResponse } from './validators.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits of `s` from `start` to `end` (exclusive). */
function digits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** True when `s` (already YYYY-MM-DD in shape) names a day of the Gregorian calendar. */
function realDate(s: string): boolean {
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** The names a request may use that the policy defines (the contract schema checks only their form). */
interface Vocabulary {
  readonly zones: ReadonlySet<string>;
  readonly exemptions: ReadonlySet<string>;
  readonly kinds: ReadonlySet<string>;
}

function vocabularyOf(policy: PolicyBundle['policy']): Vocabulary {
  return {
    zones: new Set([...policy.zones.map((z) => z.id), 'outside']),
    exemptions: new Set(policy.baseline.exemptions.map((e) => e.code)),
    kinds: new Set(policy.annex.sensitiveKinds.map((k) => k.code)),
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
    this.compiled = compilePolicy(bundle.policy, bundle.digest);
    this.vocabulary = vocabularyOf(bundle.policy);
  }

  /** Loads and verifies the bundle in `dir` (a `qingdan build` output folder). */
  static async load(dir: string): Promise<Policy> {
    return new Policy(await loadBundle(dir));
  }

  /** Verifies and opens a bundle given as files (path → bytes). */
  static async open(files: ReadonlyMap<string, Uint8Array>): Promise<Policy> {
    return new Policy(await openBundle(files));
  }

  get version(): string {
    return this.bundle.policy.policyVersion;
  }

  get digest(): string {
    return this.bundle.digest;
  }

  /**
   * Every way `request` breaks the request contract (empty when it conforms): the contract's
   * schema, then what it cannot say — that asOf is a day of the calendar, and that the zone,
   * exemptions and kinds of sensitive information are ones this policy defines.
   */
  problems(request: unknown): RequestProblem[] {
    const r = request as { asOf?: unknown; processor?: { zone?: unknown }; transfer?: { exemptions?: unknown; personalInfo?: { sensitiveKinds?: unknown } } } | null;
    const problems = validateRequest(request) ? [] : describeErrors(validateRequest.errors);
    const fromSchema = problems.length;
    const asOf = r?.asOf;
    if (typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !realDate(asOf)) problems.push({ pointer: '/asOf', message: `${asOf} is not a calendar date` });
    const zone = r?.processor?.zone;
    if (typeof zone === 'string' && !this.vocabulary.zones.has(zone)) problems.push({ pointer: '/processor/zone', message: `must be one of the policy's: ${[...this.vocabulary.zones].join(', ')}` });
    unknownNames(r?.transfer?.exemptions, '/transfer/exemptions', this.vocabulary.exemptions, problems);
    unknownNames(r?.transfer?.personalInfo?.sensitiveKinds, '/transfer/personalInfo/sensitiveKinds', this.vocabulary.kinds, problems);
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
