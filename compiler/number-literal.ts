/**
 * The canonical spelling of a number literal (volumes, chapter and article numbers): digit
 * groups joined by single underscores, no leading zero, no underscore at the end (`100_000`,
 * `0`, `1.5万`). `1_`, `1__0` and `00` read as numbers but are likely slips, and a law-like
 * text should say each number one way.
 */

export interface SpellingProblem {
  readonly problem: string;
  readonly problemZh: string;
  /** The same number written canonically. */
  readonly canonical: string;
}

/** What is wrong with how `image` (a NumberLiteral token) is written, or undefined when nothing is. */
export function numberSpellingProblem(image: string): SpellingProblem | undefined {
  const dot = image.indexOf('.');
  const unitless = /[万亿]$/.test(image) ? image.slice(0, -1) : image;
  const whole = dot < 0 ? unitless : image.slice(0, dot);
  const rest = image.slice(whole.length);
  const problems: Array<[string, string]> = [];
  if (whole.includes('__')) problems.push(['a doubled underscore', '连续的下划线']);
  if (whole.endsWith('_')) problems.push(['an underscore at the end', '以下划线结尾']);
  if (/^0[\d_]*\d/.test(whole)) problems.push(['a leading zero', '前导零']);
  if (problems.length === 0) return undefined;
  const canonical = whole.replace(/_+/g, '_').replace(/_$/, '').replace(/^[0_]+(?=\d)/, '') + rest;
  return { problem: problems.map((p) => p[0]).join(', '), problemZh: problems.map((p) => p[1]).join('、'), canonical };
}
