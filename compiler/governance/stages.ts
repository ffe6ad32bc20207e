/**
 * The stage machine of a proposal (measures Art. 9), pure: no files, no git.
 *
 *   list:                 draft → survey → important-data-identification → scenario-analysis → review → approved → filed → in-force
 *   baseline, governance: draft → review → approved → in-force
 *   any active stage → withdrawn | rejected | superseded
 *   approved | filed → review (a new concern sends the proposal back to review)
 *
 * A *list* proposal drafts a sector's negative list. A *baseline* proposal transcribes a change of
 * the national baseline, the measures or the annex (legal review, no survey: the text is law, not
 * drafted here). A *governance* proposal changes the trust roots: the roster, its keys and the
 * stage rules.
 *
 * Sign-offs name the stage whose work or decision they attest. The work of a *work stage*
 * (survey, identification, scenario analysis, review) is signed before the proposal leaves it;
 * a *decision stage* (approved, filed) is signed before the proposal enters it.
 */
export const ACTIVE_STAGES = ['draft', 'survey', 'important-data-identification', 'scenario-analysis', 'review', 'approved', 'filed', 'in-force'] as const;
export const END_STAGES = ['withdrawn', 'rejected', 'superseded'] as const;
export const STAGES = [...ACTIVE_STAGES, ...END_STAGES] as const;
export type Stage = (typeof STAGES)[number];

/** Each stage's name in Chinese, as measures Art. 9 words the drafting steps (shown on the review site). */
export const STAGE_ZH: Record<Stage, string> = {
  draft: '起草',
  survey: '需求调研',
  'important-data-identification': '重要数据识别',
  'scenario-analysis': '业务场景分析',
  review: '论证与征求意见',
  approved: '审批',
  filed: '报备',
  'in-force': '施行',
  withdrawn: '撤回',
  rejected: '不予批准',
  superseded: '被替代',
};

export const PROPOSAL_KINDS = ['list', 'baseline', 'governance'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** The main path of each kind of proposal. */
const PATHS: Record<ProposalKind, readonly Stage[]> = {
  list: ACTIVE_STAGES,
  baseline: ['draft', 'review', 'approved', 'in-force'],
  governance: ['draft', 'review', 'approved', 'in-force'],
};

export function pathOf(kind: ProposalKind = 'list'): readonly Stage[] {
  return PATHS[kind];
}

/** Stages whose own work is signed off before the proposal moves on. */
export const WORK_STAGES: readonly Stage[] = ['survey', 'important-data-identification', 'scenario-analysis', 'review'];
/** Stages that are themselves decisions, signed before the proposal enters them. */
export const DECISION_STAGES: readonly Stage[] = ['approved', 'filed'];
/** Stages at which a sign-off may be required (the keys of the roster's requirements). */
export const SIGNED_STAGES: readonly Stage[] = [...WORK_STAGES, ...DECISION_STAGES];
/** Stages at which the list's text may still change (later, only its status line and proposal link may). */
export const EDITABLE_STAGES: readonly Stage[] = ['draft', 'survey', 'important-data-identification', 'scenario-analysis', 'review'];

export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}

export function isActive(s: Stage): boolean {
  return (ACTIVE_STAGES as readonly string[]).includes(s);
}

export function stageIndex(s: Stage): number {
  return (ACTIVE_STAGES as readonly string[]).indexOf(s);
}

/** The next stage on the main path of `kind`, if any. */
export function nextStage(s: Stage, kind: ProposalKind = 'list'): Stage | undefined {
  const path = pathOf(kind);
  const i = path.indexOf(s);
  return i >= 0 && i + 1 < path.length ? path[i + 1] : undefined;
}

/**
 * Why a transition is refused, as a closed set of reasons (the CLI names each in its reader's
 * language): `from` is final, `to` is not on the kind's path, it skips stages, it repeats the
 * stage, or it goes back other than to review.
 */
export type TransitionProblem =
  | { readonly problem: 'from-final' }
  | { readonly problem: 'not-on-path' }
  | { readonly problem: 'skips'; readonly skipped: readonly Stage[] }
  | { readonly problem: 'same-stage' }
  | { readonly problem: 'backwards' };

