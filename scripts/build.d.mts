/** Types of scripts/build.mjs, for the TypeScript that imports it (tests, benchmarks). */
export interface Target {
  readonly entryPoints: Readonly<Record<string, string>>;
  readonly outdir: string;
}
export declare const ROOT: string;
export declare const TARGETS: { readonly cli: Target };
export declare const INPUTS: string;
export declare function build(target?: Target): Promise<string[]>;
export declare function staleInput(outdir?: string): string | undefined;
