/**
 * The Latin words left in output meant to be Chinese once code and data are taken out: what
 * `--lang zh` output may not contain (the checker of the diff's Chinese Markdown test, made
 * general). Code is what the reader types or reads as a name: `…`, '…' and "…" quotes, ids in
 * parentheses (`（draft）`), ASCII tokens with a path, option or id character (`--to`,
 * `policy/lists/icv.qd`, `2026-0001-icv`, `<id>`), upper-case acronyms (JSON, HEAD, QD4065) and
 * `qingdan` with its command (`qingdan proposal sign`); data is what the caller passes (titles, people's names).
 */
export function latinWordsIn(text: string, data: readonly string[] = []): string[] {
  const prose = data
    .reduce((t, d) => t.split(d).join(''), text)
    .replace(/`[^`\n]*`|'[^'\n]*'|"[^"\n]*"/g, '')
    .replace(/[(（][\w.-]+[)）]/g, '')
    .replace(/[\x21-\x7e]*[-/._\d<>@=|:[\]][\x21-\x7e]*/g, '')
    .replace(/\b[A-Z][A-Z\d]+\b/g, '')
    .replace(/\bqingdan(?: [a-z]+){0,2}\b/g, '');
  return prose.match(/[A-Za-z]{3,}/g) ?? [];
}
