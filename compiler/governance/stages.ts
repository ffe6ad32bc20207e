/**
 * The stage machine of a proposal (measures Art. 9), pure: no files, no git.
 *
 *   draft → survey → important-data-identification → scenario-analysis → review → approved → filed → in-force
 *   any active stage → withdrawn | rejected | superseded
 *   approved | filed → review (a new concern sends the proposal back to review)
 *
 * Sign-offs name the stage whose work or decision they attest. The work of a *work stage*
 * (survey, identification, scenario analysis, review) is signed before the proposal leaves it;
 * a *decision stage* (approved, filed) is signed before the proposal enters it.
 */
export const ACTIVE_STAGES = ['draft', 'survey', 'important-data-identification', 'scenario-analysis', 'review', 'approved', 'filed', 'in-force'] as const;
export const END_STAGES = ['withdrawn', 'rejected', 'superseded'] as const;
export const STAGES = [...ACTIVE_STAGES, ...END_STAGES] as const;
export type Stage = (typeof STAGES)[number];

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

/** The next stage on the main path, if any. */
export function nextStage(s: Stage): Stage | undefined {
  const i = stageIndex(s);
  return i >= 0 && i + 1 < ACTIVE_STAGES.length ? ACTIVE_STAGES[i + 1] : undefined;
}

/** Why `from → to` is not allowed, or undefined when it is. */
export function transitionError(from: Stage, to: Stage): string | undefined {
  if (!isActive(from)) return `${from} is final; nothing follows it`;
  if ((END_STAGES as readonly string[]).includes(to)) return undefined;
  if (to === 'review' && (from === 'approved' || from === 'filed')) return undefined;
  if (nextStage(from) === to) return undefined;
  const fi = stageIndex(from);
  const ti = stageIndex(to);
  if (ti > fi + 1) return `skips ${ACTIVE_STAGES.slice(fi + 1, ti).join(', ')}`;
  if (ti === fi) return 'a stage cannot follow itself';
  return `a proposal only goes back to review, and only from approved or filed`;
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
  readonly stage: string;
  readonly date: string;
  /** Completed before the governance workflow existed (dated on or before the roster's `since`). */
  readonly external?: boolean;
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
