/**
 * What a sign-off approves, as one sha256: the content each stage covers at the commit where
 * it is signed. A later change to that content gives another digest, so the sign-off no longer
 * counts (QD5032) — the signer approved the text, not the proposal's name.
 *
 *   survey                          → survey.yaml
 *   important-data-identification   → important-data.yaml
 *   scenario-analysis               → scenario-analysis.yaml
 *   review, approved, filed         → the proposal's lists (as parsed, without status and proposal
 *                                     link) and its three records; for a baseline proposal, the
 *                                     baseline files too (without layout or comments): the law as
 *                                     transcribed is what its legal review and approval approve;
 *                                     for a governance proposal, the roster it proposes (its
 *                                     `roster.yaml`, as parsed): the roster enacted is the one approved
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import { listContent, type ListInfo } from './lists.js';
import type { LoadedProposal } from './load.js';
import type { Stage } from './stages.js';

/** What a snapshot of the policy holds that sign-offs approve: its lists and its baseline files' content. */
export interface SignedPolicy {
  readonly lists: readonly ListInfo[];
  /** The baseline files' content (lists.ts `readLists`). */
  readonly baseline: string;
}

/** The content that a sign-off of `stage` on `p` approves. */
export function coveredContent(p: LoadedProposal, policy: SignedPolicy, stage: Stage): unknown {
  const records = { survey: p.survey?.value ?? null, importantData: p.importantData?.value ?? null, scenarioAnalysis: p.scenarioAnalysis?.value ?? null };
  switch (stage) {
    case 'survey':
      return { survey: records.survey };
    case 'important-data-identification':
      return { importantData: records.importantData };
    case 'scenario-analysis':
      return { scenarioAnalysis: records.scenarioAnalysis };
    default: {
      const own = new Set(p.meta?.value?.lists ?? []);
      const content = policy.lists.filter((l) => own.has(l.id)).map((l) => listContent(l.decl));
      // Before: a baseline proposal's sign-offs covered no baseline text, so an edit of the national rules after the legal review left them standing.
      const baseline = p.meta?.value?.kind === 'baseline' ? { baseline: policy.baseline } : {};
      // Before: a governance approval covered no roster, and whoever enacted it chose the roster.
      const roster = p.meta?.value?.kind === 'governance' ? { roster: p.proposedRoster?.value ?? null } : {};
      return { proposal: p.meta?.value?.id ?? p.folder, lists: content, ...records, ...baseline, ...roster };
    }
  }
}

/** `sha256:<hex>` of what a sign-off of `stage` on `p` approves, as `p` and `policy` stand now. */
export function stageDigest(p: LoadedProposal, policy: SignedPolicy, stage: Stage): string {
  return `sha256:${createHash('sha256').update(canonicalJson(coveredContent(p, policy, stage))).digest('hex')}`;
}
