/**
 * The diff as a legislative office drafts it. A new list is published (发布《……》), a
 * withdrawn one repealed (废止《……》); every other amended document or list gets a
 * 关于修改《……》的决定 whose numbered amendments follow the text's order and the phrasing of
 * 《立法技术规范（试行）（一）》: 将第X项……修改为：“……”；在第X项后增加一项，作为第Y项：“……”；
 * 删除第X项; then the renumbering of the items that moved (原第X项至第Y项依次改为第X+1项至第Y+1项),
 * and the closing 本决定自公布之日起施行 / 根据本决定作相应修改，重新公布. Items are cited by their
 * 序号 in the list (the gazette's numbering): the base's for what exists before, the head's for
 * what is added. Metadata that is not the list's text (its proposal, status, issuer, 文号) is
 * never amended by a decision.
 */
import type { NegativeList, PolicyArtifact } from '../../runtime/artifact.js';
import { PATHWAY_PHRASE_ZH } from '../../runtime/pathway-words.js';
import { numberedItems, officialTitle, periodZh } from '../emit/gazette/list.js';
import { chineseNumeral, conditionZh } from '../emit/gazette/text.js';
import type { PolicyChange, PolicyDiff } from './change.js';
import type { Decider } from './ladder.js';

/** Fields of a list that are its procedure or publication, not its text. */
const NOT_TEXT = new Set(['proposal', 'status', 'issuer', 'docnumber', 'published']);

function ladderText(d: Decider, kinds: ReadonlyMap<string, string>): string {
  if (d.important) return `列为重要数据，任意数量均应${PATHWAY_PHRASE_ZH['security-assessment']}`;
  return d.ladder.map((r) => `${conditionZh(r.when, kinds)}的，${PATHWAY_PHRASE_ZH[r.pathway]}`).join('；');
}

function articleText(value: unknown): string {
  return Array.isArray(value) ? value.join('') : String(value);
}

const nth = (n: number) => `第${chineseNumeral(n)}项`;

/** An item as the amendment quotes it: every cell of its row, in the gazette's order. */
function itemContent(item: NegativeList['scenarios'][number]['items'][number], scenario: string, kinds: ReadonlyMap<string, string>, subs: ReadonlyMap<string, string>): string {
  const parts = [`业务场景：${scenario}`, `数据类别：${item.category} ${subs.get(item.category) ?? ''}`.trimEnd(), `数据项：${item.title}`];
  if (item.fields.length > 0) parts.push(`字段：${item.fields.join('、')}`);
  if (item.description) parts.push(`描述：${item.description.replace(/。$/, '')}`);
  parts.push(`量级及出境路径：${ladderText(item, kinds)}`);
  return parts.join('；');
}

/** Runs of consecutive numbers that all moved by the same offset, in the decision's words. */
export function renumberingText(moves: ReadonlyArray<{ readonly from: number; readonly to: number }>): string | undefined {
  const sorted = [...moves].filter((m) => m.from !== m.to).sort((a, b) => a.from - b.from);
  const runs: Array<{ from: number; to: number; length: number }> = [];
  for (const m of sorted) {
    const last = runs.at(-1);
    if (last && m.from === last.from + last.length && m.to === last.to + last.length) last.length++;
    else runs.push({ from: m.from, to: m.to, length: 1 });
  }
  if (runs.length === 0) return undefined;
  const phrase = (r: (typeof runs)[number]) =>
    r.length === 1 ? `原${nth(r.from)}改为${nth(r.to)}` : `原${nth(r.from)}至${nth(r.from + r.length - 1)}依次改为${nth(r.to)}至${nth(r.to + r.length - 1)}`;
  return runs.map(phrase).join('，');
}

