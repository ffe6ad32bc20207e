/**
 * A markdown-it plugin for merged table cells: a cell whose whole content is `^^` merges into
 * the cell above it (MultiMarkdown's rowspan syntax). The maintained multimd-table plugin no
 * longer runs on markdown-it 15, and this is all of it the gazettes need.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const MERGE = '^^';

/** Sets the rowspans of one table and adds the indexes of its merged cells' tokens to `drop`. */
function mergeTable(tokens: Token[], start: number, end: number, drop: Set<number>): void {
  // The cells of each body row, as [open, inline, close] token indexes.
  const rows: number[][] = [];
  for (let i = start; i < end; i++) {
    if (tokens[i]!.type === 'tr_open') rows.push([]);
    else if (tokens[i]!.type === 'td_open') rows.at(-1)!.push(i);
  }
  const owner: (number | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    cells.forEach((open, c) => {
      const content = tokens[open + 1]!.content.trim();
      const above = r > 0 ? owner[r - 1]![c] : undefined;
      if (content === MERGE && above !== undefined) {
        const target = tokens[above]!;
        target.attrSet('rowspan', String(Number(target.attrGet('rowspan') ?? '1') + 1));
        owner[r]![c] = above;
        drop.add(open).add(open + 1).add(open + 2);
      } else owner[r]![c] = open;
    });
  });
}

/** Registers the rule; it runs after inline parsing, on every table of the document. */
export function rowspanPlugin(md: MarkdownIt): void {
  md.core.ruler.push('rowspan', (state: StateCore) => {
    const tokens = state.tokens;
    const drop = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'table_open') continue;
      let end = i;
      while (tokens[end]!.type !== 'table_close') end++;
      mergeTable(tokens, i, end, drop);
      i = end;
    }
    // One pass, not a splice per merged cell (quadratic on a list page of thousands of rows).
    if (drop.size > 0) state.tokens = tokens.filter((_, i) => !drop.has(i));
  });
}
