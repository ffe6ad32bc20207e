/**
 * Mistakes a drafter typing Chinese makes outside strings, recognised in the scanner's output
 * and repaired: full-width digits and punctuation (`１００万`, `，`), comparison signs (`≥`), a
 * unit after a volume (`100万人`), a Chinese date (`2027年6月1日`), Chinese text without
 * quotes. Each becomes ONE diagnostic with a machine-applicable fix, and the parser is handed
 * the tokens of the fixed text, so nothing downstream reports an echo of the same mistake (a
 * date used to give four errors). Any other character nothing starts is a plain QD1001.
 */
import type { IToken } from 'chevrotain';
import { diagnostic, hint, type Diagnostic, type Fix } from './diagnostics.js';
import * as T from './lexer.js';
import { scan, type ScanError, type ScanResult } from './scanner.js';
import { spanAt, type Source } from './source.js';

/** Full-width punctuation with the ASCII a `.qd` file uses there ('' where the language has none). */
const PUNCTUATION: Record<string, string> = {
  '，': ',',
  '、': ',',
  '（': '(',
  '）': ')',
  '【': '[',
  '】': ']',
  '［': '[',
  '］': ']',
  '｛': '{',
  '｝': '}',
  '－': '-',
  '．': '.',
  '：': '',
  '；': '',
  '　': ' ',
};

/** Comparison signs of mathematics and full-width forms, as the language writes them. */
const COMPARISONS: Record<string, string> = {
  '≥': '>=',
  '≧': '>=',
  '⩾': '>=',
  '≤': '<=',
  '≦': '<=',
  '⩽': '<=',
  '＞＝': '>=',
  '＜＝': '<=',
  '＞': '>',
  '＜': '<',
};

const CHINESE_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/y;
const FULL_WIDTH_NUMBER = /[０-９][０-９0-9＿_．.]*[万亿]?/y;
const CURLY_STRING = /“[^”\n]*”/y;
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]+/uy;
/** Clauses whose argument is a string: Chinese right after one is that string, unquoted. */
const STRING_CLAUSES: ReadonlySet<string> = new Set(['note', 'description', 'fields', 'source', 'paraphrase', 'issuer', 'docnumber', 'sic', ',']);
/** Declarations whose id is followed by their title string. */
const TITLED: ReadonlySet<string> = new Set(['document', 'annex', 'baseline', 'list', 'zone', 'scenario', 'item', 'chapter', 'article', 'category', 'sub', 'kind', 'standard']);

/** Whether a string is what the grammar expects after `before` (and the token ahead of it). */
function stringExpected(before: IToken | undefined, ahead: IToken | undefined): boolean {
  if (!before) return false;
  if (STRING_CLAUSES.has(before.image)) return true;
  return before.tokenType === T.Identifier && ahead !== undefined && TITLED.has(ahead.image);
}

/** A unit written after a volume: volumes count persons, so the unit is redundant. */
const PERSONS_UNIT = /人次|人|名/y;