/** The amendments of one list, in the order of its text: particulars, then items by position, then renumbering. */
function listAmendments(changes: readonly PolicyChange[], base: NegativeList, head: NegativeList, names: Names): string[] {
  const { kinds, zones, subs, documents } = names;
  const cite = (ids: readonly string[]) => ids.map((id) => citationZh(id, documents)).join('、');
  const before = numberedItems(base);
  const after = numberedItems(head);
  const oldNumber = new Map(before.map((n) => [n.item.id, n.number]));
  const newNumber = new Map(after.map((n) => [n.item.id, n.number]));
  const out: string[] = [];
  // The name first, then the particulars in the order the gazette prints them.
  const order = ['title', 'sector', 'effective', 'zones', 'basis', 'adopts', 'notes'];
  const particulars = changes.filter((x) => x.entity === 'list' && !NOT_TEXT.has(x.field ?? ''));
  for (const c of [...particulars].sort((a, b) => order.indexOf(a.field ?? '') - order.indexOf(b.field ?? ''))) {
    if (c.field === 'title') out.push(`将清单名称修改为“${officialTitle({ title: String(c.new) })}”`);
    else if (c.field === 'zones') out.push(`将适用区域修改为：${(c.new as string[]).map((z) => zones.get(z) ?? z).join('、')}`);
    else if (c.field === 'effective') out.push(`将施行期间修改为：${periodZh(c.new as NegativeList['effective'])}`);
    else if (c.field === 'notes') out.push(`将说明修改为：“${(c.new as string[]).map((n, i) => `${i + 1}.${n}`).join('')}”`);
    else if (c.field === 'sector') out.push(`将行业领域修改为：${String(c.new)} ${subs.get(String(c.new)) ?? ''}`.trimEnd());
    else if (c.field === 'basis') out.push(`将制定依据修改为：${cite(c.new as string[])}`);
    else if (c.field === 'adopts') out.push(c.new ? `将参照执行修改为：《${(c.new as { title: string }).title}》` : '删除参照执行');
    else out.push(c.summary.zh);
  }
  for (const c of changes.filter((x) => x.entity === 'scenario')) {
    if (c.kind === 'changed') out.push(`将业务场景“${String(c.old)}”修改为“${String(c.new)}”`);
    else if (c.kind === 'added') out.push(`增加业务场景“${String(c.new)}”`);
    else out.push(`删除业务场景“${String(c.old)}”`);
  }
  // Item amendments in the order of the list: an item's place is its number before the
  // amendment, an added item's the number of the item it follows.
  const itemChanges = changes.filter((x) => x.entity === 'item');
  const place = (c: PolicyChange) => (c.kind === 'added' ? anchorOf(c.id) + 0.5 : oldNumber.get(c.id)!);
  function anchorOf(id: string): number {
    const at = newNumber.get(id)! - 1;
    const previous = after.slice(0, at).reverse().find((n) => oldNumber.has(n.item.id));
    return previous ? oldNumber.get(previous.item.id)! : 0;
  }
  const added = new Set<string>();
  for (const c of [...itemChanges].sort((a, b) => place(a) - place(b))) {
    if (c.kind === 'removed') out.push(`删除${nth(oldNumber.get(c.id)!)}`);
    else if (c.kind === 'added') {
      if (added.has(c.id)) continue;
      // Consecutive added items are one amendment: 在第二项后增加两项，作为第三项、第四项.
      const run: typeof after = [];
      for (let k = newNumber.get(c.id)! - 1; k < after.length && !oldNumber.has(after[k]!.item.id); k++) run.push(after[k]!);
      for (const n of run) added.add(n.item.id);
      const anchor = anchorOf(c.id);
      const count = run.length === 2 ? '两项' : `${chineseNumeral(run.length)}项`;
      const where = anchor > 0 ? `在${nth(anchor)}后增加${count}` : before.length > 0 ? `在第一项前增加${count}` : `增加${count}`;
      const contents = run.map((n) => `“${itemContent(n.item, n.scenario, kinds, subs)}。”`).join('');
      out.push(`${where}，作为${run.map((n) => nth(n.number)).join('、')}：${contents}`);
    } else {
      const n = nth(oldNumber.get(c.id)!);
      if (c.field === 'ladder' || c.field === 'important') out.push(`将${n}的量级及出境路径修改为：“${ladderText(c.new as Decider, kinds)}。”`);
      else if (c.field === 'fields') out.push(`将${n}的字段修改为：“${(c.new as string[]).join('、')}”`);
      else if (c.field === 'title') out.push(`将${n}中的“${String(c.old)}”修改为“${String(c.new)}”`);
      else if (c.field === 'scenario') out.push(`将${n}移至业务场景“${head.scenarios.find((s) => s.id === c.new)?.title ?? String(c.new)}”`);
      else out.push(`将${n}的${FIELD_ZH[c.field as keyof typeof FIELD_ZH] ?? c.field}修改为：“${articleText(c.new)}”`);
    }
  }
  const moved = before.filter((n) => newNumber.has(n.item.id)).map((n) => ({ from: n.number, to: newNumber.get(n.item.id)! }));
  const renumbered = renumberingText(moved);
  if (renumbered) out.push(renumbered);
  return out;
}

const FIELD_ZH = { title: '名称', description: '描述', fields: '字段', category: '数据类别', scenario: '业务场景' } as const;

