/**
 * The records of a proposal's stages as tables: its history (each stage entered, when, on what
 * document), the survey (需求调研), the important-data identification (重要数据识别) and the
 * scenario analysis (业务场景分析) — each as its schema (governance/schemas.ts) records it.
 */
import type { LoadedProposal } from '../governance/load.js';
import { STAGE_ZH } from '../governance/stages.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import { esc, facts, table } from './html.js';
import { time } from './outstanding.js';
import { targetLink } from './targets.js';

interface Survey {
  readonly conducted: { from: string; until: string; participants?: string[] };
  readonly scenarios: readonly { scenario: string; list?: string; categories: readonly { category: string; volume: string; fields: string[]; note?: string }[] }[];
  readonly note?: string;
}

interface ImportantData {
  readonly method: string;
  readonly items: readonly { item: string; important: boolean; reason: string; basis?: string }[];
  readonly note?: string;
}

interface ScenarioAnalysis {
  readonly scenarios: readonly { scenario: string; list?: string; necessity: string; recipients?: string[]; risks: string[]; pathway: string }[];
  readonly note?: string;
}

const note = (text: string | undefined) => (text ? `<p>${esc(text)}</p>\n` : '');
const missing = '尚无记录（该阶段完成前须提交）。';

export function historyTable(p: LoadedProposal): string {
  const rows = (p.meta?.value?.history ?? []).map((h) => [
    esc(STAGE_ZH[h.stage]),
    time(h.date),
    h.document ? `${esc(h.document.number)}（${time(h.document.date)}）${h.external ? '，本库启用前的外部记录' : ''}` : '—',
    h.note ? esc(h.note) : '—',
  ]);
  return table('阶段记录', ['阶段', '进入日期', '依据文件', '说明'], rows, '尚无阶段记录。');
}

function surveyHtml(s: Survey | undefined): string {
  if (!s) return `<p class="meta">${missing}</p>\n`;
  const rows = s.scenarios.flatMap((sc) => sc.categories.map((c) => [esc(sc.scenario), esc(c.category), esc(c.volume), esc(c.fields.join('、')), c.note ? esc(c.note) : '—']));
  return (
    facts([
      ['调研期间', `${time(s.conducted.from)}至${time(s.conducted.until)}`],
      ['参与单位', s.conducted.participants?.length ? esc(s.conducted.participants.join('、')) : undefined],
    ]) +
    table('需求调研：业务场景、类别、量级与字段', ['业务场景', '数据类别', '量级', '字段', '备注'], rows, '未列出业务场景。') +
    note(s.note)
  );
}

function importantDataHtml(r: ImportantData | undefined, policy: PolicyArtifact): string {
  if (!r) return `<p class="meta">${missing}</p>\n`;
  const rows = r.items.map((i) => [targetLink(i.item, policy, '../'), i.important ? '是' : '否', esc(i.reason), i.basis ? esc(i.basis) : '—']);
  return facts([['识别方法', esc(r.method)]]) + table('重要数据识别结果', ['数据项', '重要数据', '理由', '依据'], rows, '未列出数据项。') + note(r.note);
}

function scenarioAnalysisHtml(r: ScenarioAnalysis | undefined): string {
  if (!r) return `<p class="meta">${missing}</p>\n`;
  const rows = r.scenarios.map((s) => [esc(s.scenario), esc(s.necessity), s.recipients?.length ? esc(s.recipients.join('、')) : '—', esc(s.risks.join('；')), esc(s.pathway)]);
  return table('业务场景分析', ['业务场景', '出境必要性', '境外接收方', '风险', '出境路径'], rows, '未列出业务场景。') + note(r.note);
}

/** The three work records of a list proposal, each under its own heading (`level`). */
export function stageRecords(p: LoadedProposal, policy: PolicyArtifact, level: number): string {
  const h = (text: string) => `<h${level}>${esc(text)}</h${level}>\n`;
  return [
    h('需求调研'),
    surveyHtml(p.survey?.value as Survey | undefined),
    h('重要数据识别'),
    importantDataHtml(p.importantData?.value as ImportantData | undefined, policy),
    h('业务场景分析'),
    scenarioAnalysisHtml(p.scenarioAnalysis?.value as ScenarioAnalysis | undefined),
  ].join('');
}
