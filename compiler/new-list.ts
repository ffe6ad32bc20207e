/**
 * `qingdan new list <id> --sector Sxx`: the skeleton of a new negative list, complete enough to
 * pass `check` with the rest of the policy and printed in canonical layout, with every text a
 * drafter must write marked 待填写 (to be filled in).
 */
import type * as A from './ast.js';
import { CheckContext } from './check/context.js';
import { checkDate } from './check/rules/ValidDatesRule.js';
import { diagnostic, hint, type Diagnostic } from './diagnostics.js';
import { formatSource } from './format.js';
import { didYouMean } from './suggest.js';
import type { SymbolTable } from './symbols.js';

export interface NewListRequest {
  /** The list's id, also its file name (`policy/lists/<id>.qd`). */
  readonly id: string;
  /** The annex subcategory the list covers (`S16`). */
  readonly sector: string;
  /** The first day the list would take effect (YYYY-MM-DD); it runs two years, within the measures' trial. */
  readonly effectiveFrom: string;
}

const LIST_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The text of the new list, or why it cannot be made (unknown sector, taken or malformed id). */
export function newListSkeleton(request: NewListRequest, files: readonly A.PolicyFile[], symbols: SymbolTable): { text: string } | { diagnostics: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const sector = symbols.get(request.sector);
  const subcategories = [...symbols.all()].filter((s) => s.kind === 'subcategory').map((s) => s.id.split('.').at(-1)!);
  if (sector?.kind !== 'subcategory') {
    const suggestion = didYouMean(request.sector, subcategories);
    problems.push(diagnostic('unresolved-reference', undefined, { what: 'sector', ref: `'${request.sector}'` }, suggestion ? { hint: suggestion } : {}));
  }
  // The checker's own QD3001, so `--effective 2027-02-30` is told that February has 28 days.
  const dates = new CheckContext(files, symbols);
  checkDate(dates, request.effectiveFrom, undefined);
  problems.push(...dates.diagnostics);
  if (!LIST_ID.test(request.id)) problems.push(diagnostic('unexpected-token', undefined, { expected: ['list-id'], found: `'${request.id}'` }));
  else if (symbols.get(request.id)) problems.push(diagnostic('duplicate-id', undefined, { what: 'list', id: `'${request.id}'` }, { hint: hint('another-list-id') }));
  if (problems.length) return { diagnostics: problems };

  const sub = sector!.node as A.SubDecl;
  const zones = files.flatMap((f) => f.declarations).filter((d): d is A.ZoneDecl => d.kind === 'Zone').map((z) => z.id.text);
  // Two years, and not past the end of the measures' trial period where a document sets one.
  const until = [yearsAfter(request.effectiveFrom), ...trialEnds(files)].sort()[0]!;
  const code = sub.id.text;
  const text = `list ${request.id} "${sub.name.value}领域数据出境负面清单（草案）" {
  sector ${code}
  zones ${zones.join(', ')}
  status draft
  effective ${request.effectiveFrom} until ${until}
  basis measures.art10
  note "待填写：本清单的适用范围与说明。"
  scenario scenario-1 "待填写：业务场景" {
    item item-1 "待填写：数据项名称" {
      category ${code}
      fields "待填写：数据字段"
      description "待填写：数据项描述。"
      assessment when persons >= 100万 or sensitive >= 1万
      contract when persons in 10万..100万 or sensitive in 1..1万
    }
  }
}
`;
  const formatted = formatSource({ path: `${request.id}.qd`, text });
  if (!formatted.ok) throw new Error(`internal error: the list skeleton does not parse: ${formatted.diagnostics.map((d) => d.code).join(', ')}`);
  return { text: formatted.text };
}

/** The same day `years` (default two) on, 28 February for a 29 February. */
function yearsAfter(date: string, years = 2): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return `${year + years}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The day each document's trial period ends (`published` + `trial` years), as YYYY-MM-DD. */
function trialEnds(files: readonly A.PolicyFile[]): string[] {
  return files
    .flatMap((f) => f.declarations)
    .flatMap((d) => (d.kind === 'Document' && d.published && d.trial ? [yearsAfter(d.published.date.raw, d.trial.years.value)] : []));
}
