/// <reference lib="dom" />
/**
 * The self-assessment page's code, run in the browser (bundled with the runtime by bundle.ts).
 * It opens the bundle the page carries with the runtime's own loader (manifest and policy.json,
 * checked against the sha256), then decides on every change: nothing leaves the page.
 */
import type { ListItem, PolicyArtifact } from '../../../runtime/artifact.js';
import { marginsOf, PERSONAL_INFO_PART } from '../../../runtime/margins.js';
import { Policy } from '../../../runtime/policy.js';
import { reportOf } from '../../../runtime/report.js';
import type { EvaluationRequest, EvaluationResponse, Outcome, RequestProblem } from '../../../runtime/request.js';
import { describeErrors, validateReport } from '../../../runtime/validators.js';
import { problemString, requestProblemText } from '../../problem-messages.js';
import { OUTCOME_PHRASE_ZH } from '../../../runtime/pathway-words.js';

/** The headline: the pathway's phrase, and for `indeterminate` whom to ask. */
const OUTCOME_ZH: Record<Outcome, string> = { ...OUTCOME_PHRASE_ZH, indeterminate: `${OUTCOME_PHRASE_ZH.indeterminate}（请咨询区域管理机构）` };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function base64Bytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

interface Found {
  readonly item: ListItem;
  readonly list: PolicyArtifact['lists'][number];
}

/** Every list item with its list, for search. */
function catalogue(policy: PolicyArtifact): Found[] {
  return policy.lists.flatMap((list) => list.scenarios.flatMap((s) => s.items.map((item) => ({ item, list }))));
}

/** Items whose title, fields, description or id contain the query (or of the chosen sector). */
function search(all: readonly Found[], query: string, sector: string): Found[] {
  const q = query.trim();
  return all.filter(({ item, list }) => (sector === '' || list.sector === sector) && (q === '' || [item.title, item.id, item.description ?? '', ...item.fields].some((t) => t.includes(q))));
}

/** A citation as a link into the gazette: `measures.art15`, `national.art7`, an annex id, a list or list item. */
function citationLink(policy: PolicyArtifact, id: string): HTMLElement {
  const [head, part] = id.split('.');
  const doc = policy.documents.find((d) => d.id === head);
  const list = policy.lists.find((l) => l.id === head);
  const a = document.createElement('a');
  if (doc) {
    const article = /^art(\d+)$/.exec(part ?? '');
    a.href = `../gazette/${encodeURIComponent(doc.id)}.html${article ? `#${encodeURIComponent(id)}` : ''}`;
    a.textContent = `《${doc.title}》${article ? `第${article[1]}条` : ''}`;
  } else if (head === policy.annex.id) {
    a.href = `../gazette/${encodeURIComponent(policy.annex.id)}.html#${encodeURIComponent(id)}`;
    a.textContent = `《${policy.annex.title}》${id}`;
  } else if (list) {
    a.href = `../gazette/lists/${encodeURIComponent(list.id)}.html${part ? `#${encodeURIComponent(id)}` : ''}`;
    a.textContent = `《${list.title}》${part ? id : ''}`;
  } else {
    const span = document.createElement('span');
    span.textContent = id.startsWith('pipl.art') ? `《中华人民共和国个人信息保护法》第${id.slice(8)}条` : id;
    return span;
  }
  return a;
}

/** A request's or report's problem as the page shows it: where, and what, in Chinese. */
function problemZh(p: RequestProblem): string {
  const text = problemString(requestProblemText(p), 'zh');
  return p.pointer === '' ? text : `${p.pointer} ${text}`;
}

