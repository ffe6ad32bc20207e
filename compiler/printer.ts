/**
 * The printer: an AST back to `.qd` text in the one canonical layout (what `qingdan fmt`
 * writes, and what every programmatic edit of a policy file goes through).
 *
 * - Clauses come in a fixed order per block (the order the policy files already use), one per
 *   line, indented by two spaces; declarations and scenarios are separated by a blank line.
 * - Strings are printed from their value with only `"`, `\` and line breaks escaped, so
 *   Chinese text and its punctuation come out exactly as written; volumes and dates as written.
 * - Comments are kept next to the code they were next to: a comment on its own line stays
 *   before the construct that followed it, one after code on a line stays at the end of that
 *   construct's line (see `comments.ts`).
 * - A condition longer than the line width breaks before its top-level `or`s.
 *
 * Printing is a function of the AST and the comments only, so it is idempotent, and the printed
 * text parses back to the same AST (spans aside). Only files that parse cleanly, with no unknown
 * or duplicated clause, can be printed without losing text: `format.ts` checks that first.
 */
import type * as A from './ast.js';
import { collectComments, type Comment } from './comments.js';

const INDENT = '  ';
/** Width beyond which a condition breaks before its top-level `or`s. */
const WIDTH = 100;

interface Line {
  readonly depth: number;
  text: string;
  /** Source offset of the construct this line starts, where comments attach. */
  readonly anchor?: number;
  /** The line ends with `{`: no blank line right after it. */
  readonly opens?: boolean;
  /** The line is a block's `}`: no blank line right before it; leading comments indent one deeper. */
  readonly closes?: boolean;
  readonly blank?: boolean;
}

/** Collects the lines of one file in print order. */
class Layout {
  readonly lines: Line[] = [];

  /** A line; an anchor below 0 (a node not read from the source, see `edit.ts`) is no anchor. */
  line(depth: number, text: string, anchor?: number): void {
    this.lines.push(anchor === undefined || anchor < 0 ? { depth, text } : { depth, text, anchor });
  }

  blank(): void {
    this.lines.push({ depth: 0, text: '', blank: true });
  }

  /** `header {`, the body one level deeper, and `}` anchored at the block's closing brace. */
  block(depth: number, header: string, span: { offset: number; length: number }, body: () => void): void {
    const read = span.offset >= 0;
    this.lines.push(read ? { depth, text: `${header} {`, anchor: span.offset, opens: true } : { depth, text: `${header} {`, opens: true });
    body();
    this.lines.push(read ? { depth, text: '}', anchor: span.offset + span.length - 1, closes: true } : { depth, text: '}', closes: true });
  }
}

/** Prints a parsed file in canonical layout, with the comments of `sourceText` in place. */
export function printFile(file: A.PolicyFile, sourceText = ''): string {
  const layout = new Layout();
  let previous: A.Declaration | undefined;
  for (const d of file.declarations) {
    if (previous && !(previous.kind === 'Zone' && d.kind === 'Zone')) layout.blank();
    printDeclaration(layout, d);
    previous = d;
  }
  return render(placeComments(layout.lines, collectComments(sourceText)));
}

function printDeclaration(out: Layout, d: A.Declaration): void {
  switch (d.kind) {
    case 'Document':
      return printDocument(out, d);
    case 'Annex':
      return printAnnex(out, d);
    case 'Baseline':
      return printBaseline(out, d);
    case 'List':
      return printList(out, d);
    case 'Zone':
      return printZone(out, d);
  }
}

// ---- completeness -------------------------------------------------------------------------------

/**
 * Every field of every node the printer prints, or leaves out on purpose (spans; the records
 * of unknown and repeated clauses, which make a file unprintable). A field added to the AST and
 * not listed here fails the typecheck: a printer that silently skipped a new clause would drop
 * policy text from every file it formats.
 */
