import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support.js';
import { approvedGovernanceProposal, ID, ok } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * Feng's leaked key rotated by a governance change that also enrols a person whose key is not
 * there yet; the leaked key then signs Feng's review. With one person keyless, later commits
 * were trusted with the first roster (the epoch's), whose key for Feng was the leaked one.
 */
export const attack: Attack = {
  title: 'a rotated-away key signing again once someone in the roster has no key',
  from: 'review',
  catches: ['QD5016'],
  async apply(repo) {
    const key = join(await tempDir('qingdan-rotated-'), 'feng');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'feng@example.org', '-f', key]);
    const fresh = readFileSync(`${key}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
    const id = await approvedGovernanceProposal(repo, 'rotate-key', (roster) =>
      roster.replace(/(id: p-feng, [^\n]*key: ")[^"]+"/, `$1${fresh}"`).replace(/\nchair:/, '\n  - { id: p-nie, name: Nie New, email: nie@example.org, roles: [expert-legal] }\nchair:'),
    );
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.commit('wang', `rotate Feng's leaked key, enrol Nie (key to follow)\n\nProposal: ${id}`);
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', repo.clock]);
    repo.commit('feng', 'legal review, signed with the leaked key');
  },
};
