/**
 * QD5026, QD5041: a commit that changes what the policy says (a change of layout or comments
 * is none) does so inside a proposal that may change it at that commit:
 *   - a list: every proposal that governs it (lists it, or is named by it before or after)
 *     is a list proposal at an editable stage; past review only its status and link move;
 *   - the national baseline, the measures, the annex, the zones, any other top-level `.qd`
 *     file, their sources, and anything but a list declared in a list file: a baseline
 *     proposal at an editable stage, named by the commit's `Proposal:` trailer;
 *   - any other policy file: a proposal at an editable stage, named by the trailer.
 * policy/governance/ is a trust root (TrustRootRule).
 */
import { diagnostic, hint } from '../../diagnostics.js';
import type { GovernanceRule, Report } from '../context.js';
import type { GovCommit, Ledger } from '../ledger.js';
import { baselineSubstance, contentChanged, isBaseline, listContent, listsOf } from '../lists.js';
import { TRUST_ROOTS } from '../load.js';
import { EDITABLE_STAGES } from '../stages.js';


async function checkList(c: GovCommit, ledger: Ledger, path: string, before: string | undefined, after: string | undefined, report: Report): Promise<void> {
  const [old, now] = [listsOf(path, before), listsOf(path, after)];
  const proposals = await ledger.proposalsAt(c.sha);
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const [a, b] = [old.get(id), now.get(id)];
    if (a && b && JSON.stringify(listContent(a.decl)) === JSON.stringify(listContent(b.decl))) continue;
    const governing = new Set([...proposals.values()].filter((m) => m.lists.includes(id)).map((m) => m.id));
    for (const link of [a?.proposal, b?.proposal]) if (link) governing.add(link);
    if (!governing.size) report(diagnostic('change-of-unproposed-list', undefined, { commit: c.short, file: path, list: id }));
    for (const pid of governing) {
      const meta = proposals.get(pid);
      if (!meta) report(diagnostic('change-by-unknown-proposal', undefined, { commit: c.short, file: path, proposal: pid }), pid);
      else if ((meta.kind ?? 'list') !== 'list' || !EDITABLE_STAGES.includes(meta.stage)) {
        report(diagnostic('change-at-frozen-stage', undefined, { commit: c.short, file: path, proposal: pid, stage: meta.stage }, { hint: hint('raise-concern-first') }), pid);
      }
    }
  }
}

export const PolicyChangeRule: GovernanceRule = {
  name: 'policy-changes',
  async commit(c, ctx, report) {
    for (const ch of c.changes) {
      if (!ch.path.startsWith('policy/') || ch.path.startsWith(TRUST_ROOTS)) continue;
      if (!contentChanged(ch.path, ch.before, ch.after)) continue;
      const meta = c.trailer ? (await ctx.ledger.proposalsAt(c.sha)).get(c.trailer) : undefined;
      const editable = meta && EDITABLE_STAGES.includes(meta.stage);
      // What the baseline says — a baseline file, or anything but a list in a list file (a zone
      // written there is baseline text all the same) — only a baseline proposal changes.
      if (baselineSubstance(ch.path, ch.before) !== baselineSubstance(ch.path, ch.after) && (!editable || meta.kind !== 'baseline')) {
        report(diagnostic('baseline-change-outside-baseline-proposal', undefined, { commit: c.short, file: ch.path }, { hint: hint('open-baseline-proposal') }), c.trailer);
      }
      if (ch.path.startsWith('policy/lists/')) {
        await checkList(c, ctx.ledger, ch.path, ch.before, ch.after, report);
        continue;
      }
      if (isBaseline(ch.path)) continue;
      if (!c.trailer) report(diagnostic('change-without-trailer', undefined, { commit: c.short, file: ch.path }));
      else if (!meta) report(diagnostic('change-by-unknown-proposal', undefined, { commit: c.short, file: ch.path, proposal: c.trailer }));
      else if (!editable) report(diagnostic('change-at-stage', undefined, { commit: c.short, file: ch.path, proposal: c.trailer, stage: meta.stage }), c.trailer);
    }
  },
};
