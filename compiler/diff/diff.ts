/**
 * The semantic diff of two compiled policies, graphql-js's findBreakingChanges for law:
 * entities are paired by their stable ids, and every difference becomes a change in
 * regulatory terms, classified for exporters (tightening, loosening, mixed, editorial) and,
 * separately, as breaking or not for systems that consume the artifact.
 *
 * Where the texts do not say whether a change is stricter (a list's zones or period), the
 * reading is ours: a negative list is a facilitation (Art. 3(二)), so more of it in force is
 * loosening. Such classifications carry `inferred` in their English summary.
 */
import type { LegalDocument, ListItem, NegativeList, PolicyArtifact } from '../../runtime/artifact.js';
import { bumpFor, maxBump, type Bump, type Classification, type Entity, type PolicyChange, type PolicyDiff } from './change.js';
import { compareLadders, type Decider } from './ladder.js';
import { renumbering, renumberingZh } from './numbering.js';
import { sameJson as same } from './same-json.js';

type Emit = (change: Omit<PolicyChange, 'breaking' | 'container'> & { breaking?: boolean; container?: string }) => void;

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** Added, removed and common ids of two keyed collections, in a stable order. */
function pair<T extends { id: string }>(before: readonly T[], after: readonly T[]): { added: T[]; removed: T[]; common: Array<[T, T]> } {
  const a = byId(before);
  const b = byId(after);
  return {
    added: after.filter((x) => !a.has(x.id)),
    removed: before.filter((x) => !b.has(x.id)),
    common: before.filter((x) => b.has(x.id)).map((x) => [x, b.get(x.id)!] as [typeof x, typeof x]),
  };
}

function diffDocuments(before: readonly LegalDocument[], after: readonly LegalDocument[], emit: Emit): void {
  const docs = pair(before, after);
  for (const d of docs.added) emit({ id: d.id, entity: 'document', kind: 'added', classification: 'editorial', summary: { zh: `增加《${d.title}》`, en: `document ${d.id} added` }, container: d.id });
  for (const d of docs.removed) emit({ id: d.id, entity: 'document', kind: 'removed', classification: 'editorial', breaking: true, summary: { zh: `删除《${d.title}》`, en: `document ${d.id} removed` }, container: d.id });
  for (const [o, n] of docs.common) {
    if (o.title !== n.title) emit({ id: o.id, entity: 'document', kind: 'changed', field: 'title', classification: 'editorial', old: o.title, new: n.title, summary: { zh: `名称修改为《${n.title}》`, en: `title of ${o.id} changed` }, container: o.id });
    const moves = renumbering(o, n);
    if (moves) {
      // Same wording, other article boundaries: one editorial change; citations of moved numbers break.
      emit({ id: o.id, entity: 'document', kind: 'changed', field: 'numbering', classification: 'editorial', breaking: true, old: moves.map((m) => m.from), new: moves.map((m) => m.to), summary: { zh: renumberingZh(moves), en: `articles of ${o.id} renumbered, wording unchanged (citations of moved numbers change)` }, container: o.id });
      continue;
    }
    const articles = pair(o.chapters.flatMap((c) => c.articles), n.chapters.flatMap((c) => c.articles));
    for (const a of articles.added) emit({ id: a.id, entity: 'article', kind: 'added', classification: 'editorial', new: a.paragraphs, summary: { zh: `增加第${a.number}条`, en: `article ${a.id} added` }, container: o.id });
    for (const a of articles.removed) emit({ id: a.id, entity: 'article', kind: 'removed', classification: 'editorial', breaking: true, old: a.paragraphs, summary: { zh: `删除第${a.number}条`, en: `article ${a.id} removed (citations to it break)` }, container: o.id });
    for (const [x, y] of articles.common) {
      if (!same(x.paragraphs, y.paragraphs)) emit({ id: x.id, entity: 'article', kind: 'changed', field: 'text', classification: 'editorial', old: x.paragraphs, new: y.paragraphs, summary: { zh: `修改第${x.number}条`, en: `wording of ${x.id} changed` }, container: o.id });
    }
  }
}

