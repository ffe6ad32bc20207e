/**
 * Text from files and command lines shown on a terminal. Kept apart from the diagnostics printer
 * so that the CLI's messages use it without loading the printer at start.
 */

/**
 * Control characters (C0 but tab, DEL, C1) and bidirectional overrides: printed raw, a source or a
 * message could move the cursor, retitle the terminal or reorder what the reader sees.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A source line as shown: each unprintable character becomes one U+FFFD, so columns still line up. */
export function printableLine(line: string): string {
  return line.replace(UNPRINTABLE, '\uFFFD');
}

/** Message text as shown: unprintable characters as `\u001b` escapes. */
export function printableText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
