/**
 * Printed diagnostics show source text and messages, never terminal control: escape sequences,
 * bells and bidirectional overrides in a source are shown as visible stand-ins, and the caret
 * still points at the right column.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../compiler/compile.js';
import { formatDiagnostics } from '../compiler/print-diagnostics.js';

// Anything a terminal would act on rather than print: C0 but tab and newline, DEL, C1, bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('printed diagnostics', () => {
  it('print no control characters from a source, and keep the caret under the error', () => {
    const text = 'list x "a" {\n  sector \u001b]0;pwned\u0007S16 \u202enote\n}\n';
    const { diagnostics } = checkSources([{ path: 'evil.qd', text }]);
    expect(diagnostics.length).toBeGreaterThan(0);
    const printed = formatDiagnostics(diagnostics, { color: false, lang: 'en', texts: new Map([['evil.qd', text]]) });
    expect(printed).not.toMatch(CONTROL);
    expect(printed).toContain('\\u001b'); // the message names the character it refuses
    // The first error is at the escape character, column 10: its caret is under the stand-in.
    const lines = printed.split('\n');
    const frame = lines.findIndex((l) => l.includes('sector \uFFFD]0;pwned\uFFFDS16'));
    expect(frame).toBeGreaterThan(0);
    const source = lines[frame]!;
    const caret = lines[frame + 1]!;
    expect(source[caret.indexOf('^')]).toBe('\uFFFD');
  });
});