function diffAnnex(before: PolicyArtifact['annex'], after: PolicyArtifact['annex'], emit: Emit): void {
  const c = before.id;
  const rules = pair(before.generalRules.rules, after.generalRules.rules);
  for (const r of rules.added) emit({ id: r.id, entity: 'rule', kind: 'added', classification: r.when ? 'tightening' : 'editorial', new: r.text, summary: { zh: `增加重要数据识别参考规则第${r.number}项`, en: `general rule ${r.id} added` }, container: c });
  for (const r of rules.removed) emit({ id: r.id, entity: 'rule', kind: 'removed', classification: r.when ? 'loosening' : 'editorial', breaking: true, old: r.text, summary: { zh: `删除重要数据识别参考规则第${r.number}项`, en: `general rule ${r.id} removed` }, container: c });
  for (const [o, n] of rules.common) {
    if (o.text !== n.text) emit({ id: o.id, entity: 'rule', kind: 'changed', field: 'text', classification: 'editorial', old: o.text, new: n.text, summary: { zh: `修改重要数据识别参考规则第${o.number}项的表述`, en: `wording of ${o.id} changed` }, container: c });
    if (!same(o.when, n.when)) {
      const asLadder = (when: typeof o.when): Decider => ({ important: false, ladder: when ? [{ pathway: 'security-assessment', when, basis: [] }] : [] });
      const { witnesses, classification } = compareLadders(asLadder(o.when), asLadder(n.when));
      emit({ id: o.id, entity: 'rule', kind: 'changed', field: 'condition', classification, witnesses, old: o.when, new: n.when, summary: { zh: `调整重要数据识别参考规则第${o.number}项的数量条件`, en: `condition of ${o.id} changed` }, container: c });
    }
  }
  const cats = pair(before.categories, after.categories);
  for (const x of cats.added) emit({ id: x.id, entity: 'category', kind: 'added', classification: 'editorial', new: x.name, summary: { zh: `增加一级类别“${x.name}”`, en: `category ${x.id} added` }, container: c });
  for (const x of cats.removed) emit({ id: x.id, entity: 'category', kind: 'removed', classification: 'editorial', breaking: true, old: x.name, summary: { zh: `删除一级类别“${x.name}”`, en: `category ${x.id} removed` }, container: c });
  const subs = pair(before.categories.flatMap((x) => x.subcategories), after.categories.flatMap((x) => x.subcategories));
  for (const x of subs.added) emit({ id: x.id, entity: 'subcategory', kind: 'added', classification: 'editorial', new: x.name, summary: { zh: `增加二级类别“${x.name}”`, en: `subcategory ${x.id} added` }, container: c });
  for (const x of subs.removed) emit({ id: x.id, entity: 'subcategory', kind: 'removed', classification: 'editorial', breaking: true, old: x.name, summary: { zh: `删除二级类别“${x.name}”`, en: `subcategory ${x.id} removed (sector codes in requests break)` }, container: c });
  for (const [o, n] of subs.common) {
    for (const field of ['name', 'description'] as const) {
      if (o[field] !== n[field]) emit({ id: o.id, entity: 'subcategory', kind: 'changed', field, classification: 'editorial', old: o[field], new: n[field], summary: { zh: `修改二级类别“${o.name}”的${field === 'name' ? '名称' : '描述'}`, en: `${field} of ${o.id} changed` }, container: c });
    }
  }
  const examples = pair(before.categories.flatMap((x) => x.examples), after.categories.flatMap((x) => x.examples));
  for (const [o, n] of examples.common) {
    if (o.text !== n.text) emit({ id: o.id, entity: 'example', kind: 'changed', field: 'text', classification: 'editorial', old: o.text, new: n.text, summary: { zh: '修改重要数据识别参考规则（示例）', en: `wording of ${o.id} changed` }, container: c });
  }
  for (const x of examples.added) emit({ id: x.id, entity: 'example', kind: 'added', classification: 'editorial', new: x.text, summary: { zh: '增加重要数据识别参考规则（示例）', en: `example ${x.id} added` }, container: c });
  for (const x of examples.removed) emit({ id: x.id, entity: 'example', kind: 'removed', classification: 'editorial', old: x.text, summary: { zh: '删除重要数据识别参考规则（示例）', en: `example ${x.id} removed` }, container: c });
}

