/** Types of scripts/build.mjs, for the TypeScript that imports it (tests, benchmarks). */
export interface Target {
  readonly entryPoints: Readonly<Record<string, string>>;
  readonly outdir: string;
}
export declare const ROOT: string;
export declare const TARGETS: { readonly cli: Target };
export declare const INPUTS: string;
/** What esbuild's metafile says of each output: the inputs it holds and the outputs it imports. */
export interface Metafile {
  readonly outputs: Readonly<Record<string, { readonly inputs: Readonly<Record<string, unknown>>; readonly imports: ReadonlyArray<{ readonly path: string; readonly kind: string; readonly external?: boolean }> }>>;
}
export declare function build(target?: Target): Promise<{ files: string[]; metafile: Metafile }>;
export declare function staleInput(outdir?: string): { readonly input?: string } | undefined;
export declare function rebuildNotice(stale: { readonly input?: string }, outdir?: string): string;
