/**
 * Consistency sampling (一致性抽验, measures Art. 19): an export report against the log of the
 * exports it reports. The log is counted as measures Art. 27 counts (`export-log.ts`); every
 * difference from the report is listed — an item exported but not reported, a volume above (or
 * below) the one reported, and a threshold crossed: the transfer re-decided with the volumes
 * actually exported takes, for some item, a stricter pathway than the one filed.
 */
import { rankOf } from './compile.js';
import { countExportLog, type ExportLogCount, type LoggedPart } from './export-log.js';
import type { Policy } from './policy.js';
import { itemPathways, requestOfReport, type ExportReport } from './report.js';
import type { EvaluationRequest, Outcome, Reason } from './request.js';
import { MAX_VOLUME, PERSONAL_INFO_PART } from './margins.js';

export type Difference =
  | { readonly kind: 'unreported-item'; readonly item: string; readonly persons: number; readonly sensitivePersons: number; readonly firstLine: number }
  | { readonly kind: 'volume-above-report' | 'volume-below-report'; readonly item: string; readonly measure: 'persons' | 'sensitivePersons'; readonly reported: number; readonly actual: number }
  | { readonly kind: 'threshold-crossed'; readonly item?: string; readonly filed: Outcome; readonly actual: Outcome; readonly reasons: readonly Reason[] };

export interface ReportComparison {
  readonly count: ExportLogCount & { readonly incomplete: boolean };
  readonly differences: readonly Difference[];
  /** The decision of the report's transfer with the volumes actually exported. */
  readonly actualPathway: Outcome;
}

/** True for a difference a regional body must follow up (a volume below the report's is not one). */
export function isDiscrepancy(d: Difference): boolean {
  return d.kind !== 'volume-below-report';
}

/** Reads the log from `chunks` and compares it with `report` (which must be valid: see `reportProblems`). */
export async function compareReport(policy: Policy, report: ExportReport, chunks: AsyncIterable<Uint8Array>, options: { maxProblems?: number; maxPersons?: number } = {}): Promise<ReportComparison> {
  const exemptions = new Set(policy.bundle.policy.baseline.exemptions.map((e) => e.code));
  const count = await countExportLog(chunks, { year: Number(report.asOf.slice(0, 4)), exemptions, ...options });
  return { count, ...differencesOf(policy, report, count.parts) };
}

/** The differences between `report` and what the log exported (`logged`). */
export function differencesOf(policy: Policy, report: ExportReport, logged: readonly LoggedPart[]): { differences: Difference[]; actualPathway: Outcome } {
  const reported = new Map<string, { persons: number; sensitivePersons: number }>();
  for (const c of report.catalogue) {
    const v = reported.get(c.item) ?? { persons: 0, sensitivePersons: 0 };
    v.persons += c.persons;
    v.sensitivePersons += c.sensitivePersons;
    reported.set(c.item, v);
  }
  const pi = report.personalInfo;
  const reportedPi = { persons: pi?.persons ?? 0, sensitivePersons: pi?.sensitivePersons ?? 0 };
  const differences: Difference[] = [];
  const actual = new Map<string, LoggedPart>();
  for (const part of logged) {
    if (part.lines === 0) continue; // only exempt transfers: nothing counted
    actual.set(part.item, part);
    const r = part.item === PERSONAL_INFO_PART ? reportedPi : reported.get(part.item);
    if (r === undefined) {
      differences.push({ kind: 'unreported-item', item: part.item, persons: part.persons, sensitivePersons: part.sensitivePersons, firstLine: part.firstLine });
      continue;
    }
    for (const measure of ['persons', 'sensitivePersons'] as const) {
      if (part[measure] > r[measure]) differences.push({ kind: 'volume-above-report', item: part.item, measure, reported: r[measure], actual: part[measure] });
      else if (part[measure] < r[measure]) differences.push({ kind: 'volume-below-report', item: part.item, measure, reported: r[measure], actual: part[measure] });
    }
  }
  // A reported part the log has no line of: none of it exported so far (it was not mentioned).
  for (const [item, r] of [...reported, [PERSONAL_INFO_PART, reportedPi] as const]) {
    if (actual.has(item)) continue;
    for (const measure of ['persons', 'sensitivePersons'] as const) if (r[measure] > 0) differences.push({ kind: 'volume-below-report', item, measure, reported: r[measure], actual: 0 });
  }
  // The transfer re-decided with the volumes exported: the log's for what it exported, none for
  // the rest. A sum past the contract's largest volume is decided at it, as strictly as any
  // volume (it was refused as a request, and the CLI blamed the log file as unreadable).
  const volume = (n: number | undefined) => Math.min(n ?? 0, MAX_VOLUME);
  const base = requestOfReport(report);
  const items = [...new Set([...reported.keys(), ...[...actual.keys()].filter((k) => k !== PERSONAL_INFO_PART)])];
  const loggedPi = actual.get(PERSONAL_INFO_PART);
  const request: EvaluationRequest = {
    ...base,
    transfer: {
      ...base.transfer,
      items: items.map((id) => ({ id, persons: volume(actual.get(id)?.persons), sensitivePersons: volume(actual.get(id)?.sensitivePersons) })),
      personalInfo: { ...pi, persons: volume(loggedPi?.persons), sensitivePersons: volume(loggedPi?.sensitivePersons) },
    },
  };
  const decision = policy.evaluate(request);
  const now = itemPathways(decision, items);
  const filed = new Map(report.decision.items.map((d) => [d.item, d.pathway]));
  for (const id of items) {
    const was = filed.get(id) ?? 'exempt'; // an unreported item was, in effect, filed as needing nothing
    const is = now.get(id)!;
    if (rankOf(is) > rankOf(was)) differences.push({ kind: 'threshold-crossed', item: id, filed: was, actual: is, reasons: decision.reasons.filter((r) => r.source === id) });
  }
  if (rankOf(decision.pathway) > rankOf(report.decision.pathway)) differences.push({ kind: 'threshold-crossed', filed: report.decision.pathway, actual: decision.pathway, reasons: decision.reasons });
  return { differences, actualPathway: decision.pathway };
}