export interface RepairedScan {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

/** A recognised mistake: where it is, the text that replaces it and the diagnostic. */
interface Mistake {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
  readonly diagnostic: Diagnostic;
}

function match(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

/** The mistake that starts the error run at `at` (within `[at, end)`), if it is one we know. */
function recognise(source: Source, at: number, end: number, before: IToken | undefined, ahead: IToken | undefined): Mistake | undefined {
  const text = source.text;
  const fixAt = (start: number, stop: number, replacement: string): Fix => ({ span: spanAt(source, start, stop - start), replacement });
  const shown = (start: number, stop: number) => `'${text.slice(start, stop)}'`;
  const number = before && before.tokenType === T.NumberLiteral && before.startOffset + before.image.length === at ? before : undefined;
  if (number && /^\d{4}$/.test(number.image)) {
    CHINESE_DATE.lastIndex = number.startOffset;
    const m = CHINESE_DATE.exec(text);
    if (m) {
      const start = number.startOffset;
      const stop = start + m[0].length;
      const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      return { start, end: stop, replacement: iso, diagnostic: diagnostic('chinese-date', spanAt(source, start, stop - start), { date: shown(start, stop) }, { hint: hint('iso-date', { replacement: iso }), fix: fixAt(start, stop, iso) }) };
    }
  }
  if (number) {
    const unit = match(PERSONS_UNIT, text, at);
    if (unit) {
      const start = number.startOffset;
      const stop = at + unit.length;
      return { start, end: stop, replacement: number.image, diagnostic: diagnostic('persons-unit', spanAt(source, at, unit.length), { unit: `'${unit}'` }, { hint: hint('no-unit', { replacement: number.image }), fix: fixAt(start, stop, number.image) }) };
    }
  }
  const digits = match(FULL_WIDTH_NUMBER, text, at);
  if (digits) {
    const ascii = digits.normalize('NFKC');
    const stop = at + digits.length;
    return { start: at, end: stop, replacement: ascii, diagnostic: diagnostic('full-width-character', spanAt(source, at, digits.length), { char: shown(at, stop) }, { hint: hint('ascii-digits', { replacement: ascii }), fix: fixAt(at, stop, ascii) }) };
  }
  const sign = Object.keys(COMPARISONS).find((s) => text.startsWith(s, at));
  if (sign) {
    const ascii = COMPARISONS[sign]!;
    const stop = at + sign.length;
    return { start: at, end: stop, replacement: ascii, diagnostic: diagnostic('comparison-sign', spanAt(source, at, sign.length), { char: shown(at, stop) }, { hint: hint('ascii-comparison', { replacement: ascii }), fix: fixAt(at, stop, ascii) }) };
  }
  const quoted = match(CURLY_STRING, text, at);
  if (quoted) {
    const ascii = `"${quoted.slice(1, -1)}"`;
    const stop = at + quoted.length;
    return { start: at, end: stop, replacement: ascii, diagnostic: diagnostic('full-width-character', spanAt(source, at, 1), { char: shown(at, at + 1) }, { hint: hint('ascii-punctuation', { replacement: `'"'` }), fix: fixAt(at, stop, ascii) }) };
  }
  const mark = text[at]!;
  const ascii = PUNCTUATION[mark];
  if (ascii !== undefined) {
    const advice = ascii.trim() ? hint('ascii-punctuation', { replacement: `'${ascii}'` }) : hint('remove-full-width');
    return { start: at, end: at + 1, replacement: ascii, diagnostic: diagnostic('full-width-character', spanAt(source, at, 1), { char: shown(at, at + 1) }, { hint: advice, fix: fixAt(at, at + 1, ascii) }) };
  }
  const chinese = match(HAN, text, at);
  if (chinese && /\p{Script=Han}/u.test(chinese) && stringExpected(before, ahead)) {
    const stop = Math.min(at + chinese.length, end);
    const words = text.slice(at, stop).replace(/[“”]/g, '');
    const string = `"${words}"`;
    return { start: at, end: stop, replacement: string, diagnostic: diagnostic('chinese-outside-string', spanAt(source, at, stop - at), { char: shown(at, stop) }, { hint: hint('quote-chinese'), fix: fixAt(at, stop, string) }) };
  }
  return undefined;
}

/** `replacement` scanned into tokens placed at `offset` of the source, or undefined if it does not scan cleanly. */
function tokensOf(source: Source, replacement: string, offset: number): IToken[] | undefined {
  const scanned = scan(replacement, { maxTokens: 16, maxErrors: 1 });
  if (scanned.errors.length || scanned.tokens.some((t) => t.tokenType === T.UnterminatedString)) return undefined;
  return scanned.tokens.map((t) => {
    const at = spanAt(source, offset + t.startOffset, 0);
    return { ...t, startOffset: offset + t.startOffset, startLine: at.line, startColumn: at.column };
  });
}

/**
 * The scan's tokens with every recognised mistake repaired, and one diagnostic per mistake or
 * per remaining run of characters nothing starts.
 */
export function repairScan(source: Source, scanned: ScanResult): RepairedScan {
  if (scanned.errors.length === 0) return { tokens: scanned.tokens, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const removed: Array<[number, number]> = [];
  const added: IToken[] = [];
  const tokens = scanned.tokens;
  let next = 0; // index of the first token at or after the current error
  let coveredTo = 0;
  for (const e of scanned.errors as ScanError[]) {
    const end = e.offset + e.length;
    let at = e.offset;
    while (at < end) {
      if (at < coveredTo) {
        at = coveredTo;
        continue;
      }
      while (next < tokens.length && tokens[next]!.startOffset < at) next++;
      const before = tokens[next - 1];
      const mistake = recognise(source, at, end, before, tokens[next - 2]);
      const repaired = mistake && tokensOf(source, mistake.replacement, mistake.start);
      if (mistake && repaired) {
        diagnostics.push(mistake.diagnostic);
        removed.push([mistake.start, mistake.end]);
        added.push(...repaired);
        coveredTo = mistake.end;
        at = mistake.end;
        continue;
      }
      // Nothing we can repair: the rest of the run is one error (Chinese where no string goes
      // still gets the advice to quote it; any other character a plain QD1001).
      const char = `'${source.text.slice(at, Math.min(end, at + 80))}${end - at > 80 ? '…' : ''}'`;
      const span = spanAt(source, at, end - at);
      if (/\p{Script=Han}/u.test(source.text[at]!)) diagnostics.push(diagnostic('chinese-outside-string', span, { char }, { hint: hint('quote-chinese') }));
      else diagnostics.push(diagnostic('unexpected-character', span, { char }));
      at = end;
    }
  }
  if (!removed.length) return { tokens, diagnostics };
  const kept = tokens.filter((t) => !removed.some(([s, e]) => t.startOffset >= s && t.startOffset < e));
  return { tokens: [...kept, ...added].sort((a, b) => a.startOffset - b.startOffset), diagnostics };
}
