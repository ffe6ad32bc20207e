/**
 * QD5018, QD5005, QD5006, QD5013, QD5014, QD5033, QD5034: a sign-off is filed under its own
 * name and proposal, by a person of the trusted roster who holds the role and a key, and who
 * is not an author of the proposal.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { personById } from '../model.js';
import { signoffFileName } from '../signoffs.js';

export const SignoffRecordRule: GovernanceRule = {
  name: 'signoff-records',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const r = (d: Parameters<typeof report>[0]) => report(d, p.folder);
    for (const f of p.signoffs) {
      const s = f.value;
      if (!s) continue;
      const expected = signoffFileName(s);
      if (!f.path.endsWith(`/${expected}`)) r(diagnostic('signoff-file-name', at(f, ''), { expected }));
      if (s.proposal !== p.folder) r(diagnostic('signoff-binding', at(f, '/proposal'), { field: 'proposal', actual: s.proposal, expected: p.folder }));
      const person = personById(ctx.roster, s.person);
      if (!person) {
        r(diagnostic('unknown-person', at(f, '/person'), { person: `'${s.person}'` }, { hint: hint('signer-in-roster') }));
        continue;
      }
      if (!person.key) r(diagnostic('signer-without-key', at(f, '/person'), { person: s.person }, { hint: hint('enrol-key') }));
      if (!ctx.roster.roles[s.role]) r(diagnostic('unknown-role', at(f, '/role'), { role: `'${s.role}'` }));
      else if (!person.roles.includes(s.role)) r(diagnostic('signoff-wrong-role', at(f, '/role'), { person: s.person, role: s.role }, { hint: hint('holds-roles', { person: s.person, words: person.roles }) }));
      if (meta.authors.includes(s.person)) r(diagnostic('self-approval', at(f, '/person'), { person: s.person, id: meta.id }, { hint: hint('no-self-signoff') }));
      if (s.date > ctx.today) r(diagnostic('date-after-commit', at(f, '/date'), { what: `the sign-off of ${s.person}`, date: s.date, reference: `today (${ctx.today})` }));
    }
  },
};
