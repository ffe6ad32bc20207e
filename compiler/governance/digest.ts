/**
 * What a sign-off approves, as one sha256: the content each stage covers at the commit where
 * it is signed. A later change to that content gives another digest, so the sign-off no longer
 * counts (QD5032) — the signer approved the text, not the proposal's name.
 *
 *   survey                          → survey.yaml
 *   important-data-identification   → important-data.yaml
 *   scenario-analysis               → scenario-analysis.yaml
 *   review, approved, filed         → the proposal's lists (as parsed, without status and proposal
 *                                     link) and its three records
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import { listContent, type ListInfo } from './lists.js';
import type { LoadedProposal } from './load.js';
import type { Stage } from './stages.js';

/** The content that a sign-off of `stage` on `p` approves. */
export function coveredContent(p: LoadedProposal, lists: readonly ListInfo[], stage: Stage): unknown {
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
      const content = lists.filter((l) => own.has(l.id)).map((l) => listContent(l.decl));
      return { proposal: p.meta?.value?.id ?? p.folder, lists: content, ...records };
    }
  }
}

/** `sha256:<hex>` of what a sign-off of `stage` on `p` approves, as `p` and `lists` stand now. */
export function stageDigest(p: LoadedProposal, lists: readonly ListInfo[], stage: Stage): string {
  return `sha256:${createHash('sha256').update(canonicalJson(coveredContent(p, lists, stage))).digest('hex')}`;
}