export type PrintedFields = AllTrue<
  [
    Covers<A.DocumentDecl, Block | 'id' | 'title' | 'numbering' | 'source' | 'paraphrase' | 'paraphraseAt' | 'published' | 'trial' | 'chapters'>,
    Covers<A.ChapterDecl, Block | 'number' | 'title' | 'articles'>,
    Covers<A.ArticleDecl, Block | 'number' | 'paragraphs' | 'sics'>,
    Covers<A.Sic, 'text' | 'correction' | 'span'>,
    Covers<A.AnnexDecl, Block | 'id' | 'title' | 'basis' | 'sics' | 'general' | 'kinds' | 'standards' | 'categories'>,
    Covers<A.GeneralDecl, Block | 'title' | 'rules'>,
    Covers<A.RuleDecl, Block | 'number' | 'text' | 'when' | 'basis'>,
    Covers<A.KindDecl, 'kind' | 'id' | 'name' | 'span'>,
    Covers<A.StandardDecl, 'kind' | 'id' | 'code' | 'title' | 'span'>,
    Covers<A.CategoryDecl, Block | 'id' | 'name' | 'subs' | 'examples'>,
    Covers<A.SubDecl, 'kind' | 'id' | 'name' | 'description' | 'refers' | 'span'>,
    Covers<A.ExampleDecl, 'kind' | 'from' | 'to' | 'text' | 'span'>,
    Covers<A.BaselineDecl, Block | 'id' | 'title' | 'counting' | 'effective' | 'exemptions' | 'triggers' | 'ladder' | 'below' | 'validity'>,
    Covers<A.ExemptionDecl, 'kind' | 'code' | 'scope' | 'description' | 'basis' | 'span'>,
    Covers<A.TriggerDecl, 'kind' | 'on' | 'pathway' | 'basis' | 'span'>,
    Covers<A.LadderDecl, Block | 'rungs'>,
    Covers<A.Rung, 'pathway' | 'condition' | 'basis' | 'span'>,
    Covers<A.ZoneDecl, 'kind' | 'id' | 'name' | 'authority' | 'basis' | 'span'>,
    Covers<A.ListDecl, Block | 'id' | 'title' | 'sector' | 'zones' | 'status' | 'effective' | 'basis' | 'adopts' | 'proposal' | 'issuer' | 'docnumber' | 'published' | 'notes' | 'scenarios'>,
    Covers<A.ScenarioDecl, Block | 'id' | 'title' | 'notes' | 'items'>,
    Covers<A.ItemDecl, Block | 'id' | 'title' | 'category' | 'fields' | 'description' | 'important' | 'rungs' | 'basis' | 'notes'>,
  ]
>;
type Block = 'kind' | 'unknown' | 'duplicates' | 'span';
type Covers<T, Printed extends keyof T> = [Exclude<keyof T, Printed>] extends [never] ? true : { readonly unprinted: Exclude<keyof T, Printed> };
type AllTrue<T extends readonly true[]> = T;

// ---- tokens ------------------------------------------------------------------------------------

