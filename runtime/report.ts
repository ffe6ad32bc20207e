/**
 * The export report of measures Art. 15 (数据出境情况报告): what a processor exporting under a
 * list reports to its zone's regional body, with the pathway it decided and the bundle it decided
 * with. Its JSON Schema is published as `dist/schema/report.schema.json` and precompiled into the
 * runtime, so a regional body's system checks a report with the package alone: against the
 * schema, then against the current bundle — re-deciding the transfer it describes and naming
 * every item whose pathway is no longer the one filed (a list amended, a list in force since).
 */
import { rankOf } from './compile.js';
import type { Policy } from './policy.js';
import type { EvaluationRequest, EvaluationResponse, Outcome, Reason, RequestProblem, SchemaProblem } from './request.js';
import { describeErrors, validateReport } from './validators.js';

export interface ReportRecipient {
  readonly name: string;
  /** Country or region (国家或地区). */
  readonly region: string;
  readonly regionCode?: string;
  readonly purpose: string;
  /** The catalogue items it receives; all of them when absent. */
  readonly items?: readonly string[];
}

export interface ReportCatalogueEntry {
  readonly item: string;
  readonly title?: string;
  readonly persons: number;
  readonly sensitivePersons: number;
}

/** An export report, v1: see `report.schema.json`. */
export interface ExportReport {
  readonly version: 1;
  readonly filed: string;
  readonly asOf: string;
  readonly preview?: boolean;
  readonly processor: { readonly name: string; readonly creditCode?: string; readonly zone: string; readonly ciio: boolean };
  readonly scenarios: readonly { readonly title: string; readonly scenario?: string; readonly description?: string }[];
  readonly sector?: string;
  readonly catalogue: readonly ReportCatalogueEntry[];
  readonly personalInfo?: { readonly persons?: number; readonly sensitivePersons?: number; readonly sensitiveKinds?: readonly string[] };
  readonly importantData?: boolean;
  readonly exemptions?: readonly string[];
  readonly exportControl?: boolean;
  readonly recipients: readonly ReportRecipient[];
  readonly decision: {
    readonly pathway: Outcome;
    readonly items: readonly { readonly item: string; readonly pathway: Outcome }[];
    readonly policy: { readonly version: string; readonly digest: string };
  };
}

/**
 * One problem with a report: where (a JSON pointer into the report), a stable code, what as data
 * (a keyword and params, or the code's own params) and an English message. Codes: `schema` (the
 * report schema: ajv's keyword and params), `unknown-name` (a zone, sector, exemption or kind the
 * policy does not define: the request's keyword and params), `recipient-item-not-in-catalogue`,
 * `decision-items-mismatch` (the decision does not name exactly the catalogue's items: `reason`
 * says how).
 */
export type ReportProblem =
  | (SchemaProblem & { readonly code: 'schema' })
  | (RequestProblem & { readonly code: 'unknown-name' })
  | { readonly pointer: string; readonly code: 'recipient-item-not-in-catalogue'; readonly params: { readonly item: string }; readonly message: string }
  | { readonly pointer: string; readonly code: 'decision-items-mismatch'; readonly params: { readonly item: string; readonly reason: 'decided-twice' | 'not-in-catalogue' | 'not-decided' }; readonly message: string };

/** An item — or the transfer as a whole (`item` absent) — whose pathway now differs from the one filed. */
export interface PathwayChange {
  readonly item?: string;
  readonly filed: Outcome;
  readonly now: Outcome;
  /** The reasons the current bundle gives for the item now. */
  readonly reasons: readonly Reason[];
}

export interface ReportCheck {
  readonly problems: readonly ReportProblem[];
  /** The current bundle's decision of the report's transfer; absent when the report is invalid. */
  readonly decision?: EvaluationResponse;
  readonly changes: readonly PathwayChange[];
  /** The bundle the report was decided with is not the current one. */
  readonly policyChanged: boolean;
}