function el(tag: string, text?: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

async function start(): Promise<void> {
  const carried = JSON.parse($('qd-bundle').textContent!) as { manifest: string; policy: string };
  const policy = await Policy.open(new Map([['manifest.json', base64Bytes(carried.manifest)], ['policy.json', base64Bytes(carried.policy)]]));
  const artifact = policy.bundle.policy;
  const all = catalogue(artifact);
  const titles = new Map(all.map(({ item }) => [item.id, item.title]));
  $('qd-status').textContent = `策略数据已核验（版本 ${policy.version}，sha256 ${policy.digest}）。`;
  $('qd-status').dataset.digest = policy.digest;

  const sectorSelect = $<HTMLSelectElement>('qd-sector');
  for (const sector of [...new Set(artifact.lists.map((l) => l.sector))].sort()) {
    const name = artifact.annex.categories.flatMap((c) => c.subcategories).find((s) => s.code === sector)?.name ?? sector;
    sectorSelect.append(new Option(`${sector} ${name}`, sector));
  }

  /** The chosen items and their volumes, in the order chosen. */
  const chosen = new Map<string, { persons: number; sensitivePersons: number }>();
  let last: { request: EvaluationRequest; response: EvaluationResponse } | undefined;

  const volume = (input: HTMLInputElement) => Math.max(0, Math.floor(Number(input.value) || 0));

  function showResults(): void {
    const list = $('qd-results');
    list.replaceChildren();
    for (const { item, list: l } of search(all, $<HTMLInputElement>('qd-search').value, sectorSelect.value).slice(0, 50)) {
      const li = el('li');
      li.dataset.item = item.id;
      li.append(el('strong', item.title), ` （${l.title}；${item.fields.join('、')}） `);
      const add = el('button', chosen.has(item.id) ? '已添加' : '添加') as HTMLButtonElement;
      add.type = 'button';
      add.disabled = chosen.has(item.id);
      add.addEventListener('click', () => {
        chosen.set(item.id, { persons: 0, sensitivePersons: 0 });
        showItems();
        showResults();
        decideNow();
      });
      li.append(add);
      list.append(li);
    }
  }

  function showItems(): void {
    const body = $('qd-items').querySelector('tbody')!;
    body.replaceChildren();
    for (const [id, v] of chosen) {
      const tr = el('tr');
      tr.dataset.item = id;
      tr.append(el('td', titles.get(id) ?? id));
      for (const measure of ['persons', 'sensitivePersons'] as const) {
        const td = el('td');
        const input = el('input') as HTMLInputElement;
        Object.assign(input, { type: 'number', min: '0', step: '1', value: String(v[measure]) });
        input.dataset.measure = measure;
        input.addEventListener('input', () => {
          v[measure] = volume(input);
          decideNow();
        });
        td.append(input);
        tr.append(td);
      }
      const remove = el('button', '移除') as HTMLButtonElement;
      remove.type = 'button';
      remove.addEventListener('click', () => {
        chosen.delete(id);
        showItems();
        showResults();
        decideNow();
      });
      const td = el('td');
      td.append(remove);
      tr.append(td);
      body.append(tr);
    }
  }

  function request(): EvaluationRequest {
    const exemptions = [...document.querySelectorAll<HTMLInputElement>('.qd-exemption:checked')].map((e) => e.value);
    const persons = volume($('qd-pi-persons'));
    const sensitivePersons = volume($('qd-pi-sensitive'));
    return {
      asOf: $<HTMLInputElement>('qd-asof').value,
      ...($<HTMLInputElement>('qd-preview').checked ? { preview: true } : {}),
      processor: { zone: $<HTMLSelectElement>('qd-zone').value, ciio: $<HTMLInputElement>('qd-ciio').checked },
      transfer: {
        isExport: true,
        ...($<HTMLInputElement>('qd-important').checked ? { importantData: true } : {}),
        ...(sectorSelect.value ? { sector: sectorSelect.value } : {}),
        items: [...chosen].map(([id, v]) => ({ id, ...v })),
        ...(persons + sensitivePersons > 0 ? { personalInfo: { persons, sensitivePersons } } : {}),
        ...(exemptions.length > 0 ? { exemptions } : {}),
      },
    };
  }

  function decideNow(): void {
    const out = $('qd-result');
    out.replaceChildren();
    const req = request();
    const problems = policy.problems(req);
    if (problems.length > 0) {
      last = undefined;
      out.append(el('p', `无法判定：${problems.map(problemZh).join('；')}`));
      return;
    }
    const response = policy.evaluate(req);
    last = { request: req, response };
    const pathway = el('p', OUTCOME_ZH[response.pathway], 'qd-pathway');
    pathway.id = 'qd-pathway';
    pathway.dataset.pathway = response.pathway;
    out.append(pathway);
    if (response.preview) out.append(el('p', '预览：尚未施行的清单也参与了判定，结果不作为出境依据。', 'meta'));
    const section = (title: string, entries: readonly { message: { zh: string }; citations: readonly string[] }[], id: string) => {
      if (entries.length === 0) return;
      out.append(el('h3', title));
      const ul = el('ul');
      ul.id = id;
      for (const r of entries) {
        const li = el('li', r.message.zh);
        if (r.citations.length > 0) {
          li.append(' （依据：');
          r.citations.forEach((c, i) => li.append(...(i > 0 ? ['、'] : []), citationLink(artifact, c)));
          li.append('）');
        }
        ul.append(li);
      }
      out.append(ul);
    };
    section('理由', response.reasons, 'qd-reasons');
    section('应履行的义务', response.obligations, 'qd-obligations');
    section('提示', response.advisories, 'qd-advisories');
    const margins = marginsOf(policy, req);
    out.append(el('h3', '什么会改变结果'));
    const ul = el('ul');
    ul.id = 'qd-margins';
    for (const part of margins.parts) {
      for (const m of [...part.margins, ...part.kinds.map((k) => ({ ...k, measure: 'kinds', direction: 'up', volume: 0 }))]) {
        const li = el('li', `${part.part === PERSONAL_INFO_PART ? '清单数据项以外的个人信息' : (titles.get(part.part) ?? part.part)}：${m.message.zh}`);
        Object.assign(li.dataset, { part: part.part, measure: m.measure, direction: m.direction, volume: String(m.volume), pathway: m.pathway });
        ul.append(li);
      }
    }
    if (ul.childElementCount === 0) ul.append(el('li', '在其他条件不变时，任何数量变化都不会改变结果。'));
    out.append(ul);
  }

  function exportReport(): void {
    const status = $('qd-report-status');
    if (!last) {
      status.textContent = '请先完成判定。';
      return;
    }
    const text = (id: string) => $<HTMLInputElement>(id).value.trim();
    const report = reportOf(last.request, last.response, {
      filed: new Date().toISOString().slice(0, 10),
      processor: { name: text('qd-name'), ...(text('qd-credit') ? { creditCode: text('qd-credit') } : {}) },
      scenarios: [{ title: text('qd-scenario') }],
      recipients: [{ name: text('qd-r-name'), region: text('qd-r-region'), purpose: text('qd-r-purpose') }],
      titles,
    });
    const json = `${JSON.stringify(report, null, 2)}\n`;
    $('qd-report').textContent = json;
    const valid = validateReport(report);
    status.textContent = valid ? '报告符合 report.schema.json。' : `报告不完整：${describeErrors(validateReport.errors).map(problemZh).join('；')}`;
    status.dataset.valid = String(valid);
    const link = $<HTMLAnchorElement>('qd-download');
    link.href = `data:application/json;charset=utf-8,${encodeURIComponent(json)}`;
    link.hidden = false;
  }

  for (const id of ['qd-zone', 'qd-ciio', 'qd-asof', 'qd-preview', 'qd-pi-persons', 'qd-pi-sensitive', 'qd-important']) $(id).addEventListener('input', decideNow);
  for (const e of document.querySelectorAll('.qd-exemption')) e.addEventListener('input', decideNow);
  $('qd-search').addEventListener('input', showResults);
  sectorSelect.addEventListener('input', () => {
    showResults();
    decideNow();
  });
  $('qd-export').addEventListener('click', exportReport);
  $('qd-print').addEventListener('click', () => window.print());
  showResults();
  decideNow();
  document.body.dataset.ready = 'true';
}

start().catch((e: unknown) => {
  $('qd-status').textContent = `无法载入策略数据：${(e as Error).message}`;
  document.body.dataset.ready = 'error';
});
