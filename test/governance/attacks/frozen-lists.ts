import { parseDocument } from 'yaml';
import { P } from '../fixture.js';
import type { Attack } from './attack.js';

/** An approved proposal that quietly stops listing its list (so that another may edit it). */
export const attack: Attack = {
  title: 'an approved proposal dropping its list',
  from: 'approved',
  catches: ['QD5045'],
  async apply(repo) {
    const doc = parseDocument(repo.read(`${P}/proposal.yaml`));
    doc.set('lists', ['icv', 'ai-training']);
    repo.write(`${P}/proposal.yaml`, doc.toString());
    repo.commit('li', 'widen the approved proposal');
  },
};