/** The evaluation request a report describes, decided on `asOf` (the report's own by default). */
export function requestOfReport(report: ExportReport, asOf: string = report.asOf): EvaluationRequest {
  return {
    asOf,
    ...(report.preview ? { preview: true } : {}),
    processor: { zone: report.processor.zone, ciio: report.processor.ciio },
    transfer: {
      isExport: true,
      ...(report.importantData !== undefined ? { importantData: report.importantData } : {}),
      ...(report.sector !== undefined ? { sector: report.sector } : {}),
      items: report.catalogue.map((c) => ({ id: c.item, persons: c.persons, sensitivePersons: c.sensitivePersons })),
      ...(report.personalInfo !== undefined ? { personalInfo: report.personalInfo } : {}),
      ...(report.exemptions !== undefined ? { exemptions: report.exemptions } : {}),
      ...(report.exportControl !== undefined ? { exportControl: report.exportControl } : {}),
    },
  };
}

/**
 * The pathway of each item of a decision: the strictest of the reasons the decision gives for the
 * item itself (its list row), else of the reasons that decide the transfer as a whole (the national
 * thresholds over the parts no list decides, an exemption, a CIIO's personal information).
 */
export function itemPathways(response: EvaluationResponse, ids: readonly string[]): Map<string, Outcome> {
  const named = new Set(ids);
  let whole: Outcome | undefined;
  for (const r of response.reasons) if (r.source === undefined || !named.has(r.source)) whole = stricter(whole, r.outcome);
  const out = new Map<string, Outcome>();
  for (const id of ids) {
    let own: Outcome | undefined;
    for (const r of response.reasons) if (r.source === id) own = stricter(own, r.outcome);
    out.set(id, own ?? whole ?? response.pathway);
  }
  return out;
}

function stricter(a: Outcome | undefined, b: Outcome): Outcome {
  return a === undefined || rankOf(b) > rankOf(a) ? b : a;
}

/** The reasons a decision gives for `item`, or for the transfer as a whole when none names it. */
function reasonsFor(response: EvaluationResponse, item: string, ids: ReadonlySet<string>): readonly Reason[] {
  const own = response.reasons.filter((r) => r.source === item);
  return own.length > 0 ? own : response.reasons.filter((r) => r.source === undefined || !ids.has(r.source));
}

/** What a processor states that a decision does not: who it is, its scenarios and recipients. */
export interface ReportParticulars {
  readonly filed: string;
  readonly processor: { readonly name: string; readonly creditCode?: string };
  readonly scenarios: ExportReport['scenarios'];
  readonly recipients: readonly ReportRecipient[];
  readonly titles?: ReadonlyMap<string, string>;
}

/** The report of a decided request: its transfer, its decision per item, and the bundle it was decided with. */
export function reportOf(request: EvaluationRequest, response: EvaluationResponse, particulars: ReportParticulars): ExportReport {
  const t = request.transfer;
  const volumes = new Map<string, { persons: number; sensitivePersons: number }>();
  for (const e of t.items ?? []) {
    const v = volumes.get(e.id) ?? { persons: 0, sensitivePersons: 0 };
    v.persons += e.persons ?? 0;
    v.sensitivePersons += e.sensitivePersons ?? 0;
    volumes.set(e.id, v);
  }
  const ids = [...volumes.keys()];
  const pathways = itemPathways(response, ids);
  const title = (id: string) => particulars.titles?.get(id);
  return {
    version: 1,
    filed: particulars.filed,
    asOf: request.asOf,
    ...(request.preview ? { preview: true } : {}),
    processor: { ...particulars.processor, zone: request.processor.zone, ciio: request.processor.ciio },
    scenarios: particulars.scenarios,
    ...(t.sector !== undefined ? { sector: t.sector } : {}),
    catalogue: ids.map((id) => ({ item: id, ...(title(id) ? { title: title(id)! } : {}), ...volumes.get(id)! })),
    ...(t.personalInfo !== undefined ? { personalInfo: t.personalInfo } : {}),
    ...(t.importantData !== undefined ? { importantData: t.importantData } : {}),
    ...(t.exemptions !== undefined ? { exemptions: t.exemptions } : {}),
    ...(t.exportControl !== undefined ? { exportControl: t.exportControl } : {}),
    recipients: particulars.recipients,
    decision: { pathway: response.pathway, items: ids.map((id) => ({ item: id, pathway: pathways.get(id)! })), policy: { ...response.policy } },
  };
}

