import { hint, type Hint } from './diagnostics.js';

/** Longest word a suggestion is looked for: every keyword and id is far shorter. */
const MAX_SUGGESTED_LENGTH = 64;

/**
 * Edit distance (Levenshtein, with adjacent transposition counted as one edit), or `max + 1`
 * as soon as it is known to exceed `max`. Time O(|a|·|b|) at worst but bounded by the band the
 * maximum allows; memory three rows.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  let previousBest = 0;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    // A later cell comes from this row or, by a transposition, from the one before plus one:
    // once both bounds exceed `max`, so does the answer.
    if (Math.min(best, previousBest + 1) > max) return max + 1;
    previousBest = best;
    [before, previous, row] = [previous, row, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * The candidates close enough to `input` to be what was meant, closest first
 * (graphql-js's suggestionList: within 40% of the input's length, at least 1). A word longer
 * than any name gets none: comparing it would cost time for no useful answer.
 */
export function suggestionList(input: string, candidates: Iterable<string>): string[] {
  if (input.length > MAX_SUGGESTED_LENGTH) return [];
  const threshold = Math.max(1, Math.floor(input.length * 0.4));
  const lower = input.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const c of new Set(candidates)) {
    const dist = editDistance(lower, c.toLowerCase(), threshold);
    if (dist <= threshold) scored.push([c, dist]);
  }
  return scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([c]) => c);
}

/** The hint "did you mean 'x'?" (up to three candidates), or undefined when none is close. */
export function didYouMean(input: string, candidates: Iterable<string>): Hint | undefined {
  const words = suggestionList(input, candidates).slice(0, 3);
  return words.length ? hint('did-you-mean', { words }) : undefined;
}
