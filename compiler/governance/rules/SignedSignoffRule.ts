/**
 * QD5015, QD5016, QD5033, QD5038, QD5039: every commit that writes a sign-off is authored by
 * the person it names and carries a good signature by that person's key in the trusted roster;
 * the sign-off is dated no later than that commit, and within a day of it.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { dayOf, headSpan, proposalOfPath, type GovernanceRule } from '../context.js';
import { yamlValue } from '../ledger.js';
import { personById, type SignoffRecord } from '../model.js';
import { signoffSchema } from '../schemas.js';
import { daysBetween } from '../stages.js';

const SIGNOFF = /^proposals\/[^/]+\/signoffs\/[^/]+$/;

export const SignedSignoffRule: GovernanceRule = {
  name: 'signed-signoffs',
  commit(c, ctx, report) {
    const roster = ctx.ledger.trustedRoster(c);
    for (const ch of c.changes) {
      if (!SIGNOFF.test(ch.path) || ch.status === 'D') continue;
      const s = yamlValue<SignoffRecord>(ch.path, ch.after, signoffSchema);
      const person = s && roster && personById(roster, s.person);
      if (!s || !person) continue;
      const r = (d: Parameters<typeof report>[0]) => report(d, proposalOfPath(ch.path));
      const span = headSpan(ctx, ch.path, '/person');
      if (c.authorEmail.toLowerCase() !== person.email.toLowerCase()) {
        r(diagnostic('signoff-wrong-author', span, { person: s.person, actual: `${c.authorName} <${c.authorEmail}>`, commit: c.short }, { hint: hint('signer-commits') }));
      }
      if (!person.key) r(diagnostic('signer-without-key', span, { person: s.person }));
      else if (ctx.ledger.signer(c)?.toLowerCase() !== person.email.toLowerCase()) {
        r(diagnostic('signoff-unsigned', span, { commit: c.short, person: s.person }, { hint: hint('sign-commit') }));
      }
      const day = dayOf(c.committerDate);
      const what = `the sign-off of ${s.person}`;
      if (s.date > day) r(diagnostic('date-after-commit', headSpan(ctx, ch.path, '/date'), { what, date: s.date, reference: `its commit ${c.short} (${day})` }));
      else if (daysBetween(s.date, day) > 1) r(diagnostic('date-disagrees-with-commit', headSpan(ctx, ch.path, '/date'), { what, date: s.date, commit: c.short, commitDate: day }));
    }
  },
};