/** What the amendments name in words: sensitive kinds, zones, subcategories. */
interface Names {
  readonly kinds: ReadonlyMap<string, string>;
  readonly zones: ReadonlyMap<string, string>;
  readonly subs: ReadonlyMap<string, string>;
  /** Document id → title, for citations. */
  readonly documents: ReadonlyMap<string, string>;
}

/** `measures.art10` → 《……》第十条, as a decision cites a provision (no link: it is plain text). */
function citationZh(id: string, documents: ReadonlyMap<string, string>): string {
  const [doc, part] = id.split('.');
  const article = /^art(\d+)$/.exec(part ?? '');
  const title = documents.get(doc ?? '');
  return title ? `《${title}》${article ? `第${chineseNumeral(Number(article[1]))}条` : ''}` : id;
}

function documentAmendment(c: PolicyChange): string {
  if (c.entity === 'article') {
    const n = chineseNumeral(Number(c.id.split('.art')[1]));
    if (c.kind === 'changed') return `将第${n}条修改为：“${articleText(c.new)}”`;
    if (c.kind === 'removed') return `删除第${n}条`;
    return `增加一条，作为第${n}条：“${articleText(c.new)}”`;
  }
  if (c.kind === 'changed' && typeof c.old === 'string' && typeof c.new === 'string') return `将“${c.old}”修改为“${c.new}”`;
  return c.summary.zh;
}

/** Numbered amendments; a sentence ending in a closing quote already ends with its 。 inside it. */
function numbered(sentences: readonly string[]): string[] {
  return sentences.map((s, i) => `${chineseNumeral(i + 1)}、${s}${s.endsWith('。”') ? '' : '。'}`);
}

/** One decision: its title (发布《……》, 关于修改《……》的决定, …) and its paragraphs in order. */
export interface Decision {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/** The decisions: one per published, repealed or amended document or list, in the order of the diff. */
export function amendmentDecisions(diff: PolicyDiff, base: PolicyArtifact, head: PolicyArtifact): Decision[] {
  const names: Names = {
    kinds: new Map(head.annex.sensitiveKinds.map((k) => [k.code, k.name])),
    zones: new Map([...base.zones, ...head.zones].map((z) => [z.id, z.name])),
    subs: new Map(head.annex.categories.flatMap((c) => c.subcategories.map((s) => [s.code, s.name] as const))),
    documents: new Map(head.documents.map((d) => [d.id, d.title])),
  };
  const baseLists = new Map(base.lists.map((l) => [l.id, l]));
  const headLists = new Map(head.lists.map((l) => [l.id, l]));
  const titles = new Map<string, string>([
    ...[...base.documents, ...head.documents].map((d) => [d.id, d.title] as const),
    [head.annex.id, head.annex.title],
    [`baseline:${head.baseline.id}`, `${head.baseline.title}（国家基线）`],
  ]);
  const groups = new Map<string, PolicyChange[]>();
  for (const c of diff.changes) groups.set(c.container, [...(groups.get(c.container) ?? []), c]);
  const decisions: Decision[] = [];
  for (const [container, changes] of groups) {
    const before = baseLists.get(container);
    const after = headLists.get(container);
    if (!before && after) {
      const name = `《${officialTitle(after)}》`;
      decisions.push({ title: `发布${name}`, paragraphs: [`${name}全文见本公报。`] });
      continue;
    }
    if (before && !after) {
      const name = `《${officialTitle(before)}》`;
      decisions.push({ title: `废止${name}`, paragraphs: [`${name}自本决定公布之日起废止。`] });
      continue;
    }
    // A decision names the list as it stood before the decision amends it.
    const name = before ? officialTitle(before) : (titles.get(container) ?? container);
    const sentences = before && after ? listAmendments(changes, before, after, names) : changes.map(documentAmendment);
    if (sentences.length === 0) continue;
    decisions.push({ title: `关于修改《${name}》的决定`, paragraphs: [...numbered(sentences), '本决定自公布之日起施行。', `《${name}》根据本决定作相应修改，重新公布。`] });
  }
  return decisions;
}

/** The decisions as plain text: each title, a blank line, its paragraphs; 无修改。 when there are none. */
export function amendmentText(diff: PolicyDiff, base: PolicyArtifact, head: PolicyArtifact): string {
  const decisions = amendmentDecisions(diff, base, head);
  if (decisions.length === 0) return '无修改。\n';
  return decisions.map((d) => [d.title, '', ...d.paragraphs, ''].join('\n')).join('\n');
}
