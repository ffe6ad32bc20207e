/** Edit distance (Levenshtein, with adjacent transposition counted as one edit). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates close enough to `input` to be what was meant, closest first
 * (graphql-js's suggestionList: within 40% of the input's length, at least 1).
 */
export function suggestionList(input: string, candidates: Iterable<string>): string[] {
  const threshold = Math.max(1, Math.floor(input.length * 0.4));
  const scored: Array<[string, number]> = [];
  for (const c of new Set(candidates)) {
    const dist = input.toLowerCase() === c.toLowerCase() ? 0 : editDistance(input.toLowerCase(), c.toLowerCase());
    if (dist <= threshold) scored.push([c, dist]);
  }
  return scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([c]) => c);
}

/** "did you mean 'x'?" / "did you mean 'x' or 'y'?", or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const list = suggestionList(input, candidates).slice(0, 3);
  if (list.length === 0) return undefined;
  const quoted = list.map((s) => `'${s}'`);
  return `did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`}?`;
}
