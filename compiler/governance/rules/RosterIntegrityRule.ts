/**
 * QD5009, QD5006: the roster names each person, email and signing key once, and only roles it
 * defines. A key held by two people verified as whichever came first, so one could sign as the other.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';

export const RosterIntegrityRule: GovernanceRule = {
  name: 'roster-integrity',
  state(ctx, report) {
    const file = ctx.rosterFile;
    const r = file?.value;
    if (!file || !r) return;
    const ids = new Set<string>();
    const emails = new Set<string>();
    const keys = new Set<string>();
    r.people.forEach((p, i) => {
      if (ids.has(p.id)) report(diagnostic('roster-duplicate', at(file, `/people/${i}/id`), { what: 'person', value: p.id }));
      ids.add(p.id);
      const e = p.email.toLowerCase();
      if (emails.has(e)) report(diagnostic('roster-duplicate', at(file, `/people/${i}/email`), { what: 'email', value: p.email }));
      emails.add(e);
      // The key itself (type and base64), not its comment.
      const key = p.key?.trim().split(/\s+/).slice(0, 2).join(' ');
      if (key && keys.has(key)) report(diagnostic('roster-duplicate', at(file, `/people/${i}/key`), { what: 'key', value: `…${key.slice(-16)}` }));
      if (key) keys.add(key);
      p.roles.forEach((role, j) => {
        if (!r.roles[role]) report(diagnostic('unknown-role', at(file, `/people/${i}/roles/${j}`), { role }, { hint: hint('roles-are', { words: Object.keys(r.roles) }) }));
      });
    });
    if (r.chair && !r.roles[r.chair]) report(diagnostic('unknown-role', at(file, '/chair'), { role: r.chair }));
    const requirements: [string, Partial<Record<string, readonly string[]>>][] = [
      ['/signoffs/default', r.signoffs.default],
      ...Object.entries(r.signoffs.sectors ?? {}).map(([s, v]) => [`/signoffs/sectors/${s}`, v] as [string, Partial<Record<string, readonly string[]>>]),
      ...Object.entries(r.signoffs.kinds ?? {}).map(([k, v]) => [`/signoffs/kinds/${k}`, v ?? {}] as [string, Partial<Record<string, readonly string[]>>]),
    ];
    for (const [pointer, req] of requirements) {
      for (const [stage, roles] of Object.entries(req)) {
        (roles ?? []).forEach((role, j) => {
          if (!r.roles[role]) report(diagnostic('unknown-role', at(file, `${pointer}/${stage}/${j}`), { role }));
        });
      }
    }
  },
};
