/** Types of heavy-commands.js (plain JavaScript, read by bin/qingdan.js before anything is compiled). */
export declare const YOUNG_GENERATION_FLAG: string;
export declare const SMALL_YOUNG_GENERATION_FLAG: string;
export declare const INLINING_FLAG: string;
export declare const HEAVY_COMMANDS: ReadonlyMap<string, readonly string[]>;
export declare function commandOf(argv: readonly string[]): string | undefined;
export declare function semiSpaceFlag(execArgv: readonly string[], env: NodeJS.ProcessEnv): string | undefined;
export declare function relaunchArgs(script: string, argv: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): string[] | null;