function diffBaseline(before: PolicyArtifact['baseline'], after: PolicyArtifact['baseline'], emit: Emit): void {
  const c = `baseline:${before.id}`;
  const { witnesses, classification } = compareLadders({ important: false, ladder: before.ladder }, { important: false, ladder: after.ladder });
  if (!same(before.ladder, after.ladder)) {
    emit({ id: `baseline.${before.id}`, entity: 'baseline', kind: 'changed', field: 'ladder', classification, witnesses, old: before.ladder, new: after.ladder, summary: { zh: '调整国家基线的数量门槛', en: 'national thresholds changed' }, container: c });
  }
  const ex = pair(before.exemptions.map((e) => ({ ...e, id: e.code })), after.exemptions.map((e) => ({ ...e, id: e.code })));
  for (const e of ex.added) emit({ id: e.code, entity: 'exemption', kind: 'added', classification: 'loosening', new: e.description, summary: { zh: `增加豁免情形 ${e.code}`, en: `exemption ${e.code} added` }, container: c });
  for (const e of ex.removed) emit({ id: e.code, entity: 'exemption', kind: 'removed', classification: 'tightening', breaking: true, old: e.description, summary: { zh: `删除豁免情形 ${e.code}`, en: `exemption ${e.code} removed (requests naming it break)` }, container: c });
  for (const [o, n] of ex.common) {
    if (o.scope !== n.scope) emit({ id: o.code, entity: 'exemption', kind: 'changed', field: 'scope', classification: n.scope === 'data' ? 'tightening' : 'loosening', old: o.scope, new: n.scope, summary: { zh: `调整豁免情形 ${o.code} 的适用范围`, en: `scope of exemption ${o.code} changed` }, container: c });
    if (o.description !== n.description) emit({ id: o.code, entity: 'exemption', kind: 'changed', field: 'description', classification: 'editorial', old: o.description, new: n.description, summary: { zh: `修改豁免情形 ${o.code} 的表述`, en: `wording of exemption ${o.code} changed` }, container: c });
  }
  const years = (b: typeof before) => b.validity?.years;
  if (years(before) !== years(after)) {
    const longer = (years(after) ?? 0) > (years(before) ?? 0);
    emit({ id: `baseline.${before.id}`, entity: 'baseline', kind: 'changed', field: 'validity', classification: longer ? 'loosening' : 'tightening', old: years(before), new: years(after), summary: { zh: `安全评估有效期由${years(before)}年调整为${years(after)}年`, en: 'validity of an assessment changed' }, container: c });
  }
  // Before the rules' first day nothing is decided: a later day (or a first one) leaves more dates undecided.
  const from = (b: typeof before) => b.effective?.from;
  if (from(before) !== from(after)) {
    const later = from(after) !== undefined && (from(before) === undefined || from(after)! > from(before)!);
    emit({ id: `baseline.${before.id}`, entity: 'baseline', kind: 'changed', field: 'effective', classification: later ? 'tightening' : 'loosening', old: from(before), new: from(after), summary: { zh: `国家基线的施行日期由${from(before) ?? '（未规定）'}调整为${from(after) ?? '（未规定）'}`, en: 'first day of the national rules changed' }, container: c });
  }
}

function itemDecider(i: ListItem): Decider {
  return { important: i.important, ladder: i.ladder };
}