/** Every problem of `report` (empty when it conforms to the schema and names only what the policy defines). */
export function reportProblems(policy: Policy, report: unknown): ReportProblem[] {
  if (!validateReport(report)) return describeErrors(validateReport.errors).map((p) => ({ ...p, code: 'schema' as const }));
  const r = report as ExportReport;
  const problems: ReportProblem[] = policy.problems(requestOfReport(r)).map((p) => ({ ...p, pointer: reportPointer(p.pointer), code: 'unknown-name' as const }));
  const catalogue = new Set(r.catalogue.map((c) => c.item));
  r.recipients.forEach((recipient, i) =>
    recipient.items?.forEach((item, j) => {
      if (!catalogue.has(item)) problems.push({ pointer: `/recipients/${i}/items/${j}`, code: 'recipient-item-not-in-catalogue', params: { item }, message: `${item} is not in the catalogue` });
    }),
  );
  const decided = new Set<string>();
  r.decision.items.forEach((d, i) => {
    if (decided.has(d.item)) problems.push({ pointer: `/decision/items/${i}`, code: 'decision-items-mismatch', params: { item: d.item, reason: 'decided-twice' }, message: `${d.item} is decided twice` });
    else if (!catalogue.has(d.item)) problems.push({ pointer: `/decision/items/${i}`, code: 'decision-items-mismatch', params: { item: d.item, reason: 'not-in-catalogue' }, message: `${d.item} is not in the catalogue` });
    decided.add(d.item);
  });
  r.catalogue.forEach((c, i) => {
    if (!decided.has(c.item)) problems.push({ pointer: `/catalogue/${i}/item`, code: 'decision-items-mismatch', params: { item: c.item, reason: 'not-decided' }, message: `the decision gives no pathway for ${c.item}` });
    decided.add(c.item); // an item listed twice in the catalogue is said once
  });
  return problems;
}

/** A request's pointer as the report's: items are the catalogue, the transfer's fields the report's own. */
function reportPointer(pointer: string): string {
  if (pointer.startsWith('/transfer/items')) return `/catalogue${pointer.slice('/transfer/items'.length)}`.replace(/\/id$/, '/item');
  if (pointer.startsWith('/transfer/')) return pointer.slice('/transfer'.length);
  return pointer;
}

/**
 * Checks a report against the current bundle: its problems, and — when it has none — the current
 * decision of its transfer (on `asOf`, the report's own by default) and every item, and the
 * transfer as a whole, whose pathway differs from the one filed.
 */
export function checkReport(policy: Policy, report: unknown, asOf?: string): ReportCheck {
  const problems = reportProblems(policy, report);
  if (problems.length > 0) return { problems, changes: [], policyChanged: false };
  const r = report as ExportReport;
  const decision = policy.evaluate(requestOfReport(r, asOf));
  const ids = [...new Set(r.catalogue.map((c) => c.item))];
  const now = itemPathways(decision, ids);
  const idSet = new Set(ids);
  const changes: PathwayChange[] = [];
  if (decision.pathway !== r.decision.pathway) changes.push({ filed: r.decision.pathway, now: decision.pathway, reasons: decision.reasons });
  for (const d of r.decision.items) {
    const p = now.get(d.item)!;
    if (p !== d.pathway) changes.push({ item: d.item, filed: d.pathway, now: p, reasons: reasonsFor(decision, d.item, idSet) });
  }
  return { problems, decision, changes, policyChanged: decision.policy.digest !== r.decision.policy.digest };
}
