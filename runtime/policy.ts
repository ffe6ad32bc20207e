/**
 * The runtime's public face: a verified policy that decides requests. It imports nothing from
 * the compiler and compiles no schema: requests are checked by the validators the build
 * precompiled.
 */
import { InvalidRequestError } from './errors.js';
import { compilePolicy, decide, type CompiledPolicy } from './evaluate.js';
import { openBundle, type PolicyBundle } from './load.js';
import { openSource, type BundleSource } from './bundle-source.js';
import type { VerifyOptions } from './bundle-archive.js';
import type { EvaluationRequest, EvaluationResponse, RequestProblem } from './request.js';

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

export class Policy {
  private readonly compiled: CompiledPolicy;

  private constructor(readonly bundle: PolicyBundle) {
    // A signed bundle's version (a prerelease between releases) is what decisions name.
    const version = bundle.manifest.bundle?.version;
    this.compiled = compilePolicy(version ? { ...bundle.policy, policyVersion: version } : bundle.policy, bundle.digest);
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

  /** Every way `request` breaks the request contract (empty when it conforms). */
  problems(request: unknown): RequestProblem[] {
    const validate = this.bundle.validateRequest;
    const asOf = (request as { asOf?: unknown } | null)?.asOf;
    const dateProblems = typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !realDate(asOf) ? [{ pointer: '/asOf', message: `${asOf} is not a calendar date` }] : [];
    if (!validate(request)) {
      const schemaProblems = (validate.errors ?? []).map((e) => ({
        pointer: e.keyword === 'required' || e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.missingProperty ?? e.params.additionalProperty)}` : e.instancePath,
        message: e.keyword === 'enum' ? `${e.message}: ${(e.params.allowedValues as unknown[]).join(', ')}` : (e.message ?? e.keyword),
      }));
      return [...dateProblems, ...schemaProblems];
    }
    return dateProblems;
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
    return this.bundle.validateResponse(response);
  }
}