function diffItems(before: NegativeList, after: NegativeList, emit: Emit): void {
  // Each item with its scenario's id, without copying the item: only an added or removed
  // one is reported whole (with its scenario); the common ones, nearly all, are compared.
  const items = (l: NegativeList) => l.scenarios.flatMap((s) => s.items.map((item) => ({ id: item.id, item, scenario: s.id })));
  const whole = (e: { item: ListItem; scenario: string }) => ({ ...e.item, scenario: e.scenario });
  const p = pair(items(before), items(after));
  const c = before.id;
  for (const e of p.added) {
    const i = whole(e);
    emit({ id: i.id, entity: 'item', kind: 'added', classification: 'tightening', new: i, summary: { zh: `增加数据项“${i.title}”`, en: `item ${i.id} added: data that was exempt as off the list now has a pathway` }, container: c });
  }
  for (const e of p.removed) {
    const i = whole(e);
    emit({ id: i.id, entity: 'item', kind: 'removed', classification: 'loosening', breaking: true, old: i, summary: { zh: `删除数据项“${i.title}”`, en: `item ${i.id} removed: its data is now off the list and exempt (requests naming it break)` }, container: c });
  }
  for (const [x, y] of p.common) {
    const o = x.item;
    const n = y.item;
    if (o.important !== n.important || !same(o.ladder, n.ladder)) {
      const { witnesses, classification } = compareLadders(itemDecider(o), itemDecider(n));
      const field = o.important !== n.important ? 'important' : 'ladder';
      const zh = field === 'important' ? (n.important ? `将数据项“${o.title}”列为重要数据` : `数据项“${o.title}”不再列为重要数据`) : `调整数据项“${o.title}”的量级与出境路径`;
      emit({ id: o.id, entity: 'item', kind: 'changed', field, classification, witnesses, old: itemDecider(o), new: itemDecider(n), summary: { zh, en: `${field} of ${o.id} changed (${classification})` }, container: c });
    }
    for (const field of ['title', 'description', 'fields', 'category', 'scenario'] as const) {
      const old = field === 'scenario' ? x.scenario : o[field];
      const now = field === 'scenario' ? y.scenario : n[field];
      if (!same(old, now)) emit({ id: o.id, entity: 'item', kind: 'changed', field, classification: 'editorial', old, new: now, summary: { zh: `修改数据项“${o.title}”的${FIELD_ZH[field]}`, en: `${field} of ${o.id} changed` }, container: c });
    }
  }
}

const FIELD_ZH = { title: '名称', description: '描述', fields: '字段', category: '数据类别', scenario: '业务场景' } as const;

const STATUS_RANK: Record<NegativeList['status'], number> = { draft: 0, consultation: 0, approved: 0, 'in-force': 1, repealed: -1 };

function diffLists(before: readonly NegativeList[], after: readonly NegativeList[], emit: Emit): void {
  const p = pair(before, after);
  for (const l of p.added) emit({ id: l.id, entity: 'list', kind: 'added', classification: 'mixed', new: l.title, summary: { zh: `发布《${l.title}》`, en: `list ${l.id} added: its items get their pathways and the rest of its sector becomes exempt` }, container: l.id });
  for (const l of p.removed) emit({ id: l.id, entity: 'list', kind: 'removed', classification: 'mixed', breaking: true, old: l.title, summary: { zh: `删除《${l.title}》`, en: `list ${l.id} removed: its sector falls back to the national rules` }, container: l.id });
  for (const [o, n] of p.common) {
    // One lowered list shared by both revisions (its file did not change): nothing to compare.
    if (o === n) continue;
    const c = o.id;
    if (o.title !== n.title) emit({ id: o.id, entity: 'list', kind: 'changed', field: 'title', classification: 'editorial', old: o.title, new: n.title, summary: { zh: `清单名称修改为《${n.title}》`, en: `title of ${o.id} changed` }, container: c });
    if (o.sector !== n.sector) emit({ id: o.id, entity: 'list', kind: 'changed', field: 'sector', classification: 'mixed', breaking: true, old: o.sector, new: n.sector, summary: { zh: `适用行业领域由 ${o.sector} 调整为 ${n.sector}`, en: `sector of ${o.id} changed` }, container: c });
    const added = n.zones.filter((z) => !o.zones.includes(z));
    const removed = o.zones.filter((z) => !n.zones.includes(z));
    if (added.length || removed.length) {
      const cls: Classification = added.length && removed.length ? 'mixed' : added.length ? 'loosening' : 'tightening';
      emit({ id: o.id, entity: 'list', kind: 'changed', field: 'zones', classification: cls, old: o.zones, new: n.zones, summary: { zh: `适用区域调整为：${n.zones.join('、')}`, en: `zones of ${o.id} changed (inferred classification: a list facilitates)` }, container: c });
    }
    if (o.status !== n.status) {
      const d = STATUS_RANK[n.status] - STATUS_RANK[o.status];
      emit({ id: o.id, entity: 'list', kind: 'changed', field: 'status', classification: d > 0 ? 'loosening' : d < 0 ? 'tightening' : 'editorial', old: o.status, new: n.status, summary: { zh: `状态由 ${o.status} 调整为 ${n.status}`, en: `status of ${o.id}: ${o.status} → ${n.status}` }, container: c });
    }
    if (!same(o.effective, n.effective)) {
      const earlier = n.effective.from < o.effective.from;
      const later = (n.effective.until ?? '9999') > (o.effective.until ?? '9999');
      const shorter = n.effective.from > o.effective.from || (n.effective.until ?? '9999') < (o.effective.until ?? '9999');
      const cls: Classification = (earlier || later) && shorter ? 'mixed' : earlier || later ? 'loosening' : 'tightening';
      emit({ id: o.id, entity: 'list', kind: 'changed', field: 'effective', classification: cls, old: o.effective, new: n.effective, summary: { zh: `施行期间调整为 ${n.effective.from} 起${n.effective.until ? `至 ${n.effective.until} 前` : ''}`, en: `effective period of ${o.id} changed (inferred classification)` }, container: c });
    }
    for (const field of ['basis', 'notes', 'adopts', 'proposal'] as const) {
      if (!same(o[field], n[field])) emit({ id: o.id, entity: 'list', kind: 'changed', field, classification: 'editorial', old: o[field], new: n[field], summary: { zh: `修改清单的${{ basis: '制定依据', notes: '说明', adopts: '参照执行', proposal: '制定提案' }[field]}`, en: `${field} of ${o.id} changed` }, container: c });
    }
    const scenarios = pair(o.scenarios, n.scenarios);
    for (const s of scenarios.added) emit({ id: s.id, entity: 'scenario', kind: 'added', classification: 'editorial', new: s.title, summary: { zh: `增加业务场景“${s.title}”`, en: `scenario ${s.id} added` }, container: c });
    for (const s of scenarios.removed) emit({ id: s.id, entity: 'scenario', kind: 'removed', classification: 'editorial', old: s.title, summary: { zh: `删除业务场景“${s.title}”`, en: `scenario ${s.id} removed` }, container: c });
    for (const [x, y] of scenarios.common) {
      if (x.title !== y.title) emit({ id: x.id, entity: 'scenario', kind: 'changed', field: 'title', classification: 'editorial', old: x.title, new: y.title, summary: { zh: `业务场景“${x.title}”更名为“${y.title}”`, en: `title of ${x.id} changed` }, container: c });
    }
    diffItems(o, n, emit);
  }
}

