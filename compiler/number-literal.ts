/**
 * The canonical spelling of a number literal (volumes, chapter and article numbers): digit
 * groups joined by single underscores, no leading zero, no underscore at the end (`100_000`,
 * `0`, `1.5万`). `1_`, `1__0` and `00` read as numbers but are likely slips, and a law-like
 * text should say each number one way.
 */
import type { Term } from './diagnostic-codes.js';

export interface SpellingProblem {
  readonly problems: readonly Term<'numberProblem'>[];
  /** The same number written canonically. */
  readonly canonical: string;
}

/** What is wrong with how `image` (a NumberLiteral token) is written, or undefined when nothing is. */
export function numberSpellingProblem(image: string): SpellingProblem | undefined {
  // Every problem needs an underscore or a leading 0: most numbers are done here, without slicing.
  if (image.charCodeAt(0) !== 0x30 && !image.includes('_')) return undefined;
  const dot = image.indexOf('.');
  const unitless = /[万亿]$/.test(image) ? image.slice(0, -1) : image;
  const whole = dot < 0 ? unitless : image.slice(0, dot);
  const rest = image.slice(whole.length);
  const problems: Term<'numberProblem'>[] = [];
  if (whole.includes('__')) problems.push('doubled-underscore');
  if (whole.endsWith('_')) problems.push('trailing-underscore');
  if (/^0[\d_]*\d/.test(whole)) problems.push('leading-zero');
  if (problems.length === 0) return undefined;
  const canonical = whole.replace(/_+/g, '_').replace(/_$/, '').replace(/^[0_]+(?=\d)/, '') + rest;
  return { problems, canonical };
}