/** A string literal for `value`: only the characters the lexer treats specially are escaped. */
export function quote(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const NEEDS_ESCAPE = /["\\\n]/;

function references(refs: readonly A.Reference[]): string {
  return refs.map((r) => r.text).join(', ');
}

function names(list: readonly A.Name[]): string {
  return list.map((n) => n.text).join(', ');
}

function withBasis(text: string, basis: readonly A.Reference[]): string {
  return basis.length ? `${text} basis ${references(basis)}` : text;
}

// ---- conditions --------------------------------------------------------------------------------

type Context = 'top' | 'or' | 'and';

/** A condition on one line, parenthesised so that it parses back to the same tree. */
export function printCondition(c: A.Condition, context: Context = 'top'): string {
  switch (c.kind) {
    case 'Or': {
      const text = c.terms.map((t) => printCondition(t, 'or')).join(' or ');
      return context === 'top' ? text : `(${text})`;
    }
    case 'And': {
      // Inside an `or` too: `a or (b and c)` reads unambiguously to someone who never learnt
      // that `and` binds tighter, and parses to the same tree.
      const text = c.terms.map((t) => printCondition(t, 'and')).join(' and ');
      return context === 'top' ? text : `(${text})`;
    }
    case 'Compare':
      return `${c.measure} ${c.op} ${c.value.raw}`;
    case 'Range':
      return `${c.measure} in ${c.from.raw}..${c.to.raw}`;
    case 'KindsAny':
      return `kinds any [${names(c.kinds)}]`;
    case 'Ciio':
      return c.negated ? 'not ciio' : 'ciio';
  }
}

/**
 * `prefix condition suffix` at `depth`, broken before top-level `or`s (continuation lines one
 * level deeper) when one line would be wider than WIDTH. Returned as one text with line breaks,
 * so that a trailing comment goes after the last of them.
 */
function conditionLines(depth: number, prefix: string, c: A.Condition, suffix: string): string {
  const oneLine = `${prefix}${printCondition(c)}${suffix}`;
  if (c.kind !== 'Or' || INDENT.length * depth + oneLine.length <= WIDTH) return oneLine;
  const terms = c.terms.map((t) => printCondition(t, 'or'));
  const continuation = `\n${INDENT.repeat(depth + 1)}or `;
  const rows: string[] = [`${prefix}${terms[0]}`];
  for (const term of terms.slice(1)) {
    const last = rows.length - 1;
    const candidate = `${rows[last]} or ${term}`;
    const width = INDENT.length * (last === 0 ? depth : depth + 1) + (last === 0 ? 0 : 3) + candidate.length;
    if (width <= WIDTH) rows[last] = candidate;
    else rows.push(term);
  }
  return rows.join(continuation) + suffix;
}

function printRung(out: Layout, depth: number, r: A.Rung): void {
  const suffix = r.basis.length ? ` basis ${references(r.basis)}` : '';
  out.line(depth, conditionLines(depth, `${r.pathway.word} when `, r.condition, suffix), r.span.offset);
}

// ---- documents ---------------------------------------------------------------------------------

function printDocument(out: Layout, d: A.DocumentDecl): void {
  out.block(0, `document ${d.id.text} ${quote(d.title.value)}`, d.span, () => {
    if (d.numbering) out.line(1, d.numbering.note ? `numbering inferred ${quote(d.numbering.note.value)}` : 'numbering inferred', d.numbering.span.offset);
    if (d.source) out.line(1, `source ${quote(d.source.value)}`, d.source.span.offset);
    if (d.paraphrase) out.line(1, 'paraphrase', d.paraphraseAt?.offset);
    if (d.published) printPublished(out, d.published);
    if (d.trial) out.line(1, withBasis(`trial ${d.trial.years.raw} years`, d.trial.basis), d.trial.span.offset);
    for (const chapter of d.chapters) {
      out.blank();
      out.block(1, `chapter ${chapter.number.raw} ${quote(chapter.title.value)}`, chapter.span, () => {
        for (const article of chapter.articles) printArticle(out, article);
      });
    }
  });
}

function printArticle(out: Layout, a: A.ArticleDecl): void {
  out.block(2, `article ${a.number.raw}`, a.span, () => {
    for (const p of a.paragraphs) out.line(3, quote(p.value), p.span.offset);
    for (const s of a.sics) out.line(3, `sic ${quote(s.text.value)} for ${quote(s.correction.value)}`, s.span.offset);
  });
}

// ---- the annex ---------------------------------------------------------------------------------

function printAnnex(out: Layout, d: A.AnnexDecl): void {
  out.block(0, `annex ${d.id.text} ${quote(d.title.value)}`, d.span, () => {
    if (d.basis.length) out.line(1, `basis ${references(d.basis)}`, d.basis[0]!.span.offset);
    for (const s of d.sics) out.line(1, `sic ${quote(s.text.value)} for ${quote(s.correction.value)}`, s.span.offset);
    for (const g of d.general) {
      out.blank();
      out.block(1, `general ${quote(g.title.value)}`, g.span, () => {
        for (const r of g.rules) printRule(out, r);
      });
    }
    out.blank();
    for (const k of d.kinds) out.line(1, `kind ${k.id.text} ${quote(k.name.value)}`, k.span.offset);
    out.blank();
    for (const s of d.standards) out.line(1, `standard ${s.id.text} ${quote(s.code.value)} ${quote(s.title.value)}`, s.span.offset);
    for (const c of d.categories) {
      out.blank();
      printCategory(out, c);
    }
  });
}

function printRule(out: Layout, r: A.RuleDecl): void {
  const header = `rule ${r.number.raw} ${quote(r.text.value)}`;
  if (!r.when && r.basis.length === 0) return out.line(2, header, r.span.offset);
  out.block(2, header, r.span, () => {
    if (r.when) out.line(3, conditionLines(3, 'when ', r.when, ''), r.when.span.offset);
    if (r.basis.length) out.line(3, `basis ${references(r.basis)}`, r.basis[0]!.span.offset);
  });
}

/**
 * Subcategories in order, each example right after the last subcategory it covers (the merged
 * cell of the annex's table) as long as that keeps the examples in their own order.
 */
function printCategory(out: Layout, c: A.CategoryDecl): void {
  out.block(1, `category ${c.id.text} ${quote(c.name.value)}`, c.span, () => {
    const printed = new Set<string>();
    let next = 0;
    const flush = () => {
      while (next < c.examples.length && printed.has(c.examples[next]!.to.text)) printExample(out, c.examples[next++]!);
    };
    for (const s of c.subs) {
      let text = `sub ${s.id.text} ${quote(s.name.value)}`;
      if (s.description) text += ` ${quote(s.description.value)}`;
      if (s.refers.length) text += ` refers ${names(s.refers)}`;
      out.line(2, text, s.span.offset);
      printed.add(s.id.text);
      flush();
    }
    while (next < c.examples.length) printExample(out, c.examples[next++]!);
  });
}

function printExample(out: Layout, e: A.ExampleDecl): void {
  out.line(2, `example ${e.from.text}..${e.to.text} ${quote(e.text.value)}`, e.span.offset);
}

// ---- the national baseline ---------------------------------------------------------------------

function printBaseline(out: Layout, d: A.BaselineDecl): void {
  out.block(0, `baseline ${d.id.text} ${quote(d.title.value)}`, d.span, () => {
    if (d.counting) out.line(1, `counting ${d.counting.text}`, d.counting.span.offset);
    if (d.effective) out.line(1, withBasis(`effective ${d.effective.from.raw}`, d.effective.basis), d.effective.span.offset);
    for (const e of d.exemptions) out.line(1, withBasis(`exemption ${quote(e.code.value)} ${e.scope} ${quote(e.description.value)}`, e.basis), e.span.offset);
    for (const t of d.triggers) out.line(1, withBasis(`${t.on} ${t.pathway.word}`, t.basis), t.span.offset);
    if (d.ladder) {
      out.block(1, 'ladder', d.ladder.span, () => {
        for (const r of d.ladder!.rungs) printRung(out, 2, r);
      });
    }
    if (d.below) out.line(1, withBasis(`below ${d.below.pathway.word}`, d.below.basis), d.below.span.offset);
    if (d.validity) out.line(1, withBasis(`validity ${d.validity.pathway.word} ${d.validity.years.raw} years`, d.validity.basis), d.validity.span.offset);
  });
}

// ---- zones and lists ---------------------------------------------------------------------------

function printZone(out: Layout, z: A.ZoneDecl): void {
  let text = `zone ${z.id.text} ${quote(z.name.value)}`;
  if (z.authority) text += ` authority ${quote(z.authority.value)}`;
  out.line(0, withBasis(text, z.basis), z.span.offset);
}

/** `published 2026-07-01 unconfirmed "…"`, of a document or a list. */
function printPublished(out: Layout, p: NonNullable<A.DocumentDecl['published']>): void {
  out.line(1, `published ${p.date.raw}${p.confirmed ? '' : ' unconfirmed'}${p.note ? ` ${quote(p.note.value)}` : ''}`, p.span.offset);
}

function printList(out: Layout, d: A.ListDecl): void {
  out.block(0, `list ${d.id.text} ${quote(d.title.value)}`, d.span, () => {
    if (d.sector) out.line(1, `sector ${d.sector.text}`, d.sector.span.offset);
    if (d.zones.length) out.line(1, `zones ${names(d.zones)}`, d.zones[0]!.span.offset);
    if (d.status) out.line(1, `status ${d.status.text}`, d.status.span.offset);
    if (d.effective) {
      const until = d.effective.until ? ` until ${d.effective.until.raw}` : '';
      out.line(1, `effective ${d.effective.from.raw}${until}`, d.effective.span.offset);
    }
    // `basis` before `adopts`: an `adopts` clause takes a following `basis` as its own.
    if (d.basis.length) out.line(1, `basis ${references(d.basis)}`, d.basis[0]!.span.offset);
    if (d.adopts) out.line(1, withBasis(`adopts ${quote(d.adopts.title.value)}`, d.adopts.basis), d.adopts.span.offset);
    if (d.proposal) out.line(1, `proposal ${quote(d.proposal.value)}`, d.proposal.span.offset);
    if (d.issuer) out.line(1, `issuer ${quote(d.issuer.value)}`, d.issuer.span.offset);
    if (d.docnumber) out.line(1, `docnumber ${quote(d.docnumber.value)}`, d.docnumber.span.offset);
    if (d.published) printPublished(out, d.published);
    for (const n of d.notes) out.line(1, `note ${quote(n.value)}`, n.span.offset);
    for (const s of d.scenarios) {
      out.blank();
      printScenario(out, s);
    }
  });
}

function printScenario(out: Layout, s: A.ScenarioDecl): void {
  out.block(1, `scenario ${s.id.text} ${quote(s.title.value)}`, s.span, () => {
    for (const n of s.notes) out.line(2, `note ${quote(n.value)}`, n.span.offset);
    for (const item of s.items) printItem(out, item);
  });
}

function printItem(out: Layout, item: A.ItemDecl): void {
  out.block(2, `item ${item.id.text} ${quote(item.title.value)}`, item.span, () => {
    if (item.category) out.line(3, `category ${item.category.text}`, item.category.span.offset);
    if (item.fields.length) out.line(3, `fields ${item.fields.map((f) => quote(f.value)).join(', ')}`, item.fields[0]!.span.offset);
    if (item.description) out.line(3, `description ${quote(item.description.value)}`, item.description.span.offset);
    if (item.important) out.line(3, 'important', item.important.offset);
    for (const r of item.rungs) printRung(out, 3, r);
    // On its own line, so it stays the item's basis and not the last rung's.
    if (item.basis.length) out.line(3, `basis ${references(item.basis)}`, item.basis[0]!.span.offset);
    for (const n of item.notes) out.line(3, `note ${quote(n.value)}`, n.span.offset);
  });
}

// ---- comments and rendering --------------------------------------------------------------------

/**
 * The lines with each comment in place: a trailing comment appended to the line of the last
 * construct that starts before it; any other comment on its own line before the first construct
 * that starts after it (by source position, so a comment moves with its construct when the
 * canonical order moves it), keeping the blank lines around it.
 */
function placeComments(lines: readonly Line[], comments: readonly Comment[]): Line[] {
  if (comments.length === 0) return [...lines];
  const anchored = lines.map((line, index) => ({ line, index })).filter((x) => x.line.anchor !== undefined);
  anchored.sort((a, b) => a.line.anchor! - b.line.anchor!);
  const before = new Map<number, Line[]>();
  const after = new Map<number, Line[]>();
  const endsInLineComment = new Set<number>();
  const atEnd: Line[] = [];
  // A line is copied only when a trailing comment is appended to it (the layout's lines are not changed).
  const result = lines.slice();
  for (const c of comments) {
    if (c.trailing) {
      const owner = lastAtOrBefore(anchored, c.offset);
      if (owner !== undefined && !endsInLineComment.has(owner)) {
        if (result[owner] === lines[owner]) result[owner] = { ...lines[owner]! };
        result[owner]!.text += ` ${c.text}`;
        if (c.text.startsWith('//')) endsInLineComment.add(owner);
        continue;
      }
      if (owner !== undefined) {
        // A second trailing comment of a construct that spanned lines: on its own line after it.
        const group = after.get(owner) ?? [];
        after.set(owner, group);
        group.push({ depth: lines[owner]!.depth + (lines[owner]!.opens ? 1 : 0), text: c.text });
        continue;
      }
    }
    const target = firstAfter(anchored, c.offset);
    const depth = target === undefined ? 0 : lines[target]!.depth + (lines[target]!.closes ? 1 : 0);
    const group = target === undefined ? atEnd : before.get(target) ?? [];
    if (target !== undefined) before.set(target, group);
    if (c.blankBefore) group.push({ depth: 0, text: '', blank: true });
    group.push({ depth, text: c.text });
    if (c.blankAfter) group.push({ depth: 0, text: '', blank: true });
  }
  const placed: Line[] = [];
  for (let index = 0; index < result.length; index++) {
    const above = before.get(index);
    if (above) placed.push(...above);
    placed.push(result[index]!);
    const below = after.get(index);
    if (below) placed.push(...below);
  }
  for (const line of atEnd) placed.push(line);
  return placed;
}

function lastAtOrBefore(anchored: ReadonlyArray<{ line: Line; index: number }>, offset: number): number | undefined {
  let low = 0;
  let high = anchored.length - 1;
  let found: number | undefined;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (anchored[mid]!.line.anchor! <= offset) {
      found = anchored[mid]!.index;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function firstAfter(anchored: ReadonlyArray<{ line: Line; index: number }>, offset: number): number | undefined {
  let low = 0;
  let high = anchored.length - 1;
  let found: number | undefined;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (anchored[mid]!.line.anchor! > offset) {
      found = anchored[mid]!.index;
      high = mid - 1;
    } else low = mid + 1;
  }
  return found;
}

/** The text: blank lines collapsed to one, none at the start, after `{`, before `}` or at the end. */
function render(lines: readonly Line[]): string {
  const out: string[] = [];
  let pendingBlank = false;
  let afterOpen = true;
  for (const line of lines) {
    if (line.blank) {
      pendingBlank = true;
      continue;
    }
    if (pendingBlank && !afterOpen && !line.closes) out.push('');
    pendingBlank = false;
    afterOpen = !!line.opens;
    out.push(INDENT.repeat(line.depth) + line.text);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