/** Compares two compiled policies; changes are sorted by container, id and field. */
export function diffPolicies(
  before: PolicyArtifact,
  after: PolicyArtifact,
  revisions: { base: string; head: string } = { base: 'base', head: 'head' },
): PolicyDiff {
  const changes: PolicyChange[] = [];
  const emit: Emit = (c) => changes.push({ breaking: false, container: c.id, ...c });
  if (before.schemaVersion !== after.schemaVersion) {
    emit({ id: 'schema', entity: 'schema' as Entity, kind: 'changed', field: 'schemaVersion', classification: 'editorial', breaking: true, old: before.schemaVersion, new: after.schemaVersion, summary: { zh: '产物格式版本变化', en: 'artifact schema version changed' } });
  }
  diffDocuments(before.documents, after.documents, emit);
  diffAnnex(before.annex, after.annex, emit);
  diffBaseline(before.baseline, after.baseline, emit);
  const zones = pair(before.zones, after.zones);
  for (const z of zones.added) emit({ id: z.id, entity: 'zone', kind: 'added', classification: 'editorial', new: z.name, summary: { zh: `增加区域“${z.name}”`, en: `zone ${z.id} added` } });
  for (const z of zones.removed) emit({ id: z.id, entity: 'zone', kind: 'removed', classification: 'editorial', breaking: true, old: z.name, summary: { zh: `删除区域“${z.name}”`, en: `zone ${z.id} removed (requests naming it break)` } });
  diffLists(before.lists, after.lists, emit);
  const key = (c: PolicyChange) => `${c.container}\u0000${c.id}\u0000${c.field ?? ''}\u0000${c.kind}`;
  changes.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const count = (k: Classification) => changes.filter((c) => c.classification === k).length;
  const bump = changes.reduce<Bump>((acc, c) => maxBump(acc, bumpFor(c)), 'none');
  return {
    base: { revision: revisions.base, policyVersion: before.policyVersion },
    head: { revision: revisions.head, policyVersion: after.policyVersion },
    changes,
    summary: { tightening: count('tightening'), loosening: count('loosening'), mixed: count('mixed'), editorial: count('editorial'), breaking: changes.filter((c) => c.breaking).length },
    bump,
  };
}
