/**
 * How large a `.qd` file's parts may be. Each limit is far above anything a policy needs and
 * keeps the compiler's time linear and its memory and stack bounded on any input (a file of
 * noise, a megabyte-long word); going past one is a located diagnostic, never a crash.
 */

/** Longest name (identifier): real ids are a few words (`cross-border-ecommerce`). */
export const MAX_NAME_LENGTH = 256;

/** Longest string literal, in UTF-16 units between its quotes: an article's paragraph is a few hundred. */
export const MAX_STRING_LENGTH = 65_536;

/** Most tokens in one file: a generated file of 1,000 list items has about 40,000. */
export const MAX_TOKENS = 4_000_000;

/** Most lexical and syntax errors reported for one file; past them nobody reads on. */
export const MAX_ERRORS = 100;

/** Deepest `{ … }`, `( … )` and `[ … ]` nesting: real policies use four levels (list → scenario → item). */
export const MAX_DEPTH = 32;