/** Why `from → to` is not allowed for a proposal of `kind`, or undefined when it is. */
export function transitionError(from: Stage, to: Stage, kind: ProposalKind = 'list'): TransitionProblem | undefined {
  if (!isActive(from)) return { problem: 'from-final' };
  if ((END_STAGES as readonly string[]).includes(to)) return undefined;
  if (to === 'review' && (from === 'approved' || from === 'filed')) return undefined;
  if (nextStage(from, kind) === to) return undefined;
  const path = pathOf(kind);
  const fi = path.indexOf(from);
  const ti = path.indexOf(to);
  if (ti < 0) return { problem: 'not-on-path' };
  if (ti > fi + 1) return { problem: 'skips', skipped: path.slice(fi + 1, ti) };
  if (ti === fi) return { problem: 'same-stage' };
  return { problem: 'backwards' };
}

/** The stages whose sign-offs are required for the transition `from → to`. */
export function gateStages(from: Stage, to: Stage): Stage[] {
  if (!isActive(to) || to === 'review' && stageIndex(from) > stageIndex('review')) return [];
  const out: Stage[] = [];
  if (WORK_STAGES.includes(from)) out.push(from);
  if (DECISION_STAGES.includes(to)) out.push(to);
  return out;
}

/** The list statuses a proposal's stage allows for the lists it governs. */
export function listStatusFor(stage: Stage): readonly string[] {
  switch (stage) {
    case 'draft':
    case 'survey':
    case 'important-data-identification':
    case 'scenario-analysis':
      return ['draft'];
    case 'review':
      return ['consultation'];
    case 'approved':
    case 'filed':
      return ['approved'];
    case 'in-force':
      return ['in-force'];
    case 'superseded':
      return ['repealed'];
    case 'withdrawn':
    case 'rejected':
      return ['draft', 'repealed'];
  }
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface HistoryEntry {
  readonly stage: Stage;
  readonly date: string;
  /** Completed before the governance workflow existed (dated on or before the roster's `since`). */
  readonly external?: boolean;
  readonly document?: { readonly number: string; readonly date: string };
  readonly note?: string;
}

/**
 * The transitions that still count: when a proposal goes back to review, the approvals given
 * before are void, so the path is rewound to the review stage (re-entered on the new date).
 */
export function effectivePath(history: readonly HistoryEntry[]): { entry: HistoryEntry; index: number }[] {
  const path: { entry: HistoryEntry; index: number }[] = [];
  history.forEach((entry, index) => {
    const top = path[path.length - 1];
    if (entry.stage === 'review' && top && (top.entry.stage === 'approved' || top.entry.stage === 'filed')) {
      while (path.length && path[path.length - 1]!.entry.stage !== 'review') path.pop();
      path.pop();
    }
    path.push({ entry, index });
  });
  return path;
}

/** A step of a proposal's history: from one entry to a later one, by their indices. */
export interface Transition {
  readonly from: HistoryEntry;
  readonly fromIndex: number;
  readonly to: HistoryEntry;
  readonly index: number;
  /** Voided by a later return to review: its approvals no longer count, but it was taken, and so must have been gated. */
  readonly voided: boolean;
}

/**
 * Every transition a proposal took: those of its effective path, and those a return to review
 * voided since. A voided approval was still in force until the return (a governance proposal's
 * approval let the trust roots change meanwhile), so its gates are checked like any other.
 */
export function transitionsTaken(history: readonly HistoryEntry[]): Transition[] {
  const path = effectivePath(history);
  const out: Transition[] = [];
  const seen = new Set<string>();
  for (let k = 1; k < path.length; k++) {
    const [a, b] = [path[k - 1]!, path[k]!];
    seen.add(`${a.index} ${b.index}`);
    out.push({ from: a.entry, fromIndex: a.index, to: b.entry, index: b.index, voided: false });
  }
  for (let i = 1; i < history.length; i++) {
    if (!seen.has(`${i - 1} ${i}`)) out.push({ from: history[i - 1]!, fromIndex: i - 1, to: history[i]!, index: i, voided: true });
  }
  return out;
}

/** Stages after review: no comment without a disposition, no open concern. */
export const PAST_REVIEW: readonly Stage[] = ['approved', 'filed', 'in-force'];
